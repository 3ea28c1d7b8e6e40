from datetime import date

from django.core import mail
from django.core.management import call_command

from assessments import services
from assessments.models import DeadlineReminder
from assessments.notifications import send_deadline_reminders
from tests.assessments.fixtures import answer_all_required

# The fixture round's deadline is 15 December 2026.


def test_returning_answers_mails_the_leaders_the_comment(
    alice, olga, submission_a, django_capture_on_commit_callbacks
):
    answer_all_required(submission_a, alice)
    services.submit(submission=submission_a, user=alice)
    with django_capture_on_commit_callbacks(execute=True):
        services.return_for_completion(
            submission=submission_a, comment="Komplettera fråga 7.", user=olga
        )
    message = mail.outbox[0]
    assert message.to == ["alice@example.se"]
    assert message.subject == "Klusterbedömning (test) behöver kompletteras"
    assert "Komplettera fråga 7." in message.body
    assert f"/assessments/s/{submission_a.pk}/" in message.body


def test_leaders_with_open_answers_are_reminded_before_the_deadline(
    committed, alice, bob, submission_a
):
    assert committed(send_deadline_reminders, today=date(2026, 12, 1)) == 2
    subjects = {tuple(m.to): m.subject for m in mail.outbox}
    assert subjects[("alice@example.se",)] == (
        "Påminnelse: Klusterbedömning (test) ska skickas in senast 15 december 2026"
    )
    assert "Om 14 dagar, 15 december 2026" in mail.outbox[0].body


def test_deadline_reminders_are_sent_once_and_not_for_submitted_answers(
    committed, alice, bob, submission_a
):
    answer_all_required(submission_a, alice)
    services.submit(submission=submission_a, user=alice)
    committed(send_deadline_reminders, today=date(2026, 12, 12))
    committed(send_deadline_reminders, today=date(2026, 12, 12))
    assert [m.to for m in mail.outbox] == [["bob@example.se"]]
    assert DeadlineReminder.objects.get().days_before == 3


def test_no_reminder_long_before_or_after_the_deadline(committed, alice, bob, submission_a):
    assert committed(send_deadline_reminders, today=date(2026, 11, 1)) == 0
    assert committed(send_deadline_reminders, today=date(2026, 12, 16)) == 0


def test_the_command_sends_the_same_reminders(committed, alice, bob, submission_a):
    committed(call_command, "send_assessment_reminders", "--today", "2026-12-13")
    assert len(mail.outbox) == 2


def test_moving_the_deadline_brings_reminders_that_name_the_new_date(
    committed, alice, submission_a, round_
):
    committed(send_deadline_reminders, today=date(2026, 12, 1))
    round_.deadline = date(2026, 12, 31)
    round_.save()
    mail.outbox.clear()

    assert committed(send_deadline_reminders, today=date(2026, 12, 17)) == 1
    assert mail.outbox[0].subject == (
        "Påminnelse: Klusterbedömning (test) ska skickas in senast 31 december 2026"
    )
    assert "Om 14 dagar, 31 december 2026" in mail.outbox[0].body
    assert committed(send_deadline_reminders, today=date(2026, 12, 28)) == 1
    assert "Om 3 dagar, 31 december 2026" in mail.outbox[1].body
