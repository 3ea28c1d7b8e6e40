"""Build a small questionnaire (a few sections, one question of each kind) and open rounds of it
through the services, independent of the real Bilaga content."""

from datetime import date
from decimal import Decimal

from assessments import services
from assessments.models import Answer, Kind, Question, Questionnaire, Section

SCALE = {"min": 1, "max": 5, "labels": {"1": {"sv": "Uppfylls inte"}, "5": {"sv": "Uppfylls helt"}}}
PHASES = [
    {"value": "idea", "sv": "Idéfas", "en": "Idea"},
    {"value": "growth", "sv": "Tillväxtfas", "en": "Growth"},
]

# (section title, [(number, key, kind, text, extra)]); keys match assessments/figures.py.
CONTENT = [
    (
        "Organisation",
        [
            ("1", "org-founded", Kind.INTEGER, "Vilket år grundades klusterorganisationen?", {}),
            ("2", "b1-leader-time-share", Kind.PERCENT, "Hur stor del av din tid?", {}),
            ("3", "b1-staff-fte", Kind.DECIMAL, "Antal anställda räknat i heltid?", {}),
            ("4", "org-budget", Kind.AMOUNT, "Årsbudget?", {"required": False}),
            ("5", "org-eccp", Kind.YES_NO, "Är ni listade på ECCP?", {}),
        ],
    ),
    (
        "Deltagare",
        [
            ("6", "participants", Kind.GROUP, "Deltagare i klustret", {}),
            ("6a", "b1-participants-total", Kind.INTEGER, "Antal deltagare totalt", {}),
            ("6b", "b1-participants-private", Kind.INTEGER, "Varav privat sektor", {}),
            ("7", "org-phase", Kind.CHOICE, "I vilken fas är klustret?", {"choices": PHASES}),
            ("8", "org-where", Kind.MUNICIPALITIES, "Var finns ni?", {"required": False}),
        ],
    ),
    (
        "Kvalitet",
        [
            ("9", "q-quality", Kind.RATING, "Verksamheten är kvalitetssäkrad.", {"evidence": True}),
            ("10", "q-strategy", Kind.TEXT, "Beskriv er strategi.", {}),
        ],
    ),
]

# What a leader might answer, as typed into the form.
TYPED = {
    "org-founded": "2012",
    "b1-leader-time-share": "40",
    "b1-staff-fte": "2,5",
    "org-budget": "1 250 000",
    "org-eccp": "yes",
    "b1-participants-total": "60",
    "b1-participants-private": "45",
    "org-phase": "growth",
    "org-where": {"lulea-physical": "on", "kiruna-digital": "on"},
    "q-quality": "4",
    "q-strategy": "Rymd och testbäddar i Övre Norrland.",
}
EVIDENCE = {"q-quality": "Vi är certifierade enligt ISO 9001."}


def build_questionnaire(*, code="prov1", version=1, title="Självskattning (test)", reword=None):
    """A questionnaire of CONTENT. `reword` maps keys to other texts (as a new version might).

    Codes differ from the real Bilagor, which a migration loads into every test database."""
    reword = reword or {}
    questionnaire = Questionnaire.objects.create(
        code=code, version=version, title_sv=f"{title} v{version}", title_en=f"EN {title}"
    )
    for order, (section_title, questions) in enumerate(CONTENT, start=1):
        section = Section.objects.create(
            questionnaire=questionnaire, order=order, title_sv=section_title
        )
        parent = None
        for place, (number, key, kind, text, extra) in enumerate(questions, start=1):
            question = Question.objects.create(
                section=section,
                parent=parent if number[-1].isalpha() else None,
                order=place,
                number=number,
                key=key,
                kind=kind,
                text_sv=reword.get(key, text),
                text_en=f"EN {text}",
                scale=SCALE if kind == Kind.RATING else {},
                maximum=Decimal("100000000") if kind == Kind.AMOUNT else None,
                **extra,
            )
            if kind == Kind.GROUP:
                parent = question
    return questionnaire


def open_round(*, user, ecosystems, questionnaires, year=2026, name=None, deadline=None):
    return services.open_round(
        year=year,
        name=name or f"Självskattning {year}",
        deadline=deadline or date(year, 12, 15),
        questionnaires=questionnaires,
        ecosystems=ecosystems,
        user=user,
    )


def answer(submission, user, typed=None, evidence=None):
    """Save answers through the service as a leader would; returns the submission."""
    typed = TYPED if typed is None else typed
    evidence = EVIDENCE if evidence is None else evidence
    for key, raw in typed.items():
        stored = Answer.objects.select_related("question").get(
            submission=submission, question__key=key
        )
        question = stored.question
        services.save_answer(
            submission=submission,
            question=question,
            raw=raw,
            evidence=evidence.get(key, "") if question.evidence else None,
            base_revision=stored.revision,
            user=user,
        )
    return submission


def submitted(submission, user, typed=None, evidence=None):
    """Answer everything and submit; returns the fresh submission."""
    answer(submission, user, typed, evidence)
    return services.submit(submission=submission, user=user)
