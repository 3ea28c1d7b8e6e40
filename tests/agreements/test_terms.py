"""The agreement's date rules (Bilaga 2), tested as pure functions on dates: no database."""

import re
from datetime import date, timedelta
from itertools import pairwise

import pytest
from django.utils.text import slugify
from hypothesis import given, settings
from hypothesis import strategies as st

from agreements.examples import EXAMPLES, Example
from agreements.terms import (
    DEFAULT_EVALUATION_INTERVAL_MONTHS,
    DEFAULT_NOTICE_MONTHS,
    DEFAULT_TERM_MONTHS,
    FUNDING_CAP_MONTHS,
    NOTICE_WINDOW_MONTHS,
    NoticeKind,
    Period,
    State,
    Terms,
    add_months,
    evaluation_dates,
    last_working_day_on_or_before,
    non_working_day,
    notice_deadline,
    notice_effect,
    state_on,
)

ONE_DAY = timedelta(days=1)
AT_EXPIRY = NoticeKind.AT_EXPIRY
DURING_PERIOD = NoticeKind.DURING_PERIOD

# Start 1 January 2025 with the defaults: three three-year periods up to the nine-year cap.
ORDINARY = Terms(start=date(2025, 1, 1))
# A first period of two years, then three-year renewals: 24 + 36 + 36 = 96 months; a fourth
# period would end at month 132, past the cap at month 108.
SHORT_FIRST = Terms(start=date(2025, 1, 1), initial_months=24)


def spans(terms: Terms) -> list[tuple[date, date]]:
    return [(p.start, p.end) for p in terms.periods()]


def test_the_defaults_are_the_strategy_and_agreement_numbers():
    assert DEFAULT_TERM_MONTHS == 36
    assert DEFAULT_NOTICE_MONTHS == 12
    assert FUNDING_CAP_MONTHS == 108 == 3 * DEFAULT_TERM_MONTHS
    assert DEFAULT_EVALUATION_INTERVAL_MONTHS == 36
    assert NOTICE_WINDOW_MONTHS == 6


# --- add_months -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2025, 1, 15), 1, date(2025, 2, 15)),
        (date(2025, 1, 15), 0, date(2025, 1, 15)),
        (date(2025, 1, 15), 12, date(2026, 1, 15)),
        (date(2025, 1, 1), 36, date(2028, 1, 1)),
        (date(2025, 11, 30), 2, date(2026, 1, 30)),
        (date(2025, 12, 31), 1, date(2026, 1, 31)),
        (date(2025, 1, 15), 120, date(2035, 1, 15)),
    ],
)
def test_add_months_keeps_the_day_number_when_the_target_month_has_it(day, months, expected):
    assert add_months(day, months) == expected


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2025, 1, 31), 1, date(2025, 2, 28)),
        (date(2024, 1, 31), 1, date(2024, 2, 29)),
        (date(2025, 1, 30), 1, date(2025, 2, 28)),
        (date(2024, 1, 29), 1, date(2024, 2, 29)),
        (date(2024, 2, 29), 12, date(2025, 2, 28)),
        (date(2024, 2, 29), 48, date(2028, 2, 29)),
        (date(2025, 3, 31), -1, date(2025, 2, 28)),
        (date(2024, 3, 31), -1, date(2024, 2, 29)),
        (date(2025, 3, 31), 1, date(2025, 4, 30)),
        (date(2025, 5, 31), 1, date(2025, 6, 30)),
        (date(2025, 8, 31), 1, date(2025, 9, 30)),
        (date(2025, 10, 31), 1, date(2025, 11, 30)),
        (date(2025, 1, 31), 3, date(2025, 4, 30)),
    ],
)
def test_add_months_falls_back_to_the_last_day_of_a_shorter_month(day, months, expected):
    assert add_months(day, months) == expected


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2025, 4, 30), 1, date(2025, 5, 30)),
        (date(2025, 6, 30), 1, date(2025, 7, 30)),
        (date(2025, 2, 28), 1, date(2025, 3, 28)),
        (date(2025, 9, 30), 3, date(2025, 12, 30)),
    ],
)
def test_add_months_from_a_short_months_last_day_does_not_jump_to_the_longer_months_end(
    day, months, expected
):
    assert add_months(day, months) == expected


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2025, 1, 15), -1, date(2024, 12, 15)),
        (date(2025, 1, 15), -12, date(2024, 1, 15)),
        (date(2025, 2, 10), -14, date(2023, 12, 10)),
        (date(2025, 1, 31), -2, date(2024, 11, 30)),
        (date(2027, 12, 31), -12, date(2026, 12, 31)),
        (date(2025, 2, 28), -12, date(2024, 2, 28)),
        (date(2028, 2, 29), -12, date(2027, 2, 28)),
        (date(2026, 3, 31), -25, date(2024, 2, 29)),
        (date(2025, 12, 31), -12 * 25, date(2000, 12, 31)),
    ],
)
def test_add_months_counts_backwards_across_year_boundaries(day, months, expected):
    assert add_months(day, months) == expected


def test_add_months_handles_december_in_both_directions():
    assert add_months(date(2025, 11, 30), 1) == date(2025, 12, 30)
    assert add_months(date(2025, 12, 31), -1) == date(2025, 11, 30)
    assert add_months(date(2026, 1, 31), -1) == date(2025, 12, 31)
    assert add_months(date(2025, 12, 1), 12) == date(2026, 12, 1)


