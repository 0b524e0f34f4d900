"""Leader development's pure checks, shared by services, selectors and forms (so selectors
never import services): no queries, no HTTP. A check raises Django's `ValidationError` with the
text a form shows."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from netlead.core.scales import SCORE

#: The key of the workspace's copy of netlead's default framework (texts in competences.toml).
DEFAULT_FRAMEWORK_KEY = "network_leader"
#: A workspace's own framework has between this many competences.
MIN_OWN_COMPETENCES = 3
MAX_OWN_COMPETENCES = 12


def check_own_competences(names: Sequence[str]) -> None:
    """A workspace's own framework: 3..12 competences, no two with the same name."""
    if not MIN_OWN_COMPETENCES <= len(names) <= MAX_OWN_COMPETENCES:
        raise ValidationError(
            _("A framework needs between 3 and %(max)d competences.") % {"max": MAX_OWN_COMPETENCES}
        )
    folded = [name.strip().casefold() for name in names]
    if len(set(folded)) != len(folded):
        raise ValidationError(_("Two competences have the same name."))


def check_scores(scores: Iterable[int | None], *, allow_none: bool = False) -> None:
    """Every score is on the 1..5 scale (with `allow_none`, ``None`` means not scored yet)."""
    if any(not (score in SCORE or (allow_none and score is None)) for score in scores):
        raise ValidationError(_("A score must be between 1 and 5."))


def check_closes_on(closes_on: date, *, today: date) -> None:
    if closes_on < today:
        raise ValidationError(_("The closing date cannot be in the past."))


def check_not_own_observer(email: str, *, owner_emails: Iterable[str]) -> None:
    """A leader's own view is their self-assessment: they cannot also observe themselves."""
    if email.strip().casefold() in {address.casefold() for address in owner_emails}:
        raise ValidationError(
            _("You cannot be your own observer: your own view is your self-assessment.")
        )
