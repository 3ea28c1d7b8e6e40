"""Every mail goes through the outbox: stored with the change, sent after commit, retried."""

from datetime import date, timedelta
from smtplib import SMTPRecipientsRefused
from unittest import mock

import pytest
from celery.app.task import Task
from django.contrib.messages import get_messages
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from kombu.exceptions import OperationalError

from agreements.reminders import send_agreement_reminders
from assessments import services
from ekosystem import outbox
from ekosystem.models import OutboxMessage
from tests.agreements.factories import AgreementFactory
from tests.assessments.fixtures import answer_all_required
from tests.factories import UserFactory

# Addresses the test mail server refuses.
REFUSED = set()


class RefusingBackend(EmailBackend):
    """The locmem backend, except that it refuses the addresses in REFUSED like an SMTP server."""

    def send_messages(self, messages):
        for message in messages:
            refused = REFUSED.intersection(message.to)
            if refused:
                raise SMTPRecipientsRefused(dict.fromkeys(refused, (550, b"No such user")))
        return super().send_messages(messages)


@pytest.fixture
def refusing_mail_server(settings):
    settings.EMAIL_BACKEND = "tests.ekosystem.test_outbox.RefusingBackend"
    REFUSED.clear()
    yield REFUSED
    REFUSED.clear()


def broker_down():
    """Publishing any task fails as it does when Redis is unreachable."""
    return mock.patch.object(
        Task, "apply_async", side_effect=OperationalError("Error 111 connecting to redis")
    )


def test_returning_answers_with_the_broker_down_succeeds_and_the_mail_is_sent_later(
    client_for, alice, olga, submission_a, django_capture_on_commit_callbacks
):
    answer_all_required(submission_a, alice)
    services.submit(submission=submission_a, user=alice)
    client = client_for(olga)
    with broker_down(), django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("submission_return", args=[submission_a.pk]),
            {"comment": "Komplettera fråga 7."},
        )
    assert response.status_code == 302
    assert [m.level_tag for m in get_messages(response.wsgi_request)] == ["success"]
    submission_a.refresh_from_db()
    assert submission_a.status == "returned"
    assert mail.outbox == []
    waiting = OutboxMessage.objects.get()
    assert (waiting.recipient, waiting.sent_at) == ("alice@example.se", None)

    assert outbox.send_due() == 1
    assert [m.to for m in mail.outbox] == [["alice@example.se"]]
    assert "Komplettera fråga 7." in mail.outbox[0].body
    assert OutboxMessage.objects.get().sent_at is not None


def test_a_mail_is_sent_once_committed_and_never_again(committed, alice):
    def enqueue():
        return outbox.enqueue(
            "submission-returned-test",
            to=["alice@example.se"],
            context={},
            key="test:1",
        )

    with mock.patch.object(
        outbox.emails,
        "render",
        return_value={"subject": "Ämne", "text": "Text", "html": "<p>Text</p>"},
    ):
        committed(enqueue)
        committed(enqueue)
    assert OutboxMessage.objects.count() == 1
    assert [m.subject for m in mail.outbox] == ["Ämne"]
    assert outbox.send_due(now=timezone.now() + timedelta(days=2)) == 0
    assert len(mail.outbox) == 1


def test_a_refused_send_is_retried_with_growing_backoff_and_recorded(
    committed, refusing_mail_server, agreement_a, olga
):
    refusing_mail_server.add("olga@example.se")
    day = date(2026, 12, 31) - timedelta(days=30)
    start = timezone.now()
    committed(send_agreement_reminders, today=day)
    message = OutboxMessage.objects.get(recipient="olga@example.se")
    assert message.attempts == 1
    assert message.sent_at is None
    assert "SMTPRecipientsRefused" in message.last_error
    first_wait = message.next_attempt_at - start
    assert outbox.BACKOFF[0] <= first_wait < outbox.BACKOFF[0] + timedelta(minutes=1)

    # Not due before the backoff has passed; after it, tried again and waits longer.
    assert outbox.send_due(now=start + timedelta(seconds=30)) == 0
    later = message.next_attempt_at + timedelta(seconds=1)
    assert outbox.send_due(now=later) == 0
    message.refresh_from_db()
    assert message.attempts == 2
    assert message.next_attempt_at == later + outbox.BACKOFF[1]

    refusing_mail_server.clear()
    assert outbox.send_due(now=message.next_attempt_at) == 1
    message.refresh_from_db()
    assert message.sent_at is not None
    assert [m.to for m in mail.outbox] == [["olga@example.se"]]


def test_after_the_last_attempt_a_message_waits_for_an_administrators_retry(
    committed, refusing_mail_server, agreement_a, olga, client
):
    refusing_mail_server.add("olga@example.se")
    committed(send_agreement_reminders, today=date(2026, 12, 1))
    message = OutboxMessage.objects.get()
    now = timezone.now()
    for _attempt in range(outbox.MAX_ATTEMPTS):
        now = max(now, message.next_attempt_at or now) + timedelta(seconds=1)
        outbox.send_due(now=now)
        message.refresh_from_db()
    assert message.attempts == outbox.MAX_ATTEMPTS
    assert message.next_attempt_at is None
    assert outbox.send_due(now=now + timedelta(days=30)) == 0

    refusing_mail_server.clear()
    admin = UserFactory(email="root@example.se", is_staff=True, is_superuser=True)
    client.force_login(admin)
    changelist = reverse("admin:ekosystem_outboxmessage_changelist")
    assert "olga@example.se" in client.get(changelist).content.decode()
    detail = reverse("admin:ekosystem_outboxmessage_change", args=[message.pk])
    assert "SMTPRecipientsRefused" in client.get(detail).content.decode()
    committed(
        client.post,
        changelist,
        {"action": "retry_now", "_selected_action": [message.pk]},
    )
    message.refresh_from_db()
    assert message.sent_at is not None
    assert [m.to for m in mail.outbox] == [["olga@example.se"]]


def test_one_refused_address_does_not_stop_the_nightly_reminders(
    committed, refusing_mail_server, ecosystem_a, ecosystem_b, alice, bob, olga
):
    AgreementFactory(ecosystem=ecosystem_a)
    AgreementFactory(ecosystem=ecosystem_b)
    refusing_mail_server.add("alice@example.se")
    assert committed(send_agreement_reminders, today=date(2026, 12, 1)) == 2
    assert sorted(m.to[0] for m in mail.outbox) == [
        "bob@example.se",
        "olga@example.se",
        "olga@example.se",
    ]
    failed = OutboxMessage.objects.get(sent_at__isnull=True)
    assert failed.recipient == "alice@example.se"
    assert "550" in failed.last_error


def test_the_sweeper_command_sends_what_the_broker_could_not_take(committed, agreement_a, olga):
    with broker_down():
        committed(send_agreement_reminders, today=date(2026, 12, 1))
    assert mail.outbox == []
    call_command("send_outbox")
    assert [m.to for m in mail.outbox] == [["olga@example.se"]]
