"""Absurd dates: refused where they are typed, and survived where they are already stored.

`9999-12-31` is what many people type for "until further notice". Stored dates are written with
.update() below to stand for rows that reached the database before the forms bounded them.
"""

import itertools
import logging
from datetime import date

import pytest
from django.urls import reverse

from agreements import services, terms
from agreements.calendar import create_calendar_token
from agreements.models import Agreement
from agreements.reminders import send_agreement_reminders
from tests.agreements.factories import AgreementFactory
from tests.agreements.test_agreement_pages import _agreement_data
from tests.factories import EcosystemFactory

TODAY = date(2026, 11, 25)


@pytest.fixture
def today(monkeypatch):
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *args: TODAY)
    return TODAY


# --- The rule module is total ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(9999, 12, 31), 0, date(9999, 12, 31)),
        (date(9999, 11, 30), 1, date(9999, 12, 30)),
        (date(9999, 12, 31), 1, date.max),
        (date(9995, 1, 1), 108, date.max),
        (date(1, 2, 28), -1, date(1, 1, 28)),
        (date(1, 1, 31), -1, date.min),
    ],
)
def test_add_months_stops_at_the_ends_of_the_calendar(day, months, expected):
    assert terms.add_months(day, months) == expected


@pytest.mark.parametrize(
    "start", [date(9995, 1, 1), date(9999, 1, 1), date(9999, 12, 31), date(1, 1, 1)]
)
def test_every_rule_answers_for_a_start_at_the_ends_of_the_calendar(start):
    agreement_terms = terms.Terms(start=start)
    chain = agreement_terms.periods()
    assert chain[0].start == start
    assert all(p.end <= date.max for p in chain)
    assert all(a.end < b.start for a, b in itertools.pairwise(chain))
    assert terms.last_day_in_force(agreement_terms) == chain[-1].end
    effect = terms.notice_effect(agreement_terms, start, terms.NoticeKind.DURING_PERIOD)
    assert effect.ends_on <= date.max
    assert terms.state_on(date(2026, 1, 1), agreement_terms, signed=True, notice=effect)


def test_a_renewal_the_calendar_cannot_hold_does_not_happen():
    chain = terms.Terms(start=date(9995, 1, 1)).periods()
    # The first renewal would end on 31 December 10000.
    assert [(p.start, p.end) for p in chain] == [(date(9995, 1, 1), date(9997, 12, 31))]
    assert terms.Terms(start=date(9993, 1, 1)).periods()[-1].end == date(9998, 12, 31)


@pytest.mark.parametrize(
    ("first", "interval", "until", "expected"),
    [
        (date(9999, 12, 31), 36, date(2030, 1, 1), []),
        (date(9999, 12, 31), 36, date.max, [date(9999, 12, 31)]),
        (date(9996, 1, 1), 36, date.max, [date(9996, 1, 1), date(9999, 1, 1)]),
        (date(2025, 1, 1), 0, date(2030, 1, 1), [date(2025, 1, 1)]),
    ],
)
def test_evaluation_dates_end_at_the_calendar_end(first, interval, until, expected):
    assert terms.evaluation_dates(first, interval, until) == expected


def test_a_deadline_at_the_calendar_end_is_found():
    assert terms.notice_deadline(date.max, 0) == date.max
    assert terms.notice_deadline(date.max, 12) == date(9998, 12, 31)
    assert terms.last_working_day_on_or_before(date.min) == date.min


# --- Stored absurd dates do not break pages or jobs -----------------------------------------------


@pytest.fixture
def feed_token(olga):
    return create_calendar_token(user=olga)


