"""Forms of meetings and actions. They check the shape of the input; the rules (dates in order,
a valid recurrence rule, owners of this network) live in services."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
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
from netlead.meetings.recurrence import (
    MAX_OCCURRENCES,
    MONTHLY_DAY,
    MONTHLY_WEEKDAY,
    WEEKLY,
    Pattern,
    pattern_rrule,
)
from netlead.meetings.selectors import ACTION_FILTERS, AttendanceRow, current_members
from netlead.networks.models import Network

DATETIME_FORMAT = "%Y-%m-%dT%H:%M"
COUNT = "count"
UNTIL = "until"


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
    """The meeting plan picker: how meetings repeat, asked in words; the form writes the
    iCalendar rule (`cleaned_data["rrule"]`) that the service stores. The weekday, day of the
    month or nth weekday are those of the first meeting."""

    repeat = forms.ChoiceField(
        label=_("Repeats"),
        choices=[
            (WEEKLY, _("Weekly, on the weekday of the first meeting")),
            (MONTHLY_WEEKDAY, _("Monthly, on the same weekday (for example the first Thursday)")),
            (MONTHLY_DAY, _("Monthly, on the same day of the month")),
        ],
        initial=MONTHLY_WEEKDAY,
        widget=forms.RadioSelect,
    )
    interval = forms.IntegerField(
        label=_("Every how many weeks or months"),
        min_value=1,
        max_value=12,
        initial=1,
        help_text=_("1: every week or month; 2: every other one; and so on."),
    )
    ends = forms.ChoiceField(
        label=_("Ends"),
        choices=[(COUNT, _("After a number of meetings")), (UNTIL, _("On a date"))],
        initial=COUNT,
        widget=forms.RadioSelect,
    )
    count = forms.IntegerField(
        label=_("Number of meetings"),
        min_value=1,
        max_value=MAX_OCCURRENCES,
        initial=6,
        required=False,
    )
    until = forms.DateField(label=_("Last possible date"), required=False, widget=DateInput())

    class Meta:
        model = MeetingPlan
        fields = ("title", "first_starts_at", "duration_minutes", "location")
        widgets = {"first_starts_at": DateTimeInput()}
        help_texts = {
            "first_starts_at": _(
                "The plan follows this date: its weekday, its day of the month, or which of "
                "its weekday in the month it is."
            )
        }

    field_order = (
        "title",
        "first_starts_at",
        "duration_minutes",
        "repeat",
        "interval",
        "ends",
        "count",
        "until",
        "location",
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("ends") == COUNT and not data.get("count"):
            self.add_error("count", _("Say how many meetings."))
        if data.get("ends") == UNTIL and not data.get("until"):
            self.add_error("until", _("Choose the last possible date."))
        first = data.get("first_starts_at")
        until = data.get("until")
        if (
            first is not None
            and until is not None
            and data.get("ends") == UNTIL
            and until < timezone.localdate(first)
        ):
            self.add_error("until", _("The last date comes before the first meeting."))
        if not self.errors and first is not None:
            pattern = Pattern(
                repeat=data["repeat"],
                interval=data["interval"],
                count=data["count"] if data["ends"] == COUNT else None,
                until=until if data["ends"] == UNTIL else None,
            )
            data["rrule"] = pattern_rrule(pattern, first_starts_at=first)
        return data


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
