"""The self-assessments' sections of the officer's dashboard: what waits for review, what is
missing near or past the round's deadline, what is back with the leader."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from assessments import services
from assessments.dashboard import (
    DEADLINE_DAYS,
    OVERDUE_DAYS,
    missing_items,
    returned_items,
    waiting_for_review_items,
)
from tests.assessments import factories

TODAY = timezone.localdate()


def _submission(olga, ecosystem, deadline=None):
    survey = factories.build_questionnaire()
    round_ = factories.open_round(
        user=olga,
        ecosystems=[ecosystem],
        questionnaires=[survey],
        deadline=deadline or TODAY + timedelta(days=10),
    )
    return round_.submissions.get()


@pytest.mark.parametrize(
    ("days", "shown"),
    [
        (DEADLINE_DAYS + 1, False),
        (DEADLINE_DAYS, True),
        (0, True),
        (-OVERDUE_DAYS, True),
        (-OVERDUE_DAYS - 1, False),
    ],
)
def test_a_draft_shows_from_a_month_before_the_deadline_until_long_after(
    olga, ecosystem_a, days, shown
):
    submission = _submission(olga, ecosystem_a, TODAY + timedelta(days=days))
    items = missing_items(olga, TODAY)
    assert bool(items) is shown
    if shown:
        (item,) = items
        assert item.day == submission.round.deadline
        assert item.url == reverse("submission_officer", args=[submission.pk])
        assert item.text == "Rymdekosystemet A: Självskattning (test) v1 är inte påbörjad"


def test_a_begun_draft_says_so(olga, alice, ecosystem_a):
    submission = _submission(olga, ecosystem_a)
    factories.answer(submission, alice, typed={"org-founded": "2012"})
    (item,) = missing_items(olga, TODAY)
    assert item.text.endswith("är påbörjad men inte inskickad")


def test_a_submitted_self_assessment_waits_for_review_until_reviewed(olga, alice, ecosystem_a):
    submission = _submission(olga, ecosystem_a)
    assert waiting_for_review_items(olga, TODAY) == []
    factories.submitted(submission, alice)
    (item,) = waiting_for_review_items(olga, TODAY)
    assert item.since and item.day == TODAY
    assert item.url == reverse("submission_officer", args=[submission.pk])
    assert missing_items(olga, TODAY) == []
    services.mark_reviewed(submission=submission, user=olga)
    assert waiting_for_review_items(olga, TODAY) == []


def test_a_returned_self_assessment_waits_for_the_leader(olga, alice, ecosystem_a):
    submission = factories.submitted(_submission(olga, ecosystem_a), alice)
    services.return_for_completion(submission=submission, comment="Komplettera.", user=olga)
    (item,) = returned_items(olga, TODAY)
    assert item.text.endswith("är återsänd för komplettering")
    assert item.url == reverse("submission_officer", args=[submission.pk])
    assert item.detail.startswith("Återsänd ")
    assert waiting_for_review_items(olga, TODAY) == []
    assert missing_items(olga, TODAY) == []


def test_the_sections_are_for_officers(olga, nils, alice, ecosystem_a):
    factories.submitted(_submission(olga, ecosystem_a), alice)
    assert waiting_for_review_items(nils, TODAY) == []
    assert waiting_for_review_items(alice, TODAY) == []
