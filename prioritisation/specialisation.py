"""The specialisation perspective (Bilaga 3 §2.2 perspective 5): how much the ecosystem's
specialisation weighs, by the region's priority order of the smart-specialisation areas.

Rule: the best-ranked area the ecosystem serves counts; its rank gives a factor from RANK_FACTORS
(rank 1 counts fully, each lower rank a tenth less, down to FLOOR), and the value is the factor ×
4 on the 0–4 scale. An ecosystem that serves no area gets 0 (the registry says it serves none).
Officers may override the value with a written reason.
"""

from dataclasses import dataclass
from decimal import Decimal

from prioritisation.framework import SCALE_MAX

RANK_FACTORS = {
    1: Decimal("1.0"),
    2: Decimal("0.9"),
    3: Decimal("0.8"),
    4: Decimal("0.7"),
    5: Decimal("0.6"),
}
FLOOR = Decimal("0.5")  # rank 6 and below


def factor_for(rank: int) -> Decimal:
    if rank < 1:
        raise ValueError("ranks start at 1")
    return RANK_FACTORS.get(rank, FLOOR)


@dataclass(frozen=True)
class SpecialisationValue:
    value: Decimal
    best_rank: int | None
    factor: Decimal | None


def specialisation_value(ranks) -> SpecialisationValue:
    """`ranks`: the ranks of the areas the ecosystem serves (any order, may be empty)."""
    ranks = list(ranks)
    if not ranks:
        return SpecialisationValue(value=Decimal(0), best_rank=None, factor=None)
    best = min(ranks)
    factor = factor_for(best)
    return SpecialisationValue(value=factor * SCALE_MAX, best_rank=best, factor=factor)


def rule_table() -> list[tuple[str, Decimal, Decimal]]:
    """The rule as shown on the page: (rank, factor, value on the scale)."""
    rows = [(str(rank), f, f * SCALE_MAX) for rank, f in RANK_FACTORS.items()]
    rows.append((f"{max(RANK_FACTORS) + 1}–", FLOOR, FLOOR * SCALE_MAX))
    return rows
