"""The agreement page shows only the future that will happen, dated by when things took effect.

The factory's agreement starts 1 January 2025: periods end 31 December 2027, 2030 and 2033 (the
nine-year cap); notice for the first expiry is due by 31 December 2026.
"""

from datetime import date
from decimal import Decimal

import pytest
from django.db import IntegrityError
from django.urls import reverse

from agreements import services, terms
from agreements.financing import financing_plan
from agreements.models import EventKind, Notice
from agreements.overview import overview_of
from tests.agreements.factories import AgreementFactory

TODAY = date(2026, 11, 25)


def _pin_today(monkeypatch, day):
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *args: day)


def _notice(agreement, actor, kind, received_on):
    return services.register_notice(
        agreement=agreement,
        party="region",
        kind=kind,
        received_on=received_on,
        actor=actor,
        today=received_on,
    )


def _page(client, agreement):
    response = client.get(agreement.get_absolute_url())
    assert response.status_code == 200
    return response


# --- One last day in force ------------------------------------------------------------------------

T = terms.Terms(start=date(2025, 1, 1))


def _effect(received_on, kind=terms.NoticeKind.AT_EXPIRY):
    return terms.notice_effect(T, received_on, kind)


@pytest.mark.parametrize(
    ("notices", "expected"),
    [
        ([], date(2033, 12, 31)),
        ([_effect(date(2026, 12, 31))], date(2027, 12, 31)),
        ([_effect(date(2027, 1, 1))], date(2030, 12, 31)),
        ([_effect(date(2026, 3, 15), terms.NoticeKind.DURING_PERIOD)], date(2027, 3, 15)),
        ([_effect(date(2033, 6, 1), terms.NoticeKind.DURING_PERIOD)], date(2033, 12, 31)),
        (
            [_effect(date(2027, 1, 1)), _effect(date(2026, 3, 15), "during_period")],
            date(2027, 3, 15),
        ),
    ],
    ids=["no-notice", "in-time", "one-day-late", "during-period", "capped", "earliest-wins"],
)
def test_last_day_in_force_is_the_earliest_notice_end_else_the_cap(notices, expected):
    assert terms.last_day_in_force(T, notices) == expected


@pytest.mark.parametrize(
    ("start", "expected"),
    [
        (date(2025, 1, 1), date(2033, 12, 31)),
        (date(2024, 2, 29), date(2033, 2, 27)),
        (date(2100, 12, 31), date(2109, 12, 30)),
    ],
)
def test_last_day_in_force_without_notice_is_the_end_of_the_last_period(start, expected):
    assert terms.last_day_in_force(terms.Terms(start=start)) == expected


def test_services_overview_and_notice_form_agree_on_the_last_day(client_for, olga, monkeypatch):
    agreement = AgreementFactory()
    _notice(agreement, olga, "during_period", date(2026, 3, 15))
    day = date(2027, 6, 1)
    _pin_today(monkeypatch, day)
    assert (
        overview_of(agreement, day).last_day == agreement.last_day_in_force() == date(2027, 3, 15)
    )
    # A second notice after the agreement ended by the first has no effect.
    response = client_for(olga).post(
        reverse("agreement_notice", args=[agreement.pk]),
        {"party": "actor", "kind": "at_expiry", "received_on": "2027-05-01", "confirm": "1"},
    )
    assert response.context["form"].errors["received_on"] == [
        "Avtalet upphörde senast 15 mars 2027; en uppsägning efter det har ingen verkan."
    ]
    assert Notice.objects.count() == 1


# --- The periods shown ----------------------------------------------------------------------------


def test_an_ended_agreement_lists_no_later_period_none_current_and_no_amount_now(
    client_for, olga, monkeypatch
):
    agreement = AgreementFactory()
    _notice(agreement, olga, "at_expiry", date(2026, 6, 1))
    _pin_today(monkeypatch, date(2028, 3, 1))
    response = _page(client_for(olga), agreement)
    overview = response.context["overview"]
    assert overview.state == terms.State.ENDED
    assert [row.period.index for row in overview.period_rows()] == [1]
    assert overview.period_in_force is None and overview.amount is None
    assert "(pågående)" not in response.text
    assert "Belopp per år just nu</dt><dd>–</dd>" in response.text


