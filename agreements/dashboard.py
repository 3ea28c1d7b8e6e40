"""The agreements' sections of the officer's dashboard: notice deadlines and evaluations.

Registered in ekosystem.landing from AgreementsConfig.ready(). Each section selects its candidates
in the database by date ranges (a constant number of queries, however many agreements there are),
then asks the agreement's overview (agreements/overview.py, the rules in agreements/terms.py) to
confirm each candidate, so the dashboard and the agreement page never disagree.
"""

from datetime import date, timedelta

from django.db.models import Count, F, IntegerField, Q, Value
from django.db.models.functions import Cast, ExtractMonth, ExtractYear
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.functional import lazy
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from agreements import terms
from agreements.models import Agreement
from agreements.overview import non_working_day, overview_of
from agreements.reminders import REMINDER_DAYS
from ekosystem import landing, permissions

# How far ahead the dashboard looks: as far as the first e-mail reminder of each date.
NOTICE_DAYS = max(REMINDER_DAYS["notice_deadline"])
EVALUATION_DAYS = max(REMINDER_DAYS["evaluation"])


def _day(value: date) -> str:
    return date_format(value, "j F Y")


def _prefetched(agreements):
    return agreements.select_related("ecosystem").prefetch_related(
        "notices", "amounts", "evaluations"
    )


def notice_deadline_candidates(today: date, horizon: date):
    """Signed agreements without a notice whose stored current period (AgreementPeriod, kept by
    the daily job) has its last day for notice from today to `horizon`."""
    return (
        Agreement.objects.filter(
            signed_on__isnull=False,
            periods__notice_deadline__gte=today,
            periods__notice_deadline__lte=horizon,
        )
        .exclude(notices__isnull=False)
        .distinct()
    )


def notice_deadline_items(user, today: date) -> list[landing.Item]:
    if not permissions.can_manage_agreements(user):
        return []
    horizon = today + timedelta(days=NOTICE_DAYS)
    items = []
    for agreement in _prefetched(notice_deadline_candidates(today, horizon)):
        overview = overview_of(agreement, today)
        # The agreement renews unless notice is given: only then is the deadline one to act by.
        if overview.next_period is None:
            continue
        deadline = overview.current.notice_deadline
        if not today <= deadline <= horizon:
            continue
        reason = non_working_day(deadline)
        items.append(
            landing.Item(
                text=_("%(name)s: sista dag för uppsägning inför %(end)s")
                % {"name": agreement.ecosystem.name, "end": _day(overview.current.end)},
                url=agreement.get_absolute_url(),
                day=deadline,
                detail=(
                    _(
                        "%(day)s är en %(reason)s: se till att uppsägningen kommer in senast "
                        "%(working)s."
                    )
                    % {
                        "day": _day(deadline),
                        "reason": reason,
                        "working": _day(terms.last_working_day_on_or_before(deadline)),
                    }
                    if reason
                    else _("Annars förlängs avtalet till och med %(end)s.")
                    % {"end": _day(overview.next_period.end)}
                ),
            )
        )
    return items


def _month_index(expression):
    """Months since year 0 of a date column, as an integer in every database."""
    return Cast(ExtractYear(expression), IntegerField()) * 12 + Cast(
        ExtractMonth(expression), IntegerField()
    )


def evaluation_candidates(today: date, horizon: date):
    """Signed agreements that may have an evaluation due by `horizon` that is not recorded.

    Evaluations fall every `evaluation_interval_months` from the first one and are stored only
    when done, so the database counts, by whole months, how many are due by the horizon and
    compares that with how many are recorded. Month-level counting can only include too many
    (an evaluation later in the horizon's month), never too few; the overview then decides.
    Agreements a notice has ended before today, or past the funding cap by month, are left out.
    """
    horizon_index = horizon.year * 12 + horizon.month
    today_index = today.year * 12 + today.month
    due_by_horizon = (Value(horizon_index) - _month_index("first_evaluation_on")) / Cast(
        F("evaluation_interval_months"), IntegerField()
    ) + 1
    return (
        Agreement.objects.filter(signed_on__isnull=False, first_evaluation_on__lte=horizon)
        .exclude(notices__ends_on__lt=today)
        .alias(
            cap_index=_month_index("start_date") + Cast(F("cap_months"), IntegerField()),
            due_by_horizon=due_by_horizon,
            recorded=Count("evaluations", filter=Q(evaluations__due_on__lte=horizon)),
        )
        .filter(cap_index__gte=today_index, due_by_horizon__gt=F("recorded"))
    )


def evaluation_items(user, today: date) -> list[landing.Item]:
    if not permissions.can_manage_agreements(user):
        return []
    horizon = today + timedelta(days=EVALUATION_DAYS)
    items = []
    for agreement in _prefetched(evaluation_candidates(today, horizon)):
        overview = overview_of(agreement, today)
        if overview.state in (terms.State.DRAFT, terms.State.ENDED, terms.State.TERMINATED):
            continue
        due = list(overview.overdue_evaluations)
        if overview.next_evaluation is not None and overview.next_evaluation <= horizon:
            due.append(overview.next_evaluation)
        for day in due:
            items.append(
                landing.Item(
                    text=_("%(name)s: utvärdering") % {"name": agreement.ecosystem.name},
                    url=reverse("agreement_evaluation", args=[agreement.pk]),
                    day=day,
                    detail=_("Registrera utvärderingen när den är genomförd."),
                )
            )
    return items


def _agreement_list(days: int) -> str:
    return reverse("agreement_list") + "?" + urlencode({"within_days": days})


def register() -> None:
    landing.register_section(
        landing.Section(
            key="notice_deadlines",
            title=gettext_lazy("Sista dag för uppsägning"),
            order=10,
            items=notice_deadline_items,
            full_list_url=lambda: _agreement_list(NOTICE_DAYS),
            full_list_text=lazy(
                lambda: _("Alla avtal med ett datum inom %(days)d dagar") % {"days": NOTICE_DAYS},
                str,
            )(),
            explanation=lazy(
                lambda: (
                    _(
                        "Avtal som förlängs om ingen säger upp dem, med sista dag för uppsägning "
                        "inom %(days)d dagar."
                    )
                    % {"days": NOTICE_DAYS}
                ),
                str,
            )(),
        )
    )
    landing.register_section(
        landing.Section(
            key="evaluations",
            title=gettext_lazy("Utvärderingar"),
            order=20,
            items=evaluation_items,
            full_list_url=lambda: _agreement_list(EVALUATION_DAYS),
            full_list_text=lazy(
                lambda: (
                    _("Alla avtal med ett datum inom %(days)d dagar") % {"days": EVALUATION_DAYS}
                ),
                str,
            )(),
            explanation=lazy(
                lambda: (
                    _(
                        "Utvärderingar som inte är registrerade och är försenade eller planerade "
                        "inom %(days)d dagar."
                    )
                    % {"days": EVALUATION_DAYS}
                ),
                str,
            )(),
        )
    )
