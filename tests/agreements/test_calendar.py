"""The private calendar feed of agreement dates, and the page that hands out its address.

The agreements below start 1 January 2024 with the default terms: periods end 31 December 2026,
2029 and 2032 (the last, at the nine-year cap, does not renew), so notice is due by 31 December
2025 and 2028. Evaluations are due 1 June 2025, 2028 and 2031.
"""

import hashlib
import re
from datetime import date, timedelta

import pytest
from django.apps import apps
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from icalendar import Calendar

from agreements.calendar import create_calendar_token, revoke_calendar_tokens
from agreements.models import CalendarToken, hash_calendar_token
from ekosystem.models import SecurityEvent
from tests.agreements.calendar_factories import make_agreement, record_evaluation, record_notice
from tests.factories import EcosystemFactory


def _feed(client, token):
    """Fetch the feed of a token create_calendar_token returned (it alone knows the secret)."""
    return client.get(reverse("calendar_feed", args=[token.secret]))


def _events(response):
    calendar = Calendar.from_ical(response.content)
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def _days(events, kind):
    return sorted(event.decoded("DTSTART") for uid, event in events.items() if f"-{kind}-" in uid)


@pytest.fixture
def agreement_a(ecosystem_a):
    return make_agreement(ecosystem_a)


@pytest.fixture
def agreement_b(ecosystem_b):
    return make_agreement(ecosystem_b, start=date(2025, 3, 1))


# --- The feed -------------------------------------------------------------------------------------


def test_feed_is_a_named_icalendar_served_as_text_calendar(client, olga, agreement_a):
    response = _feed(client, create_calendar_token(user=olga))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    assert str(calendar["X-WR-CALNAME"]) == "Ekosystem – avtalsdatum"
    assert str(calendar["VERSION"]) == "2.0"
    assert b"X-PUBLISHED-TTL:PT12H" in response.content


def test_feed_holds_each_notice_deadline_before_a_renewal_with_a_reminder_30_days_before(
    client, olga, agreement_a
):
    events = _events(_feed(client, create_calendar_token(user=olga)))
    assert _days(events, "deadline") == [date(2025, 12, 31), date(2028, 12, 31)]
    deadline = events[f"agreement-{agreement_a.pk}-deadline-2025-12-31@ekosystem"]
    assert str(deadline["SUMMARY"]) == "Sista dag för uppsägning – Rymdekosystemet A"
    assert deadline.decoded("DTEND") == date(2026, 1, 1)
    (alarm,) = deadline.walk("VALARM")
    assert alarm.decoded("TRIGGER") == -timedelta(days=30)
    assert str(alarm["ACTION"]) == "DISPLAY"


def test_feed_holds_period_expiries_and_the_day_the_agreement_ends(client, olga, agreement_a):
    events = _events(_feed(client, create_calendar_token(user=olga)))
    assert _days(events, "expiry") == [date(2026, 12, 31), date(2029, 12, 31)]
    assert _days(events, "end") == [date(2032, 12, 31)]
    end = events[f"agreement-{agreement_a.pk}-end-2032-12-31@ekosystem"]
    assert str(end["SUMMARY"]) == "Avtalet upphör – Rymdekosystemet A"
    assert not end.walk("VALARM")


def test_feed_holds_the_evaluations_not_yet_done(client, olga, agreement_a):
    record_evaluation(agreement_a, due_on=date(2025, 6, 1), by=olga)
    events = _events(_feed(client, create_calendar_token(user=olga)))
    assert _days(events, "evaluation") == [date(2028, 6, 1), date(2031, 6, 1)]


def test_every_event_is_all_day_stamped_and_links_to_the_agreement(client, olga, agreement_a):
    events = _events(_feed(client, create_calendar_token(user=olga)))
    link = f"http://testserver{agreement_a.get_absolute_url()}"
    for event in events.values():
        assert type(event.decoded("DTSTART")) is date
        assert "DTSTAMP" in event
        assert link in str(event["DESCRIPTION"])
        assert str(event["URL"]) == link


def test_event_uids_stay_the_same_between_fetches(client, olga, agreement_a):
    token = create_calendar_token(user=olga)
    assert set(_events(_feed(client, token))) == set(_events(_feed(client, token)))


