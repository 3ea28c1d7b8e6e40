"""Every URL pattern, for every persona, answers as declared here.

A new page must add a row: test_every_url_pattern_is_in_the_matrix fails until it does. Objects of
another ecosystem answer 404 (their existence is not revealed); pages a user may see but not use
answer 403; anonymous users are sent to the login page.
"""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from agreements.calendar import create_calendar_token
from agreements.models import Evaluation
from assessments.models import Attachment
from tests.factories import UserFactory

PERSONAS = ("anon", "alice", "bob", "olga", "nils", "rita")
LOGIN = "to login"  # a 302 to the login page

READ_AGREEMENT = dict(anon=LOGIN, alice=200, bob=404, olga=200, nils=200, rita=404)
FOLLOW_ROUNDS = dict(anon=LOGIN, alice=403, bob=403, olga=200, nils=200, rita=403)
FOLLOW_SUBMISSION = dict(anon=LOGIN, alice=403, bob=404, olga=200, nils=200, rita=404)
REVIEW_SUBMISSION = dict(anon=LOGIN, alice=403, bob=404, olga=302, nils=403, rita=404)
# submission_a is a draft: its answers are the ecosystem's until submitted (officers and board
# members see its progress on the officer page; assessments/permissions.py).
READ_DRAFT = dict(anon=LOGIN, alice=200, bob=404, olga=403, nils=403, rita=404)
MANAGE_AGREEMENT = dict(anon=LOGIN, alice=403, bob=404, olga=200, nils=403, rita=404)

