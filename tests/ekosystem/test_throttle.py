"""Throttles on reset requests and wrong old passwords (ekosystem.throttle and its forms)."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse

from ekosystem import throttle
from ekosystem.models import SecurityEvent

RULE = throttle.Rule("test", limit=3, window=timedelta(hours=1), cooloff=timedelta(minutes=30))
START = 1_800_000_000.0  # the start of a window: a multiple of 3 600 s


@pytest.mark.parametrize(
    ("seconds", "minutes"),
    [(-5, 0), (0, 0), (1, 1), (59, 1), (60, 1), (61, 2), (1800, 30), (1801, 31)],
)
def test_minutes_left_round_up(seconds, minutes):
    assert throttle.minutes_left(START + seconds, START) == minutes


@pytest.mark.parametrize(("hits", "blocked"), [(0, 0), (1, 0), (2, 0), (3, 30), (4, 30)])
def test_the_attempt_that_reaches_the_limit_starts_the_cooloff(hits, blocked):
    for _ in range(hits):
        throttle.hit(RULE, "someone", now=START)
    assert throttle.blocked(RULE, "someone", now=START) == blocked


def test_the_cooloff_ends_after_its_time():
    for _ in range(RULE.limit):
        throttle.hit(RULE, "someone", now=START)
    assert throttle.blocked(RULE, "someone", now=START + 30 * 60 - 1) == 1
    assert throttle.blocked(RULE, "someone", now=START + 30 * 60) == 0


def test_attempts_in_different_windows_do_not_add_up():
    throttle.hit(RULE, "someone", now=START - 1)
    throttle.hit(RULE, "someone", now=START - 1)
    throttle.hit(RULE, "someone", now=START)
    assert throttle.blocked(RULE, "someone", now=START) == 0


def test_subjects_are_counted_apart_but_regardless_of_case():
    for _ in range(RULE.limit):
        throttle.hit(RULE, "Olga@Example.se", now=START)
    assert throttle.blocked(RULE, "olga@example.se", now=START) == 30
    assert throttle.blocked(RULE, "other@example.se", now=START) == 0


def test_clear_forgets_the_attempts():
    for _ in range(RULE.limit):
        throttle.hit(RULE, "someone", now=START)
    throttle.clear(RULE, "someone", now=START)
    assert throttle.blocked(RULE, "someone", now=START) == 0
    throttle.hit(RULE, "someone", now=START)
    assert throttle.blocked(RULE, "someone", now=START) == 0


# --- Password reset requests ----------------------------------------------------------------------


def _request_reset(client, email, address="198.51.100.9"):
    return client.post(reverse("password_reset"), {"email": email}, REMOTE_ADDR=address)


def test_reset_mails_per_address_stop_at_the_limit_with_the_same_answer(client, olga, committed):
    limit = throttle.RESET_PER_EMAIL.limit
    answers = [committed(_request_reset, client, "olga@example.se") for _ in range(limit + 1)]
    assert len(mail.outbox) == limit
    assert {(answer.status_code, answer.url) for answer in answers} == {
        (302, reverse("password_reset_done"))
    }
    refused = SecurityEvent.objects.filter(kind="password_reset_requested").first()
    assert refused.detail == "inget brev: för många begäranden för e-postadressen"


def test_reset_requests_for_another_address_are_not_held_back_by_the_first(
    client, olga, alice, committed
):
    for _ in range(throttle.RESET_PER_EMAIL.limit + 1):
        committed(_request_reset, client, "olga@example.se")
    mail.outbox.clear()
    committed(_request_reset, client, "alice@example.se")
    assert [message.to for message in mail.outbox] == [["alice@example.se"]]


def test_a_flood_from_one_client_is_told_to_wait_and_keeps_what_was_typed(client, db):
    for number in range(throttle.RESET_PER_ADDRESS.limit):
        assert _request_reset(client, f"person{number}@example.se").status_code == 302
    refused = _request_reset(client, "sista@example.se")
    assert refused.status_code == 429
    assert refused.context["form"].errors["email"] == [
        "För många försök från din adress. Vänta 30 minuter och försök igen."
    ]
    assert 'value="sista@example.se"' in refused.text
    # Another client is not held back.
    assert _request_reset(client, "sista@example.se", address="203.0.113.7").status_code == 302


def test_a_refused_flood_request_queues_no_mail(client, olga, django_capture_on_commit_callbacks):
    for number in range(throttle.RESET_PER_ADDRESS.limit):
        _request_reset(client, f"person{number}@example.se")
    with django_capture_on_commit_callbacks() as callbacks:
        _request_reset(client, "olga@example.se")
    assert callbacks == []
    refused = SecurityEvent.objects.filter(kind="password_reset_requested").first()
    assert (refused.username, refused.detail) == (
        "olga@example.se",
        "avvisad: för många begäranden från adressen",
    )


def test_a_broker_outage_leaves_the_answer_unchanged(client, olga, committed, monkeypatch):
    from ekosystem import tasks

    def broker_down(*args, **kwargs):
        raise ConnectionError("no broker")

    monkeypatch.setattr(tasks.send_password_reset, "delay", broker_down)
    response = committed(_request_reset, client, "olga@example.se")
    assert response.url == reverse("password_reset_done")


# --- Wrong old passwords on password change -------------------------------------------------------


def _change_password(client, old, new="ett-helt-nytt-lösenord-42"):
    return client.post(
        reverse("password_change"),
        {"old_password": old, "new_password1": new, "new_password2": new},
    )


def test_after_too_many_wrong_old_passwords_the_form_refuses_with_a_message_by_the_field(
    client_for, olga
):
    client = client_for(olga)
    limit = throttle.PASSWORD_CHANGE.limit
    for _ in range(limit - 1):
        wrong = _change_password(client, "fel")
        assert "old_password" in wrong.context["form"].errors
        assert "För många" not in wrong.text
    last = _change_password(client, "fel")
    cooloff = [
        "För många felaktiga försök med ditt nuvarande lösenord. Vänta 15 minuter och försök igen."
    ]
    assert last.context["form"].errors["old_password"] == cooloff
    # Even the right password is not checked during the cool-off; the user stays signed in.
    right = _change_password(client, "rätt-lösenord-123")
    assert right.status_code == 200
    assert right.context["form"].errors["old_password"] == cooloff
    assert right.context["user"] == olga
    olga.refresh_from_db()
    assert olga.check_password("rätt-lösenord-123")
    assert client.get(reverse("password_change")).status_code == 200


def test_one_wrong_old_password_short_of_the_limit_still_lets_the_right_one_through(
    client_for, olga
):
    client = client_for(olga)
    for _ in range(throttle.PASSWORD_CHANGE.limit - 1):
        _change_password(client, "fel")
    assert _change_password(client, "rätt-lösenord-123").status_code == 302
    olga.refresh_from_db()
    assert olga.check_password("ett-helt-nytt-lösenord-42")


def test_a_successful_change_forgets_earlier_wrong_passwords(client_for, olga):
    client = client_for(olga)
    for _ in range(throttle.PASSWORD_CHANGE.limit - 1):
        _change_password(client, "fel")
    _change_password(client, "rätt-lösenord-123")
    for _ in range(throttle.PASSWORD_CHANGE.limit - 1):
        _change_password(client, "fel")
    assert _change_password(client, "ett-helt-nytt-lösenord-42", new="tredje-lösenordet-77").url


def test_one_users_wrong_passwords_do_not_hold_back_another(client_for, olga, alice):
    client = client_for(olga)
    for _ in range(throttle.PASSWORD_CHANGE.limit):
        _change_password(client, "fel")
    client = client_for(alice)
    assert _change_password(client, "rätt-lösenord-123").status_code == 302
