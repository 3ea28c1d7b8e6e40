"""The client's address behind the TLS proxy, and the lockout that depends on it."""

import pytest
from axes.models import AccessAttempt
from django.urls import reverse

from ekosystem.client_ip import client_address

PROXY = "10.0.0.2"


@pytest.mark.parametrize(
    ("remote_addr", "forwarded_for", "proxies", "expected"),
    [
        # No proxy: the header is ignored, whatever it says.
        ("198.51.100.9", None, 0, "198.51.100.9"),
        ("198.51.100.9", "203.0.113.7", 0, "198.51.100.9"),
        # One proxy: the entry it appended (the right-most) is the client.
        (PROXY, "203.0.113.7", 1, "203.0.113.7"),
        (PROXY, "1.2.3.4, 203.0.113.7", 1, "203.0.113.7"),  # typed entry on the left
        (PROXY, " 1.2.3.4 ,203.0.113.7 ", 1, "203.0.113.7"),
        (PROXY, "2001:db8::1", 1, "2001:db8::1"),
        # Two proxies: the second from the right.
        (PROXY, "1.2.3.4, 203.0.113.7, 10.0.0.3", 2, "203.0.113.7"),
        # Fewer entries than proxies: the request bypassed a proxy, take the connection.
        (PROXY, None, 1, PROXY),
        (PROXY, "", 1, PROXY),
        (PROXY, "203.0.113.7", 2, PROXY),
        # Garbage where the client should be: the connection, never the garbage.
        (PROXY, "not-an-address", 1, PROXY),
        (None, None, 0, None),
        ("", None, 0, None),
    ],
)
def test_client_address(remote_addr, forwarded_for, proxies, expected):
    assert client_address(remote_addr, forwarded_for, proxies) == expected


def _login(client, password, *, client_address, proxy=PROXY):
    return client.post(
        reverse("login"),
        {"username": "olga@example.se", "password": password},
        REMOTE_ADDR=proxy,
        HTTP_X_FORWARDED_FOR=client_address,
    )


def test_behind_the_proxy_a_lockout_of_one_client_leaves_another_free(client, olga, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        _login(client, "fel", client_address="203.0.113.7")
    assert _login(client, "rätt-lösenord-123", client_address="203.0.113.7").status_code == 429
    # Same proxy, same account, another client: not locked out.
    assert _login(client, "rätt-lösenord-123", client_address="198.51.100.9").status_code == 302
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"203.0.113.7"}


def test_behind_the_proxy_a_typed_forwarded_entry_does_not_escape_the_lockout(
    client, olga, settings
):
    settings.TRUSTED_PROXY_COUNT = 1
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        _login(client, "fel", client_address=f"1.2.3.{attempt}, 203.0.113.7")
    locked = _login(client, "rätt-lösenord-123", client_address="9.9.9.9, 203.0.113.7")
    assert locked.status_code == 429


def test_without_a_proxy_a_client_cannot_spoof_its_address(client, olga, settings):
    settings.TRUSTED_PROXY_COUNT = 0
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        _login(client, "fel", client_address=f"203.0.113.{attempt}", proxy="198.51.100.9")
    locked = _login(
        client, "rätt-lösenord-123", client_address="203.0.113.99", proxy="198.51.100.9"
    )
    assert locked.status_code == 429
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"198.51.100.9"}
