"""Input checks shared by the figures on 1..5 scales (feedback, programmes)."""

from __future__ import annotations

from collections.abc import Collection, Mapping

from netlead.core.scales import SCORE


def check_scores(
    scores: Mapping[str, int], known: Collection[str], who: str, what: str = "competence"
) -> None:
    """Raise ValueError unless every key is known and every score on the 1..5 scale."""
    for key, value in scores.items():
        if key not in known:
            raise ValueError(f"{who}: unknown {what} {key!r}")
        if value not in SCORE:
            raise ValueError(
                f"{who}: the score of {key!r} must be a whole number "
                f"{SCORE.low}..{SCORE.high}, got {value!r}"
            )
