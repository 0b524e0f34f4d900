"""Forms of leader networks. They check the shape of the input; the rules (a sponsor of this
workspace, members of this network, once per version or meeting) live in the services."""

from __future__ import annotations

from typing import Any

from django import forms
from django.forms.models import fields_for_model, model_to_dict
from django.utils.translation import gettext_lazy as _

from netlead.analysis.programmes import PRINCIPLES
from netlead.meetings.selectors import current_members
from netlead.networks.forms import DateInput
from netlead.networks.models import Network, NetworkMember
from netlead.programmes.models import LeaderNetworkProfile
from netlead.workspaces.models import Workspace

NETWORK_FIELDS = ("name", "purpose", "is_open", "sponsor", "starts_on")
PROFILE_FIELDS = (
    "focus",
    "reach",
    "is_confidential",
    "mandate",
    "rules",
    "values",
    "goals",
    "agreement",
)

#: The four principles in our own words: (name, what a high score means).
PRINCIPLE_TEXTS = {
    "free_space": (_("Free space"), _("You can speak openly and critically.")),
    "flexibility": (
        _("Flexibility"),
        _("The structure stays loose enough for what comes up."),
    ),
    "commitment": (_("Commitment"), _("Everyone contributes and keeps their word.")),
    "feedback": (_("Feedback"), _("We give each other honest feedback.")),
}
assert tuple(PRINCIPLE_TEXTS) == PRINCIPLES  # noqa: S101 (a programming error, at import)

SCORE_CHOICES = [
    (1, _("1 · not at all")),
    (2, _("2 · a little")),
    (3, _("3 · partly")),
    (4, _("4 · largely")),
    (5, _("5 · fully")),
]


def _rows(n: int) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": n, "cols": 60})


class LeaderNetworkForm(forms.Form):
    """The network's name, purpose, openness, sponsor and start, and the profile: type, reach,
    confidentiality, mandate, rules, values, goals and the agreement. `apply` writes the
    cleaned data onto the instances the service saves."""

    def __init__(
        self,
        *args: Any,
        workspace: Workspace,
        network: Network | None = None,
        profile: LeaderNetworkProfile | None = None,
        **kwargs: Any,
    ) -> None:
        if network is not None and profile is not None:
            kwargs.setdefault(
                "initial",
                {
                    **model_to_dict(network, fields=NETWORK_FIELDS),
                    **model_to_dict(profile, fields=PROFILE_FIELDS),
                },
            )
        super().__init__(*args, **kwargs)
        self.fields.update(
            fields_for_model(
                Network,
                fields=NETWORK_FIELDS,
                widgets={"purpose": _rows(3), "starts_on": DateInput()},
            )
        )
        self.fields.update(
            fields_for_model(
                LeaderNetworkProfile,
                fields=PROFILE_FIELDS,
                widgets={
                    "focus": forms.RadioSelect,
                    "reach": forms.RadioSelect,
                    "mandate": _rows(3),
                    "rules": _rows(5),
                    "values": _rows(4),
                    "goals": _rows(4),
                    "agreement": _rows(5),
                },
            )
        )
        self.fields["name"].label = _("Name of the leader network")
        self.fields["purpose"].label = _("Purpose")
        self.fields["purpose"].help_text = _("Why the group meets: what it wants to achieve.")
        self.fields["is_open"].help_text = _(
            "An open leader network lets new participants join as it goes; a closed one keeps "
            "the same group."
        )
        self.fields["sponsor"].label = _("Sponsor")
        self.fields["sponsor"].help_text = _(
            "The manager who backs the network in the organization."
        )
        self.fields["sponsor"].queryset = (  # type: ignore[attr-defined]
            workspace.persons.select_related("organization").order_by("name")
        )

    def apply(self, network: Network, profile: LeaderNetworkProfile) -> None:
        for name in NETWORK_FIELDS:
            setattr(network, name, self.cleaned_data[name])
        for name in PROFILE_FIELDS:
            setattr(profile, name, self.cleaned_data[name])


class AgreementForm(forms.Form):
    commitment = forms.CharField(
        label=_("What I commit to"),
        required=False,
        widget=_rows(3),
        help_text=_("For example: to come prepared, to bring a case in turn, to be on time."),
    )
    accept = forms.BooleanField(
        label=_("I accept the confidentiality agreement"),
        required=True,
        error_messages={"required": _("Tick the box to accept the agreement.")},
    )


class MeetingRolesForm(forms.Form):
    chair = forms.ModelChoiceField(
        label=_("Chair"),
        queryset=NetworkMember.objects.none(),
        required=False,
        empty_label=_("Not decided yet"),
    )
    case_owner = forms.ModelChoiceField(
        label=_("Case owner"),
        queryset=NetworkMember.objects.none(),
        required=False,
        empty_label=_("Not decided yet"),
        help_text=_("Brings a question from their own practice for the case consultation."),
    )
    standard_agenda = forms.BooleanField(
        label=_("Put a here-and-now round and the case consultation on the agenda"),
        required=False,
        initial=True,
        help_text=_("Only what is not on the agenda yet is added."),
    )

    def __init__(self, *args: Any, network: Network, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("chair", "case_owner"):
            field = self.fields[name]
            field.queryset = current_members(network)  # type: ignore[attr-defined]
            field.label_from_instance = lambda m: m.person.name  # type: ignore[attr-defined]


class PrinciplesCheckForm(forms.Form):
    """One required score from 1 to 5 per principle, each with what it means."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for key, (name, explanation) in PRINCIPLE_TEXTS.items():
            self.fields[key] = forms.TypedChoiceField(
                label=name,
                help_text=explanation,
                choices=SCORE_CHOICES,
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": _("Choose a score from 1 to 5.")},
            )

    def scores(self) -> dict[str, int]:
        return {key: self.cleaned_data[key] for key in PRINCIPLES}
