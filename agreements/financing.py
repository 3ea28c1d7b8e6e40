"""The money side of an agreement: the annual amount in force and the financing plan per year."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

ONE_DAY = timedelta(days=1)
TENTH = Decimal("0.1")


def amount_in_force(changes, day: date) -> Decimal | None:
    """The annual amount (tkr) in force on `day`: the latest change effective on or before it.

    `changes` are (effective_from, annual_amount) pairs in any order.
    """
    applicable = [(start, amount) for start, amount in changes if start <= day]
    return max(applicable)[1] if applicable else None


def region_amount_for_year(changes, year: int, first_day: date, last_day: date) -> Decimal:
    """What the region pays in `year`: each annual amount for the share of the year it applies.

    Only days on which the agreement is in force (first_day to last_day) count, so a first or
    last year that is not whole is paid in proportion; so is a year in which the amount changes.
    """
    year_start, year_end = date(year, 1, 1), date(year, 12, 31)
    days_in_year = (year_end - year_start).days + 1
    start, end = max(year_start, first_day), min(year_end, last_day)
    if start > end:
        return Decimal(0)
    boundaries = sorted({start, *(d for d, _ in changes if start < d <= end)})
    total = Decimal(0)
    ends = [*boundaries[1:], end + ONE_DAY]
    for segment_start, next_start in zip(boundaries, ends, strict=True):
        amount = amount_in_force(changes, segment_start) or Decimal(0)
        total += amount * (next_start - segment_start).days / days_in_year
    return total.quantize(TENTH, rounding=ROUND_HALF_UP)


@dataclass
class FinancingPlan:
    years: list[int]
    rows: dict[str, dict[int, Decimal]] = field(default_factory=dict)

    def row_total(self, financier: str) -> Decimal:
        return sum(self.rows[financier].values(), Decimal(0))

    def year_total(self, year: int) -> Decimal:
        return sum((row.get(year, Decimal(0)) for row in self.rows.values()), Decimal(0))

    @property
    def lines(self) -> list[tuple[str, list[Decimal], Decimal]]:
        """Each financier with its amount per year (in `years` order) and its total."""
        return [
            (
                financier,
                [row.get(year, Decimal(0)) for year in self.years],
                self.row_total(financier),
            )
            for financier, row in self.rows.items()
        ]

    @property
    def year_totals(self) -> list[Decimal]:
        return [self.year_total(year) for year in self.years]

    @property
    def total(self) -> Decimal:
        return sum((self.year_total(year) for year in self.years), Decimal(0))


def financing_plan(region_name, changes, contributions, first_day, last_day) -> FinancingPlan:
    """Per year and financier: the region's share from its amounts, the others' as entered.

    `contributions` are (financier, year, amount) triples.
    """
    years = list(range(first_day.year, last_day.year + 1))
    others = defaultdict(dict)
    for financier, year, amount in contributions:
        others[financier][year] = amount
        if year not in years:
            years.append(year)
    years.sort()
    plan = FinancingPlan(years)
    plan.rows[region_name] = {
        year: region_amount_for_year(changes, year, first_day, last_day) for year in years
    }
    plan.rows.update(sorted(others.items()))
    return plan
