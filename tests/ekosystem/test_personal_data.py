"""A person's copy of their data (GDPR art. 15), pseudonymising a person who left (art. 17
within the archive rules), and the registry that keeps both in step with the models."""

import json
from datetime import date

import pytest
from django.apps import apps
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.models import Session
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import NoReverseMatch, resolve, reverse
from django.utils import timezone

from agreements.calendar import create_calendar_token
from agreements.models import CalendarToken
from agreements.services import record_evaluation
from assessments import services as assessment_services
from assessments.models import Answer, Attachment, Submission
from ekosystem import personal_data, security_log
from ekosystem.choices import Role
from ekosystem.models import BoardMember, OutboxMessage, SecurityEvent, UsedFormToken, User
from tests.assessments.fixtures import question
from tests.factories import BoardMemberFactory, UserFactory

Kind = SecurityEvent.Kind


# --- The registry covers every model ----------------------------------------------------------


def test_every_relation_to_a_user_and_every_stored_address_is_named_by_a_source():
    assert personal_data.uncovered() == [], (
        "Add these to a personal_data Source (what is exported and what pseudonymising does)"
    )
    assert personal_data.check_every_place_is_named() == []


@pytest.mark.parametrize(
    ("key", "reported"),
    [
        ("form_tokens", "ekosystem.UsedFormToken.user"),
        ("mail", "ekosystem.OutboxMessage.recipient"),
        ("answers", "assessments.Answer.updated_by"),
        ("history", "assessments.HistoricalAnswer.history_user"),
    ],
)
def test_a_place_no_source_names_is_reported(monkeypatch, key, reported):
    without = {k: s for k, s in personal_data._sources.items() if k != key}
    monkeypatch.setattr(personal_data, "_sources", without)
    assert reported in personal_data.uncovered()
    assert any(reported in w.msg for w in personal_data.check_every_place_is_named())


# --- A world where two leaders write in the same ecosystem -------------------------------------


@pytest.fixture
def anna(ecosystem_a):
    return UserFactory(
        email="anna@example.se",
        full_name="Anna Andraledare",
        role=Role.LEADER,
        ecosystems=[ecosystem_a],
    )


@pytest.fixture
def world(alice, anna, olga, submission_a, agreement_a, ecosystem_a):
    issues = question(submission_a, "b1-issues")
    media = question(submission_a, "b1-media")
    assessment_services.save_answer(
        submission=submission_a, question=issues, raw="Alices rymdtext", base_revision=0, user=alice
    )
    assessment_services.save_answer(
        submission=submission_a, question=media, raw="Annas mediatext", base_revision=0, user=anna
    )
    for user, q, name in ((alice, issues, "alices-intyg.pdf"), (anna, media, "annas-intyg.pdf")):
        assessment_services.add_attachment(
            answer=Answer.objects.get(submission=submission_a, question=q),
            upload=SimpleUploadedFile(name, b"%PDF-1.4 intyg"),
            user=user,
        )
    Submission.objects.filter(pk=submission_a.pk).update(status="submitted")
    assessment_services.return_for_completion(
        submission=submission_a, comment="Olgas kommentar om bilagan", user=olga
    )
    assessment_services.add_dialogue_note(
        submission=submission_a,
        held_on=date(2026, 11, 20),
        participants="Alice Ledare, Olga Handläggare",
        notes="Olgas dialoganteckning",
        user=olga,
    )
    record_evaluation(
        agreement=agreement_a,
        due_on=agreement_a.first_evaluation_on,
        done_on=agreement_a.first_evaluation_on,
        summary="Olgas utvärdering",
        actor=olga,
    )
    board = BoardMemberFactory(ecosystem=ecosystem_a, name="Alice Ledare")
    board.organisation = "Alices förening"
    board._history_user = alice
    board.save()
    security_log.record(Kind.LOGIN, user=alice, detail="alices inloggning")
    security_log.record(Kind.LOGIN, user=anna, detail="annas inloggning")
    OutboxMessage.objects.create(
        key="a1", template="t", recipient="alice@example.se", subject="Till Alice", text="x"
    )
    OutboxMessage.objects.create(
        key="a2", template="t", recipient="anna@example.se", subject="Till Anna", text="x"
    )
    create_calendar_token(user=alice)
    UsedFormToken.objects.create(token="t" * 30, user=alice)
    return submission_a