# --- notice_deadline ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("expiry", "deadline"),
    [
        (date(2027, 12, 31), date(2026, 12, 31)),
        (date(2027, 1, 31), date(2026, 1, 31)),
        (date(2028, 1, 31), date(2027, 1, 31)),
        (date(2027, 6, 30), date(2026, 6, 30)),
        (date(2027, 3, 31), date(2026, 3, 31)),
        (date(2029, 3, 31), date(2028, 3, 31)),
        (date(2027, 4, 30), date(2026, 4, 30)),
        (date(2027, 11, 30), date(2026, 11, 30)),
        (date(2027, 5, 15), date(2026, 5, 15)),
        (date(2027, 1, 1), date(2026, 1, 1)),
    ],
)
def test_notice_deadline_is_the_same_date_a_year_before_the_expiry(expiry, deadline):
    assert notice_deadline(expiry) == deadline


def test_an_expiry_on_28_february_before_a_leap_year_has_its_deadline_on_the_leap_day():
    # Notice received 29 February 2024 runs out on 28 February 2025 (2025 has no 29th).
    assert notice_deadline(date(2025, 2, 28)) == date(2024, 2, 29)
    assert notice_deadline(date(2029, 2, 28)) == date(2028, 2, 29)


def test_an_expiry_on_28_february_without_a_leap_year_before_keeps_the_28th():
    assert notice_deadline(date(2027, 2, 28)) == date(2026, 2, 28)
    assert notice_deadline(date(2026, 2, 28)) == date(2025, 2, 28)


def test_an_expiry_on_the_leap_day_has_its_deadline_on_28_february():
    assert notice_deadline(date(2028, 2, 29)) == date(2027, 2, 28)
    assert notice_deadline(date(2024, 2, 29)) == date(2023, 2, 28)


def test_an_expiry_on_27_february_is_not_pushed_to_the_month_end():
    assert notice_deadline(date(2025, 2, 27)) == date(2024, 2, 27)
    assert notice_deadline(date(2027, 2, 27)) == date(2026, 2, 27)


@pytest.mark.parametrize(
    ("expiry", "deadline"),
    [
        (date(2027, 12, 31), date(2027, 6, 30)),
        # Notice on 30 or 31 December 2026 runs out on 30 June 2027.
        (date(2027, 6, 30), date(2026, 12, 31)),
        (date(2027, 8, 31), date(2027, 2, 28)),
        (date(2028, 8, 31), date(2028, 2, 29)),
        # Notice on 29, 30 or 31 August 2026 runs out on 28 February 2027.
        (date(2027, 2, 28), date(2026, 8, 31)),
        (date(2027, 4, 30), date(2026, 10, 31)),
        (date(2027, 9, 30), date(2027, 3, 31)),
    ],
)
def test_notice_deadline_with_six_months_notice(expiry, deadline):
    assert notice_deadline(expiry, notice_months=6) == deadline


def test_notice_deadline_with_one_month_notice_moves_to_the_longer_months_end():
    assert notice_deadline(date(2025, 2, 28), notice_months=1) == date(2025, 1, 31)
    assert notice_deadline(date(2025, 4, 30), notice_months=1) == date(2025, 3, 31)
    assert notice_deadline(date(2025, 3, 31), notice_months=1) == date(2025, 2, 28)


def test_notice_deadline_without_a_notice_period_is_the_expiry():
    assert notice_deadline(date(2027, 12, 31), notice_months=0) == date(2027, 12, 31)


# --- Terms and the chain of periods ---------------------------------------------------------------


def test_an_ordinary_agreement_renews_twice_in_three_year_periods():
    assert ORDINARY.periods() == [
        Period(1, date(2025, 1, 1), date(2027, 12, 31), date(2026, 12, 31)),
        Period(2, date(2028, 1, 1), date(2030, 12, 31), date(2029, 12, 31)),
        Period(3, date(2031, 1, 1), date(2033, 12, 31), date(2032, 12, 31)),
    ]


def test_an_ordinary_agreement_has_no_fourth_period_past_the_nine_year_cap():
    assert ORDINARY.cap_end == date(2033, 12, 31)
    assert len(ORDINARY.periods()) == 3
    fourth = ORDINARY.period(4)
    assert (fourth.start, fourth.end) == (date(2034, 1, 1), date(2036, 12, 31))
    assert fourth.end > ORDINARY.cap_end


def test_only_renewals_are_marked_as_renewals():
    assert [p.is_renewal for p in ORDINARY.periods()] == [False, True, True]


def test_a_period_contains_its_first_and_last_day_only():
    first = ORDINARY.period(1)
    assert date(2025, 1, 1) in first
    assert date(2027, 12, 31) in first
    assert date(2024, 12, 31) not in first
    assert date(2028, 1, 1) not in first


def test_period_on_finds_the_period_in_force():
    assert ORDINARY.period_on(date(2025, 1, 1)).index == 1
    assert ORDINARY.period_on(date(2027, 12, 31)).index == 1
    assert ORDINARY.period_on(date(2028, 1, 1)).index == 2
    assert ORDINARY.period_on(date(2033, 12, 31)).index == 3


def test_period_on_outside_the_chain_is_none():
    assert ORDINARY.period_on(date(2024, 12, 31)) is None
    assert ORDINARY.period_on(date(2034, 1, 1)) is None


def test_a_two_year_first_period_gets_two_three_year_renewals_and_no_third():
    assert spans(SHORT_FIRST) == [
        (date(2025, 1, 1), date(2026, 12, 31)),
        (date(2027, 1, 1), date(2029, 12, 31)),
        (date(2030, 1, 1), date(2032, 12, 31)),
    ]
    assert [p.notice_deadline for p in SHORT_FIRST.periods()] == [
        date(2025, 12, 31),
        date(2028, 12, 31),
        date(2031, 12, 31),
    ]
    # 96 months in force; a fourth period would end after month 108.
    assert add_months(SHORT_FIRST.start, 96) - ONE_DAY == SHORT_FIRST.periods()[-1].end
    assert SHORT_FIRST.period(4).end == date(2035, 12, 31) > SHORT_FIRST.cap_end


