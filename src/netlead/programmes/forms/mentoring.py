from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from netlead.networks.forms import DateInput
from netlead.workspaces.forms import person_label
from netlead.workspaces.models import Person


class PairProposeForm(forms.Form):
    mentor = forms.ModelChoiceField(label=_("Mentor"), queryset=Person.objects.none())
    mentee = forms.ModelChoiceField(label=_("Mentee"), queryset=Person.objects.none())
    note = forms.CharField(
        label=_("Why this pair"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Both of them read this in the e-mail with the proposal."),
    )

    def __init__(self, *args: Any, persons: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("mentor", "mentee"):
            field = self.fields[name]
            field.queryset = persons  # type: ignore[attr-defined]
            field.label_from_instance = person_label  # type: ignore[attr-defined]
        self.fields["mentor"].help_text = _(
            "Only people with an account in this workspace can be chosen: they accept on "
            "the pair's page."
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("mentor") and data.get("mentor") == data.get("mentee"):
            raise forms.ValidationError(_("A mentor and a mentee are two different people."))
        return data


class PairGoalsForm(forms.Form):
    goals = forms.CharField(
        label=_("Goals of the mentoring"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("What the mentee wants to learn or achieve; one goal per line."),
    )


class PairMeetingForm(forms.Form):
    held_on = forms.DateField(label=_("Date"), widget=DateInput())
    topic = forms.CharField(label=_("Topic"), max_length=200)
    notes = forms.CharField(
        label=_("Notes"),
        required=False,
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class PairReflectionForm(forms.Form):
    text = forms.CharField(
        label=_("Your closing reflection"),
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("What did the mentoring bring you, and what do you take with you?"),
    )
