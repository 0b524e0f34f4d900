from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from netlead.privacy.models import RetentionPeriods


class ConfirmForm(forms.Form):
    """An erasure cannot be undone: the person confirming says so."""

    confirm = forms.BooleanField(
        label=_("I understand that this cannot be undone."),
        required=True,
        error_messages={"required": _("Tick the box to confirm.")},
    )


class RetentionForm(forms.ModelForm[RetentionPeriods]):
    class Meta:
        model = RetentionPeriods
        fields = ("survey_months", "audit_months")