def test_a_terminated_agreement_shows_its_last_period_cut_at_the_end_and_none_current(
    client_for, olga, monkeypatch
):
    agreement = AgreementFactory()
    _notice(agreement, olga, "during_period", date(2027, 6, 1))  # renews first, ends 1 June 2028
    _pin_today(monkeypatch, date(2028, 9, 1))
    response = _page(client_for(olga), agreement)
    rows = response.context["overview"].period_rows()
    assert [(row.period.index, row.end, row.notice_deadline) for row in rows] == [
        (1, date(2027, 12, 31), date(2026, 12, 31)),
        (2, date(2028, 6, 1), None),
    ]
    assert not any(row.in_force for row in rows)
    assert "(pågående)" not in response.text


def test_a_draft_marks_no_period_current(client_for, olga, monkeypatch):
    draft = AgreementFactory(signed_on=None, start_date=date(2027, 1, 1))
    _pin_today(monkeypatch, TODAY)
    response = _page(client_for(olga), draft)
    assert response.context["overview"].period_in_force is None
    assert "(pågående)" not in response.text


def test_a_signed_agreement_not_yet_begun_marks_no_period_current(client_for, olga, monkeypatch):
    agreement = AgreementFactory(start_date=date(2027, 1, 1), first_evaluation_on=date(2028, 1, 1))
    _pin_today(monkeypatch, TODAY)
    assert _page(client_for(olga), agreement).context["overview"].period_in_force is None


def test_the_period_running_today_is_marked_current(client_for, olga, monkeypatch):
    agreement = AgreementFactory()
    _pin_today(monkeypatch, TODAY)
    response = _page(client_for(olga), agreement)
    assert [row.in_force for row in response.context["overview"].period_rows()] == [
        True,
        False,
        False,
    ]
    assert "(pågående)" in response.text


def test_after_notice_the_periods_beyond_the_end_are_not_listed_with_deadlines(
    client_for, olga, monkeypatch
):
    agreement = AgreementFactory()
    _notice(agreement, olga, "at_expiry", date(2026, 6, 1))
    _pin_today(monkeypatch, TODAY)
    response = _page(client_for(olga), agreement)
    rows = response.context["overview"].period_rows()
    assert [(row.period.index, row.notice_deadline) for row in rows] == [(1, None)]
    assert rows[0].final_reason == "upphör efter uppsägning"
    assert "31 december 2029" not in response.text  # period 2's deadline
    assert "1 januari 2028" not in response.text  # period 2's start


def test_list_shows_the_end_of_the_period_in_force_not_the_cap(client_for, olga, monkeypatch):
    AgreementFactory()
    _pin_today(monkeypatch, TODAY)
    response = client_for(olga).get(reverse("agreement_list"))
    assert response.context["rows"][0].in_force_until == date(2027, 12, 31)
    assert "31 december 2033" not in response.text


def test_list_shows_the_end_a_notice_gives_within_the_period(client_for, olga, monkeypatch):
    agreement = AgreementFactory()
    _notice(agreement, olga, "during_period", date(2026, 3, 15))
    _pin_today(monkeypatch, TODAY)
    response = client_for(olga).get(reverse("agreement_list"))
    assert response.context["rows"][0].in_force_until == date(2027, 3, 15)


# --- Events carry the day they took effect --------------------------------------------------------