def test_a_renewal_ending_exactly_on_the_cap_end_happens():
    terms = Terms(start=date(2025, 1, 1), initial_months=12, renewal_months=48, notice_months=6)
    assert spans(terms)[-1] == (date(2030, 1, 1), date(2033, 12, 31))
    assert terms.periods()[-1].end == terms.cap_end


def test_a_renewal_ending_one_day_past_the_cap_does_not_happen():
    terms = Terms(start=date(2025, 1, 1), renewal_months=36, cap_months=107)
    assert terms.cap_end == date(2033, 11, 30)
    assert len(terms.periods()) == 2


def test_a_first_period_longer_than_the_cap_is_kept_alone():
    terms = Terms(start=date(2025, 1, 1), initial_months=120)
    assert spans(terms) == [(date(2025, 1, 1), date(2034, 12, 31))]


def test_the_agreement_ends_after_the_last_period_within_the_cap():
    assert state_on(date(2032, 12, 31), SHORT_FIRST, signed=True) == State.RENEWED
    assert state_on(date(2033, 1, 1), SHORT_FIRST, signed=True) == State.ENDED
    assert state_on(date(2033, 12, 31), SHORT_FIRST, signed=True) == State.ENDED
    assert state_on(date(2034, 1, 1), ORDINARY, signed=True) == State.ENDED


# --- Anchoring: every period counted from the original start --------------------------------------


def assert_anchored(terms: Terms) -> None:
    chain = terms.periods()
    offset = 0
    for period in chain:
        assert period.start == add_months(terms.start, offset)
        offset += terms.initial_months if period.index == 1 else terms.renewal_months
        assert period.end == add_months(terms.start, offset) - ONE_DAY
    for previous, following in pairwise(chain):
        assert following.start == previous.end + ONE_DAY


def test_a_leap_day_start_ends_its_periods_before_28_february():
    terms = Terms(start=date(2024, 2, 29))
    assert spans(terms) == [
        (date(2024, 2, 29), date(2027, 2, 27)),
        (date(2027, 2, 28), date(2030, 2, 27)),
        (date(2030, 2, 28), date(2033, 2, 27)),
    ]
    assert_anchored(terms)


def test_a_leap_day_start_returns_to_the_leap_day_in_later_leap_years():
    terms = Terms(start=date(2024, 2, 29), initial_months=12, renewal_months=12, notice_months=3)
    starts = [p.start for p in terms.periods()]
    # Chained from 28 February 2027, the fifth period would start on 28 February 2028.
    assert starts[:5] == [
        date(2024, 2, 29),
        date(2025, 2, 28),
        date(2026, 2, 28),
        date(2027, 2, 28),
        date(2028, 2, 29),
    ]
    assert terms.period(4).end == date(2028, 2, 28)
    assert_anchored(terms)


def test_a_31st_start_with_one_month_periods_does_not_drift():
    terms = Terms(start=date(2024, 1, 31), initial_months=1, renewal_months=1, notice_months=0)
    assert spans(terms)[:6] == [
        (date(2024, 1, 31), date(2024, 2, 28)),
        (date(2024, 2, 29), date(2024, 3, 30)),
        (date(2024, 3, 31), date(2024, 4, 29)),
        (date(2024, 4, 30), date(2024, 5, 30)),
        (date(2024, 5, 31), date(2024, 6, 29)),
        (date(2024, 6, 30), date(2024, 7, 30)),
    ]
    assert len(terms.periods()) == 108
    assert_anchored(terms)


def test_a_31st_start_with_thirteen_month_renewals_does_not_drift():
    terms = Terms(start=date(2024, 1, 31), initial_months=13, renewal_months=13)
    assert [p.start for p in terms.periods()] == [
        date(2024, 1, 31),
        date(2025, 2, 28),
        date(2026, 3, 31),  # chained from 28 February 2025 this would be 28 March 2026
        date(2027, 4, 30),
        date(2028, 5, 31),
        date(2029, 6, 30),
        date(2030, 7, 31),
        date(2031, 8, 31),
    ]
    assert_anchored(terms)


def test_a_31_january_start_ends_each_period_on_30_january():
    terms = Terms(start=date(2025, 1, 31))
    assert spans(terms) == [
        (date(2025, 1, 31), date(2028, 1, 30)),
        (date(2028, 1, 31), date(2031, 1, 30)),
        (date(2031, 1, 31), date(2034, 1, 30)),
    ]
    assert terms.period(1).notice_deadline == date(2027, 1, 30)


def test_a_1_march_start_ends_on_the_last_day_of_february():
    terms = Terms(start=date(2025, 3, 1))
    assert spans(terms) == [
        (date(2025, 3, 1), date(2028, 2, 29)),
        (date(2028, 3, 1), date(2031, 2, 28)),
        (date(2031, 3, 1), date(2034, 2, 28)),
    ]
    assert [p.notice_deadline for p in terms.periods()] == [
        date(2027, 2, 28),
        date(2030, 2, 28),
        date(2033, 2, 28),
    ]


def test_a_1_march_2026_start_has_its_first_deadline_on_the_leap_day():
    terms = Terms(start=date(2026, 3, 1))
    first, second, _ = terms.periods()
    assert (first.end, first.notice_deadline) == (date(2029, 2, 28), date(2028, 2, 29))
    assert (second.end, second.notice_deadline) == (date(2032, 2, 29), date(2031, 2, 28))


