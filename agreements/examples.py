"""Worked examples of the agreement's date rules, as the user documentation shows them.

Each example states an agreement's terms (and possibly a notice), a Swedish text that explains the
outcome with concrete dates, and `expected`: what the rules in `agreements.terms` give. The tests
recompute every key of `expected` from the terms functions, and check that every date the text
names is one of the example's dates, so the help page cannot drift from the code.

Keys of `expected` (each optional):

- ``deadline``: the notice deadline of the coming expiry (the first period's when there is no
  notice);
- ``expiry``: the coming expiry (the end of the period in which the notice is received, or of the
  first period when there is no notice);
- ``non_working_day``: why the deadline is no working day (``None`` when it is one);
- ``last_working_day``: the last working day on or before the deadline;
- ``in_time``, ``renews_first``, ``capped``, ``ends_on``: the notice's effect;
- ``periods``: how many periods the chain has; ``period_ends``: every period's end;
- ``renewal_start``, ``renewal_end``: the second period's start and end;
- ``last_end``: the last period's end; ``cap_end``: the last day of the nine-year cap;
- ``refused_end``: where the first renewal the cap refuses would have ended.
"""

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from agreements.terms import NoticeKind, Terms


@dataclass(frozen=True)
class Example:
    title: Promise
    text: Promise
    terms: Terms
    received_on: date | None
    kind: NoticeKind | None
    expected: dict[str, Any]


