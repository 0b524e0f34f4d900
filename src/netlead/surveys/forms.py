"""Forms of survey rounds. They check the shape of the input; the rules (dates, anonymity once
answers exist) live in services."""

from __future__ import annotations

from django import forms

from netlead.networks.forms import DateInput
from netlead.surveys.models import SurveyRound


class RoundForm(forms.ModelForm[SurveyRound]):
    class Meta:
        model = SurveyRound
        fields = ("instrument", "title", "closes_on", "anonymous")
        widgets = {"closes_on": DateInput()}


class RoundSettingsForm(forms.ModelForm[SurveyRound]):
    class Meta:
        model = SurveyRound
        fields = ("title", "closes_on", "anonymous")
        widgets = {"closes_on": DateInput()}