# --- notice_effect --------------------------------------------------------------------------------


def test_notice_at_expiry_on_the_deadline_day_is_in_time_and_ends_at_the_coming_expiry():
    effect = notice_effect(ORDINARY, date(2026, 12, 31), AT_EXPIRY)
    assert effect.kind == AT_EXPIRY
    assert effect.received_on == date(2026, 12, 31)
    assert effect.coming_expiry == date(2027, 12, 31)
    assert effect.coming_deadline == date(2026, 12, 31)
    assert effect.in_time is True
    assert effect.renews_first is False
    assert effect.capped is False
    assert effect.ends_on == date(2027, 12, 31)


def test_notice_at_expiry_the_day_after_the_deadline_is_late_and_renews_first():
    effect = notice_effect(ORDINARY, date(2027, 1, 1), AT_EXPIRY)
    assert effect.coming_expiry == date(2027, 12, 31)
    assert effect.coming_deadline == date(2026, 12, 31)
    assert effect.in_time is False
    assert effect.renews_first is True
    assert effect.capped is False
    assert effect.ends_on == date(2030, 12, 31)


def test_notice_at_expiry_on_the_expiry_day_itself_ends_at_the_following_expiry():
    effect = notice_effect(ORDINARY, date(2027, 12, 31), AT_EXPIRY)
    assert effect.coming_expiry == date(2027, 12, 31)
    assert (effect.in_time, effect.renews_first) == (False, True)
    assert effect.ends_on == date(2030, 12, 31)


def test_notice_at_expiry_on_the_first_day_of_a_renewal_counts_against_that_renewal():
    effect = notice_effect(ORDINARY, date(2028, 1, 1), AT_EXPIRY)
    assert effect.coming_expiry == date(2030, 12, 31)
    assert effect.coming_deadline == date(2029, 12, 31)
    assert (effect.in_time, effect.renews_first) == (True, False)
    assert effect.ends_on == date(2030, 12, 31)


def test_notice_at_expiry_on_a_leap_day_deadline_is_in_time_and_the_day_after_is_late():
    terms = Terms(start=date(2026, 3, 1))
    on_time = notice_effect(terms, date(2028, 2, 29), AT_EXPIRY)
    late = notice_effect(terms, date(2028, 3, 1), AT_EXPIRY)
    assert (on_time.in_time, on_time.ends_on) == (True, date(2029, 2, 28))
    assert (late.in_time, late.renews_first, late.ends_on) == (False, True, date(2032, 2, 29))


def test_notice_before_the_first_period_starts_counts_against_the_first_expiry():
    effect = notice_effect(ORDINARY, date(2024, 11, 1), AT_EXPIRY)
    assert effect.coming_expiry == date(2027, 12, 31)
    assert (effect.in_time, effect.renews_first, effect.capped) == (True, False, False)
    assert effect.ends_on == date(2027, 12, 31)


def test_termination_before_the_first_period_starts_runs_its_notice_period():
    effect = notice_effect(ORDINARY, date(2024, 11, 1), DURING_PERIOD)
    assert (effect.in_time, effect.renews_first) == (True, False)
    assert effect.ends_on == date(2025, 11, 1)


def test_notice_before_a_short_first_period_can_already_be_late():
    terms = Terms(start=date(2025, 1, 1), initial_months=6, notice_months=3)
    assert terms.period(1).notice_deadline == date(2025, 3, 31)
    effect = notice_effect(terms, date(2025, 4, 1), AT_EXPIRY)
    assert (effect.in_time, effect.renews_first) == (False, True)
    assert effect.coming_expiry == date(2025, 6, 30)
    assert effect.ends_on == date(2028, 6, 30)


def test_termination_during_a_period_ends_when_the_notice_period_runs_out():
    effect = notice_effect(ORDINARY, date(2028, 5, 15), DURING_PERIOD)
    assert effect.kind == DURING_PERIOD
    assert effect.ends_on == date(2029, 5, 15) == add_months(date(2028, 5, 15), 12)
    assert effect.coming_expiry == date(2030, 12, 31)
    assert (effect.in_time, effect.renews_first, effect.capped) == (True, False, False)


def test_termination_at_a_month_end_runs_out_at_the_month_end_a_year_later():
    effect = notice_effect(Terms(start=date(2023, 3, 1)), date(2024, 2, 29), DURING_PERIOD)
    assert effect.ends_on == date(2025, 2, 28)


def test_termination_that_runs_out_after_the_coming_expiry_renews_first():
    effect = notice_effect(ORDINARY, date(2030, 3, 1), DURING_PERIOD)
    assert effect.coming_expiry == date(2030, 12, 31)
    assert effect.ends_on == date(2031, 3, 1)
    assert (effect.in_time, effect.renews_first, effect.capped) == (False, True, False)


def test_termination_on_the_deadline_day_ends_on_the_coming_expiry():
    effect = notice_effect(ORDINARY, date(2026, 12, 31), DURING_PERIOD)
    assert effect.ends_on == date(2027, 12, 31)
    assert (effect.in_time, effect.renews_first) == (True, False)


def test_termination_the_day_after_the_deadline_renews_for_a_day():
    effect = notice_effect(ORDINARY, date(2027, 1, 1), DURING_PERIOD)
    assert effect.ends_on == date(2028, 1, 1)
    assert (effect.in_time, effect.renews_first) == (False, True)


def test_late_notice_at_expiry_in_the_last_period_is_capped_at_its_end():
    effect = notice_effect(SHORT_FIRST, date(2032, 1, 1), AT_EXPIRY)
    assert effect.coming_expiry == date(2032, 12, 31)
    assert (effect.in_time, effect.renews_first, effect.capped) == (False, False, True)
    assert effect.ends_on == date(2032, 12, 31)