EXAMPLES: tuple[Example, ...] = (
    Example(
        title=_("Vanlig förlängning"),
        text=_(
            "Ett avtal som börjar den 1 januari 2025 med treårsperioder gäller först till och med "
            "den 31 december 2027, och uppsägning måste ha kommit in senast den 31 december 2026. "
            "Den dagen är nyårsafton, så räkna med att uppsägningen måste ha kommit in senast den "
            "30 december 2026. Utan uppsägning förlängs avtalet till och med den 31 december 2030 "
            "och sedan till och med den 31 december 2033, då nioårstaket är nått."
        ),
        terms=Terms(start=date(2025, 1, 1)),
        received_on=None,
        kind=None,
        expected={
            "expiry": date(2027, 12, 31),
            "deadline": date(2026, 12, 31),
            "non_working_day": "Nyårsafton",
            "last_working_day": date(2026, 12, 30),
            "periods": 3,
            "period_ends": (date(2027, 12, 31), date(2030, 12, 31), date(2033, 12, 31)),
            "last_end": date(2033, 12, 31),
            "cap_end": date(2033, 12, 31),
        },
    ),
    Example(
        title=_("Uppsägning på sista dagen"),
        text=_(
            "För ett avtal som börjar den 1 juli 2025 är sista dag för uppsägning den 30 juni "
            "2027. En uppsägning som kommer in den dagen är i tid: avtalet förlängs inte och "
            "gäller till och med den 30 juni 2028."
        ),
        terms=Terms(start=date(2025, 7, 1)),
        received_on=date(2027, 6, 30),
        kind=NoticeKind.AT_EXPIRY,
        expected={
            "deadline": date(2027, 6, 30),
            "non_working_day": None,
            "expiry": date(2028, 6, 30),
            "in_time": True,
            "renews_first": False,
            "ends_on": date(2028, 6, 30),
        },
    ),
    Example(
        title=_("Uppsägning dagen efter sista dagen"),
        text=_(
            "För ett avtal som börjar den 1 juli 2025 är sista dag för uppsägning den 30 juni "
            "2027. En uppsägning som kommer in dagen efter, den 1 juli 2027, är för sent för "
            "periodslutet den 30 juni 2028: avtalet förlängs en gång och gäller till och med den "
            "30 juni 2031."
        ),
        terms=Terms(start=date(2025, 7, 1)),
        received_on=date(2027, 7, 1),
        kind=NoticeKind.AT_EXPIRY,
        expected={
            "deadline": date(2027, 6, 30),
            "expiry": date(2028, 6, 30),
            "in_time": False,
            "renews_first": True,
            "ends_on": date(2031, 6, 30),
        },
    ),
    Example(
        title=_("Periodslut i februari och skottdagen"),
        text=_(
            "Ett avtal som börjar den 1 mars 2026 gäller till och med den 28 februari 2029. Sista "
            "dag för uppsägning är skottdagen den 29 februari 2028, eftersom tolv månader från den "
            "dagen löper ut den 28 februari 2029. Förlängs avtalet gäller det till och med den "
            "29 februari 2032."
        ),
        terms=Terms(start=date(2026, 3, 1)),
        received_on=None,
        kind=None,
        expected={
            "expiry": date(2029, 2, 28),
            "deadline": date(2028, 2, 29),
            "non_working_day": None,
            "renewal_end": date(2032, 2, 29),
        },
    ),
    Example(
        title=_("Start den 31 januari"),
        text=_(
            "Ett avtal som börjar den 31 januari 2025 gäller till och med den 30 januari 2028, och "
            "förlängningen börjar den 31 januari 2028: varje period räknas från startdagen. Sista "
            "dag för uppsägning är den 30 januari 2027, en lördag, så räkna med att uppsägningen "
            "måste ha kommit in senast den 29 januari 2027."
        ),
        terms=Terms(start=date(2025, 1, 31)),
        received_on=None,
        kind=None,
        expected={
            "expiry": date(2028, 1, 30),
            "renewal_start": date(2028, 1, 31),
            "deadline": date(2027, 1, 30),
            "non_working_day": "lördag",
            "last_working_day": date(2027, 1, 29),
        },
    ),
    Example(
        title=_("Nioårstaket"),
        text=_(
            "Ett avtal med en första period på två år från den 1 januari 2025 förlängs med tre år "
            "i taget, till och med den 31 december 2029 och den 31 december 2032. En fjärde period "
            "skulle gälla till och med den 31 december 2035, efter nioårstaket den 31 december "
            "2033, så avtalet förlängs inte mer utan upphör den 31 december 2032."
        ),
        terms=Terms(start=date(2025, 1, 1), initial_months=24),
        received_on=None,
        kind=None,
        expected={
            "periods": 3,
            "renewal_end": date(2029, 12, 31),
            "last_end": date(2032, 12, 31),
            "refused_end": date(2035, 12, 31),
            "cap_end": date(2033, 12, 31),
        },
    ),
    Example(
        title=_("Uppsägning under en period"),
        text=_(
            "Ett avtal som började den 1 januari 2025 har förlängts till och med den 31 december "
            "2030. Vid stora förändringar kan en part säga upp det under perioden: kommer "
            "uppsägningen in den 15 maj 2028 gäller avtalet till och med den 15 maj 2029, när "
            "uppsägningstiden på tolv månader har löpt ut."
        ),
        terms=Terms(start=date(2025, 1, 1)),
        received_on=date(2028, 5, 15),
        kind=NoticeKind.DURING_PERIOD,
        expected={
            "expiry": date(2030, 12, 31),
            "in_time": True,
            "renews_first": False,
            "capped": False,
            "ends_on": date(2029, 5, 15),
        },
    ),
    Example(
        title=_("Uppsägning under en period som löper ut efter periodslutet"),
        text=_(
            "Ett avtal som började den 1 januari 2025 har förlängts till och med den 31 december "
            "2030. Kommer en uppsägning under perioden in den 1 mars 2030 löper uppsägningstiden "
            "ut först den 1 mars 2031, så avtalet förlängs och gäller till och med den dagen."
        ),
        terms=Terms(start=date(2025, 1, 1)),
        received_on=date(2030, 3, 1),
        kind=NoticeKind.DURING_PERIOD,
        expected={
            "expiry": date(2030, 12, 31),
            "in_time": False,
            "renews_first": True,
            "capped": False,
            "ends_on": date(2031, 3, 1),
        },
    ),
)
