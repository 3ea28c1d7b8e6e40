"""Demo assessment rounds: last year's, reviewed, and this year's in every status.

Each ecosystem answers as its own leader: free text from its profile (assessments/demo_answers.py),
figures from its registry facts (prefilled when the round opens and confirmed by the leader; last
year's a little lower, as the registry's history would have them), and Bilaga 3 rated by its phase.
"""

import copy
from datetime import date, timedelta

from django.utils import timezone

from assessments import answers as answer_format
from assessments import registry, services
from assessments.demo_answers import EVIDENCE, PROFILES, bilaga1_numbers, bilaga1_texts, rating
from assessments.figures import SECTORS, TOTAL
from assessments.models import Answer, Questionnaire, Round, Status
from ekosystem.choices import Municipality


def _a_year_ago(ecosystem):
    """The ecosystem's registry facts a year ago: four fewer members from business, one fewer
    abroad (an unsaved copy; its age follows from the date it is read on)."""
    earlier = copy.copy(ecosystem)
    earlier.members_business = max(0, ecosystem.members_business - 4)
    earlier.members_abroad = max(0, ecosystem.members_abroad - 1)
    return earlier


def _answers_for(submission, *, last_year, today) -> dict[str, tuple[object, str | None]]:
    """Question key -> (raw as the leader types it, evidence or None) for this ecosystem."""
    ecosystem = submission.ecosystem
    profile = PROFILES[ecosystem.name]
    if last_year:
        ecosystem = _a_year_ago(ecosystem)
    wanted = {}
    for key, text in bilaga1_texts(ecosystem, profile, last_year=last_year).items():
        if text:
            wanted[key] = (text, None)
    for key, raw in bilaga1_numbers(profile).items():
        wanted[key] = (raw, None)
    if last_year:
        a_year_ago = (
            today.replace(year=today.year - 1)
            if (today.month, today.day) != (2, 29)
            else today - timedelta(days=366)
        )
        for key, value in registry.registry_answers(ecosystem, a_year_ago).items():
            if key in {registry.AGE, TOTAL, *SECTORS}:
                wanted[key] = (value, None)
    for key, evidence in EVIDENCE.items():
        if key == "b3-firm-phase":
            wanted[key] = (profile["firm_phase"], evidence(profile, ecosystem))
        else:
            wanted[key] = (str(rating(key, ecosystem, profile)), evidence(profile, ecosystem))
    for key, evidence in profile.get("specialised", {}).items():
        wanted[key] = (str(rating(key, ecosystem, profile)), evidence)
    wanted["b3-target-group"] = (profile["target"] + ".", None)
    wanted["b3-municipalities"] = (
        {f"{code}-physical": "1" for code in profile["physical"]}
        | {f"{code}-digital": "1" for code in Municipality.values},
        None,
    )
    return wanted


def _fill(submission, leader, *, today, last_year=False, share=1.0):
    """Answer as the ecosystem's leader: confirm or correct every prefilled registry fact, then
    answer the first `share` of the other questions this ecosystem has an answer to."""
    wanted = _answers_for(submission, last_year=last_year, today=today)
    stored = list(
        Answer.objects.filter(submission=submission)
        .select_related("question__section")
        .order_by("question__section__order", "question__order")
    )
    # Parts and total change together (last year's figures), so each is checked against the new.
    pending = {
        a.question.key: answer_format.parse(a.question, wanted[a.question.key][0])
        for a in stored
        if a.question.key in {TOTAL, *SECTORS} and a.question.key in wanted
    }
    prefilled = [a for a in stored if a.question.key in registry.FACTS]
    others = [a for a in stored if a.question.key not in registry.FACTS]
    for answer in prefilled + others[: round(len(others) * share)]:
        question = answer.question
        if question.is_derived:
            continue
        if question.key in wanted:
            raw, evidence = wanted[question.key]
        elif answer.value is not None:
            raw, evidence = answer_format.form_value(question, answer.value), None
        else:
            continue  # optional and not applicable to this ecosystem
        services.save_answer(
            submission=submission,
            question=question,
            raw=raw,
            evidence=evidence if question.evidence else None,
            base_revision=answer.revision,
            user=leader,
            pending=pending,
        )


def _notes(ecosystem) -> tuple[str, str]:
    profile = PROFILES[ecosystem.name]
    return (
        f"{profile['joint_project']}. {profile['satisfaction']}.",
        f"{profile['stability']}. {profile['staff_view']}.",
    )


def load(*, ecosystems, officer, leaders, today: date) -> None:
    """Create the two demo rounds unless they exist. `leaders` maps every ecosystem that takes
    part (all but those in the network phase) to its leader, who writes its answers."""
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
        leader = leaders[submission.ecosystem]
        _fill(submission, leader, today=today, last_year=True)
        services.submit(submission=submission, user=leader)
        services.mark_reviewed(submission=submission, user=officer)
        services.add_dialogue_note(
            submission=submission,
            held_on=today - timedelta(days=280),
            participants=f"{submission.ecosystem.leader_name}, {officer.full_name}",
            notes="Genomgång av självskattningen. Fokus framåt: "
            + PROFILES[submission.ecosystem.name]["growth"].split(".")[0].lower()
            + ".",
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
        leader = leaders[ecosystem]
        wanted = plan[index % len(plan)]
        for submission in current.submissions.filter(ecosystem=ecosystem):
            if wanted == Status.DRAFT:
                _fill(submission, leader, today=today, share=0.4)
                continue
            _fill(submission, leader, today=today)
            services.submit(submission=submission, user=leader)
            if wanted == Status.RETURNED:
                services.return_for_completion(
                    submission=submission,
                    user=officer,
                    comment="Komplettera gärna svaren om internationell samverkan med exempel "
                    "från det senaste året.",
                )
            elif wanted == Status.REVIEWED:
                strengths, weaknesses = _notes(ecosystem)
                services.save_review_notes(
                    submission=submission, strengths=strengths, weaknesses=weaknesses
                )
                services.mark_reviewed(submission=submission, user=officer)
    Round.objects.filter(pk=previous.pk).update(created_at=timezone.now() - timedelta(days=365))