def test_timely_notice_at_expiry_in_the_last_period_is_not_capped():
    effect = notice_effect(SHORT_FIRST, date(2031, 12, 31), AT_EXPIRY)
    assert (effect.in_time, effect.renews_first, effect.capped) == (True, False, False)
    assert effect.ends_on == date(2032, 12, 31)


def test_termination_running_out_past_the_last_period_is_capped_at_its_end():
    effect = notice_effect(SHORT_FIRST, date(2032, 6, 1), DURING_PERIOD)
    assert (effect.in_time, effect.renews_first, effect.capped) == (False, False, True)
    assert effect.ends_on == date(2032, 12, 31)


def test_termination_running_out_inside_the_last_period_is_not_capped():
    effect = notice_effect(SHORT_FIRST, date(2031, 6, 1), DURING_PERIOD)
    assert (effect.capped, effect.ends_on) == (False, date(2032, 6, 1))


# --- state_on -------------------------------------------------------------------------------------


def test_an_unsigned_agreement_is_a_draft_whatever_the_day_or_notice():
    notice = notice_effect(ORDINARY, date(2026, 3, 1), AT_EXPIRY)
    assert state_on(date(2024, 6, 1), ORDINARY, signed=False) == State.DRAFT
    assert state_on(date(2026, 6, 1), ORDINARY, signed=False) == State.DRAFT
    assert state_on(date(2040, 1, 1), ORDINARY, signed=False) == State.DRAFT
    assert state_on(date(2028, 6, 1), ORDINARY, signed=False, notice=notice) == State.DRAFT


@pytest.mark.parametrize(
    ("day", "state"),
    [
        (date(2025, 1, 1), State.ACTIVE),
        (date(2026, 6, 29), State.ACTIVE),
        (date(2026, 6, 30), State.NOTICE_WINDOW),  # six months before 31 December 2026
        (date(2026, 12, 31), State.NOTICE_WINDOW),  # the deadline itself
        (date(2027, 1, 1), State.ACTIVE),  # too late to stop the first renewal
        (date(2027, 12, 31), State.ACTIVE),
        (date(2028, 1, 1), State.RENEWED),
        (date(2029, 6, 29), State.RENEWED),
        (date(2029, 6, 30), State.NOTICE_WINDOW),
        (date(2029, 12, 31), State.NOTICE_WINDOW),
        (date(2030, 1, 1), State.RENEWED),
        (date(2031, 1, 1), State.RENEWED),
        # The last period does not renew, so it has no notice window.
        (date(2032, 6, 30), State.RENEWED),
        (date(2032, 12, 31), State.RENEWED),
        (date(2033, 12, 31), State.RENEWED),
        (date(2034, 1, 1), State.ENDED),
        (date(2050, 1, 1), State.ENDED),
    ],
)
def test_state_of_a_signed_ordinary_agreement_without_notice(day, state):
    assert state_on(day, ORDINARY, signed=True) == state


def test_the_notice_window_length_can_be_chosen():
    assert state_on(date(2026, 9, 29), ORDINARY, signed=True, window_months=3) == State.ACTIVE
    assert (
        state_on(date(2026, 9, 30), ORDINARY, signed=True, window_months=3) == State.NOTICE_WINDOW
    )


def test_the_notice_window_before_a_leap_day_deadline_starts_six_months_before():
    terms = Terms(start=date(2026, 3, 1))
    assert state_on(date(2027, 8, 28), terms, signed=True) == State.ACTIVE
    assert state_on(date(2027, 8, 29), terms, signed=True) == State.NOTICE_WINDOW
    assert state_on(date(2028, 2, 29), terms, signed=True) == State.NOTICE_WINDOW
    assert state_on(date(2028, 3, 1), terms, signed=True) == State.ACTIVE


def test_notice_at_expiry_is_given_from_the_day_received_until_the_agreement_ends():
    notice = notice_effect(ORDINARY, date(2026, 3, 1), AT_EXPIRY)
    assert state_on(date(2026, 2, 28), ORDINARY, signed=True, notice=notice) == State.ACTIVE
    assert state_on(date(2026, 3, 1), ORDINARY, signed=True, notice=notice) == State.NOTICE_GIVEN
    assert state_on(date(2026, 10, 1), ORDINARY, signed=True, notice=notice) == State.NOTICE_GIVEN
    assert state_on(date(2027, 12, 31), ORDINARY, signed=True, notice=notice) == State.NOTICE_GIVEN
    assert state_on(date(2028, 1, 1), ORDINARY, signed=True, notice=notice) == State.ENDED


def test_notice_given_inside_the_window_replaces_the_window():
    notice = notice_effect(ORDINARY, date(2026, 9, 1), AT_EXPIRY)
    assert state_on(date(2026, 8, 31), ORDINARY, signed=True, notice=notice) == State.NOTICE_WINDOW
    assert state_on(date(2026, 9, 1), ORDINARY, signed=True, notice=notice) == State.NOTICE_GIVEN


def test_late_notice_at_expiry_stays_given_through_the_renewal_and_then_ends():
    notice = notice_effect(ORDINARY, date(2027, 1, 1), AT_EXPIRY)
    assert state_on(date(2028, 1, 1), ORDINARY, signed=True, notice=notice) == State.NOTICE_GIVEN
    assert state_on(date(2030, 12, 31), ORDINARY, signed=True, notice=notice) == State.NOTICE_GIVEN
    assert state_on(date(2031, 1, 1), ORDINARY, signed=True, notice=notice) == State.ENDED


