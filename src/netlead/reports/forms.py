from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from netlead.networks.forms import DateInput
from netlead.reports.models import Section


class ReportForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    starts_on = forms.DateField(label=_("Period from"), widget=DateInput())
    ends_on = forms.DateField(label=_("Period to"), widget=DateInput())
    language = forms.ChoiceField(
        label=_("Language of the report"),
        choices=settings.LANGUAGES,
        help_text=_("The report is written in this language, whatever each reader has chosen."),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("starts_on"), data.get("ends_on")
        if start and end and end < start:
            self.add_error("ends_on", _("The period must end after it starts."))
        return data


class NarrativeForm(forms.Form):
    """One text per section of the report."""

    def __init__(self, *args: Any, initial_texts: dict[str, str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for key, label in Section.choices:
            self.fields[key] = forms.CharField(
                label=label,
                required=False,
                max_length=5000,
                initial=initial_texts.get(key, ""),
                widget=forms.Textarea(attrs={"rows": 6}),
            )
