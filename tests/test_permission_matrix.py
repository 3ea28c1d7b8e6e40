"""Every URL pattern, for every persona, answers as declared here, to a GET and to a POST.

A new page must add a row to MATRIX (GET): test_every_url_pattern_is_in_the_matrix fails until it
does. A URL that takes a POST (anything but 405 to an officer's POST) must add a row to POST_MATRIX
too: test_every_url_taking_a_post_is_in_the_post_matrix fails until it does. Objects of another
ecosystem answer 404 (their existence is not revealed); pages a user may see but not use answer
403; anonymous users are sent to the login page. A refused POST changes nothing in the database;
the POST of a persona listed in `writes` does (so the data posted is a real, valid write). Every
answer to a signed-in user carries `Cache-Control: no-store, private`.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from agreements.calendar import create_calendar_token
from agreements.models import CalendarToken, Evaluation, hash_calendar_token
from assessments import services as assessment_services
from assessments.models import Attachment
from tests.assessments.fixtures import answer_all_required, question
from tests.factories import UserFactory
from tests.otp import app_for

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
    # The officer's dashboard: board members land on the registry, leaders on their ecosystem.
    "dashboard": (None, dict(anon=LOGIN, alice=403, bob=403, olga=200, nils=403, rita=403)),
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
    # A leader reads their own ecosystem's financing ladder; officers record the reasons there.
    "ecosystem_ladder": (
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
    "attachment_delete": ("attachment_a", dict.fromkeys(PERSONAS, 405)),
    "keepalive": (None, dict.fromkeys(PERSONAS, 405)),
    # Everyone signed in sees their own personal data; the file is fetched with a POST.
    "personal_data": (None, dict(anon=LOGIN, alice=200, bob=200, olga=200, nils=200, rita=200)),
    "personal_data_download": (None, dict.fromkeys(PERSONAS, 405)),
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
    # Scoring (prioritisation/permissions.py): officers score, board members read, leaders and
    # reviewers see nothing of it (their own ecosystem 403, any other 404).
    "scoring_overview": ("scoring_round", FOLLOW_ROUNDS),
    "scoring_template": ("scoring_round", FOLLOW_ROUNDS),
    "scoring_sheet": (
        "scoring_a",
        dict(anon=LOGIN, alice=403, bob=404, olga=200, nils=200, rita=404),
    ),
    "scoring_agree": ("scoring_a", dict.fromkeys(PERSONAS, 405)),
    "scoring_override": ("scoring_a", dict.fromkeys(PERSONAS, 405)),
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
    if kind in ("answered_a", "submitted_a"):
        submission = request.getfixturevalue("submission_a")
        alice = request.getfixturevalue("alice")
        answer_all_required(submission, alice)
        if kind == "submitted_a":
            assessment_services.submit(submission=submission, user=alice)
        return {"pk": submission.pk}
    if kind == "submission_a_text_question":
        submission = request.getfixturevalue("submission_a")
        return {"pk": submission.pk, "question_pk": question(submission, "b1-issues").pk}
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
    if kind == "scoring_round":
        return {"round_pk": request.getfixturevalue("round_").pk}
    if kind == "scoring_a":
        return {
            "round_pk": request.getfixturevalue("round_").pk,
            "ecosystem_pk": request.getfixturevalue("ecosystem_a").pk,
        }
    if kind == "calendar_token_a":
        return {"token": create_calendar_token(user=request.getfixturevalue("alice")).secret}
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
    _assert_answer(response, expected[persona])
    _assert_not_stored_if_signed_in(response)


def _assert_answer(response, expected):
    if expected == LOGIN:
        assert response.status_code == 302
        assert response.url.startswith(f"{reverse('login')}?next=")
    else:
        assert response.status_code == expected, _form_errors(response)


def _form_errors(response) -> str:
    """What a re-rendered form says is wrong (for a write that should have gone through)."""
    text = response.content.decode(errors="replace")
    found = re.findall(
        r'class="[^"]*(?:invalid-feedback|alert-danger|errorlist)[^"]*"[^>]*>(.*?)</', text, re.S
    )
    return " | ".join(re.sub(r"<[^>]+>|\s+", " ", f).strip() for f in found)[:800]


def _assert_not_stored_if_signed_in(response):
    """Signed in when the answer left (not after a logout): no-store, private."""
    if response.wsgi_request.user.is_authenticated:
        directives = {d.strip() for d in response.get("Cache-Control", "").split(",")}
        assert {"no-store", "private"} <= directives, response.get("Cache-Control")


@pytest.mark.parametrize("persona", ["alice", "olga", "nils", "rita"])
def test_admin_is_for_staff_only(persona, request, client_for):
    response = client_for(request.getfixturevalue(persona)).get(reverse("admin:index"))
    assert response.status_code == 302


def test_administrator_reaches_admin(client_for, db):
    admin = UserFactory(email="adam@example.se", role="admin", is_staff=True, is_superuser=True)
    assert client_for(admin).get(reverse("admin:index")).status_code == 200


# --- POST ----------------------------------------------------------------------------------------


CHOOSE = object()  # in a Form's fill: the first choice the form offers for that field


@dataclass(frozen=True)
class Form:
    """Post what the form for this URL holds when `writer` opens `page` (default: the URL
    itself), with `fill` typed in: values, or callables of (request, url kwargs)."""

    fill: dict = field(default_factory=dict)
    page: str | None = None
    writer: str = "olga"


@dataclass(frozen=True)
class Post:
    """One URL's POST row: how to build its arguments (as in MATRIX), the status each persona
    gets, what is posted (a dict, a callable of (request, url kwargs), or a Form), the personas
    whose POST changes the database, and what to set up first (a callable of the request)."""

    kind: str | None
    expected: dict
    data: dict | Form | Callable = field(default_factory=dict)
    writes: tuple = ()
    setup: Callable | None = None


def READ_ONLY(kind):
    """A page that answers a POST as it answers a GET, and changes nothing."""
    return Post(kind, expected=None)


SIGNED_IN = ("alice", "bob", "olga", "nils", "rita")
MANAGE_AGREEMENT_POST = dict(anon=LOGIN, alice=403, bob=404, olga=302, nils=403, rita=404)
SCORE_POST = dict(anon=LOGIN, alice=403, bob=404, olga=302, nils=403, rita=404)
REVIEW_SUBMISSION_POST = dict(anon=LOGIN, alice=403, bob=404, olga=302, nils=403, rita=404)
PASSWORD = "rätt-lösenord-123"  # tests/factories.py UserFactory's default
NEW_PASSWORD = "Ett helt nytt lösenord 2026"


def _tokens_for_everyone(request):
    """Every persona has a calendar link, so a refused revoke has something to refuse."""
    for persona in ("alice", "bob", "olga", "nils"):
        create_calendar_token(user=request.getfixturevalue(persona))
    rita = request.getfixturevalue("rita")
    CalendarToken.objects.create(user=rita, token_hash=hash_calendar_token("rita-" + "x" * 40))


def _autosave(request, kwargs):
    pk = kwargs["question_pk"]
    return {f"q-{pk}": "Rymdteknik och testbäddar.", f"r-{pk}": "0"}


def _section_answer(request, kwargs):
    return {f"q-{question(request.getfixturevalue('submission_a'), 'b1-age').pk}": "14"}


def _olga_hands_in_her_scores(request):
    from tests.prioritisation.helpers import score

    score(
        request.getfixturevalue("round_"),
        request.getfixturevalue("ecosystem_a"),
        request.getfixturevalue("olga"),
        [2, 2, 2, 2],
        submit=True,
    )


def _first_perspective(request, *, computed):
    template = request.getfixturevalue("round_").scoring_template
    return next(p for p in template.perspectives.order_by("order") if p.is_computed == computed)


def _agreed_score(request, kwargs):
    p = _first_perspective(request, computed=False)
    return {
        "perspective": p.pk,
        f"a{p.pk}-version": "0",
        f"a{p.pk}-value": "2",
        f"a{p.pk}-reason": "Överens efter samtal.",
    }


def _override(request, kwargs):
    p = _first_perspective(request, computed=True)
    return {
        "perspective": p.pk,
        f"o{p.pk}-version": "0",
        f"o{p.pk}-value": "2,5",
        f"o{p.pk}-reason": "Självskattningen är för låg.",
    }


def _ecosystem_a_pk(request, kwargs):
    return str(request.getfixturevalue("ecosystem_a").pk)


# Rows: URL name -> Post. alice leads ecosystem A; every object URL points at ecosystem A.
# A URL that takes no POST (405 to an officer) has no row.
POST_MATRIX = {
    "home": READ_ONLY(None),
    "ecosystem_list": READ_ONLY(None),
    "ecosystem_create": Post(
        None,
        dict(anon=LOGIN, alice=403, bob=403, olga=302, nils=403, rita=403),
        Form(
            {
                "name": "Batteriekosystemet i Skellefteå",
                "organisation_name": "Batteriklustret ekonomisk förening",
                "legal_form": CHOOSE,
                "phase": CHOOSE,
                "excellence_label": CHOOSE,
            }
        ),
        writes=("olga",),
    ),
    "ecosystem_detail": READ_ONLY("ecosystem_a"),
    "ecosystem_update": Post(
        "ecosystem_a",
        dict(anon=LOGIN, alice=302, bob=404, olga=302, nils=403, rita=404),
        Form({"name": "Rymdekosystemet A i Kiruna", "legal_form": CHOOSE}),
        writes=("alice", "olga"),
    ),
    "ecosystem_history": READ_ONLY("ecosystem_a"),
    # Officers record the reasons for operating finance; leaders and board members only read.
    "ecosystem_ladder": Post(
        "ecosystem_a",
        dict(anon=LOGIN, alice=403, bob=404, olga=302, nils=403, rita=404),
        Form({"actor_system": "on", "actor_system_text": "Navet i rymdnoden."}),
        writes=("olga",),
    ),
    "agreement_list": READ_ONLY(None),
    "agreement_create": Post(
        None,
        dict(anon=LOGIN, alice=403, bob=403, olga=302, nils=403, rita=403),
        Form(
            {
                "ecosystem": _ecosystem_a_pk,
                "start_date": "2027-01-01",
                "first_evaluation_on": "2028-06-01",
                "annual_amount_tkr": "1 500",
                "amount_from": "2027-01-01",
            }
        ),
        writes=("olga",),
    ),
    "agreement_rules": READ_ONLY(None),
    "agreement_detail": READ_ONLY("agreement_a"),
    "agreement_document": READ_ONLY("agreement_a"),
    "agreement_update": Post(
        "agreement_a", MANAGE_AGREEMENT_POST, Form({"reference": "RUN 2026/123"}), ("olga",)
    ),
    "agreement_notice": Post(
        "agreement_a",
        MANAGE_AGREEMENT_POST,
        Form(
            {
                "party": "region",
                "kind": CHOOSE,
                "received_on": "2026-03-02",
                "note": "Mejl från regionen.",
                "confirm": "1",  # the second step: the officer has seen the effect
            }
        ),
        ("olga",),
    ),
    "agreement_amount": Post(
        "agreement_a",
        MANAGE_AGREEMENT_POST,
        Form({"effective_from": "2026-01-01", "annual_amount_tkr": "1 600"}),
        ("olga",),
    ),
    "agreement_financing": Post(
        "agreement_a",
        MANAGE_AGREEMENT_POST,
        Form(
            {
                "contributions-0-financier": "Luleå kommun",
                "contributions-0-year": "2026",
                "contributions-0-amount_tkr": "700",
            }
        ),
        ("olga",),
    ),
    "agreement_evaluation": Post(
        "agreement_a",
        MANAGE_AGREEMENT_POST,
        Form({"due_on": CHOOSE, "done_on": "2026-06-01"}),
        ("olga",),
    ),
    "agreement_evaluation_report": READ_ONLY("evaluation_report_a"),
    "calendar_token_create": Post(
        None,
        dict(anon=LOGIN, alice=200, bob=200, olga=200, nils=200, rita=403),
        writes=("alice", "bob", "olga", "nils"),
    ),
    "calendar_token_revoke": Post(
        None,
        dict(anon=LOGIN, alice=302, bob=302, olga=302, nils=302, rita=403),
        writes=("alice", "bob", "olga", "nils"),
        setup=_tokens_for_everyone,
    ),
    "my_assessments": READ_ONLY(None),
    "round_list": READ_ONLY(None),
    "round_create": Post(
        None,
        dict(anon=LOGIN, alice=403, bob=403, olga=302, nils=403, rita=403),
        Form(
            {
                "name": "Bedömning 2027",
                "year": "2027",
                "deadline": "2027-12-15",
                "questionnaires": CHOOSE,
                "ecosystems": CHOOSE,
            }
        ),
        writes=("olga",),
    ),
    "round_detail": READ_ONLY("round_"),
    "round_excel": READ_ONLY("round_"),
    "submission_officer": READ_ONLY("submitted_a"),
    "submission_history": READ_ONLY("submission_a"),
    "submission_pdf": READ_ONLY("submission_a"),
    "submission_notes": Post(
        "submitted_a",
        REVIEW_SUBMISSION_POST,
        Form(
            {"strengths": "Ett starkt nätverk.", "weaknesses": "Liten budget."},
            page="submission_officer",
        ),
        ("olga",),
    ),
    "submission_dialogue": Post(
        "submitted_a",
        REVIEW_SUBMISSION_POST,
        Form(
            {"participants": "Alice och Olga", "notes": "Vi gick igenom svaren."},
            page="submission_officer",
        ),
        ("olga",),
    ),
    "submission_return": Post(
        "submitted_a",
        REVIEW_SUBMISSION_POST,
        Form({"comment": "Komplettera fråga 3."}, page="submission_officer"),
        ("olga",),
    ),
    "submission_reviewed": Post("submitted_a", REVIEW_SUBMISSION_POST, writes=("olga",)),
    "submission_start": READ_ONLY("submission_a"),
    # Officers and board members are sent on to what they may read; nothing is saved.
    "submission_section": Post(
        "submission_a_section",
        dict(anon=LOGIN, alice=302, bob=404, olga=302, nils=302, rita=404),
        _section_answer,
        ("alice",),
    ),
    # A POST hands the answers in.
    "submission_review": Post(
        "answered_a",
        dict(anon=LOGIN, alice=302, bob=404, olga=302, nils=302, rita=404),
        writes=("alice",),
    ),
    "attachment_download": READ_ONLY("attachment_a"),
    "answer_autosave": Post(
        "submission_a_text_question",
        dict(anon=401, alice=200, bob=404, olga=403, nils=403, rita=404),
        _autosave,
        ("alice",),
    ),
    "attachment_delete": Post(
        "attachment_a",
        dict(anon=LOGIN, alice=302, bob=404, olga=403, nils=403, rita=404),
        writes=("alice",),
    ),
    # Extends the session (not stored in a table of its own).
    "keepalive": Post(None, dict(anon=401, **dict.fromkeys(SIGNED_IN, 200))),
    "accessibility_statement": READ_ONLY(None),
    # The account pages act on the signed-in person only: no address names another user, so
    # the matrix shows that each persona reaches just their own (tests/ekosystem/test_account.py
    # and test_second_factor.py test what each does).
    "account": READ_ONLY(None),
    "email_change": Post(
        None,
        dict(anon=LOGIN, **dict.fromkeys(SIGNED_IN, 302)),
        {"email": "ny.adress@example.se"},
        writes=SIGNED_IN,
    ),
    # Verified (olga, nils) or without a second factor (the others): sent on, nothing checked.
    "otp_verify": Post(None, dict(anon=LOGIN, **dict.fromkeys(SIGNED_IN, 302)), {"code": "1"}),
    "otp_manage": READ_ONLY(None),
    # With an app already (olga, nils): sent to the manage page. Without: a wrong code is refused
    # by the field; the not yet confirmed app the page shows is stored on the first visit.
    "otp_setup": Post(
        None,
        dict(anon=LOGIN, alice=400, bob=400, olga=302, nils=302, rita=400),
        {"code": "000000"},
        writes=("alice", "bob", "rita"),
    ),
    # New recovery codes for those with an app; the others are sent to set one up first.
    "otp_recovery_codes": Post(
        None, dict(anon=LOGIN, **dict.fromkeys(SIGNED_IN, 302)), writes=("olga", "nils")
    ),
    # A wrong current code is refused (and counted by the app's throttle: olga, nils).
    "otp_replace": Post(
        None,
        dict(anon=LOGIN, **dict.fromkeys(SIGNED_IN, 400)),
        {"code": "000000"},
        writes=("olga", "nils"),
    ),
    # Required for officers and board members; alice (who chose an app) may turn hers off.
    "otp_disable": Post(
        None,
        dict(anon=LOGIN, alice=302, bob=302, olga=403, nils=403, rita=302),
        writes=("alice",),
        setup=lambda request: app_for(request.getfixturevalue("alice")),
    ),
    # The password alone: enough for those without an app; olga and nils are asked for the code.
    "reauth": Post(
        None,
        dict(anon=LOGIN, alice=302, bob=302, olga=400, nils=400, rita=302),
        {"password": PASSWORD},
    ),
    # The person's own copy: a download, recorded only in the security log (left out of the
    # snapshot), so no persona changes a table.
    "personal_data": READ_ONLY(None),
    "personal_data_download": Post(None, dict(anon=LOGIN, **dict.fromkeys(SIGNED_IN, 200))),
    # Signing in records the time of the login; the signed-in are sent on, nothing changes.
    "login": Post(
        None,
        dict(anon=302, **dict.fromkeys(SIGNED_IN, 302)),
        {"username": "olga@example.se", "password": PASSWORD},
        ("anon",),
    ),
    "logout": Post(None, dict.fromkeys(PERSONAS, 302)),
    "password_change": Post(
        None,
        dict(anon=LOGIN, **dict.fromkeys(SIGNED_IN, 302)),
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
        SIGNED_IN,
    ),
    "password_reset": Post(None, dict.fromkeys(PERSONAS, 302), {"email": "olga@example.se"}),
    # The link in the address is not valid: the page says so, nothing changes.
    "password_reset_confirm": Post(
        "reset_token",
        dict.fromkeys(PERSONAS, 200),
        {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    ),
    "set_language": Post(None, dict.fromkeys(PERSONAS, 302), {"language": "en", "next": "/"}),
    "scoring_overview": READ_ONLY("scoring_round"),
    "scoring_template": Post(
        "scoring_round",
        dict(anon=LOGIN, alice=403, bob=403, olga=302, nils=403, rita=403),
        Form({}),
        ("olga",),
    ),
    # A draft with nothing chosen yet is still a save (it freezes the round's template).
    "scoring_sheet": Post(
        "scoring_a",
        SCORE_POST,
        {"version": "0", "action": "draft"},
        ("olga",),
    ),
    "scoring_agree": Post(
        "scoring_a", SCORE_POST, _agreed_score, ("olga",), setup=_olga_hands_in_her_scores
    ),
    "scoring_override": Post("scoring_a", SCORE_POST, _override, ("olga",)),
}

# Logs, not state: a refused request may well be logged (and sessions change with every request).
NOT_SNAPSHOT = {"django_session", "ekosystem_securityevent", "axes_accesslog", "axes_accessattempt"}
NOT_SNAPSHOT_PREFIX = ("axes_",)


def _database():
    """Every stored row of every table but the logs: what a refused POST must leave alone."""
    snapshot = {}
    for model in apps.get_models(include_auto_created=True):
        table = model._meta.db_table
        if model._meta.proxy or table in NOT_SNAPSHOT or table.startswith(NOT_SNAPSHOT_PREFIX):
            continue
        snapshot[table] = list(model._base_manager.order_by("pk").values_list())
    return snapshot


class _FormFields(HTMLParser):
    """The fields a browser would send with the POST form whose action is `action`."""

    def __init__(self, action):
        super().__init__()
        self.action = action
        self.inside = False
        self.fields = []
        self.select = None  # [name, first option, selected option] while inside a <select>
        self.textarea = None  # [name, text] while inside a <textarea>
        self.choices = {}  # name -> every value offered (options, radio buttons, checkboxes)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            target = urlsplit(a.get("action") or self.action).path
            self.inside = (a.get("method") or "").lower() == "post" and target == self.action
        elif tag == "option" and self.select is not None:
            value = a.get("value") or ""
            self.choices.setdefault(self.select[0], []).append(value)
            self.select[1] = value if self.select[1] is None else self.select[1]
            if "selected" in a:
                self.select[2] = value
        elif not self.inside or "name" not in a or "disabled" in a:
            return
        elif tag == "input" and a.get("type") not in ("submit", "button", "file", "reset"):
            if a.get("type") in ("checkbox", "radio"):
                self.choices.setdefault(a["name"], []).append(a.get("value") or "on")
            if a.get("type") not in ("checkbox", "radio") or "checked" in a:
                self.fields.append((a["name"], a.get("value") or ""))
        elif tag == "textarea":
            self.textarea = [a["name"], ""]
        elif tag == "select":
            self.select = [a["name"], None, None]

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "textarea" and self.textarea is not None:
            self.fields.append(tuple(self.textarea))
            self.textarea = None
        elif tag == "select" and self.select is not None:
            name, first, chosen = self.select
            self.fields.append((name, chosen if chosen is not None else first or ""))
            self.select = None


def _post_data(row, url, url_name, kwargs, request, client_for):
    data = row.data
    if callable(data):
        return data(request, kwargs)
    if not isinstance(data, Form):
        return dict(data)
    page = reverse(data.page, kwargs=kwargs) if data.page else url
    html = client_for(request.getfixturevalue(data.writer)).get(page).content.decode()
    parser = _FormFields(url)
    parser.feed(html)
    assert parser.fields, f"no POST form for {url} on {page}"
    posted = {}
    for name, value in parser.fields:
        posted.setdefault(name, []).append(value)
    # The one-time token would make a second persona's POST a repeat of the first.
    posted.pop("one_time_token", None)
    for name, value in data.fill.items():
        if value is CHOOSE:
            offered = [v for v in parser.choices.get(name, []) if v]
            assert offered, f"{name} offers nothing to choose on {page}"
            value = offered[0]
        posted[name] = [value(request, kwargs) if callable(value) else value]
    return posted


POST_CASES = [(name, persona) for name in POST_MATRIX for persona in PERSONAS]


@pytest.mark.parametrize(("name", "persona"), POST_CASES, ids=[f"{n}-{p}" for n, p in POST_CASES])
def test_post_answers_each_persona_as_declared_and_a_refused_one_changes_nothing(
    name, persona, request, client_for, alice, bob, olga, nils, rita
):
    row = POST_MATRIX[name]
    kwargs = _kwargs(row.kind, request)
    if row.setup:
        row.setup(request)
    url = reverse(name, kwargs=kwargs)
    data = _post_data(row, url, name, kwargs, request, client_for)
    expected = row.expected or MATRIX[name][1]
    client = client_for(None if persona == "anon" else request.getfixturevalue(persona))
    before = _database()

    response = client.post(url, data)

    _assert_answer(response, expected[persona])
    _assert_not_stored_if_signed_in(response)
    if persona in row.writes:
        assert _database() != before, f"{persona}'s POST to {name} should have saved something"
    else:
        assert _database() == before, f"{persona}'s POST to {name} changed the database"


def test_every_url_taking_a_post_is_in_the_post_matrix(request, client_for, olga):
    """Taking a POST: anything but 405 to an officer's POST (a URL refusing it needs no row)."""
    client = client_for(olga)
    takes_post = set()
    for name, (kind, _expected) in MATRIX.items():
        client.force_login(olga)  # logout, for one, ends the session
        if client.post(reverse(name, kwargs=_kwargs(kind, request))).status_code != 405:
            takes_post.add(name)
    assert takes_post == set(POST_MATRIX)