def test_events_are_dated_by_the_day_they_took_effect(client_for, olga, monkeypatch):
    agreement = AgreementFactory()
    _pin_today(monkeypatch, TODAY)
    services.register_notice(
        agreement=agreement,
        party="actor",
        kind="at_expiry",
        received_on=date(2026, 6, 1),
        actor=olga,
    )
    services.change_amount(
        agreement=agreement,
        effective_from=date(2027, 1, 1),
        annual_amount_tkr=Decimal("1600"),
        actor=olga,
    )
    effective = dict(agreement.events.values_list("kind", "effective_on"))
    assert effective == {EventKind.NOTICE: date(2026, 6, 1), EventKind.AMOUNT: date(2027, 1, 1)}
    page = _page(client_for(olga), agreement).text
    assert "1 juni 2026</time> – Uppsägning registrerades" in page
    assert "1 januari 2027</time> – Beloppet ändrades" in page


def test_a_renewal_event_is_dated_by_the_renewal_start_not_the_job_run(db):
    agreement = AgreementFactory()
    services.sync_periods(agreement, today=date(2025, 1, 1))
    services.renew_agreements(today=date(2028, 2, 10))  # the job was down for weeks
    assert agreement.events.get(kind=EventKind.RENEWED).effective_on == date(2028, 1, 1)


# --- Totals ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "start", [date(2024, 12, 2), date(2027, 7, 1), date(2024, 2, 29), date(2025, 1, 1)]
)
def test_whole_agreement_years_sum_exactly_and_the_years_add_up(start):
    last = terms.Terms(start=start).periods()[-1].end
    plan = financing_plan("Region", [(start, Decimal("750"))], [], start, last)
    assert plan.total == Decimal("6750")
    assert sum(plan.year_totals) == plan.total
    assert set(plan.year_totals[1:-1]) == {Decimal("750")}  # whole calendar years too


def test_an_amount_change_is_apportioned_exactly_too():
    start = date(2024, 12, 2)
    changes = [(start, Decimal("750")), (date(2027, 12, 2), Decimal("900.5"))]
    plan = financing_plan("Region", changes, [], start, date(2033, 12, 1))
    assert plan.total == 3 * Decimal("750") + 6 * Decimal("900.5")


def test_plan_page_shows_nine_whole_years_of_750_as_6_750(client_for, olga, monkeypatch):
    agreement = AgreementFactory(
        start_date=date(2024, 12, 2), annual_amount_tkr=Decimal("750"), signed_on=date(2024, 11, 1)
    )
    _pin_today(monkeypatch, TODAY)
    response = _page(client_for(olga), agreement)
    assert response.context["plan"].total == Decimal("6750")
    assert "6\xa0750</td>" in response.text


# --- Concurrent renewal runs ----------------------------------------------------------------------


def test_a_renewal_run_skips_the_period_another_run_stored_meanwhile(db, monkeypatch):
    """Run A has read the stored periods; run B stores the renewal and commits; then A inserts.

    On PostgreSQL the lock on the agreement makes B wait for A; SQLite serialises writers. The
    race is played here deterministically: B runs at the moment A is about to insert.
    """
    agreement = AgreementFactory()
    services.sync_periods(agreement, today=date(2025, 1, 1))
    store = services._store_period
    other_run = []

    def store_after_another_run(*args, **kwargs):
        if not other_run:
            other_run.append("running")
            other_run.append(services.renew_agreements(today=date(2028, 1, 1)))
        return store(*args, **kwargs)

    monkeypatch.setattr(services, "_store_period", store_after_another_run)
    assert services.renew_agreements(today=date(2028, 1, 1)) == 0
    assert other_run == ["running", 1]
    assert agreement.periods.filter(index=2).count() == 1
    assert agreement.events.filter(kind=EventKind.RENEWED).count() == 1


def test_a_duplicate_insert_is_recognised_and_anything_else_raised(db):
    agreement = AgreementFactory()
    services.sync_periods(agreement, today=date(2025, 1, 1))
    stored = agreement.periods.get()
    values = {"start": stored.start, "end": stored.end, "notice_deadline": stored.notice_deadline}
    assert services._store_period(agreement, 1, values) is None
    backwards = {**values, "end": date(2024, 1, 1)}
    with pytest.raises(IntegrityError):
        services._store_period(agreement, 2, backwards)
