from datetime import date, timedelta

from django.core import mail
from django.core.management import call_command

from agreements.models import Reminder
from agreements.reminders import send_agreement_reminders
from tests.agreements.factories import AgreementFactory

# The factory's agreement: notice deadline 31 December 2026, first evaluation 30 June 2027.
DEADLINE = date(2026, 12, 31)


def test_officers_board_seat_and_leaders_are_reminded_30_days_before_the_deadline(
    committed, agreement_a, alice, bob, olga
):
    assert committed(send_agreement_reminders, today=DEADLINE - timedelta(days=30)) == 1
    assert sorted(m.to[0] for m in mail.outbox) == ["alice@example.se", "olga@example.se"]
    message = mail.outbox[0]
    assert message.subject == (
        "Sista dag för uppsägning av avtalet med Rymdekosystemet A: 31 december 2026"
    )
    assert "Om 30 dagar är det sista dag att säga upp samarbetsavtalet" in message.body
    assert f"/agreements/{agreement_a.pk}/" in message.body
    assert message.alternatives[0][1] == "text/html"


def test_a_reminder_is_sent_once_even_if_the_job_runs_twice(committed, agreement_a, olga):
    day = DEADLINE - timedelta(days=7)
    committed(send_agreement_reminders, today=day)
    committed(send_agreement_reminders, today=day)
    assert len(mail.outbox) == 1
    assert Reminder.objects.get().days_before == 7


def test_after_missed_days_only_the_nearest_reminder_is_sent(committed, agreement_a, olga):
    committed(send_agreement_reminders, today=DEADLINE - timedelta(days=20))
    assert list(Reminder.objects.values_list("days_before", flat=True)) == [30]


def test_no_reminder_between_the_steps_or_after_the_date(committed, agreement_a, olga):
    committed(send_agreement_reminders, today=DEADLINE - timedelta(days=90))
    assert committed(send_agreement_reminders, today=DEADLINE - timedelta(days=60)) == 0
    assert committed(send_agreement_reminders, today=DEADLINE + timedelta(days=1)) == 0
    assert len(mail.outbox) == 1


def test_drafts_and_agreements_with_notice_get_no_deadline_reminder(committed, olga):
    AgreementFactory(signed_on=None)
    given = AgreementFactory()
    given.notices.create(
        party="region",
        kind="at_expiry",
        received_on=date(2026, 1, 2),
        ends_on=date(2027, 12, 31),
        recorded_by=olga,
    )
    assert committed(send_agreement_reminders, today=DEADLINE - timedelta(days=30)) == 0


def test_evaluations_are_reminded_too(committed, agreement_a, olga):
    committed(send_agreement_reminders, today=date(2027, 6, 30) - timedelta(days=30))
    assert mail.outbox[0].subject == "Utvärdering av avtalet med Rymdekosystemet A: 30 juni 2027"


def test_the_command_sends_the_same_reminders(committed, agreement_a, olga):
    committed(call_command, "send_agreement_reminders", "--today", "2026-12-24")
    assert len(mail.outbox) == 1
