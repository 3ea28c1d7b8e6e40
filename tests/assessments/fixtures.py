"""A small questionnaire with one question of each kind, and a round that ecosystems A and B
answer. The real Bilaga 1 and 3 are loaded by a migration and tested on their own."""

from datetime import date
from decimal import Decimal

import pytest

from assessments import services
from assessments.models import Kind, Question, Questionnaire, Section

RATING_SCALE = {
    "min": 1,
    "max": 5,
    "labels": {"1": {"sv": "Uppfylls inte"}, "5": {"sv": "Uppfylls helt"}},
}


def _question(section, order, key, kind, text, **extra):
    return Question.objects.create(
        section=section,
        order=order,
        number=str(order),
        key=key,
        kind=kind,
        text_sv=text,
        text_en=f"EN {text}",
        **extra,
    )


@pytest.fixture
def questionnaire(db):
    q = Questionnaire.objects.create(code="bilaga1", version=99, title_sv="Klusterbedömning (test)")
    background = Section.objects.create(questionnaire=q, order=1, title_sv="Bakgrund")
    _question(background, 1, "b1-age", Kind.INTEGER, "Hur gammal är klusterorganisationen?")
    _question(background, 2, "b1-leader-time-share", Kind.PERCENT, "Hur stor del av din tid?")
    _question(background, 3, "b1-participants-total", Kind.INTEGER, "Antal deltagare totalt?")
    _question(background, 4, "b1-participants-private", Kind.INTEGER, "Från privat sektor?")
    _question(background, 5, "b1-staff-fte", Kind.DECIMAL, "Antal anställda (heltid)?")
    _question(background, 6, "b1-eccp", Kind.YES_NO, "Är klusterorganisationen listad på ECCP?")
    focus = Section.objects.create(questionnaire=q, order=2, title_sv="Fokus")
    _question(focus, 1, "b1-issues", Kind.TEXT, "Vilka frågor driver klusterorganisationen?")
    _question(focus, 2, "b1-media", Kind.TEXT, "Har ni fått uppmärksamhet i media?", required=False)
    quality = Section.objects.create(questionnaire=q, order=3, title_sv="Kvalitet")
    _question(
        quality,
        1,
        "b3-quality",
        Kind.RATING,
        "Verksamheten är kvalitetssäkrad.",
        evidence=True,
        scale=RATING_SCALE,
    )
    _question(
        quality, 2, "b3-where", Kind.MUNICIPALITIES, "Var finns ni tillgängliga?", required=False
    )
    _question(
        quality,
        3,
        "b3-phase",
        Kind.CHOICE,
        "Vilken fas?",
        required=False,
        choices=[
            {"value": "idea", "sv": "Idéfas", "en": "Idea"},
            {"value": "growth", "sv": "Tillväxt", "en": "Growth"},
        ],
    )
    _question(
        quality,
        4,
        "b3-budget",
        Kind.AMOUNT,
        "Budget?",
        required=False,
        maximum=Decimal("100000000"),
    )
    return q


@pytest.fixture
def round_(questionnaire, ecosystem_a, ecosystem_b, olga):
    return services.open_round(
        year=2026,
        name="Bedömning 2026",
        deadline=date(2026, 12, 15),
        questionnaires=[questionnaire],
        ecosystems=[ecosystem_a, ecosystem_b],
        user=olga,
    )


@pytest.fixture
def submission_a(round_, ecosystem_a):
    return round_.submissions.get(ecosystem=ecosystem_a)


@pytest.fixture
def submission_b(round_, ecosystem_b):
    return round_.submissions.get(ecosystem=ecosystem_b)


def question(submission, key):
    return Question.objects.get(section__questionnaire=submission.questionnaire, key=key)


def answer_all_required(submission, user):
    """Fill in every required answer through the service, as a leader would."""
    values = {
        "b1-age": "12",
        "b1-leader-time-share": "40",
        "b1-participants-total": "60",
        "b1-participants-private": "45",
        "b1-staff-fte": "2,5",
        "b1-eccp": "yes",
        "b1-issues": "Rymdteknik.",
        "b3-quality": "4",
    }
    for key, raw in values.items():
        q = question(submission, key)
        services.save_answer(
            submission=submission,
            question=q,
            raw=raw,
            evidence="Vi har ISO 9001." if q.evidence else None,
            base_revision=0,
            user=user,
        )