def test_termination_during_a_period_is_terminated_the_day_after_the_notice_runs_out():
    notice = notice_effect(ORDINARY, date(2028, 5, 15), DURING_PERIOD)
    assert state_on(date(2028, 5, 14), ORDINARY, signed=True, notice=notice) == State.RENEWED
    assert state_on(date(2029, 5, 15), ORDINARY, signed=True, notice=notice) == State.NOTICE_GIVEN
    assert state_on(date(2029, 5, 16), ORDINARY, signed=True, notice=notice) == State.TERMINATED
    assert state_on(date(2040, 1, 1), ORDINARY, signed=True, notice=notice) == State.TERMINATED


def test_termination_capped_by_the_last_period_counts_as_ended():
    notice = notice_effect(SHORT_FIRST, date(2032, 6, 1), DURING_PERIOD)
    assert notice.capped
    assert (
        state_on(date(2032, 12, 31), SHORT_FIRST, signed=True, notice=notice) == State.NOTICE_GIVEN
    )
    assert state_on(date(2033, 1, 1), SHORT_FIRST, signed=True, notice=notice) == State.ENDED


def test_every_state_is_reachable():
    notice_at_expiry = notice_effect(ORDINARY, date(2026, 3, 1), AT_EXPIRY)
    termination = notice_effect(ORDINARY, date(2028, 5, 15), DURING_PERIOD)
    reached = {
        state_on(date(2026, 1, 1), ORDINARY, signed=False),
        state_on(date(2026, 1, 1), ORDINARY, signed=True),
        state_on(date(2026, 7, 1), ORDINARY, signed=True),
        state_on(date(2026, 7, 1), ORDINARY, signed=True, notice=notice_at_expiry),
        state_on(date(2028, 1, 1), ORDINARY, signed=True),
        state_on(date(2034, 1, 1), ORDINARY, signed=True),
        state_on(date(2030, 1, 1), ORDINARY, signed=True, notice=termination),
    }
    assert reached == set(State)


@pytest.mark.parametrize(
    ("initial", "renewal"), [(12, 36), (36, 12), (6, 36)], ids=["initial", "renewal", "shorter"]
)
def test_terms_refuse_a_notice_period_as_long_as_a_period(initial, renewal):
    # Otherwise a deadline would fall in the period before its own, where no state looks for it.
    with pytest.raises(ValueError, match="shorter than every period"):
        Terms(start=date(2025, 1, 1), initial_months=initial, renewal_months=renewal)


# --- evaluation_dates -----------------------------------------------------------------------------


def test_evaluations_fall_every_third_year_from_the_first_date():
    assert evaluation_dates(date(2025, 3, 15), 36, date(2034, 12, 31)) == [
        date(2025, 3, 15),
        date(2028, 3, 15),
        date(2031, 3, 15),
        date(2034, 3, 15),
    ]


def test_evaluation_dates_include_until_and_stop_there():
    assert evaluation_dates(date(2025, 3, 15), 36, date(2031, 3, 15))[-1] == date(2031, 3, 15)
    assert evaluation_dates(date(2025, 3, 15), 36, date(2031, 3, 14))[-1] == date(2028, 3, 15)
    assert evaluation_dates(date(2025, 3, 15), 36, date(2025, 3, 15)) == [date(2025, 3, 15)]


def test_no_evaluation_is_due_before_the_first_date():
    assert evaluation_dates(date(2025, 3, 15), 36, date(2025, 3, 14)) == []


def test_evaluations_from_a_leap_day_return_to_the_leap_day():
    assert evaluation_dates(date(2024, 2, 29), 36, date(2036, 12, 31)) == [
        date(2024, 2, 29),
        date(2027, 2, 28),
        date(2030, 2, 28),
        date(2033, 2, 28),
        date(2036, 2, 29),  # chained from 28 February this would be 28 February 2036
    ]


def test_evaluations_from_31_january_do_not_drift():
    assert evaluation_dates(date(2025, 1, 31), 36, date(2031, 12, 31)) == [
        date(2025, 1, 31),
        date(2028, 1, 31),
        date(2031, 1, 31),
    ]
    assert evaluation_dates(date(2024, 1, 31), 1, date(2024, 5, 31)) == [
        date(2024, 1, 31),
        date(2024, 2, 29),
        date(2024, 3, 31),
        date(2024, 4, 30),
        date(2024, 5, 31),
    ]


# --- Working days ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "swedish", "english"),
    [
        (date(2025, 6, 7), "lördag", "Saturday"),
        (date(2025, 6, 1), "söndag", "Sunday"),
        (date(2025, 12, 24), "Julafton", "Christmas Eve"),
        (date(2025, 6, 20), "Midsommarafton", "Midsummer Eve"),
        (date(2025, 12, 31), "Nyårsafton", "New Year's Eve"),
        (date(2025, 4, 18), "Långfredagen", "Good Friday"),
        (date(2025, 6, 6), "Nationaldagen", "National Day"),
        (date(2025, 1, 1), "Nyårsdagen", "New Year's Day"),
        (date(2025, 12, 25), "Juldagen", "Christmas Day"),
        (date(2025, 12, 26), "Annandag jul", "Second Day of Christmas"),
        (date(2025, 4, 21), "Annandag påsk", "Easter Monday"),
        (date(2025, 5, 1), "Första maj", "May Day"),
        (date(2025, 5, 29), "Kristi himmelsfärdsdag", "Ascension Day"),
    ],
)
def test_non_working_days_are_named_in_swedish_and_english(day, swedish, english):
    assert non_working_day(day) == swedish
    assert non_working_day(day, language="sv") == swedish
    assert non_working_day(day, language="en") == english


