"""Forms of meetings and actions. They check the shape of the input; the rules (dates in order,
a valid recurrence rule, owners of this network) live in services."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from netlead.meetings.models import (
    Action,
    ActionStatus,
    AgendaItem,
    AttendanceStatus,
    Decision,
    Meeting,
    MeetingPlan,
    Minutes,
)
from netlead.meetings.selectors import ACTION_FILTERS, AttendanceRow, current_members
from netlead.networks.models import Network

DATETIME_FORMAT = "%Y-%m-%dT%H:%M"


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs, format=DATETIME_FORMAT)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs, format="%Y-%m-%d")


def _results_field(field: forms.Field, network: Network) -> None:
    field.queryset = network.results.order_by("title")  # type: ignore[attr-defined]


class MeetingPlanForm(forms.ModelForm[MeetingPlan]):
    class Meta:
        model = MeetingPlan
        fields = ("title", "rrule", "first_starts_at", "duration_minutes", "location")
        widgets = {"first_starts_at": DateTimeInput()}
        help_texts = {
            "rrule": _(
                "An iCalendar RRULE. Examples: FREQ=MONTHLY;BYDAY=1TU;COUNT=12 (first Tuesday of "
                "the month, 12 times), FREQ=WEEKLY;INTERVAL=2;UNTIL=20271231 (every other week). "
                "At most 24 meetings are planned at once, and none after the network's planned end."
            )
        }


class MeetingForm(forms.ModelForm[Meeting]):
    class Meta:
        model = Meeting
        fields = ("title", "starts_at", "ends_at", "location", "is_cancelled")
        widgets = {"starts_at": DateTimeInput(), "ends_at": DateTimeInput()}


class AgendaItemForm(forms.ModelForm[AgendaItem]):
    class Meta:
        model = AgendaItem
        fields = ("kind", "title", "description", "result")
        widgets = {"description": forms.Textarea(attrs={"rows": 3, "cols": 60})}

    def __init__(self, *args: Any, network: Network, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", "agenda-%s")
        super().__init__(*args, **kwargs)
        _results_field(self.fields["result"], network)
        self.fields["result"].help_text = _("Optional: the result of the network it is about.")


class MinutesForm(forms.ModelForm[Minutes]):
    class Meta:
        model = Minutes
        fields = ("text",)
        widgets = {"text": forms.Textarea(attrs={"rows": 12, "cols": 80})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", "minutes-%s")
        super().__init__(*args, **kwargs)


class DecisionForm(forms.ModelForm[Decision]):
    class Meta:
        model = Decision
        fields = ("text", "results")
        widgets = {
            "text": forms.Textarea(attrs={"rows": 3, "cols": 60}),
            "results": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args: Any, network: Network, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", "decision-%s")
        super().__init__(*args, **kwargs)
        _results_field(self.fields["results"], network)


class AttendanceForm(forms.Form):
    """One choice per member: present, excused, absent, or not recorded."""

    def __init__(self, *args: Any, rows: list[AttendanceRow], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.rows = rows
        choices = [("", _("Not recorded")), *AttendanceStatus.choices]
        for row in rows:
            member = row.member
            organization = member.person.organization
            label = (
                f"{member.person.name} ({organization.name})"
                if organization
                else member.person.name
            )
            self.fields[f"member_{member.pk}"] = forms.ChoiceField(
                label=label, choices=choices, required=False, initial=row.status
            )

    def statuses(self) -> dict[Any, str]:
        return {row.member: self.cleaned_data[f"member_{row.member.pk}"] for row in self.rows}


class ActionForm(forms.ModelForm[Action]):
    """A new action. Editors choose any current member as owner; others own it themselves."""

    class Meta:
        model = Action
        fields = ("title", "owner", "due_on", "result")
        widgets = {"due_on": DateInput()}

    def __init__(self, *args: Any, network: Network, can_edit: bool, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", "action-%s")
        super().__init__(*args, **kwargs)
        _results_field(self.fields["result"], network)
        if can_edit:
            self.fields["owner"].queryset = current_members(network)  # type: ignore[attr-defined]
            self.fields["owner"].label_from_instance = lambda m: m.person.name  # type: ignore[attr-defined]
        else:
            del self.fields["owner"]


class ActionEditForm(ActionForm):
    class Meta(ActionForm.Meta):
        fields = ("title", "owner", "due_on", "status", "result")

    def __init__(self, *args: Any, network: Network, **kwargs: Any) -> None:
        super().__init__(*args, network=network, can_edit=True, **kwargs)


class ActionFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Show"),
        required=False,
        choices=list(
            zip(
                ACTION_FILTERS,
                [_("Open"), _("Overdue"), _("Done"), _("Dropped"), _("All")],
                strict=True,
            )
        ),
    )

    def status_or_default(self) -> str:
        if self.is_valid() and self.cleaned_data["status"]:
            return str(self.cleaned_data["status"])
        return "open"


class ActionStatusForm(forms.Form):
    status = forms.ChoiceField(choices=ActionStatus.choices)


class AgendaReviewForm(forms.Form):
    decision = forms.ChoiceField(choices=[("accept", "accept"), ("decline", "decline")])


class MoveForm(forms.Form):
    direction = forms.ChoiceField(choices=[("up", "up"), ("down", "down")])


class FeedForm(forms.Form):
    kind = forms.ChoiceField(choices=[("person", "person"), ("network", "network")])
