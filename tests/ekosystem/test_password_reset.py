"""Reset links: how long they work, and a request that looks the same for every address."""

import re
from datetime import datetime, timedelta
from urllib.parse import urlsplit

import pytest
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ekosystem import password_reset
from ekosystem.models import OutboxMessage

ISSUED = datetime(2026, 12, 3, 10, 0, 0)


@pytest.mark.parametrize(
    ("age", "works"),
    [
        (timedelta(0), True),
        (timedelta(hours=1, minutes=59), True),
        (timedelta(hours=1, minutes=59, seconds=59), True),
        (timedelta(hours=2, seconds=1), False),
        (timedelta(hours=2, minutes=1), False),
        (timedelta(days=3), False),  # Django's default lifetime
    ],
)
def test_a_reset_link_works_for_two_hours(client, olga, monkeypatch, age, works):
    monkeypatch.setattr(PasswordResetTokenGenerator, "_now", lambda self: ISSUED)
    path = urlsplit(password_reset.reset_url(olga)).path
    monkeypatch.setattr(PasswordResetTokenGenerator, "_now", lambda self: ISSUED + age)
    page = client.get(path, follow=True)
    assert page.context["validlink"] is works


def test_the_mail_says_how_long_the_link_works(client, olga, committed):
    committed(client.post, reverse("password_reset"), {"email": "olga@example.se"})
    assert "Länken nedan gäller i 2 timmar." in mail.outbox[0].body


def _request(client, email):
    with CaptureQueriesContext(connection) as queries:
        response = client.post(reverse("password_reset"), {"email": email})
    return response, [query["sql"] for query in queries]


def test_known_and_unknown_addresses_take_the_same_path(
    client, olga, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as unknown_queued:
        unknown, unknown_queries = _request(client, "okand@example.se")
    with django_capture_on_commit_callbacks() as known_queued:
        known, known_queries = _request(client, "olga@example.se")
    assert (known.status_code, known.url) == (unknown.status_code, unknown.url)
    assert len(known_queries) == len(unknown_queries)
    # The request never looks the address up: that happens in the task, after the answer.
    assert not any("ekosystem_user" in sql for sql in known_queries + unknown_queries)
    assert len(known_queued) == len(unknown_queued) == 1
    # Only the task finds the account and queues a mail, in the outbox.
    unknown_queued[0]()
    assert not OutboxMessage.objects.exists()
    known_queued[0]()
    assert list(OutboxMessage.objects.values_list("recipient", "template")) == [
        ("olga@example.se", "password-reset")
    ]


def test_an_inactive_account_gets_no_mail(client, olga, committed):
    olga.is_active = False
    olga.save()
    committed(client.post, reverse("password_reset"), {"email": "olga@example.se"})
    assert mail.outbox == []


def test_the_address_is_matched_regardless_of_case(client, olga, committed):
    committed(client.post, reverse("password_reset"), {"email": "OLGA@example.se"})
    assert [message.to for message in mail.outbox] == [["olga@example.se"]]


def test_the_mailed_link_points_at_the_site(client, olga, committed, settings):
    settings.SITE_URL = "https://ekosystem.example.se"
    committed(client.post, reverse("password_reset"), {"email": "olga@example.se"})
    assert re.search(
        r"https://ekosystem\.example\.se/account/password/reset/\S+/\S+/", mail.outbox[0].body
    )


def test_a_retried_task_mails_once(olga):
    password_reset.send_reset_links(email="olga@example.se", occasion="task-1")
    password_reset.send_reset_links(email="olga@example.se", occasion="task-1")
    assert OutboxMessage.objects.count() == 1
