"""The self-assessed quality level (Bilaga 3 §2.2 perspective 2), derived from the ratings the
ecosystem gave itself in the same round's Bilaga 3.

Rule: each rating is placed on the framework's 0–4 scale, (rating − lowest) / (highest − lowest)
× 4, so on Bilaga 3's 1–5 scale a rating of 1 gives 0 and 5 gives 4; the quality level is the
mean of those, to one decimal. Statements not rated (specialised criteria that do not apply) are
left out; with no rating at all the perspective is not assessed (None), never zero.
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from prioritisation.framework import SCALE_MAX, SCALE_MIN

ONE_PLACE = Decimal("0.1")


@dataclass(frozen=True)
class Rating:
    """One Bilaga 3 statement and the rating given (None: not rated)."""

    label: str
    value: int | None
    low: int = 1
    high: int = 5

    @property
    def on_scale(self) -> Decimal | None:
        if self.value is None or self.high <= self.low:
            return None
        share = Decimal(self.value - self.low) / Decimal(self.high - self.low)
        return SCALE_MIN + share * (SCALE_MAX - SCALE_MIN)


@dataclass(frozen=True)
class QualityLevel:
    value: Decimal | None
    used: tuple  # the Ratings that counted
    left_out: tuple  # the statements not rated


def quality_level(ratings) -> QualityLevel:
    used = tuple(r for r in ratings if r.on_scale is not None)
    left_out = tuple(r for r in ratings if r.on_scale is None)
    if not used:
        return QualityLevel(value=None, used=(), left_out=left_out)
    mean = sum((r.on_scale for r in used), Decimal(0)) / len(used)
    return QualityLevel(
        value=mean.quantize(ONE_PLACE, rounding=ROUND_HALF_UP), used=used, left_out=left_out
    )
