"""The agreements' sections of the officer's dashboard: which notice deadlines and evaluations
show, at the boundaries of the look-ahead, and that the database selection misses none."""

from datetime import date, timedelta

import pytest

from agreements import services
from agreements.dashboard import (
    EVALUATION_DAYS,
    NOTICE_DAYS,
    evaluation_items,
    notice_deadline_items,
)
from agreements.models import Agreement
from agreements.overview import overview_of
from agreements.terms import NoticeKind
from tests.agreements.factories import AgreementFactory

# AgreementFactory: from 1 January 2025, three-year periods, twelve months' notice, so the first
# period ends 31 December 2027 and the last day for notice is 31 December 2026 (a Thursday).
DEADLINE = date(2026, 12, 31)
FIRST_EVALUATION = date(2027, 6, 30)


@pytest.fixture
def agreement(ecosystem_a):
    agreement = AgreementFactory(ecosystem=ecosystem_a)
    services.sync_periods(agreement, today=date(2025, 1, 1))
    return agreement


@pytest.mark.parametrize(
    ("today", "shown"),
    [
        (DEADLINE - timedelta(days=NOTICE_DAYS + 1), False),
        (DEADLINE - timedelta(days=NOTICE_DAYS), True),
        (DEADLINE, True),
        (DEADLINE + timedelta(days=1), False),  # too late: the agreement renews
    ],
)
def test_notice_deadline_shows_from_the_look_ahead_to_the_day_itself(agreement, olga, today, shown):
    items = notice_deadline_items(olga, today)
    assert bool(items) is shown
    if shown:
        (item,) = items
        assert item.day == DEADLINE
        assert item.url == agreement.get_absolute_url()
        assert "Rymdekosystemet A" in item.text
        assert "31 december 2027" in item.text


def test_notice_deadline_on_a_weekend_names_the_last_working_day(ecosystem_a, olga):
    # From 1 February 2025 the first period ends 31 January 2028; notice by 31 January 2027,
    # a Sunday.
    agreement = AgreementFactory(ecosystem=ecosystem_a, start_date=date(2025, 2, 1))
    services.sync_periods(agreement, today=date(2025, 2, 1))
    (item,) = notice_deadline_items(olga, date(2027, 1, 1))
    assert item.day == date(2027, 1, 31)
    assert "söndag" in item.detail
    assert "29 januari 2027" in item.detail


def test_no_notice_deadline_once_notice_is_given_or_for_a_draft(agreement, ecosystem_b, olga):
    draft = AgreementFactory(ecosystem=ecosystem_b, signed_on=None)
    services.sync_periods(draft, today=date(2025, 1, 1))
    today = DEADLINE - timedelta(days=10)
    assert len(notice_deadline_items(olga, today)) == 1
    services.register_notice(
        agreement=agreement,
        party="region",
        kind=NoticeKind.AT_EXPIRY,
        received_on=today,
        actor=olga,
        today=today,
    )
    assert notice_deadline_items(olga, today) == []


def test_no_notice_deadline_when_the_cap_stops_the_renewal(ecosystem_a, olga):
    # A 36-month cap: the first period is the last, so there is nothing to give notice against.
    agreement = AgreementFactory(ecosystem=ecosystem_a, cap_months=36)
    services.sync_periods(agreement, today=date(2025, 1, 1))
    assert notice_deadline_items(olga, DEADLINE - timedelta(days=10)) == []


@pytest.mark.parametrize(
    ("today", "shown"),
    [
        (FIRST_EVALUATION - timedelta(days=EVALUATION_DAYS + 1), False),
        (FIRST_EVALUATION - timedelta(days=EVALUATION_DAYS), True),
        (FIRST_EVALUATION, True),
        (FIRST_EVALUATION + timedelta(days=1), True),  # overdue
        (FIRST_EVALUATION + timedelta(days=400), True),  # still overdue
    ],
)
def test_evaluation_shows_from_the_look_ahead_and_stays_while_overdue(
    agreement, olga, today, shown
):
    items = evaluation_items(olga, today)
    assert bool(items) is shown
    if shown:
        (item,) = items
        assert item.day == FIRST_EVALUATION
        assert item.url == f"/agreements/{agreement.pk}/evaluations/new/"


