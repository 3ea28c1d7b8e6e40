"""The security event log: what is recorded, who may read it, and how long it is kept."""

from datetime import datetime, timedelta
from urllib.parse import urlsplit

import pytest
from django.urls import reverse
from django.utils import timezone

from ekosystem import security_log
from ekosystem.choices import Role
from ekosystem.models import SecurityEvent, User
from tests.factories import UserFactory

Kind = SecurityEvent.Kind
PROXY = "10.0.0.2"
CLIENT = "203.0.113.7"


@pytest.fixture
def behind_proxy(settings):
    """One trusted proxy; every request below comes through it for CLIENT."""
    settings.TRUSTED_PROXY_COUNT = 1
    return {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": CLIENT}


@pytest.fixture
def adam(db):
    return UserFactory(email="adam@example.se", role=Role.ADMIN, is_staff=True, is_superuser=True)


def _events(kind):
    return list(SecurityEvent.objects.filter(kind=kind).values("user", "username", "ip_address"))


def _login(client, password, headers):
    return client.post(
        reverse("login"), {"username": "olga@example.se", "password": password}, **headers
    )


def test_a_login_is_recorded_with_the_clients_address(client, olga, behind_proxy):
    _login(client, "rätt-lösenord-123", behind_proxy)
    assert _events(Kind.LOGIN) == [
        {"user": olga.pk, "username": "olga@example.se", "ip_address": CLIENT}
    ]


def test_a_failed_login_is_recorded_with_the_name_tried(client, olga, behind_proxy):
    _login(client, "fel", behind_proxy)
    assert _events(Kind.LOGIN_FAILED) == [
        {"user": None, "username": "olga@example.se", "ip_address": CLIENT}
    ]
    assert _events(Kind.LOGIN) == []


def test_a_lockout_is_recorded(client, olga, behind_proxy, settings):
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        _login(client, "fel", behind_proxy)
    assert _events(Kind.LOCKOUT) == []
    _login(client, "fel", behind_proxy)
    assert _events(Kind.LOCKOUT) == [
        {"user": None, "username": "olga@example.se", "ip_address": CLIENT}
    ]


def test_a_logout_is_recorded(client, olga, behind_proxy):
    _login(client, "rätt-lösenord-123", behind_proxy)
    client.post(reverse("logout"), **behind_proxy)
    assert _events(Kind.LOGOUT) == [
        {"user": olga.pk, "username": "olga@example.se", "ip_address": CLIENT}
    ]


def test_a_password_change_is_recorded(client_for, olga, behind_proxy):
    new = "ett-helt-nytt-lösenord-42"
    client_for(olga).post(
        reverse("password_change"),
        {"old_password": "rätt-lösenord-123", "new_password1": new, "new_password2": new},
        **behind_proxy,
    )
    assert _events(Kind.PASSWORD_CHANGED) == [
        {"user": olga.pk, "username": "olga@example.se", "ip_address": CLIENT}
    ]


def test_a_refused_password_change_is_not_recorded_as_a_change(client_for, olga, behind_proxy):
    client_for(olga).post(
        reverse("password_change"),
        {"old_password": "fel", "new_password1": "x-y-z-123456", "new_password2": "x-y-z-123456"},
        **behind_proxy,
    )
    assert _events(Kind.PASSWORD_CHANGED) == []


@pytest.mark.parametrize("email", ["olga@example.se", "okand@example.se"])
def test_a_reset_request_is_recorded_with_the_address_typed(client, olga, behind_proxy, email):
    client.post(reverse("password_reset"), {"email": email}, **behind_proxy)
    assert _events(Kind.PASSWORD_RESET_REQUESTED) == [
        {"user": None, "username": email, "ip_address": CLIENT}
    ]


def test_a_completed_reset_is_recorded(client, olga, behind_proxy):
    from ekosystem.password_reset import reset_url

    set_password_page = client.get(urlsplit(reset_url(olga)).path, follow=True)
    new = "ett-helt-nytt-lösenord-42"
    client.post(
        set_password_page.request["PATH_INFO"],
        {"new_password1": new, "new_password2": new},
        **behind_proxy,
    )
    assert _events(Kind.PASSWORD_RESET_DONE) == [
        {"user": olga.pk, "username": "olga@example.se", "ip_address": CLIENT}
    ]


def _admin_change(client, user, **changes):
    data = {
        "email": user.email,
        "full_name": user.full_name,
        "role": user.role,
        "is_active": "on",
        "date_joined_0": "2026-01-01",
        "date_joined_1": "10:00:00",
        "last_login_0": "",
        "last_login_1": "",
    }
    data.update(changes)
    return client.post(reverse("admin:ekosystem_user_change", args=[user.pk]), data, **HEADERS)


HEADERS = {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": CLIENT}


@pytest.mark.parametrize(
    ("changes", "detail"),
    [
        ({"role": Role.OFFICER}, "role: leader → officer"),
        ({"is_staff": "on"}, "is_staff: False → True"),
        ({"is_superuser": "on"}, "is_superuser: False → True"),
    ],
)
def test_a_rights_change_in_the_admin_is_recorded_with_who_and_where(
    client_for, alice, adam, behind_proxy, changes, detail
):
    response = _admin_change(client_for(adam), alice, **changes)
    assert response.status_code == 302, response.context["adminform"].form.errors
    [event] = SecurityEvent.objects.filter(kind=Kind.ROLE_CHANGED)
    assert (event.user, event.ip_address) == (alice, CLIENT)
    assert event.detail == f"{detail} (av adam@example.se)"


def test_a_rights_change_outside_a_request_is_recorded_too(olga):
    olga.role = Role.LEADER
    olga.is_staff = True
    olga.save()
    [event] = SecurityEvent.objects.filter(kind=Kind.ROLE_CHANGED)
    assert (event.user, event.ip_address) == (olga, None)
    assert event.detail == "role: officer → leader; is_staff: False → True"


def test_saving_a_user_without_a_rights_change_records_nothing(client_for, alice, adam):
    _admin_change(client_for(adam), alice, full_name="Alice Nytt Namn")
    alice.refresh_from_db()
    assert alice.full_name == "Alice Nytt Namn"
    assert not SecurityEvent.objects.filter(kind=Kind.ROLE_CHANGED).exists()


def test_a_new_user_is_no_rights_change(db):
    UserFactory(role=Role.OFFICER, is_staff=True)
    assert not SecurityEvent.objects.filter(kind=Kind.ROLE_CHANGED).exists()


def test_a_sign_in_costs_no_extra_query_for_the_rights_check(olga, django_assert_num_queries):
    olga.last_login = timezone.now()
    with django_assert_num_queries(1):
        olga.save(update_fields=["last_login"])


# --- Reading the log ------------------------------------------------------------------------------


def _changelist():
    return reverse("admin:ekosystem_securityevent_changelist")


def test_an_administrator_reads_the_log_with_filters_and_search(client_for, adam, olga):
    security_log.record(Kind.LOGIN_FAILED, username="olga@example.se")
    event = SecurityEvent.objects.get()
    two_days_ago = timezone.now() - timedelta(days=2)
    SecurityEvent.objects.filter(pk=event.pk).update(ip_address=CLIENT, at=two_days_ago)
    client = client_for(adam)
    assert "olga@example.se" in client.get(_changelist()).text
    day = timezone.localdate(two_days_ago)
    for query in (
        {"kind": Kind.LOGIN_FAILED},
        {"at__year": day.year, "at__month": day.month, "at__day": day.day},
        {"q": CLIENT},
        {"q": "olga@"},
    ):
        response = client.get(_changelist(), query)
        assert response.status_code == 200
        assert list(response.context["cl"].result_list) == [event], query
    assert client.get(_changelist(), {"kind": Kind.LOGOUT}).context["cl"].result_count == 0


def test_an_officer_without_staff_rights_cannot_read_the_log(client_for, olga):
    response = client_for(olga).get(_changelist())
    assert response.status_code == 302
    assert response.url.startswith(reverse("admin:login"))


def test_staff_without_the_view_permission_cannot_read_the_log(client_for, db):
    staff = UserFactory(role=Role.OFFICER, is_staff=True)
    assert client_for(staff).get(_changelist()).status_code == 403


def test_nobody_adds_changes_or_deletes_events_in_the_admin(client_for, adam):
    event = security_log.record(Kind.LOGIN, user=adam)
    client = client_for(adam)
    assert client.get(reverse("admin:ekosystem_securityevent_add")).status_code == 403
    delete = reverse("admin:ekosystem_securityevent_delete", args=[event.pk])
    assert client.post(delete, {"post": "yes"}).status_code == 403
    change = reverse("admin:ekosystem_securityevent_change", args=[event.pk])
    client.post(change, {"kind": Kind.LOGOUT, "username": "x"})
    event.refresh_from_db()
    assert (event.kind, event.username) == (Kind.LOGIN, "adam@example.se")
    assert "delete_selected" not in client.get(_changelist()).text


# --- Retention ------------------------------------------------------------------------------------

NOW = timezone.make_aware(datetime(2026, 12, 3, 3, 30))


@pytest.mark.parametrize(
    ("age", "kept"),
    [
        (timedelta(0), True),
        (timedelta(days=364), True),
        (timedelta(days=365) - timedelta(seconds=1), True),
        (timedelta(days=365), True),
        (timedelta(days=365, seconds=1), False),
        (timedelta(days=800), False),
    ],
)
def test_purge_keeps_events_younger_than_the_retention_and_deletes_older(db, age, kept):
    SecurityEvent.objects.create(kind=Kind.LOGIN, at=NOW - age)
    assert security_log.purge_expired(now=NOW) == (0 if kept else 1)
    assert SecurityEvent.objects.exists() is kept


def test_the_retention_follows_the_setting(db, settings):
    settings.SECURITY_EVENT_RETENTION_DAYS = 30
    SecurityEvent.objects.create(kind=Kind.LOGIN, at=NOW - timedelta(days=30, seconds=1))
    SecurityEvent.objects.create(kind=Kind.LOGIN, at=NOW - timedelta(days=29))
    assert security_log.purge_expired(now=NOW) == 1


def test_a_deleted_user_leaves_the_event_with_the_name(olga):
    security_log.record(Kind.LOGIN, user=olga)
    User.objects.filter(pk=olga.pk).delete()
    assert _events(Kind.LOGIN) == [
        {"user": None, "username": "olga@example.se", "ip_address": None}
    ]
