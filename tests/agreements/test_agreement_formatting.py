"""Agreement pages speak Swedish and write numbers and dates as Swedes do."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from agreements.models import AmountChange, IndicatorOutcome, ResultIndicator
from ekosystem.templatetags.ekosystem_format import grouped_max

TODAY = date(2026, 11, 25)


@pytest.fixture
def today(monkeypatch):
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *args: TODAY)
    return TODAY


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (Decimal("300.0"), "300"),
        (Decimal("1500"), "1\xa0500"),
        (Decimal("1500.5"), "1\xa0500,5"),
        (Decimal("0.0"), "0"),
        (Decimal("0.1"), "0,1"),
        (Decimal("-2.0"), "-2"),
        (1234567, "1\xa0234\xa0567"),
        (None, ""),
    ],
)
def test_whole_numbers_are_written_without_decimals(value, expected):
    assert grouped_max(value) == expected


def test_financing_form_labels_are_swedish(client_for, olga, agreement_a):
    page = client_for(olga).get(reverse("agreement_financing", args=[agreement_a.pk])).text
    assert "Indicator" not in page
    assert "Resultatindikator" in page


def test_agreement_page_writes_whole_firms_and_amounts_without_decimals(
    client_for, olga, agreement_a, today
):
    indicator = ResultIndicator.objects.create(
        agreement=agreement_a, name="Stödda företag", unit="företag", target=Decimal("300.0")
    )
    IndicatorOutcome.objects.create(indicator=indicator, year=2025, value=Decimal("120.0"))
    AmountChange.objects.create(
        agreement=agreement_a, effective_from=date(2026, 1, 1), annual_amount_tkr=Decimal("1600.5")
    )
    page = client_for(olga).get(agreement_a.get_absolute_url()).text
    assert "300 företag" in page and "300,0" not in page
    assert "2025: 120<" in page
    assert "1\xa0500</td>" in page and "1\xa0500,0" not in page
    assert "1\xa0600,5 tkr" in page  # the amount now keeps its tenth
    assert "Belopp 1\xa0500 tkr per år" in page


def test_list_writes_whole_amounts_without_decimals(client_for, olga, agreement_a, today):
    page = client_for(olga).get(reverse("agreement_list")).text
    assert "1\xa0500 tkr" in page and "1\xa0500,0" not in page


def test_evaluation_choices_are_swedish_dates(client_for, olga, agreement_a, today):
    response = client_for(olga).get(reverse("agreement_evaluation", args=[agreement_a.pk]))
    choices = response.context["form"].fields["due_on"].choices
    assert choices[0] == ("2027-06-30", "30 juni 2027")
    assert ">30 juni 2027</option>" in response.text
    assert ">2027-06-30<" not in response.text