def _download(client_for, user):
    response = client_for(user).post(reverse("personal_data_download"))
    assert response.status_code == 200
    return response, json.loads(response.content.decode("utf-8"))


def _items(data, key):
    return data["sections"][key]["entries"]


# --- The person's copy -------------------------------------------------------------------------


def test_the_file_holds_each_kind_of_the_persons_data(client_for, alice, world):
    _response, data = _download(client_for, alice)
    assert data["person"]["email"] == "alice@example.se"
    assert _items(data, "profile")[0]["ecosystems_led"] == ["Rymdekosystemet A"]
    assert [a["value"] for a in _items(data, "answers")] == ["Alices rymdtext"]
    assert [a["name"] for a in _items(data, "attachments")] == ["alices-intyg.pdf"]
    assert [b["organisation"] for b in _items(data, "board_entries")] == ["Alices förening"]
    assert {h["what"] for h in _items(data, "history")} == {"styrelseledamot"}
    # Signing in records a login of its own; the one recorded above is there too.
    details = [e["detail"] for e in _items(data, "security_events")]
    assert [d for d in details if d] == ["alices inloggning"]
    subjects = [m["subject"] for m in _items(data, "mail")]
    assert "Till Alice" in subjects and "Till Anna" not in subjects
    assert len(_items(data, "calendar_links")) == 1
    assert len(_items(data, "form_tokens")) == 1


def test_the_file_holds_nothing_of_another_person(client_for, alice, world):
    response, _data = _download(client_for, alice)
    text = response.content.decode("utf-8")
    for other in ("Annas mediatext", "annas-intyg", "annas inloggning", "Till Anna", "anna@"):
        assert other not in text
    # Written by the officer about alice's ecosystem: in olga's file, not in alice's.
    assert "Olgas" not in text


def test_an_officers_file_holds_what_they_recorded(client_for, olga, world):
    _response, data = _download(client_for, olga)
    assert [e["comment"] for e in _items(data, "review_events")] == ["Olgas kommentar om bilagan"]
    assert [n["notes"] for n in _items(data, "dialogue_notes")] == ["Olgas dialoganteckning"]
    assert [e["summary"] for e in _items(data, "agreement_evaluations")] == ["Olgas utvärdering"]
    assert [r["round"] for r in _items(data, "rounds")] == ["Bedömning 2026"]
    assert "Alices rymdtext" not in json.dumps(data, ensure_ascii=False)


def test_the_file_is_utf8_json_dated_and_never_cached(client_for, alice, world):
    response, data = _download(client_for, alice)
    assert response["Content-Type"] == "application/json; charset=utf-8"
    today = timezone.localdate().isoformat()
    assert response["Content-Disposition"] == (
        f'attachment; filename="mina-personuppgifter-{today}.json"'
    )
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    assert "Rymdekosystemet A" in response.content.decode("utf-8")  # not \\u-escaped
    assert data["format"] == personal_data.FORMAT
    assert data["exported_at"].startswith(today[:4])


def test_the_calendar_link_itself_is_never_in_the_file(client_for, alice, world):
    link = create_calendar_token(user=alice)
    # The token, or (once only its hash is stored) the secret shown once and its hash.
    secrets = [getattr(link, name, None) for name in ("token", "secret", "token_hash")]
    response, _data = _download(client_for, alice)
    text = response.content.decode("utf-8")
    assert [s for s in secrets if s and s in text] == []
    assert "t" * 30 not in text  # nor the one-time form token


