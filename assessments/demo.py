"""Demo assessment rounds: last year's, reviewed, and this year's in every status.

Answers are generated from the questionnaire itself (whatever its questions), with figures
plausible for each ecosystem, so the demo follows the loaded Bilaga 1 and Bilaga 3.
"""

from datetime import date, timedelta

from django.utils import timezone

from assessments import services
from assessments.models import Answer, Kind, Questionnaire, Round, Status
from ekosystem.choices import Municipality

TEXTS = [
    "Vi samlar företag, akademi och offentliga aktörer kring gemensamma utvecklingsprojekt och "
    "träffas i tematiska arbetsgrupper varje kvartal.",
    "Arbetet prioriteras i dialog med styrelsen och medlemmarna; en årlig medlemsundersökning "
    "visar vad som ger mest nytta.",
    "Vi har fasta nätverksträffar, ett nyhetsbrev och en digital plattform där deltagarna delar "
    "erfarenheter och efterfrågar samarbeten.",
    "Internationella kontakter sker via ECCP, mässor och två EU-projekt med partner i Finland "
    "och Norge.",
]
EVIDENCE = "Verksamhetsplan 2026, protokoll från styrelsemöten och medlemsundersökningen."

# Figures per ecosystem for the questions the derived figures use; others get generic values.
FIGURES = {
    "b1-age": "9",
    "b1-leader-time-share": "80",
    "b1-participants-total": "60",
    "b1-participants-private": "44",
    "b1-participants-public": "7",
    "b1-participants-academia": "6",
    "b1-participants-abroad": "5",
    "b1-staff-fte": "2,5",
}
LOW_TIME_SHARE = {"Skogsnoden Piteå": "40", "Fjällvärldens besöksnätverk": "30"}


def _raw(question, ecosystem, index, last_year):
    if question.key in FIGURES:
        if question.key == "b1-leader-time-share" and ecosystem.name in LOW_TIME_SHARE:
            return LOW_TIME_SHARE[ecosystem.name]
        value = FIGURES[question.key]
        if last_year and question.key == "b1-participants-total":
            return "52"
        return value
    if question.kind == Kind.TEXT:
        text = TEXTS[index % len(TEXTS)]
        return text if not last_year or index % 3 else text.split(";")[0] + "."
    if question.kind in (Kind.INTEGER, Kind.AMOUNT):
        return str(3 + index % 7) if question.kind == Kind.INTEGER else "1 200 000"
    if question.kind in (Kind.PERCENT, Kind.DECIMAL):
        return "60"
    if question.kind == Kind.YES_NO:
        return "yes"
    if question.kind == Kind.CHOICE:
        return question.choices[0]["value"] if question.choices else ""
    if question.kind == Kind.RATING:
        return str(min(question.scale.get("max", 5), 3 + (index + (0 if last_year else 1)) % 3))
    if question.kind == Kind.MUNICIPALITIES:
        codes = list(Municipality.values)
        return {f"{code}-physical": "1" for code in codes[index % 3 :: 4]} | {
            f"{code}-digital": "1" for code in codes
        }
    return ""


def _fill(submission, user, *, last_year=False, share=1.0):
    """Answer the first `share` of the answerable questions as the ecosystem's leader would."""
    answers = list(
        Answer.objects.filter(submission=submission)
        .select_related("question__section")
        .order_by("question__section__order", "question__order")
    )
    for index, answer in enumerate(answers[: round(len(answers) * share)]):
        question = answer.question
        services.save_answer(
            submission=submission,
            question=question,
            raw=_raw(question, submission.ecosystem, index, last_year),
            evidence=EVIDENCE if question.evidence else None,
            base_revision=answer.revision,
            user=user,
        )


def load(*, ecosystems, officer, leaders, today: date) -> None:
    """Create the two demo rounds unless they exist. `leaders` maps ecosystems to a leader user
    (anyone may stand in for ecosystems without a demo login)."""
    questionnaires = [
        Questionnaire.objects.filter(code=code).order_by("-version").first()
        for code in ("bilaga1", "bilaga3")
    ]
    questionnaires = [q for q in questionnaires if q is not None]
    if not questionnaires or Round.objects.filter(name__startswith="Klusterbedömning").exists():
        return
    participants = [e for e in ecosystems if e.phase != "network"]

    previous = services.open_round(
        year=today.year - 1,
        name=f"Klusterbedömning {today.year - 1}",
        deadline=today - timedelta(days=300),
        questionnaires=questionnaires,
        ecosystems=participants,
        user=officer,
    )
    for submission in previous.submissions.select_related("ecosystem"):
        leader = leaders.get(submission.ecosystem, officer)
        _fill(submission, leader, last_year=True)
        services.submit(submission=submission, user=leader)
        services.mark_reviewed(submission=submission, user=officer)
        services.add_dialogue_note(
            submission=submission,
            held_on=today - timedelta(days=280),
            participants=f"{submission.ecosystem.leader_name}, {officer.full_name}",
            notes="Genomgång av självskattningen. Fokus framåt: fler medlemmar från akademin.",
            user=officer,
        )

    current = services.open_round(
        year=today.year,
        name=f"Klusterbedömning {today.year}",
        deadline=today + timedelta(days=30),
        questionnaires=questionnaires,
        ecosystems=participants,
        user=officer,
    )
    plan = [Status.DRAFT, Status.SUBMITTED, Status.RETURNED, Status.REVIEWED, Status.SUBMITTED]
    for index, ecosystem in enumerate(participants):
        leader = leaders.get(ecosystem, officer)
        wanted = plan[index % len(plan)]
        for submission in current.submissions.filter(ecosystem=ecosystem):
            if wanted == Status.DRAFT:
                _fill(submission, leader, share=0.4)
                continue
            _fill(submission, leader)
            services.submit(submission=submission, user=leader)
            if wanted == Status.RETURNED:
                services.return_for_completion(
                    submission=submission,
                    user=officer,
                    comment="Komplettera gärna svaren om internationell samverkan med exempel.",
                )
            elif wanted == Status.REVIEWED:
                services.save_review_notes(
                    submission=submission,
                    strengths="Etablerad organisation med starkt varumärke; medlemmarna "
                    "involveras i styrningen genom medlemsundersökningar.",
                    weaknesses="Stor del av verksamheten bärs av projektfinansiering från ERUF.",
                )
                services.mark_reviewed(submission=submission, user=officer)
    Round.objects.filter(pk=previous.pk).update(created_at=timezone.now() - timedelta(days=365))
