from __future__ import annotations

from typing import Any

from django import forms

from netlead.notifications.kinds import Delivery
from netlead.notifications.selectors import PreferenceRow


class PreferencesForm(forms.Form):
    """One choice per kind of notification: immediately, in the daily digest, or off."""

    def __init__(self, *args: Any, rows: list[PreferenceRow], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for row in rows:
            self.fields[row.kind] = forms.ChoiceField(
                label=row.label,
                choices=Delivery.choices,
                initial=row.delivery,
                widget=forms.RadioSelect,
            )