def test_notice_deadline_on_a_day_off_warns_of_the_last_working_day(client, olga, agreement_a):
    events = _events(_feed(client, create_calendar_token(user=olga)))
    description = str(
        events[f"agreement-{agreement_a.pk}-deadline-2025-12-31@ekosystem"]["DESCRIPTION"]
    )
    assert "nyårsafton" in description
    assert "30 december 2025" in description


def test_feed_has_no_notice_deadlines_once_notice_ends_the_agreement(client, olga, agreement_a):
    record_notice(agreement_a, received_on=date(2025, 6, 1), by=olga)
    events = _events(_feed(client, create_calendar_token(user=olga)))
    assert _days(events, "deadline") == []
    assert _days(events, "expiry") == []
    assert _days(events, "end") == [date(2026, 12, 31)]
    assert _days(events, "evaluation") == [date(2025, 6, 1)]


def test_feed_leaves_out_drafts(client, olga, ecosystem_a):
    make_agreement(ecosystem_a, signed=False)
    assert _events(_feed(client, create_calendar_token(user=olga))) == {}


def test_leader_feed_holds_only_their_own_ecosystems_agreements(
    client, alice, olga, agreement_a, agreement_b
):
    alice_uids = set(_events(_feed(client, create_calendar_token(user=alice))))
    assert alice_uids
    assert all(uid.startswith(f"agreement-{agreement_a.pk}-") for uid in alice_uids)
    olga_uids = set(_events(_feed(client, create_calendar_token(user=olga))))
    assert any(uid.startswith(f"agreement-{agreement_b.pk}-") for uid in olga_uids)


def test_feed_follows_what_the_user_may_see_when_it_is_fetched(
    client, alice, agreement_a, agreement_b, ecosystem_b
):
    token = create_calendar_token(user=alice)
    alice.ecosystems.set([ecosystem_b, EcosystemFactory()])
    uids = set(_events(_feed(client, token)))
    assert uids
    assert all(uid.startswith(f"agreement-{agreement_b.pk}-") for uid in uids)


def test_feed_needs_no_login(client, alice, agreement_a):
    token = create_calendar_token(user=alice)
    client.logout()
    assert _feed(client, token).status_code == 200


def test_revoked_token_answers_404(client, alice, agreement_a):
    token = create_calendar_token(user=alice)
    revoke_calendar_tokens(user=alice)
    assert _feed(client, token).status_code == 404


def test_unknown_token_answers_404(client, db):
    assert client.get(reverse("calendar_feed", args=["no-such-token"])).status_code == 404


def test_token_of_an_inactive_user_answers_404(client, alice, agreement_a):
    token = create_calendar_token(user=alice)
    alice.is_active = False
    alice.save()
    assert _feed(client, token).status_code == 404


def test_token_of_a_user_who_may_not_browse_agreements_answers_404(client, rita):
    token = CalendarToken.objects.create(user=rita, token_hash=hash_calendar_token("rita-token"))
    token.secret = "rita-token"
    assert _feed(client, token).status_code == 404


# --- Creating and revoking ------------------------------------------------------------------------


def test_creating_a_token_revokes_the_earlier_one(alice):
    first = create_calendar_token(user=alice)
    second = create_calendar_token(user=alice)
    first.refresh_from_db()
    assert first.revoked_at is not None
    assert second.revoked_at is None
    assert second.secret != first.secret
    assert len(second.secret) >= 43


def _shown_address(response) -> str:
    return re.search(r'id="feed-url"[^>]* value="([^"]+)"', response.text).group(1)


def test_revoking_then_creating_through_the_page_gives_a_different_token(client_for, alice):
    client = client_for(alice)
    created = client.post(reverse("calendar_token_create"))
    assert created.status_code == 200
    first = _shown_address(created)
    assert client.get(first).status_code == 200

    client.post(reverse("calendar_token_revoke"))
    assert client.get(first).status_code == 404

    second = _shown_address(client.post(reverse("calendar_token_create")))
    assert second != first
    assert client.get(second).status_code == 200


@pytest.mark.parametrize("name", ["calendar_token_create", "calendar_token_revoke"])
def test_get_on_a_post_only_endpoint_answers_405(client_for, alice, name):
    assert client_for(alice).get(reverse(name)).status_code == 405
    assert not CalendarToken.objects.exists()