def test_a_holiday_on_a_weekend_is_named_by_the_holiday():
    assert date(2026, 6, 6).weekday() == 5
    assert non_working_day(date(2026, 6, 6)) == "Nationaldagen"
    assert non_working_day(date(2025, 11, 1)) == "Alla helgons dag"
    assert non_working_day(date(2025, 6, 21)) == "Midsommardagen"


@pytest.mark.parametrize(
    "day",
    [date(2025, 6, 9), date(2025, 4, 17), date(2025, 4, 30), date(2026, 12, 30), date(2027, 6, 30)],
)
def test_an_ordinary_weekday_is_a_working_day(day):
    assert non_working_day(day) is None
    assert non_working_day(day, language="en") is None


def test_language_variants_pick_swedish_or_english():
    assert non_working_day(date(2025, 12, 24), language="sv-se") == "Julafton"
    assert non_working_day(date(2025, 12, 24), language="en-gb") == "Christmas Eve"
    assert non_working_day(date(2025, 6, 7), language="en-us") == "Saturday"


def test_the_last_working_day_before_a_christmas_weekend():
    # 2022: julafton Saturday, juldagen Sunday, annandag jul Monday.
    assert last_working_day_on_or_before(date(2022, 12, 26)) == date(2022, 12, 23)
    assert last_working_day_on_or_before(date(2022, 12, 24)) == date(2022, 12, 23)
    # 2027: julafton Friday, juldagen Saturday, annandag jul Sunday.
    assert last_working_day_on_or_before(date(2027, 12, 26)) == date(2027, 12, 23)
    assert last_working_day_on_or_before(date(2027, 12, 27)) == date(2027, 12, 27)


def test_the_last_working_day_before_new_year_and_easter():
    assert last_working_day_on_or_before(date(2027, 1, 1)) == date(2026, 12, 30)
    assert last_working_day_on_or_before(date(2025, 4, 21)) == date(2025, 4, 17)


def test_a_working_day_is_its_own_last_working_day():
    assert last_working_day_on_or_before(date(2027, 6, 30)) == date(2027, 6, 30)


def test_the_ordinary_first_deadline_is_new_years_eve_and_needs_30_december():
    deadline = ORDINARY.period(1).notice_deadline
    assert non_working_day(deadline) == "Nyårsafton"
    assert last_working_day_on_or_before(deadline) == date(2026, 12, 30)


# --- Properties -----------------------------------------------------------------------------------

DATES = st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 12, 31))
NOTICE_MONTHS = st.integers(min_value=0, max_value=36)


@st.composite
def any_terms(draw) -> Terms:
    initial = draw(st.integers(min_value=1, max_value=60))
    renewal = draw(st.integers(min_value=1, max_value=60))
    return Terms(
        start=draw(DATES),
        initial_months=initial,
        renewal_months=renewal,
        notice_months=draw(st.integers(min_value=0, max_value=min(initial, renewal) - 1)),
        cap_months=draw(st.integers(min_value=1, max_value=150)),
    )


@given(expiry=DATES, months=NOTICE_MONTHS)
def test_the_notice_deadline_is_the_latest_day_whose_notice_runs_out_by_the_expiry(expiry, months):
    deadline = notice_deadline(expiry, months)
    assert deadline <= expiry
    assert add_months(deadline, months) <= expiry < add_months(deadline + ONE_DAY, months)


@given(expiry=DATES, months=st.integers(min_value=1, max_value=36))
def test_the_notice_deadline_is_never_more_than_the_notice_period_before_the_expiry(expiry, months):
    deadline = notice_deadline(expiry, months)
    assert add_months(expiry, -months) <= deadline < expiry


@given(day=DATES, months=st.integers(min_value=-600, max_value=600))
def test_add_months_and_back_returns_the_day_when_every_month_has_it(day, months):
    day = day.replace(day=min(day.day, 28))
    assert add_months(add_months(day, months), -months) == day


@given(day=DATES, months=st.integers(min_value=-600, max_value=600))
def test_add_months_lands_in_the_right_month_on_the_same_day_or_the_months_last(day, months):
    result = add_months(day, months)
    assert result.year * 12 + result.month == day.year * 12 + day.month + months
    assert result.day == day.day or (
        result.day < day.day and (result + ONE_DAY).month != result.month
    )


@given(terms=any_terms())
def test_periods_are_contiguous_anchored_and_within_the_cap(terms):
    chain = terms.periods()
    assert [p.index for p in chain] == list(range(1, len(chain) + 1))
    assert_anchored(terms)
    for period in chain:
        assert period.start <= period.end
        assert period.notice_deadline == notice_deadline(period.end, terms.notice_months)
    assert all(p.end <= terms.cap_end for p in chain[1:])
    assert (chain[0].end <= terms.cap_end) == (terms.initial_months <= terms.cap_months)
    # The chain stops at the first renewal that would pass the cap.
    assert terms.period(len(chain) + 1).end > terms.cap_end


@given(terms=any_terms(), data=st.data())
def test_a_notice_ends_the_agreement_between_its_receipt_and_the_last_period_end(terms, data):
    chain = terms.periods()
    received_on = data.draw(
        st.dates(min_value=terms.start - timedelta(days=800), max_value=chain[-1].end)
    )
    kind = data.draw(st.sampled_from(NoticeKind))
    effect = notice_effect(terms, received_on, kind)
    assert received_on <= effect.ends_on <= chain[-1].end
    assert received_on <= effect.coming_expiry
    if effect.capped:
        assert effect.ends_on == chain[-1].end
    if kind == AT_EXPIRY:
        assert effect.ends_on in {p.end for p in chain}
        if effect.in_time:
            assert effect.ends_on == effect.coming_expiry
        else:
            assert effect.renews_first or effect.capped
    else:
        runs_out = add_months(received_on, terms.notice_months)
        assert effect.ends_on == min(runs_out, chain[-1].end)


