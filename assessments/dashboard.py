"""The self-assessments' sections of the officer's dashboard: submissions waiting for review,
self-assessments missing near or past the round's deadline, and those returned to the leader.

Registered in ekosystem.landing from AssessmentsConfig.ready(). Each section is one query, with
what it shows joined or annotated, however many ecosystems take part.
"""

from datetime import date, timedelta

from django.db.models import Max, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from assessments.models import EventKind, Round, Status
from ekosystem import landing, permissions

# Drafts show a month before the round's deadline: time for the officer to call the leader
# before the reminders by e-mail (assessments/notifications.py) begin...
DEADLINE_DAYS = 30
# ...until this long after the deadline, when the round is history rather than work.
OVERDUE_DAYS = 90


def current_rounds(today: date):
    """Rounds that are work rather than history: open, or past their deadline by at most
    OVERDUE_DAYS (after that the dashboard no longer lists a round's self-assessments, and the
    apps above, e.g. the scoring, stop asking about it too)."""
    return Round.objects.filter(deadline__gte=today - timedelta(days=OVERDUE_DAYS))


def _day(value: date) -> str:
    return date_format(value, "j F Y")


def _item(submission, text, day, detail="", since=False) -> landing.Item:
    return landing.Item(
        text=text
        % {"name": submission.ecosystem.name, "questionnaire": submission.questionnaire.title},
        url=reverse("submission_officer", args=[submission.pk]),
        day=day,
        since=since,
        detail=detail,
    )


def _submissions(user):
    return (
        permissions.visible_submissions(user)
        .select_related("ecosystem", "questionnaire", "round")
        .order_by()
    )


def waiting_for_review_items(user, today: date) -> list[landing.Item]:
    if not permissions.can_review_submissions(user):
        return []
    return [
        _item(
            submission,
            _("%(name)s: %(questionnaire)s väntar på granskning"),
            timezone.localdate(submission.submitted_at) if submission.submitted_at else None,
            submission.round.name,
            since=True,
        )
        for submission in _submissions(user).filter(status=Status.SUBMITTED)
    ]


def missing_items(user, today: date) -> list[landing.Item]:
    """Drafts (begun or not) whose round's deadline is near or recently passed."""
    if not permissions.can_review_submissions(user):
        return []
    drafts = _submissions(user).filter(
        status=Status.DRAFT,
        round__deadline__gte=today - timedelta(days=OVERDUE_DAYS),
        round__deadline__lte=today + timedelta(days=DEADLINE_DAYS),
    )
    return [
        _item(
            submission,
            _("%(name)s: %(questionnaire)s är inte påbörjad")
            if submission.last_saved_at is None
            else _("%(name)s: %(questionnaire)s är påbörjad men inte inskickad"),
            submission.round.deadline,
            submission.round.name,
        )
        for submission in drafts
    ]


def returned_items(user, today: date) -> list[landing.Item]:
    """Returned for completion: the leader's turn, dated by the round's deadline."""
    if not permissions.can_review_submissions(user):
        return []
    returned = (
        _submissions(user)
        .filter(status=Status.RETURNED)
        .annotate(returned_at=Max("events__happened_at", filter=Q(events__kind=EventKind.RETURNED)))
    )
    return [
        _item(
            submission,
            _("%(name)s: %(questionnaire)s är återsänd för komplettering"),
            submission.round.deadline,
            _("Återsänd %(day)s, väntar på ekosystemet")
            % {"day": _day(timezone.localdate(submission.returned_at))}
            if submission.returned_at
            else _("Väntar på ekosystemet"),
        )
        for submission in returned
    ]


def register() -> None:
    round_list = lambda: reverse("round_list")  # noqa: E731
    for key, title, order, items, explanation in (
        (
            "waiting_for_review",
            gettext_lazy("Väntar på granskning"),
            30,
            waiting_for_review_items,
            gettext_lazy("Inskickade självskattningar som ingen har granskat eller återsänt."),
        ),
        (
            "self_assessments_missing",
            gettext_lazy("Självskattningar som saknas"),
            40,
            missing_items,
            lazy(
                lambda: (
                    _(
                        "Utkast i omgångar vars sista dag att skicka in är inom %(ahead)d dagar "
                        "eller passerade för högst %(past)d dagar sedan."
                    )
                    % {"ahead": DEADLINE_DAYS, "past": OVERDUE_DAYS}
                ),
                str,
            )(),
        ),
        (
            "self_assessments_returned",
            gettext_lazy("Återsända för komplettering"),
            50,
            returned_items,
            gettext_lazy("Självskattningar som väntar på att ekosystemet kompletterar dem."),
        ),
    ):
        landing.register_section(
            landing.Section(
                key=key,
                title=title,
                order=order,
                items=items,
                full_list_url=round_list,
                full_list_text=gettext_lazy("Alla bedömningsomgångar"),
                explanation=explanation,
            )
        )