def test_downloading_is_recorded_as_a_security_event(client_for, alice, world):
    _download(client_for, alice)
    event = SecurityEvent.objects.get(kind=Kind.DATA_EXPORTED)
    assert (event.user, event.detail) == (alice, "self")


def test_the_download_takes_a_post_and_names_nobody_in_its_address(client_for, alice):
    assert client_for(alice).get(reverse("personal_data_download")).status_code == 405
    assert resolve(reverse("personal_data_download")).kwargs == {}
    with pytest.raises(NoReverseMatch):
        reverse("personal_data_download", kwargs={"pk": alice.pk})


def test_a_leader_downloads_only_their_own_data(client_for, alice, anna, world):
    """Even with another person's id in the request, the file is the signed-in person's."""
    response = client_for(anna).post(
        reverse("personal_data_download"), {"pk": alice.pk, "user": alice.pk, "id": alice.pk}
    )
    data = json.loads(response.content)
    assert data["person"]["email"] == "anna@example.se"
    assert "Alices rymdtext" not in response.content.decode()


def test_a_non_staff_user_cannot_use_the_admin_export(client_for, alice, anna):
    response = _changelist_action(client_for(alice), "export_personal_data", [anna])
    assert response.status_code == 302
    assert "/admin/login/" in response.url


def test_a_signed_out_visitor_gets_no_file(client_for, db):
    response = client_for(None).post(reverse("personal_data_download"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_the_page_lists_what_is_held_and_what_is_kept_by_law(client_for, alice, world):
    response = client_for(alice).get(reverse("personal_data"))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Mina personuppgifter" in page
    assert "Arkivlagen" in page
    assert "Svar du har sparat senast i självskattningar" in page
    assert reverse("personal_data_download") in page


def test_the_export_reads_answers_in_a_fixed_number_of_queries(
    alice, world, django_assert_num_queries
):
    """No query per answer: one answer or four cost the same."""
    with CaptureQueriesContext(connection) as one_answer:
        personal_data.export(alice)
    for key, raw in (("b1-age", "12"), ("b1-staff-fte", "2"), ("b1-eccp", "yes")):
        assessment_services.save_answer(
            submission=world, question=question(world, key), raw=raw, base_revision=0, user=alice
        )
    assert Answer.objects.filter(updated_by=alice).count() == 4
    with django_assert_num_queries(len(one_answer.captured_queries)):
        personal_data.export(alice)


# --- The administrator's copy and pseudonymising ----------------------------------------------


@pytest.fixture
def adam(db):
    return UserFactory(
        email="adam@example.se",
        full_name="Adam Admin",
        role=Role.ADMIN,
        is_staff=True,
        is_superuser=True,
    )


def _changelist_action(client, action, users, **extra):
    return client.post(
        reverse("admin:ekosystem_user_changelist"),
        {"action": action, "_selected_action": [u.pk for u in users], **extra},
    )


def test_an_administrator_downloads_a_persons_file_for_a_letter(client_for, adam, alice, world):
    response = _changelist_action(client_for(adam), "export_personal_data", [alice])
    assert response.status_code == 200
    assert f"personuppgifter-anvandare-{alice.pk}-" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["person"]["email"] == "alice@example.se"
    event = SecurityEvent.objects.get(kind=Kind.DATA_EXPORTED)
    assert (event.user, event.detail) == (alice, f"by administrator {adam.pk}")


def test_the_confirmation_page_says_what_will_happen(client_for, adam, alice, world):
    response = _changelist_action(client_for(adam), "pseudonymise", [alice])
    page = response.content.decode()
    assert response.status_code == 200
    assert "Det här går inte att ångra." in page
    assert f"Före detta användare {alice.pk}" in page
    assert "Svar du har sparat senast i självskattningar" in page
    # Nothing happened yet.
    alice.refresh_from_db()
    assert alice.is_active and alice.email == "alice@example.se"


def _pseudonymise(client_for, adam, person):
    return _changelist_action(client_for(adam), "pseudonymise", [person], confirmed="yes")


def test_pseudonymising_replaces_name_and_email_and_closes_the_account(
    client_for, adam, alice, world
):
    response = _pseudonymise(client_for, adam, alice)
    assert response.status_code == 302
    alice.refresh_from_db()
    assert alice.full_name == f"Före detta användare {alice.pk}"
    assert alice.email == f"former-{alice.pk}@invalid"
    assert not alice.is_active
    assert not alice.has_usable_password()
    assert not alice.ecosystems.exists()
    messages = [str(m) for m in response.wsgi_request._messages]
    assert any("Kontot alice@example.se är avidentifierat" in m for m in messages)


def test_a_pseudonymised_person_cannot_sign_in(client, adam, alice, world, client_for):
    _pseudonymise(client_for, adam, alice)
    client.logout()
    for email in ("alice@example.se", f"former-{alice.pk}@invalid"):
        response = client.post(
            reverse("login"), {"username": email, "password": "rätt-lösenord-123"}
        )
        assert response.status_code == 200  # the form again, not a redirect in
        assert "_auth_user_id" not in client.session


def test_pseudonymising_ends_the_persons_sessions_only(client, adam, alice, anna, world):
    from django.test import Client

    alices_browser, annas_browser = Client(), Client()
    alices_browser.force_login(alice)
    annas_browser.force_login(anna)
    assert Session.objects.count() == 2
    client.force_login(adam)
    _changelist_action(client, "pseudonymise", [alice], confirmed="yes")
    # Deleted from the store, not merely refused: nothing of hers is left in a session row.
    signed_in = [s.get_decoded().get("_auth_user_id") for s in Session.objects.all()]
    assert str(alice.pk) not in signed_in
    assert str(anna.pk) in signed_in
    assert alices_browser.get(reverse("personal_data")).status_code == 302
    assert annas_browser.get(reverse("personal_data")).status_code == 200


def test_pseudonymising_keeps_what_the_archive_rules_require(client_for, adam, alice, world):
    answers_before = Answer.objects.filter(updated_by=alice).count()
    history_before = BoardMember.history.filter(history_user=alice).count()
    _pseudonymise(client_for, adam, alice)
    assert Answer.objects.filter(updated_by=alice).count() == answers_before == 1
    assert Attachment.objects.filter(uploaded_by=alice).count() == 1
    assert BoardMember.history.filter(history_user=alice).count() == history_before > 0
    assert Submission.objects.filter(pk=world.pk).exists()
    # The records now show the pseudonym.
    answer = Answer.objects.select_related("updated_by").get(updated_by=alice)
    assert str(answer.updated_by) == f"Före detta användare {alice.pk}"


def test_pseudonymising_replaces_the_email_in_security_events(client_for, adam, alice, world):
    security_log.record(Kind.LOGIN_FAILED, username="alice@example.se", detail="fel lösenord")
    security_log.record(Kind.EMAIL_CHANGED, user=alice, detail="was alice@example.se")
    _pseudonymise(client_for, adam, alice)
    assert not SecurityEvent.objects.filter(username__icontains="alice@").exists()
    assert not SecurityEvent.objects.filter(detail__icontains="alice@example.se").exists()
    assert SecurityEvent.objects.filter(user=alice, kind=Kind.LOGIN).exists()
    event = SecurityEvent.objects.get(kind=Kind.PSEUDONYMISED)
    assert (event.user, event.detail) == (alice, f"by administrator {adam.pk}")


def test_pseudonymising_removes_mail_tokens_and_calendar_links(client_for, adam, alice, world):
    _pseudonymise(client_for, adam, alice)
    assert not OutboxMessage.objects.filter(recipient="alice@example.se").exists()
    assert OutboxMessage.objects.filter(recipient="anna@example.se").exists()
    assert not UsedFormToken.objects.filter(user=alice).exists()
    assert not CalendarToken.objects.filter(user=alice, revoked_at__isnull=True).exists()


def test_pseudonymising_replaces_the_name_in_the_admin_log(client_for, adam, alice, world):
    LogEntry.objects.create(
        user=adam,
        content_type=ContentType.objects.get_for_model(User),
        object_id=str(alice.pk),
        object_repr=str(alice),
        action_flag=CHANGE,
    )
    _pseudonymise(client_for, adam, alice)
    assert LogEntry.objects.get(object_id=str(alice.pk)).object_repr.startswith("Före detta")


def test_pseudonymising_deletes_sign_in_records_of_the_login_guard(client_for, adam, alice):
    from axes.models import AccessLog

    AccessLog.objects.create(username="alice@example.se", user_agent="x", ip_address="10.0.0.1")
    AccessLog.objects.create(username="bob@example.se", user_agent="x", ip_address="10.0.0.2")
    _pseudonymise(client_for, adam, alice)
    left = set(AccessLog.objects.values_list("username", flat=True))
    assert "bob@example.se" in left and "alice@example.se" not in left


def test_the_last_active_administrator_cannot_be_pseudonymised(db):
    only_admin = UserFactory(email="solo@example.se", role=Role.ADMIN, is_superuser=True)
    staff = UserFactory(email="staff@example.se", role=Role.OFFICER, is_staff=True)
    assert personal_data.refusal(only_admin, by=staff) == personal_data.LAST_ADMINISTRATOR
    with pytest.raises(ValueError):
        personal_data.pseudonymise(only_admin, by=staff)
    only_admin.refresh_from_db()
    assert only_admin.is_active


def test_an_administrator_may_go_while_another_remains(adam, db):
    other = UserFactory(email="eva@example.se", role=Role.ADMIN, is_superuser=True)
    assert personal_data.refusal(other, by=adam) is None


def test_nobody_pseudonymises_themselves(adam, olga):
    assert personal_data.refusal(adam, by=adam) == personal_data.CANNOT_SELF


def test_the_refusal_is_shown_and_nothing_happens(client_for, adam, db):
    solo = UserFactory(email="solo@example.se", role=Role.ADMIN, is_superuser=True)
    adam.is_superuser, adam.role = False, Role.OFFICER
    adam.save()
    adam.user_permissions.add(*Permission.objects.filter(codename__in=["change_user", "view_user"]))
    response = _pseudonymise(client_for, adam, solo)
    solo.refresh_from_db()
    assert solo.is_active
    messages = [str(m) for m in response.wsgi_request._messages]
    assert any("den enda aktiva administratören" in m for m in messages)


def test_the_only_leader_is_pseudonymised_with_a_warning(client_for, adam, bob, ecosystem_b):
    response = _changelist_action(client_for(adam), "pseudonymise", [bob])
    assert "Testbäddsekosystemet B har ingen annan aktiv ledare" in response.content.decode()
    _pseudonymise(client_for, adam, bob)
    bob.refresh_from_db()
    assert not bob.is_active


def test_a_second_pseudonymisation_is_refused(adam, alice, world):
    personal_data.pseudonymise(alice, by=adam)
    alice.refresh_from_db()
    assert personal_data.refusal(alice, by=adam) == personal_data.ALREADY_DONE


@pytest.mark.skipif(
    not apps.is_installed("django_otp.plugins.otp_totp"), reason="two-step verification not merged"
)
def test_second_factor_devices_are_listed_without_secrets_and_deleted(client_for, adam, alice):
    device = apps.get_model("otp_totp", "TOTPDevice").objects.create(
        user=alice, name="Telefon", confirmed=True
    )
    response, data = _download(client_for, alice)
    assert [d["name"] for d in _items(data, "second_factor")] == ["Telefon"]
    assert device.key not in response.content.decode()
    _pseudonymise(client_for, adam, alice)
    assert not type(device).objects.filter(user=alice).exists()
