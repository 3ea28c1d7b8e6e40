"""E-mail to cluster leaders about their questionnaires: returned answers, coming deadlines."""

from datetime import date

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse

from assessments.models import DeadlineReminder, EventKind, Status, Submission
from ekosystem import emails

DEADLINE_REMINDER_DAYS = (14, 3)


def _leaders(submission) -> list[str]:
    return sorted(
        submission.ecosystem.leaders.filter(is_active=True).values_list("email", flat=True)
    )


def _context(submission):
    return {
        "submission": submission,
        "url": settings.SITE_URL + reverse("submission_start", args=[submission.pk]),
    }


def send_returned(submission_id: int) -> int:
    """Tell the ecosystem's leaders that their answers came back, with the officer's comment."""
    submission = Submission.objects.select_related("ecosystem", "questionnaire", "round").get(
        pk=submission_id
    )
    to = _leaders(submission)
    if not to or submission.status != Status.RETURNED:
        return 0
    event = submission.events.filter(kind=EventKind.RETURNED).first()
    emails.send("submission-returned", to, {**_context(submission), "event": event})
    return len(to)


def send_deadline_reminders(*, today: date) -> int:
    """Remind leaders of open submissions 14 and 3 days before the round's deadline, once each.

    Only the nearest reminder still ahead is sent when the job has missed days.
    """
    sent = 0
    open_submissions = Submission.objects.filter(
        status__in=[Status.DRAFT, Status.RETURNED], round__deadline__gte=today
    ).select_related("ecosystem", "questionnaire", "round")
    for submission in open_submissions:
        days_left = (submission.round.deadline - today).days
        ahead = [days for days in DEADLINE_REMINDER_DAYS if days_left <= days]
        to = _leaders(submission)
        if not ahead or not to:
            continue
        try:
            with transaction.atomic():
                DeadlineReminder.objects.create(submission=submission, days_before=min(ahead))
                emails.send(
                    "submission-deadline", to, {**_context(submission), "days_left": days_left}
                )
        except IntegrityError:
            continue
        sent += 1
    return sent