@pytest.mark.parametrize(
    "changes",
    [
        {"first_evaluation_on": date(9999, 12, 31)},
        {"start_date": date(9995, 1, 1)},
        {"start_date": date(9999, 12, 31), "first_evaluation_on": date(9999, 12, 31)},
    ],
    ids=["evaluation-9999-12-31", "start-9995", "start-9999-12-31"],
)
def test_a_stored_absurd_date_leaves_every_page_and_the_feed_working(
    client_for, olga, feed_token, today, changes
):
    good = AgreementFactory(ecosystem=EcosystemFactory(name="Gott ekosystem"))
    odd = AgreementFactory()
    Agreement.objects.filter(pk=odd.pk).update(**changes)
    client = client_for(olga)
    for url in [
        reverse("agreement_list"),
        odd.get_absolute_url(),
        reverse("ecosystem_detail", args=[odd.ecosystem_id]),
        reverse("agreement_document", args=[odd.pk]),
    ]:
        assert client.get(url).status_code == 200, url
    assert "Gott ekosystem" in client.get(reverse("agreement_list")).text
    feed = client.get(reverse("calendar_feed", args=[feed_token.secret]))
    assert feed.status_code == 200
    assert f"agreement-{good.pk}-end-" in feed.text


def test_renewal_job_logs_and_skips_a_corrupt_agreement_and_renews_the_others(db, caplog):
    first, corrupt, last = AgreementFactory(), AgreementFactory(), AgreementFactory()
    # Notice longer than the periods: the rules refuse to compute such an agreement.
    Agreement.objects.filter(pk=corrupt.pk).update(notice_months=40)
    with caplog.at_level(logging.ERROR, logger="agreements.services"):
        assert services.renew_agreements(today=date(2028, 1, 1)) == 2
    assert first.periods.filter(index=2).exists() and last.periods.filter(index=2).exists()
    assert f"agreement {corrupt.pk}" in caplog.text


def test_renewal_job_skips_an_agreement_whose_periods_cannot_be_stored(db, caplog):
    good, odd = AgreementFactory(), AgreementFactory()
    # Its first period would end before it starts: the database refuses to store it.
    Agreement.objects.filter(pk=odd.pk).update(start_date=date(9999, 12, 31))
    with caplog.at_level(logging.ERROR, logger="agreements.services"):
        assert services.renew_agreements(today=date(2028, 1, 1)) == 1
    assert good.periods.filter(index=2).exists()
    assert f"agreement {odd.pk}" in caplog.text


def test_reminder_job_logs_and_skips_a_corrupt_agreement_and_reminds_the_others(olga, caplog):
    AgreementFactory()
    corrupt = AgreementFactory()
    AgreementFactory()
    Agreement.objects.filter(pk=corrupt.pk).update(notice_months=40)
    with caplog.at_level(logging.ERROR, logger="agreements.reminders"):
        # 30 days before the factory agreements' notice deadline, 31 December 2026.
        assert send_agreement_reminders(today=date(2026, 12, 1)) == 2
    assert f"agreement {corrupt.pk}" in caplog.text


def test_reminder_job_reminds_around_an_agreement_with_absurd_dates(olga):
    AgreementFactory()
    odd = AgreementFactory()
    Agreement.objects.filter(pk=odd.pk).update(
        start_date=date(9995, 1, 1), first_evaluation_on=date(9999, 12, 31)
    )
    assert send_agreement_reminders(today=date(2026, 12, 1)) == 1


# --- Dates are bounded where they are typed -------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        (
            {"start_date": "9995-01-01", "first_evaluation_on": "9995-06-30"},
            "start_date",
            "Ange ett datum från 1 januari 1990 till och med 31 december 2100.",
        ),
        (
            {"start_date": "1989-12-31"},
            "start_date",
            "Ange ett datum från 1 januari 1990 till och med 31 december 2100.",
        ),
        (
            {"signed_on": "9999-12-31"},
            "signed_on",
            "Ange ett datum från 1 januari 1990 till och med 31 december 2100.",
        ),
        (
            {"first_evaluation_on": "9999-12-31"},
            "first_evaluation_on",
            "Första utvärderingen måste ligga inom den längsta finansieringstiden, senast "
            "31 december 2033.",
        ),
        (
            {"amount_from": "9999-12-31"},
            "amount_from",
            "Ange ett datum inom avtalets längsta löptid, 1 januari 2025–31 december 2033.",
        ),
    ],
)
def test_absurd_dates_are_refused_by_the_field_and_the_typed_values_kept(
    client_for, olga, changes, field, message
):
    ecosystem = EcosystemFactory()
    response = client_for(olga).post(
        reverse("agreement_create"), _agreement_data(ecosystem, reference="Dnr 9", **changes)
    )
    assert response.status_code == 200
    assert response.context["form"].errors[field] == [message]
    assert 'value="Dnr 9"' in response.text
    assert not Agreement.objects.exists()


