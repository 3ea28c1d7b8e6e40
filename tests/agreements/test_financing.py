from datetime import date
from decimal import Decimal

from agreements.financing import amount_in_force, financing_plan, region_amount_for_year

CHANGES = [(date(2025, 1, 1), Decimal("1500")), (date(2026, 7, 1), Decimal("1800"))]


def test_amount_in_force_is_the_latest_change_on_or_before_the_day():
    assert amount_in_force(CHANGES, date(2024, 12, 31)) is None
    assert amount_in_force(CHANGES, date(2025, 1, 1)) == Decimal("1500")
    assert amount_in_force(CHANGES, date(2026, 6, 30)) == Decimal("1500")
    assert amount_in_force(CHANGES, date(2026, 7, 1)) == Decimal("1800")


def test_a_whole_year_pays_the_annual_amount():
    assert region_amount_for_year(CHANGES, 2025, date(2025, 1, 1), date(2027, 12, 31)) == Decimal(
        "1500.0"
    )


def test_a_year_with_a_change_pays_each_amount_for_its_share_of_months():
    # Six months at 1 500 and six at 1 800.
    assert region_amount_for_year(CHANGES, 2026, date(2025, 1, 1), date(2027, 12, 31)) == Decimal(
        "1650"
    )


def test_a_change_within_a_month_pays_each_amount_for_its_days_of_that_month():
    changes = [(date(2025, 1, 1), Decimal("1200")), (date(2025, 1, 11), Decimal("2400"))]
    # January: 10 of 31 days at 100 a month and 21 at 200; then 11 months at 200.
    expected = Decimal(100) * 10 / 31 + Decimal(200) * 21 / 31 + 11 * Decimal(200)
    assert region_amount_for_year(
        changes, 2025, date(2025, 1, 1), date(2027, 12, 31)
    ) == expected.quantize(Decimal("0.1"))


def test_first_and_last_years_pay_only_for_days_in_force():
    half = region_amount_for_year(
        [(date(2025, 7, 1), Decimal("1000"))], 2025, date(2025, 7, 1), date(2028, 6, 30)
    )
    assert half == Decimal("500")  # 6 of 12 months
    start_mid_month = region_amount_for_year(
        [(date(2025, 7, 16), Decimal("1200"))], 2025, date(2025, 7, 16), date(2028, 7, 15)
    )
    # 16 July to 15 December is five agreement months; 16 to 31 December 16 of its 31 days.
    assert start_mid_month == (Decimal(500) + Decimal(100) * 16 / 31).quantize(Decimal("0.1"))
    assert region_amount_for_year(CHANGES, 2031, date(2025, 1, 1), date(2027, 12, 31)) == 0


def test_financing_plan_totals_by_year_and_financier():
    plan = financing_plan(
        "Region Norrbotten",
        [(date(2025, 1, 1), Decimal("1000"))],
        [
            ("Luleå kommun", 2025, Decimal("200")),
            ("Luleå kommun", 2026, Decimal("250")),
            ("ERUF", 2026, Decimal("500")),
        ],
        date(2025, 1, 1),
        date(2026, 12, 31),
    )
    assert plan.years == [2025, 2026]
    assert list(plan.rows) == ["Region Norrbotten", "ERUF", "Luleå kommun"]
    assert plan.year_total(2025) == Decimal("1200")
    assert plan.year_total(2026) == Decimal("1750")
    assert plan.row_total("Luleå kommun") == Decimal("450")
    assert plan.total == Decimal("2950")
