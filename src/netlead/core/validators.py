"""The answer scales (`netlead.core.scales`) as Django model validators and database checks."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db.models import Q

from netlead.core.scales import Scale


def on_scale(scale: Scale) -> list[MinValueValidator | MaxValueValidator]:
    return [MinValueValidator(scale.low), MaxValueValidator(scale.high)]


def on_scale_check(field: str, scale: Scale) -> Q:
    """The condition of a database check: `field` is on `scale`."""
    return Q(**{f"{field}__gte": scale.low, f"{field}__lte": scale.high})
