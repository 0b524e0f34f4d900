from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from netlead.networks.models import (
    DECISION_DAYS_MAX,
    PHASE_COUNT,
    CharterVersion,
    DecisionRule,
    Network,
    NetworkRole,
    Result,
)
from netlead.workspaces.forms import person_label
from netlead.workspaces.models import Organization, Person, Workspace


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


class NetworkForm(forms.ModelForm[Network]):
    class Meta:
        model = Network
        fields = (
            "name",
            "purpose",
            "kind",
            "scope",
            "is_open",
            "governance",
            "starts_on",
            "planned_end_on",
            "sponsor",
            "status",
        )
        widgets = {
            "starts_on": DateInput(),
            "planned_end_on": DateInput(),
            "purpose": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: Any, workspace: Workspace, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instance.workspace = workspace
        self.fields["sponsor"].queryset = workspace.persons.select_related("organization").order_by(
            "name"
        )  # type: ignore[attr-defined]


class MemberAddForm(forms.Form):
    person = forms.ModelChoiceField(label=_("Person"), queryset=Person.objects.none())
    role = forms.ChoiceField(
        label=_("Role"), choices=NetworkRole.choices, initial=NetworkRole.MEMBER
    )
    joined_on = forms.DateField(label=_("Joined"), required=False, widget=DateInput())

    def __init__(self, *args: Any, network: Network, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        current = network.members.current().values("person_id")
        self.fields["person"].queryset = (  # type: ignore[attr-defined]
            network.workspace.persons.exclude(pk__in=current)
            .select_related("organization")
            .order_by("organization__name", "name")
        )
        self.fields["person"].label_from_instance = person_label  # type: ignore[attr-defined]


class MemberEditForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=NetworkRole.choices)
    joined_on = forms.DateField(
        label=_("Joined"),
        widget=DateInput(),
        help_text=_("The day the person joined the network: meetings before it do not list them."),
    )


class MemberLeaveForm(forms.Form):
    left_on = forms.DateField(label=_("Left on"), widget=DateInput())


class MembersImportForm(forms.Form):
    file = forms.FileField(
        label=_("Members file (CSV or XLSX)"),
        help_text=_(
            "Columns: name, email, organization, layer, job_title, role. "
            "CSV files may use , or ; as separator."
        ),
    )


class CharterForm(forms.ModelForm[CharterVersion]):
    class Meta:
        model = CharterVersion
        fields = (
            "necessity",
            "shared_interest",
            "values",
            "rules",
            "decision_rules",
            "change_note",
        )
        widgets = {
            name: forms.Textarea(attrs={"rows": 4})
            for name in ("necessity", "shared_interest", "values", "rules", "decision_rules")
        }

    def __init__(
        self,
        *args: Any,
        organizations: list[Organization],
        mandates: dict[int, str] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.organizations = organizations
        for organization in organizations:
            self.fields[f"mandate_{organization.pk}"] = forms.CharField(
                label=_("Mandate in %(organization)s") % {"organization": organization.name},
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
                initial=(mandates or {}).get(organization.pk, ""),
            )

    def mandates(self) -> dict[int, str]:
        return {o.pk: self.cleaned_data.get(f"mandate_{o.pk}", "") for o in self.organizations}


class CharterResponseForm(forms.Form):
    agrees = forms.TypedChoiceField(
        label=_("Your response"),
        choices=[("yes", _("I agree with this version")), ("no", _("I object"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )
    objection = forms.CharField(
        label=_("Your objection"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Needed when you object: what would make it acceptable to you?"),
    )


class ResultForm(forms.ModelForm[Result]):
    class Meta:
        model = Result
        fields = (
            "title",
            "indicator",
            "unit",
            "baseline",
            "target",
            "deadline",
            "owner_organization",
            "status",
        )
        widgets = {"deadline": DateInput()}

    def __init__(self, *args: Any, network: Network, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instance.network = network
        self.fields["owner_organization"].queryset = network.workspace.organizations.order_by(
            "name"
        )  # type: ignore[attr-defined]


class MeasurementForm(forms.Form):
    measured_on = forms.DateField(label=_("Date"), widget=DateInput())
    value = forms.DecimalField(label=_("Value"), max_digits=14, decimal_places=2)
    note = forms.CharField(label=_("Note"), required=False, max_length=300)


class PhaseMoveForm(forms.Form):
    to_phase = forms.TypedChoiceField(
        label=_("Move to phase"), coerce=int, choices=[(n, n) for n in range(1, PHASE_COUNT + 1)]
    )
    note = forms.CharField(
        label=_("Why now (for the record)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class PhaseCheckForm(forms.Form):
    item = forms.CharField(max_length=60)
    done = forms.BooleanField(required=False)


class DecisionRuleForm(forms.Form):
    rule = forms.ChoiceField(
        label=_("Decision rule"),
        choices=DecisionRule.choices,
        widget=forms.RadioSelect,
        help_text=_("Applies to adopting a charter version and to approving minutes."),
    )
    days = forms.IntegerField(
        label=_("Period in days"),
        min_value=1,
        max_value=DECISION_DAYS_MAX,
        help_text=_("How long members have to respond once a question is put to them."),
    )


class DecideAnywayForm(forms.Form):
    """The confirmation of a decision taken although the decision rule is not met."""

    despite_rule = forms.BooleanField(
        label=_("I decide although the decision rule is not met; this is recorded."),
        required=False,
    )


class CharterCompareForm(forms.Form):
    left = forms.TypedChoiceField(label=_("Compare version"), coerce=int)
    right = forms.TypedChoiceField(label=_("with version"), coerce=int)

    def __init__(self, *args: Any, numbers: list[int], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = [(n, _("Version %(n)s") % {"n": n}) for n in numbers]
        self.fields["left"].choices = choices  # type: ignore[attr-defined]
        self.fields["right"].choices = choices  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("left") is not None and data.get("left") == data.get("right"):
            raise forms.ValidationError(_("Choose two different versions."))
        return data
