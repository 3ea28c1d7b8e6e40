"""Date rules of the cooperation agreement (Bilaga 2), as pure functions on dates.

The agreement runs for a first period, then renews automatically for a new period unless notice
is received no later than the notice period (12 months) before the period ends. The strategy
caps funding at nine years (three three-year periods): a renewal that would pass the cap does not
happen. Either party may also terminate during a period (on major changes) with the same notice
period.

Rules the product applies, everywhere:

- Months are counted as Swedish statute counts them (lag 1930:173 om beräkning av lagstadgad
  tid): n months from a date ends on the same day number n months later, or on the last day of
  that month when it has no such day (31 January + 1 month = 28 or 29 February).
- Every period is anchored to the agreement's original start date, never chained from the
  previous end (which drifts at month ends). A period's end is the day before the next starts.
- A period's end (expiry) is the last day the agreement is in force.
- The last day to give notice before an expiry is the latest day from which the notice period
  still ends on or before the expiry. Notice received that day is in time; the day after is late.
- Notice received too late for the coming expiry lets the agreement renew once more; it then ends
  at the following expiry (notice of non-renewal) or when the notice period runs out
  (termination during a period).
- A deadline on a Saturday, Sunday or Swedish holiday is not moved: notice received that day is
  still in time, but as offices may be closed the product warns and names the last working day
  before it.
- The agreement's last day in force is the end of its last period within the cap, or the earliest
  end a notice gives (`last_day_in_force`): every page, form and job asks that one function.

Every function here is total: a date beyond the calendar's range (year 9999) stops at date.max
(date.min before year 1) instead of raising, so one absurd stored date cannot break a page or a
nightly job. Forms keep such dates out in the first place (EARLIEST_DATE..LATEST_START).
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import MAXYEAR, MINYEAR, date, timedelta
from enum import StrEnum
from functools import lru_cache

import holidays

DEFAULT_TERM_MONTHS = 36
DEFAULT_NOTICE_MONTHS = 12
FUNDING_CAP_MONTHS = 108
DEFAULT_EVALUATION_INTERVAL_MONTHS = 36
NOTICE_WINDOW_MONTHS = 6
ONE_DAY = timedelta(days=1)
# The window in which agreement dates are accepted where they are typed: the region's agreements
# start no earlier than 1990 and no later than 2100; later dates (evaluations, amounts) must fall
# within the agreement's nine-year cap, so they stay far from the calendar's end.
EARLIEST_DATE = date(1990, 1, 1)
LATEST_START = date(2100, 12, 31)


def _last_day_of_month(year: int, month: int) -> int:
    if month == 12:
        return 31
    return (date(year, month + 1, 1) - ONE_DAY).day


def months_later(day: date, months: int) -> date | None:
    """The same day number `months` later (or earlier), else the last day of that month; None
    when that falls outside the calendar (after year 9999 or before year 1)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    if not MINYEAR <= year <= MAXYEAR:
        return None
    return date(year, month, min(day.day, _last_day_of_month(year, month)))


def add_months(day: date, months: int) -> date:
    """`months_later`, stopping at date.max past year 9999 and at date.min before year 1."""
    shifted = months_later(day, months)
    if shifted is None:
        return date.max if months > 0 else date.min
    return shifted


def day_after(day: date) -> date:
    """The following day, or date.max itself (the calendar has no day after it)."""
    return day + ONE_DAY if day < date.max else day


def day_before(day: date) -> date:
    return day - ONE_DAY if day > date.min else day


def notice_deadline(expiry: date, notice_months: int = DEFAULT_NOTICE_MONTHS) -> date:
    """The last day notice can be received and still stop the agreement at `expiry`."""
    deadline = add_months(expiry, -notice_months)
    # Counting back can land short of the latest valid day at month ends (28 Feb 2025 - 12
    # months is 28 Feb 2024, but notice on 29 Feb 2024 also runs out on 28 Feb 2025).
    while deadline < expiry and (
        (runs_out := months_later(deadline + ONE_DAY, notice_months)) is not None
        and runs_out <= expiry
    ):
        deadline += ONE_DAY
    return deadline


def cap_end(start: date, cap_months: int) -> date:
    """The last day the strategy lets the region fund an agreement that starts on `start`."""
    return day_before(add_months(start, cap_months))


@dataclass(frozen=True)
class Period:
    index: int
    """1 for the first period, 2 for the first renewal, and so on."""
    start: date
    end: date
    notice_deadline: date

    @property
    def is_renewal(self) -> bool:
        return self.index > 1

    def __contains__(self, day: date) -> bool:
        return self.start <= day <= self.end


@dataclass(frozen=True)
class Terms:
    """What the agreement says about time; everything else is derived from it."""

    start: date
    initial_months: int = DEFAULT_TERM_MONTHS
    renewal_months: int = DEFAULT_TERM_MONTHS
    notice_months: int = DEFAULT_NOTICE_MONTHS
    cap_months: int = FUNDING_CAP_MONTHS

    def __post_init__(self):
        # Every deadline then falls inside its own period, which the states rely on.
        if self.notice_months >= min(self.initial_months, self.renewal_months):
            raise ValueError("The notice period must be shorter than every period.")

    def _offset(self, index: int) -> int:
        return 0 if index == 1 else self.initial_months + (index - 2) * self.renewal_months

    def period(self, index: int) -> Period:
        offset = self._offset(index)
        length = self.initial_months if index == 1 else self.renewal_months
        end = day_before(add_months(self.start, offset + length))
        return Period(
            index, add_months(self.start, offset), end, notice_deadline(end, self.notice_months)
        )

    @property
    def cap_end(self) -> date:
        """The last day the strategy lets the region fund the agreement."""
        return cap_end(self.start, self.cap_months)

    def _fits_calendar(self, index: int) -> bool:
        length = self.initial_months if index == 1 else self.renewal_months
        return months_later(self.start, self._offset(index) + length) is not None

    def periods(self) -> list[Period]:
        """The first period and every renewal that ends within the cap (and the calendar: a
        renewal that would end after year 9999 never comes)."""
        chain = [self.period(1)]
        while (
            self._fits_calendar(len(chain) + 1)
            and (following := self.period(len(chain) + 1)).end <= self.cap_end
        ):
            chain.append(following)
        return chain

    def period_on(self, day: date) -> Period | None:
        return next((p for p in self.periods() if day in p), None)