# Rows: URL name -> (how to build its arguments, expected GET status per persona).
# alice leads ecosystem A; every object URL below points at ecosystem A.
MATRIX = {
    "home": (None, dict(anon=LOGIN, alice=302, bob=302, olga=302, nils=302, rita=200)),
    "ecosystem_list": (None, dict(anon=LOGIN, alice=200, bob=200, olga=200, nils=200, rita=403)),
    "ecosystem_create": (None, dict(anon=LOGIN, alice=403, bob=403, olga=200, nils=403, rita=403)),
    "ecosystem_detail": (
        "ecosystem_a",
        dict(anon=LOGIN, alice=200, bob=404, olga=200, nils=200, rita=404),
    ),
    "ecosystem_update": (
        "ecosystem_a",
        dict(anon=LOGIN, alice=200, bob=404, olga=200, nils=403, rita=404),
    ),
    "ecosystem_history": (
        "ecosystem_a",
        dict(anon=LOGIN, alice=200, bob=404, olga=200, nils=200, rita=404),
    ),
    "agreement_list": (None, dict(anon=LOGIN, alice=200, bob=200, olga=200, nils=200, rita=403)),
    "agreement_create": (None, dict(anon=LOGIN, alice=403, bob=403, olga=200, nils=403, rita=403)),
    "agreement_rules": (None, dict(anon=LOGIN, alice=200, bob=200, olga=200, nils=200, rita=200)),
    "agreement_detail": ("agreement_a", READ_AGREEMENT),
    "agreement_document": ("agreement_a", READ_AGREEMENT),
    "agreement_update": ("agreement_a", MANAGE_AGREEMENT),
    "agreement_notice": ("agreement_a", MANAGE_AGREEMENT),
    "agreement_amount": ("agreement_a", MANAGE_AGREEMENT),
    "agreement_financing": ("agreement_a", MANAGE_AGREEMENT),
    "agreement_evaluation": ("agreement_a", MANAGE_AGREEMENT),
    "agreement_evaluation_report": ("evaluation_report_a", READ_AGREEMENT),
    "calendar_settings": (None, dict(anon=LOGIN, alice=200, bob=200, olga=200, nils=200, rita=403)),
    # Changes take a POST.
    "calendar_token_create": (None, dict.fromkeys(PERSONAS, 405)),
    "calendar_token_revoke": (None, dict.fromkeys(PERSONAS, 405)),
    # Calendar clients cannot log in: the private token is the key (revoked: 404, tested apart).
    "calendar_feed": ("calendar_token_a", dict.fromkeys(PERSONAS, 200)),
    "my_assessments": (None, dict(anon=LOGIN, alice=200, bob=200, olga=302, nils=302, rita=200)),
    "round_list": (None, FOLLOW_ROUNDS),
    "round_create": (None, dict(anon=LOGIN, alice=403, bob=403, olga=200, nils=403, rita=403)),
    "round_detail": ("round_", FOLLOW_ROUNDS),
    "round_excel": ("round_", FOLLOW_ROUNDS),
    "submission_officer": ("submission_a", FOLLOW_SUBMISSION),
    "submission_history": (
        "submission_a",
        dict(anon=LOGIN, alice=403, bob=404, olga=403, nils=403, rita=404),
    ),
    "submission_pdf": ("submission_a", READ_DRAFT),
    # A GET on a write address sends officers back to the officer page.
    "submission_notes": ("submission_a", REVIEW_SUBMISSION),
    "submission_dialogue": ("submission_a", REVIEW_SUBMISSION),
    "submission_return": ("submission_a", REVIEW_SUBMISSION),
    "submission_reviewed": ("submission_a", dict.fromkeys(PERSONAS, 405)),
    # Leaders go to the form, officers to their review page, board members to the answers.
    "submission_start": (
        "submission_a",
        dict(anon=LOGIN, alice=302, bob=404, olga=302, nils=302, rita=404),
    ),
    "submission_section": (
        "submission_a_section",
        dict(anon=LOGIN, alice=200, bob=404, olga=302, nils=302, rita=404),
    ),
    # Officers and board members read submissions on the officer page.
    "submission_review": (
        "submission_a",
        dict(anon=LOGIN, alice=200, bob=404, olga=302, nils=302, rita=404),
    ),
    "attachment_download": ("attachment_a", READ_DRAFT),
    # Writes take a POST (tested with each persona in tests/assessments).
    "answer_autosave": ("submission_a_question", dict.fromkeys(PERSONAS, 405)),
    "attachment_upload": ("submission_a_question", dict.fromkeys(PERSONAS, 405)),
    "attachment_delete": ("attachment_a", dict.fromkeys(PERSONAS, 405)),
    "keepalive": (None, dict.fromkeys(PERSONAS, 405)),
    # The accessibility statement is for everyone, signed in or not.
    "accessibility_statement": (None, dict.fromkeys(PERSONAS, 200)),
    # Signed-in users are sent on from the login page.
    "login": (None, dict(anon=200, alice=302, bob=302, olga=302, nils=302, rita=302)),
    # Logging out takes a POST (a link cannot log anybody out).
    "logout": (None, dict.fromkeys(PERSONAS, 405)),
    # The account and second factor (tests/ekosystem/test_second_factor.py, test_account.py).
    # Signed-in personas here have passed the code step (tests/conftest.py), so it sends them on.
    "account": (None, dict(anon=LOGIN, alice=200, bob=200, olga=200, nils=200, rita=200)),
    "email_change": (None, dict(anon=LOGIN, alice=200, bob=200, olga=200, nils=200, rita=200)),
    "reauth": (None, dict(anon=LOGIN, alice=200, bob=200, olga=200, nils=200, rita=200)),
    "otp_verify": (None, dict(anon=LOGIN, alice=302, bob=302, olga=302, nils=302, rita=302)),
    "otp_manage": (None, dict(anon=LOGIN, alice=200, bob=200, olga=200, nils=200, rita=200)),
    # Officers and board members already have an app: setup sends them to manage it.
    "otp_setup": (None, dict(anon=LOGIN, alice=200, bob=200, olga=302, nils=302, rita=200)),
    # Codes are shown once, right after they were made; otherwise back to the manage page.
    "otp_recovery_codes": (
        None,
        dict(anon=LOGIN, alice=302, bob=302, olga=302, nils=302, rita=302),
    ),
    "otp_replace": (None, dict.fromkeys(PERSONAS, 405)),
    "otp_disable": (None, dict.fromkeys(PERSONAS, 405)),
    "password_change": (None, dict(anon=LOGIN, alice=200, bob=200, olga=200, nils=200, rita=200)),
    "password_change_done": (
        None,
        dict(anon=LOGIN, alice=200, bob=200, olga=200, nils=200, rita=200),
    ),
    "password_reset": (None, dict.fromkeys(PERSONAS, 200)),
    "password_reset_done": (None, dict.fromkeys(PERSONAS, 200)),
    "password_reset_confirm": ("reset_token", dict.fromkeys(PERSONAS, 200)),
    "password_reset_complete": (None, dict.fromkeys(PERSONAS, 200)),
    # Django's language switch: a GET changes nothing and redirects.
    "set_language": (None, dict.fromkeys(PERSONAS, 302)),
}

