"""The money side of an agreement: the annual amount in force and the financing plan per year."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction

from agreements.terms import add_months

ONE_DAY = timedelta(days=1)


def amount_in_force(changes, day: date) -> Decimal | None:
    """The annual amount (tkr) in force on `day`: the latest change effective on or before it.

    `changes` are (effective_from, annual_amount) pairs in any order.
    """
    applicable = [(start, amount) for start, amount in changes if start <= day]
    return max(applicable)[1] if applicable else None


def _paid(changes, start: date, end: date, month_days: int) -> Fraction:
    """What days start..end of one agreement month (of `month_days` days) pay, in tkr."""
    boundaries = sorted({start, *(d for d, _ in changes if start < d <= end)})
    total = Fraction(0)
    for segment_start, next_start in zip(boundaries, [*boundaries[1:], end + ONE_DAY], strict=True):
        amount = amount_in_force(changes, segment_start) or Decimal(0)
        total += Fraction(amount) / 12 * (next_start - segment_start).days / month_days
    return total


def region_amounts_by_year(changes, first_day: date, last_day: date) -> dict[int, Decimal]:
    """What the region pays each calendar year from `first_day` to `last_day` (inclusive), in tkr.

    Each agreement month (from the start's day number to the day before it a month later, as
    terms.add_months counts) pays a twelfth of the annual amount in force, split over its days; a
    month in which the amount changes pays each amount for its share of days. So whole agreement
    years sum exactly (9 x 750 = 6 750), and so does every whole calendar year of one amount. The
    running total is rounded to whole tenths of tkr (what the page shows) and each calendar year
    gets the difference between its rounded running totals, so the years add up to the total.
    """
    amounts: dict[int, Decimal] = {}
    if first_day > last_day:
        return amounts
    paid = Fraction(0)
    shown = 0  # tenths of tkr shown for all years so far
    index = 0
    month_start = first_day
    while month_start <= last_day:
        next_start = add_months(first_day, index + 1)
        if next_start <= month_start:
            break  # the calendar ends (date.max)
        month_days = (next_start - month_start).days
        day = month_start
        month_end = min(next_start - ONE_DAY, last_day)
        while day <= month_end:
            # Within the agreement month, cut at a calendar year's end.
            cut = min(month_end, date(day.year, 12, 31))
            paid += _paid(changes, day, cut, month_days)
            if (cut.month == 12 and cut.day == 31) or cut == last_day:
                total = int((paid * 10 + Fraction(1, 2)) // 1)  # half up, in tenths
                amounts[cut.year] = Decimal(total - shown) / 10
                shown = total
            if cut == date.max:
                break
            day = cut + ONE_DAY
        index += 1
        month_start = next_start
    return amounts


def region_amount_for_year(changes, year: int, first_day: date, last_day: date) -> Decimal:
    """What the region pays in `year` (see `region_amounts_by_year`)."""
    return region_amounts_by_year(changes, first_day, last_day).get(year, Decimal(0))


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
    region = region_amounts_by_year(changes, first_day, last_day)
    plan.rows[region_name] = {year: region.get(year, Decimal(0)) for year in years}
    plan.rows.update(sorted(others.items()))
    return plan