class NoticeKind(StrEnum):
    AT_EXPIRY = "at_expiry"
    """Notice that the agreement shall not renew: it ends at an expiry."""
    DURING_PERIOD = "during_period"
    """Termination during a period on major changes: it ends when the notice period runs out."""


@dataclass(frozen=True)
class NoticeEffect:
    kind: NoticeKind
    received_on: date
    ends_on: date
    coming_expiry: date
    """The end of the period in which the notice was received (or the first, if before it)."""
    coming_deadline: date
    in_time: bool
    """Received no later than the notice deadline of the coming expiry."""
    renews_first: bool
    """The agreement renews at the coming expiry before the notice takes effect."""
    capped: bool
    """The cap ends the agreement before the notice would have."""


def notice_effect(terms: Terms, received_on: date, kind: NoticeKind) -> NoticeEffect:
    chain = terms.periods()
    coming = next((p for p in chain if received_on <= p.end), chain[-1])
    runs_out = add_months(received_on, terms.notice_months)
    if kind == NoticeKind.AT_EXPIRY:
        ends = next((p.end for p in chain if runs_out <= p.end), None)
    else:
        ends = runs_out
    capped = ends is None or ends > chain[-1].end
    ends_on = chain[-1].end if capped else ends
    return NoticeEffect(
        kind=kind,
        received_on=received_on,
        ends_on=ends_on,
        coming_expiry=coming.end,
        coming_deadline=coming.notice_deadline,
        in_time=received_on <= coming.notice_deadline,
        renews_first=ends_on > coming.end,
        capped=capped,
    )


class State(StrEnum):
    DRAFT = "draft"
    ACTIVE = "active"
    NOTICE_WINDOW = "notice_window"
    NOTICE_GIVEN = "notice_given"
    RENEWED = "renewed"
    ENDED = "ended"
    TERMINATED = "terminated"


def state_on(
    day: date,
    terms: Terms,
    *,
    signed: bool,
    notice: NoticeEffect | None = None,
    window_months: int = NOTICE_WINDOW_MONTHS,
) -> State:
    """Where the agreement stands on `day`."""
    if not signed:
        return State.DRAFT
    chain = terms.periods()
    if notice is not None and day > notice.ends_on:
        early = notice.kind == NoticeKind.DURING_PERIOD and not notice.capped
        return State.TERMINATED if early else State.ENDED
    if day > chain[-1].end:
        return State.ENDED
    if notice is not None and day >= notice.received_on:
        return State.NOTICE_GIVEN
    current = next((p for p in chain if day <= p.end), chain[0])
    renews = current.index < len(chain)
    if renews and add_months(current.notice_deadline, -window_months) <= day <= (
        current.notice_deadline
    ):
        return State.NOTICE_WINDOW
    if current.is_renewal and day >= current.start:
        return State.RENEWED
    return State.ACTIVE


def last_day_in_force(terms: Terms, notices: Iterable[NoticeEffect] = ()) -> date:
    """The last day the agreement is in force: the earliest end a notice gives, else the end of
    the last period within the cap."""
    return min((notice.ends_on for notice in notices), default=terms.periods()[-1].end)


def evaluation_dates(first: date, interval_months: int, until: date) -> list[date]:
    """Every evaluation due from `first`, each anchored to it, up to and including `until`."""
    dates = []
    while (due := months_later(first, len(dates) * interval_months)) is not None and due <= until:
        if dates and due <= dates[-1]:
            break  # no interval: no later evaluation exists
        dates.append(due)
    return dates


# Public holidays and the eves that are days off in practice (midsummer, Christmas, New Year).
_HOLIDAY_CATEGORIES = ("public", "de_facto")
_WEEKEND = {"sv": ("lördag", "söndag"), "en": ("Saturday", "Sunday")}


@lru_cache(maxsize=64)
def _holidays(year: int, language: str) -> holidays.HolidayBase:
    # Building a year's calendar costs far more than a look-up; lists ask for many days.
    return holidays.Sweden(
        years=year,
        include_sundays=False,
        categories=_HOLIDAY_CATEGORIES,
        language="sv" if language == "sv" else "en_US",
    )


def non_working_day(day: date, language: str = "sv") -> str | None:
    """Why `day` is no working day in Sweden (the holiday or the weekday), or None."""
    language = "sv" if language.startswith("sv") else "en"
    names = _holidays(day.year, language)
    if day in names:
        return names[day]
    if day.weekday() >= 5:
        return _WEEKEND[language][day.weekday() - 5]
    return None


def last_working_day_on_or_before(day: date) -> date:
    while day > date.min and non_working_day(day):
        day -= ONE_DAY
    return day