# Django's admin keeps its own staff-only rule, tested in test_admin_is_for_staff_only.
OWN_RULES = {"admin"}


def _url_names(patterns, namespace=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            if pattern.namespace in OWN_RULES:
                continue
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from _url_names(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern):
            assert pattern.name, f"URL pattern {pattern.pattern} has no name"
            yield f"{namespace}{pattern.name}"


def test_every_url_pattern_is_in_the_matrix():
    assert set(_url_names(get_resolver().url_patterns)) == set(MATRIX)


def _kwargs(kind, request):
    if kind is None:
        return {}
    if kind == "reset_token":
        return {"uidb64": "MQ", "token": "abc-123"}
    if kind.startswith("submission_a"):
        submission = request.getfixturevalue("submission_a")
        extra = {
            "submission_a_section": {"order": 1},
            "submission_a_question": {"question_pk": submission.answers.first().question_id},
        }
        return {"pk": submission.pk, **extra.get(kind, {})}
    if kind == "attachment_a":
        submission = request.getfixturevalue("submission_a")
        attachment = Attachment.objects.create(
            answer=submission.answers.first(),
            file=SimpleUploadedFile("intyg.pdf", b"%PDF-1.4 intyg"),
            name="intyg.pdf",
            size=14,
            uploaded_by=request.getfixturevalue("alice"),
        )
        return {"pk": submission.pk, "attachment_pk": attachment.pk}
    if kind == "calendar_token_a":
        return {"token": create_calendar_token(user=request.getfixturevalue("alice")).token}
    if kind == "evaluation_report_a":
        evaluation = _evaluation_with_report(request.getfixturevalue("agreement_a"))
        return {"pk": evaluation.agreement_id, "evaluation_pk": evaluation.pk}
    return {"pk": request.getfixturevalue(kind).pk}


def _evaluation_with_report(agreement):
    return Evaluation.objects.create(
        agreement=agreement,
        due_on=agreement.first_evaluation_on,
        done_on=agreement.first_evaluation_on,
        report=SimpleUploadedFile("rapport.pdf", b"%PDF-1.4 rapport"),
        recorded_by=UserFactory(email="evaluator@example.se", role="officer"),
    )


CASES = [(name, persona) for name in MATRIX for persona in PERSONAS]


@pytest.mark.parametrize(("name", "persona"), CASES, ids=[f"{n}-{p}" for n, p in CASES])
def test_url_answers_each_persona_as_declared(name, persona, request, client_for, alice, bob):
    kind, expected = MATRIX[name]
    user = None if persona == "anon" else request.getfixturevalue(persona)
    url = reverse(name, kwargs=_kwargs(kind, request))
    response = client_for(user).get(url)
    if expected[persona] == LOGIN:
        assert response.status_code == 302
        assert response.url.startswith(f"{reverse('login')}?next=")
    else:
        assert response.status_code == expected[persona]


@pytest.mark.parametrize("persona", ["alice", "olga", "nils", "rita"])
def test_admin_is_for_staff_only(persona, request, client_for):
    response = client_for(request.getfixturevalue(persona)).get(reverse("admin:index"))
    assert response.status_code == 302


def test_administrator_reaches_admin(client_for, db):
    admin = UserFactory(email="adam@example.se", role="admin", is_staff=True, is_superuser=True)
    assert client_for(admin).get(reverse("admin:index")).status_code == 200
