"""The answer scales and the anonymity threshold k. Pure Python, so the analysis package, the
services and the forms all check a score the same way."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Scale:
    """A closed range of whole-number answers. `True` is not a score, though Python says 1."""

    low: int
    high: int

    def __contains__(self, value: object) -> bool:
        return (
            isinstance(value, int)
            and not isinstance(value, bool)
            and self.low <= value <= self.high
        )

    @property
    def values(self) -> range:
        return range(self.low, self.high + 1)

    def check(self, value: object, what: str = "score") -> int:
        """`value` if it is on the scale; ValueError otherwise."""
        if value not in self:
            raise ValueError(
                f"the {what} must be a whole number {self.low}..{self.high}, got {value!r}"
            )
        return value  # type: ignore[return-value]


#: Competences, health statements, the four principles, personal-network importance and quality.
SCORE = Scale(1, 5)
#: Trust and value of a tie in the relationship survey.
TIE = Scale(1, 4)

#: The anonymity threshold k: an aggregate is shown only over at least k people. Each workspace
#: sets its own within these bounds.
K_DEFAULT = 3
K_MIN = 3
K_MAX = 50


def meets_k(count: int, k: int) -> bool:
    """Whether `count` people are enough to show an aggregate of them."""
    return count >= k
