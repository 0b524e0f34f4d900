"""Input checks shared by the figures on 1..5 scales (feedback, programmes)."""

from __future__ import annotations

from collections.abc import Collection, Mapping

SCALE_MIN, SCALE_MAX = 1, 5


def check_scores(
    scores: Mapping[str, int], known: Collection[str], who: str, what: str = "competence"
) -> None:
    """Raise ValueError unless every key is known and every score a whole number 1..5."""
    for key, value in scores.items():
        if key not in known:
            raise ValueError(f"{who}: unknown {what} {key!r}")
        if (
            isinstance(value, bool)
            or not isinstance(value, int)
            or not SCALE_MIN <= value <= SCALE_MAX
        ):
            raise ValueError(
                f"{who}: the score of {key!r} must be a whole number "
                f"{SCALE_MIN}..{SCALE_MAX}, got {value!r}"
            )
