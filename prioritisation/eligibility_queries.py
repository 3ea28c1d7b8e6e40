"""Gathering the facts the ladder rules need (prioritisation/eligibility.py), for many
ecosystems at once in a fixed number of queries, whatever their number."""

from datetime import date

from django.db.models import Count, Q

from agreements.models import Agreement
from agreements.overview import overviews
from assessments.content import bilaga3
from assessments.models import Answer, Question, Status, Submission
from prioritisation.eligibility import (
    AgreementFacts,
    CriterionRating,
    EcosystemFacts,
    Ladder,
    QualityFacts,
    ReasonFacts,
    ladder,
)
from prioritisation.models import OperatingFinanceReasons

BILAGA3 = bilaga3.QUESTIONNAIRE["code"]
# The general criteria (2.1.2) are the headings of Bilaga 3's first section; keys are stable
# across questionnaire versions.
GENERAL_CRITERIA_KEYS = tuple(q["key"] for q in bilaga3.GENERAL["questions"])


def _agreement_facts(ecosystem_ids, today: date) -> dict[int, AgreementFacts]:
    found: dict[int, AgreementFacts] = {}
    for overview in overviews(Agreement.objects.filter(ecosystem_id__in=ecosystem_ids), today):
        eco = overview.agreement.ecosystem_id
        if overview.is_in_force:
            found[eco] = AgreementFacts(
                in_force_from=overview.periods[0].start, in_force_until=overview.in_force_until
            )
        elif (
            overview.agreement.is_signed
            and overview.periods[0].start > today
            and not found.get(eco, AgreementFacts()).in_force
        ):
            earlier = found.get(eco)
            start = overview.periods[0].start
            if earlier is None or earlier.starts_on is None or start < earlier.starts_on:
                found[eco] = AgreementFacts(starts_on=start)
    return found


def _quality_facts(ecosystem_ids) -> dict[int, QualityFacts]:
    handed_in = (
        Submission.objects.filter(
            ecosystem_id__in=ecosystem_ids,
            questionnaire__code=BILAGA3,
            status__in=(Status.SUBMITTED, Status.REVIEWED),
        )
        .select_related("round")
        .order_by("ecosystem_id", "-round__year", "-round__deadline", "-reviewed_at")
    )
    submitted: set[int] = set()
    latest_reviewed: dict[int, Submission] = {}
    for submission in handed_in:
        submitted.add(submission.ecosystem_id)
        if submission.status == Status.REVIEWED:
            latest_reviewed.setdefault(submission.ecosystem_id, submission)

    statements = list(
        Question.objects.filter(
            section__questionnaire_id__in={s.questionnaire_id for s in latest_reviewed.values()},
            parent__key__in=GENERAL_CRITERIA_KEYS,
        )
        .select_related("parent", "section")
        .order_by("parent__order", "order")
    )
    ratings = {
        (row["submission_id"], row["question_id"]): _rating(row["value"])
        for row in Answer.objects.filter(
            submission__in=list(latest_reviewed.values()),
            question__parent__key__in=GENERAL_CRITERIA_KEYS,
        ).values("submission_id", "question_id", "value")
    }

    found = {eco: QualityFacts(submitted=True) for eco in submitted}
    for eco, submission in latest_reviewed.items():
        criteria: dict[int, tuple[str, list]] = {}
        for statement in statements:
            if statement.section.questionnaire_id != submission.questionnaire_id:
                continue
            _label, values = criteria.setdefault(
                statement.parent_id, (statement.parent.text.rstrip("."), [])
            )
            values.append(ratings.get((submission.pk, statement.pk)))
        found[eco] = QualityFacts(
            submitted=True,
            reviewed_in=submission.round.name,
            criteria=tuple(
                CriterionRating(label, None if None in values else min(values))
                for label, values in criteria.values()
            ),
        )
    return found


def _rating(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def facts_for(ecosystems, today: date) -> dict[int, EcosystemFacts]:
    """The ladder's facts for each ecosystem of the queryset, by pk."""
    rows = list(
        ecosystems.annotate(
            board_size=Count("board_members"),
            board_trained_count=Count("board_members", filter=Q(board_members__trained=True)),
        )
    )
    ids = [eco.pk for eco in rows]
    reasons = {
        record.ecosystem_id: record.facts()
        for record in OperatingFinanceReasons.objects.filter(ecosystem_id__in=ids)
    }
    agreements = _agreement_facts(ids, today)
    quality = _quality_facts(ids)
    return {
        eco.pk: EcosystemFacts(
            phase=eco.phase,
            board_size=eco.board_size,
            board_trained=eco.board_trained_count,
            leader_trained=eco.leader_trained,
            strategy_goals=bool(eco.strategy_goals.strip()),
            strategy_approach=bool(eco.strategy_approach.strip()),
            strategy_responsibilities=bool(eco.strategy_responsibilities.strip()),
            leader_time_share=eco.leader_time_share,
            quality=quality.get(eco.pk, QualityFacts()),
            agreement=agreements.get(eco.pk, AgreementFacts()),
            reasons=reasons.get(eco.pk, ReasonFacts()),
        )
        for eco in rows
    }


def ladders_for(ecosystems, today: date) -> dict[int, Ladder]:
    """Each ecosystem's ladder, by pk: what the ranked view and the dashboard read."""
    return {pk: ladder(facts) for pk, facts in facts_for(ecosystems, today).items()}