# A chain of one-month periods up to the cap walks 150 periods twice each: no time limit.
@settings(deadline=None)
@given(terms=any_terms())
def test_notice_on_a_periods_deadline_stops_the_agreement_at_that_periods_end(terms):
    for period in terms.periods():
        effect = notice_effect(terms, period.notice_deadline, AT_EXPIRY)
        assert effect.ends_on == period.end
        if period.index == 1 or period.notice_deadline >= period.start:
            assert effect.in_time
            assert not effect.renews_first
        late = notice_effect(terms, period.notice_deadline + ONE_DAY, AT_EXPIRY)
        assert late.ends_on > period.end or late.capped


@given(terms=any_terms(), data=st.data())
def test_a_signed_agreement_has_ended_after_its_last_period(terms, data):
    last_end = terms.periods()[-1].end
    day = data.draw(st.dates(min_value=last_end + ONE_DAY, max_value=last_end + timedelta(3650)))
    assert state_on(day, terms, signed=True) == State.ENDED


@given(
    first=DATES,
    interval=st.integers(min_value=1, max_value=48),
    years=st.integers(min_value=0, max_value=20),
)
def test_evaluation_dates_are_anchored_to_the_first_date(first, interval, years):
    until = add_months(first, 12 * years)
    dates = evaluation_dates(first, interval, until)
    assert dates == [add_months(first, i * interval) for i in range(len(dates))]
    assert dates[-1] <= until < add_months(first, len(dates) * interval)


# --- Worked examples of the user documentation ----------------------------------------------------

SWEDISH_MONTHS = [
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
]
SWEDISH_DATE = re.compile(rf"(\d{{1,2}}) ({'|'.join(SWEDISH_MONTHS)}) (\d{{4}})")


def outcome(example: Example) -> dict:
    """Everything an example's `expected` may state, computed from the terms functions."""
    terms = example.terms
    chain = terms.periods()
    values = {
        "periods": len(chain),
        "period_ends": tuple(p.end for p in chain),
        "last_end": chain[-1].end,
        "cap_end": terms.cap_end,
        "refused_end": terms.period(len(chain) + 1).end,
    }
    if len(chain) > 1:
        values.update(renewal_start=chain[1].start, renewal_end=chain[1].end)
    if example.received_on is None:
        values.update(deadline=chain[0].notice_deadline, expiry=chain[0].end)
    else:
        effect = notice_effect(terms, example.received_on, example.kind)
        values.update(
            deadline=effect.coming_deadline,
            expiry=effect.coming_expiry,
            ends_on=effect.ends_on,
            in_time=effect.in_time,
            renews_first=effect.renews_first,
            capped=effect.capped,
        )
    values["non_working_day"] = non_working_day(values["deadline"])
    values["last_working_day"] = last_working_day_on_or_before(values["deadline"])
    return values


def dates_in(value) -> set[date]:
    if isinstance(value, date):
        return {value}
    if isinstance(value, tuple | list):
        return set().union(*(dates_in(v) for v in value))
    return set()


def written_dates(text: str) -> set[date]:
    return {
        date(int(year), SWEDISH_MONTHS.index(month) + 1, int(day))
        for day, month, year in SWEDISH_DATE.findall(text)
    }


def example_id(example: Example) -> str:
    return slugify(str(example.title))


@pytest.mark.parametrize("example", EXAMPLES, ids=example_id)
def test_a_documented_example_states_what_the_rules_give(example):
    computed = outcome(example)
    assert set(example.expected) <= set(computed), "unknown keys in expected"
    assert example.expected == {key: computed[key] for key in example.expected}


@pytest.mark.parametrize("example", EXAMPLES, ids=example_id)
def test_a_documented_example_writes_exactly_its_dates(example):
    text = str(example.text)
    named = written_dates(text)
    expected_dates = dates_in(list(example.expected.values()))
    known = expected_dates | {example.terms.start} | dates_in([example.received_on])
    assert expected_dates <= named, "every date in expected is written in the text"
    assert named <= known, "every date in the text is the start, the notice or expected"
    assert example.terms.start in named


@pytest.mark.parametrize("example", EXAMPLES, ids=example_id)
def test_a_documented_example_is_short_and_complete(example):
    assert str(example.title)
    sentences = [s for s in re.split(r"(?<=\.)\s+", str(example.text).strip()) if s]
    assert 1 <= len(sentences) <= 3
    assert (example.received_on is None) == (example.kind is None)
    assert example.expected


def test_the_documented_examples_cover_the_rules():
    assert 7 <= len(EXAMPLES) <= 9
    kinds = {example.kind for example in EXAMPLES}
    assert kinds == {None, AT_EXPIRY, DURING_PERIOD}
    outcomes = [outcome(example) for example in EXAMPLES]
    noticed = [o for e, o in zip(EXAMPLES, outcomes, strict=True) if e.received_on]
    assert {o["in_time"] for o in noticed} == {True, False}
    assert any(o["deadline"].month == 2 and o["deadline"].day == 29 for o in outcomes)
    assert any(e.terms.start.day == 31 for e in EXAMPLES)
    assert any(o["refused_end"] > o["cap_end"] > o["last_end"] for o in outcomes)
    assert len({example_id(e) for e in EXAMPLES}) == len(EXAMPLES)