# --- The settings page ----------------------------------------------------------------------------


def test_settings_page_needs_login(client, db):
    response = client.get(reverse("calendar_settings"))
    assert response.status_code == 302
    assert response.url.startswith(f"{reverse('login')}?next=")


def test_settings_page_and_creating_a_token_are_forbidden_to_a_reviewer(client_for, rita):
    client = client_for(rita)
    assert client.get(reverse("calendar_settings")).status_code == 403
    assert client.post(reverse("calendar_token_create")).status_code == 403
    assert not CalendarToken.objects.exists()


def test_settings_page_offers_to_create_a_link_when_there_is_none(client_for, nils):
    page = client_for(nils).get(reverse("calendar_settings")).text
    assert "Skapa kalenderlänk" in page
    assert "Återkalla länken" not in page
    assert "Google Kalender" in page


def test_the_feed_address_is_shown_once_on_the_public_address_when_created(
    client_for, alice, settings
):
    settings.SITE_URL = "https://ekosystem.example.se"
    client = client_for(alice)
    address = _shown_address(client.post(reverse("calendar_token_create")))
    assert re.fullmatch(r"https://ekosystem\.example\.se/calendar/[\w-]{43}\.ics", address)

    page = client.get(reverse("calendar_settings")).text
    assert address not in page
    assert 'id="feed-url"' not in page
    token = CalendarToken.objects.get(user=alice)
    # In Stockholm's time: between 23 and 24 UTC it is already the next day there.
    with translation.override("sv"):
        created = date_format(timezone.localtime(token.created_at), "j F")
    assert f"Du har en kalenderlänk, skapad {created}" in page
    assert "Återkalla länken" in page
    assert "Skapa ny kalenderlänk" in page


# --- Stored as a hash -----------------------------------------------------------------------------


def test_the_database_never_holds_the_token_itself(client_for, alice):
    client = client_for(alice)
    address = _shown_address(client.post(reverse("calendar_token_create")))
    secret = address.rsplit("/", 1)[1].removesuffix(".ics")
    # Every row of every table (sessions, security events and messages included).
    for model in apps.get_models(include_auto_created=True):
        for row in model.objects.values_list():
            assert secret not in repr(row), f"{model._meta.db_table} holds the token"
    stored = CalendarToken.objects.get(user=alice)
    assert stored.token_hash == hashlib.sha256(secret.encode()).hexdigest()
    assert not hasattr(stored, "secret")


def test_the_feed_answers_the_right_token_and_404_for_its_hash_or_a_near_miss(
    client, alice, agreement_a
):
    token = create_calendar_token(user=alice)
    assert _feed(client, token).status_code == 200
    for wrong in (token.token_hash, token.secret[:-1] + ("A" if token.secret[-1] != "A" else "B")):
        assert client.get(reverse("calendar_feed", args=[wrong])).status_code == 404


def test_creating_and_revoking_are_recorded_as_security_events(client_for, alice):
    client = client_for(alice)
    client.post(reverse("calendar_token_create"), HTTP_USER_AGENT="Testläsare")
    client.post(reverse("calendar_token_create"))
    client.post(reverse("calendar_token_revoke"))
    # Signing in is an event of its own.
    calendar_events = SecurityEvent.objects.filter(user=alice).exclude(kind="login")
    kinds = list(calendar_events.order_by("pk").values_list("kind"))
    assert kinds == [
        (SecurityEvent.Kind.CALENDAR_TOKEN_CREATED,),
        (SecurityEvent.Kind.CALENDAR_TOKEN_REVOKED,),  # the first, replaced by the second
        (SecurityEvent.Kind.CALENDAR_TOKEN_CREATED,),
        (SecurityEvent.Kind.CALENDAR_TOKEN_REVOKED,),
    ]
    first = calendar_events.order_by("pk").first()
    assert first.user_agent == "Testläsare"
    assert first.ip_address == "127.0.0.1"


def test_revoking_when_there_is_no_link_records_nothing(client_for, alice):
    client_for(alice).post(reverse("calendar_token_revoke"))
    assert not SecurityEvent.objects.exclude(kind=SecurityEvent.Kind.LOGIN).exists()