def test_a_recorded_evaluation_leaves_the_dashboard(agreement, olga):
    today = FIRST_EVALUATION + timedelta(days=3)
    assert len(evaluation_items(olga, today)) == 1
    services.record_evaluation(
        agreement=agreement, due_on=FIRST_EVALUATION, done_on=today, actor=olga
    )
    assert evaluation_items(olga, today) == []


def test_no_evaluation_after_the_agreement_has_ended(agreement, olga):
    services.register_notice(
        agreement=agreement,
        party="actor",
        kind=NoticeKind.AT_EXPIRY,
        received_on=date(2025, 6, 1),
        actor=olga,
        today=date(2025, 6, 1),
    )
    # Ended 31 December 2027 (notice in time for the first expiry); evaluations fall after it.
    assert evaluation_items(olga, date(2029, 12, 1)) == []


def test_the_sections_are_for_officers(agreement, nils, alice):
    today = DEADLINE - timedelta(days=10)
    assert notice_deadline_items(nils, today) == []
    assert evaluation_items(alice, FIRST_EVALUATION) == []


# Evaluation dates on month ends and intervals of every length, against days around them: the
# database's month counting must never leave out an evaluation the rules say is due.
FIRSTS = [date(2025, 1, 31), date(2025, 2, 28), date(2025, 3, 1), date(2025, 12, 31)]
INTERVALS = [1, 5, 12, 36]
DAYS = [date(2025, 1, 1) + timedelta(days=n) for n in range(0, 1500, 23)]


def test_the_database_selection_misses_no_evaluation_the_overview_finds(db, olga):
    agreements = []
    for first in FIRSTS:
        for interval in INTERVALS:
            agreement = AgreementFactory(
                start_date=date(2025, 1, 1),
                first_evaluation_on=first,
                evaluation_interval_months=interval,
            )
            agreements.append(agreement)
    # One of them has its first evaluations recorded.
    recorded = agreements[5]
    for due in overview_of(recorded, date(2026, 1, 1)).evaluations_due[:2]:
        services.record_evaluation(agreement=recorded, due_on=due, done_on=due, actor=olga)
    everything = Agreement.objects.prefetch_related("notices", "amounts", "evaluations")
    for today in DAYS:
        horizon = today + timedelta(days=EVALUATION_DAYS)
        expected = set()
        for agreement in everything:
            overview = overview_of(agreement, today)
            due = set(overview.overdue_evaluations)
            if overview.next_evaluation and overview.next_evaluation <= horizon:
                due.add(overview.next_evaluation)
            expected |= {(agreement.get_absolute_url(), day) for day in due}
        found = {
            (item.url.replace("evaluations/new/", ""), item.day)
            for item in evaluation_items(olga, today)
        }
        assert found == expected, today


def test_the_database_selects_only_agreements_with_something_due(agreement, ecosystem_b, olga):
    from agreements.dashboard import evaluation_candidates, notice_deadline_candidates

    later = AgreementFactory(ecosystem=ecosystem_b, start_date=date(2026, 1, 1))
    later.first_evaluation_on = date(2028, 6, 30)
    later.save()
    services.sync_periods(later, today=date(2026, 1, 1))
    today = FIRST_EVALUATION - timedelta(days=5)
    horizon = today + timedelta(days=EVALUATION_DAYS)
    assert list(evaluation_candidates(today, horizon)) == [agreement]
    services.record_evaluation(
        agreement=agreement, due_on=FIRST_EVALUATION, done_on=today, actor=olga
    )
    assert list(evaluation_candidates(today, horizon)) == []
    # The later agreement's last day for notice is 31 December 2027.
    today = DEADLINE - timedelta(days=5)
    assert list(notice_deadline_candidates(today, today + timedelta(days=NOTICE_DAYS))) == [
        agreement
    ]
