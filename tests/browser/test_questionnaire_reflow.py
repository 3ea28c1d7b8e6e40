"""The questionnaire and officer pages at 1280, 1440 and 320 px: axe finds nothing and nothing
scrolls sideways (WCAG 1.4.10 reflow), with the real Bilaga 1 and its long section titles."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from playwright.sync_api import expect

from assessments import models, services
from assessments.content.bilaga1 import QUESTIONNAIRE as BILAGA1
from assessments.content.loader import load_questionnaire
from assessments.models import Answer

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("transactional_db")]

SIDEWAYS = "() => document.documentElement.scrollWidth - window.innerWidth"


def _round(year, olga, ecosystems):
    bilaga1 = load_questionnaire(models, BILAGA1)
    return services.open_round(
        year=year,
        name=f"Klusterbedömning {year}",
        deadline=date(year, 12, 15),
        questionnaires=[bilaga1],
        ecosystems=ecosystems,
        user=olga,
    )


def _answer(submission, user, text):
    answer = Answer.objects.get(submission=submission, question__key="b1-s2-q6")
    return services.save_answer(
        submission=submission,
        question=answer.question,
        raw=text,
        base_revision=answer.revision,
        user=user,
    )


@pytest.fixture
def world(alice, olga, ecosystem_a, ecosystem_b):
    """Ecosystem A's Bilaga 1: last year's submitted, this year's with a changed answer that has
    an attachment, submitted; and a draft of this year's for the leader's pages."""
    last = _round(2025, olga, [ecosystem_a]).submissions.get()
    _answer(last, alice, "Rymdteknik.")
    last.status = "submitted"
    last.save()
    current = _round(2026, olga, [ecosystem_a, ecosystem_b])
    handed_in = current.submissions.get(ecosystem=ecosystem_a)
    answer = _answer(handed_in, alice, "Rymdteknik och satellitdata för gruvnäringen.")
    services.add_attachment(
        answer=answer,
        upload=SimpleUploadedFile("verksamhetsplan-2026.pdf", b"%PDF-1.4 plan"),
        user=alice,
    )
    handed_in.status = "submitted"
    handed_in.save()
    draft = _round(2027, olga, [ecosystem_a]).submissions.get()
    return {"handed_in": handed_in, "draft": draft, "round": current}


def _check(page, live_server, axe, path, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{live_server.url}{path}")
    expect(page.locator("h1")).to_be_visible()
    assert page.evaluate(SIDEWAYS) <= 0, f"{path} scrolls sideways at {width} px"
    axe(page)


@pytest.mark.parametrize("width", [1440, 1280, 320])
def test_leader_pages_reflow_and_pass_axe(page, live_server, login, axe, alice, world, width):
    draft = world["draft"]
    login(page, live_server, alice.email)
    for path in (
        reverse("home"),
        reverse("my_assessments"),
        reverse("submission_section", args=[draft.pk, 1]),
        reverse("submission_section", args=[draft.pk, 3]),
        reverse("submission_review", args=[draft.pk]),
        reverse("submission_review", args=[world["handed_in"].pk]),
    ):
        _check(page, live_server, axe, path, width)


@pytest.mark.parametrize("width", [1280, 320])
def test_officer_pages_reflow_and_pass_axe(page, live_server, login, axe, olga, world, width):
    login(page, live_server, olga.email)
    handed_in = world["handed_in"]
    for path in (
        reverse("round_list"),
        reverse("round_detail", args=[world["round"].pk]),
        reverse("submission_officer", args=[handed_in.pk]),
        reverse("submission_officer", args=[world["draft"].pk]),
        f"{reverse('ecosystem_list')}?sort=-name",
    ):
        _check(page, live_server, axe, path, width)
    page.goto(f"{live_server.url}{reverse('submission_officer', args=[handed_in.pk])}")
    # The changed answer is marked, and its attachment link is checked for contrast above.
    expect(page.locator("tr.answer-changed a", has_text="verksamhetsplan-2026.pdf")).to_be_visible()