@pytest.mark.parametrize(
    ("first_evaluation_on", "valid"),
    [("2033-12-31", True), ("2034-01-01", False), ("2100-12-31", False)],
)
def test_first_evaluation_is_accepted_up_to_the_last_day_of_the_cap(
    client_for, olga, first_evaluation_on, valid
):
    ecosystem = EcosystemFactory()
    response = client_for(olga).post(
        reverse("agreement_create"),
        _agreement_data(ecosystem, first_evaluation_on=first_evaluation_on),
    )
    assert Agreement.objects.exists() is valid
    assert response.status_code == (302 if valid else 200)


@pytest.mark.parametrize(
    ("start", "valid"),
    [("1990-01-01", True), ("2100-12-31", True), ("2101-01-01", False)],
)
def test_start_is_accepted_within_1990_to_2100(client_for, olga, start, valid):
    ecosystem = EcosystemFactory()
    client_for(olga).post(
        reverse("agreement_create"),
        _agreement_data(ecosystem, start_date=start, first_evaluation_on=start, amount_from=start),
    )
    assert Agreement.objects.exists() is valid


def test_amount_change_far_in_the_future_is_refused_by_the_field(
    client_for, olga, agreement_a, today
):
    response = client_for(olga).post(
        reverse("agreement_amount", args=[agreement_a.pk]),
        {"effective_from": "9999-12-31", "annual_amount_tkr": "1 600"},
    )
    assert response.context["form"].errors["effective_from"] == [
        "Ange ett datum inom avtalets längsta löptid, 1 januari 2025–31 december 2033."
    ]
    assert agreement_a.amounts.count() == 1


def test_financing_year_far_in_the_future_is_refused(client_for, olga, agreement_a):
    data = {
        "contributions-TOTAL_FORMS": "1",
        "contributions-INITIAL_FORMS": "0",
        "contributions-0-financier": "ERUF",
        "contributions-0-year": "9999",
        "contributions-0-amount_tkr": "100",
        "indicators-TOTAL_FORMS": "0",
        "indicators-INITIAL_FORMS": "0",
        "outcomes-TOTAL_FORMS": "0",
        "outcomes-INITIAL_FORMS": "0",
    }
    response = client_for(olga).post(reverse("agreement_financing", args=[agreement_a.pk]), data)
    assert response.status_code == 200
    assert response.context["contributions"].forms[0].errors["year"]
    assert not agreement_a.contributions.exists()


# --- The list's day filter ------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["10000000", "-1", "3651", "tio", "1e9"])
def test_list_refuses_a_day_count_it_cannot_use_with_a_message(client_for, olga, today, value):
    AgreementFactory()
    response = client_for(olga).get(reverse("agreement_list"), {"within_days": value})
    assert response.status_code == 200
    assert "Ange ett antal dagar från 0 till 3\xa0650." in response.text
    assert f'value="{value}"' in response.text


@pytest.mark.parametrize(("value", "rows"), [("0", 0), ("3 650", 1), ("36", 1), ("35", 0)])
def test_list_day_filter_takes_days_as_swedes_type_them(client_for, olga, today, value, rows):
    AgreementFactory()  # next date: notice deadline 31 December 2026, 36 days after today
    response = client_for(olga).get(reverse("agreement_list"), {"within_days": value})
    assert len(response.context["rows"]) == rows


def test_list_day_filter_is_a_numeric_text_field(client_for, olga):
    page = client_for(olga).get(reverse("agreement_list")).text
    field = page[page.index('name="within_days"') - 200 : page.index('name="within_days"') + 200]
    assert 'type="text"' in field and 'inputmode="numeric"' in field
    assert 'type="number"' not in field
