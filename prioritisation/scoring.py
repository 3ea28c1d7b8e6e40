"""How scores add up: the weighted total of a round's perspectives and the officers' spread.

Weighted total (shown on the scoring pages as written here):

    summa = Σ(vikt × poäng) / Σ(vikt), over the perspectives that are assessed

"Not assessed" (Inte bedömd) is an answer of its own: such a perspective is left out of both
sums, so it neither counts as zero nor lowers the total. Every step value is on the same 0–4
scale (prioritisation/framework.py), so the total is on that scale too. When nothing is assessed
(or every assessed perspective weighs 0) there is no total: None, shown as "ingen summa".
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from statistics import median

# Officers' scores of one perspective this far apart (max − min, in steps) are flagged for a talk
# before the agreed score is recorded: half the 0–4 scale.
DISAGREEMENT_SPREAD = 2

TWO_PLACES = Decimal("0.01")
FORMULA = "Σ(vikt × poäng) / Σ(vikt)"


def rounded(value: Decimal | None, places: Decimal = TWO_PLACES) -> Decimal | None:
    return None if value is None else Decimal(value).quantize(places, rounding=ROUND_HALF_UP)


def weighted_total(items) -> Decimal | None:
    """`items`: (weight, value) pairs; value None means not assessed. Weights are not negative."""
    assessed = [(Decimal(w), Decimal(v)) for w, v in items if v is not None]
    weights = sum((w for w, _ in assessed), Decimal(0))
    if not assessed or weights == 0:
        return None
    return rounded(sum((w * v for w, v in assessed), Decimal(0)) / weights)


@dataclass(frozen=True)
class Spread:
    """The officers' scores of one perspective, the not-assessed answers left out."""

    values: tuple
    mean: Decimal | None
    median: Decimal | None
    spread: int | None

    @property
    def disagreement(self) -> bool:
        return self.spread is not None and self.spread >= DISAGREEMENT_SPREAD


def spread_of(values) -> Spread:
    """Mean, median and spread (max − min) of the values that are not None."""
    assessed = tuple(v for v in values if v is not None)
    if not assessed:
        return Spread(values=(), mean=None, median=None, spread=None)
    return Spread(
        values=assessed,
        mean=rounded(Decimal(sum(assessed)) / len(assessed)),
        median=rounded(Decimal(median(assessed))),
        spread=max(assessed) - min(assessed),
    )
