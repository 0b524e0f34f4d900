from django import forms
from django.utils.translation import gettext_lazy as _

from netlead.api.services import MAX_DAYS
from netlead.workspaces.models import Membership


class TokenForm(forms.Form):
    name = forms.CharField(
        label=_("Name"),
        max_length=100,
        help_text=_("What will use it, e.g. “HR import” or “dashboard”."),
    )
    workspace = forms.ChoiceField(label=_("Workspace"))
    can_write = forms.BooleanField(
        label=_("May change data"),
        required=False,
        help_text=_("Without this the token can only read."),
    )
    days = forms.IntegerField(
        label=_("Valid for (days)"), min_value=1, max_value=MAX_DAYS, initial=90
    )

    def __init__(self, *args: object, memberships: list[Membership], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["workspace"].choices = [  # type: ignore[attr-defined]
            (m.workspace.slug, m.workspace.name) for m in memberships
        ]
