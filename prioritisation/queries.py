"""Reads of scoring: the round's template, computed values, who may see whose scores, and the
round overview. Each read takes a constant number of queries, whatever the number of ecosystems.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Prefetch

from assessments.comparison import FINAL
from assessments.models import Answer
from assessments.models import Kind as QuestionKind
from ekosystem.models import Ecosystem
from prioritisation import permissions
from prioritisation.framework import Kind
from prioritisation.models import (
    AgreedScore,
    ComputedOverride,
    Perspective,
    ScaleStep,
    ScoreSheet,
    ScoringTemplate,
)
from prioritisation.quality import QualityLevel, Rating, quality_level
from prioritisation.scoring import Spread, spread_of, weighted_total
from prioritisation.specialisation import SpecialisationValue, specialisation_value

BILAGA3 = "bilaga3"


def template_of(round_) -> ScoringTemplate | None:
    steps = Prefetch("steps", queryset=ScaleStep.objects.order_by("value"))
    perspectives = Prefetch(
        "perspectives", queryset=Perspective.objects.order_by("order").prefetch_related(steps)
    )
    return ScoringTemplate.objects.filter(round=round_).prefetch_related(perspectives).first()


@dataclass
class Computed:
    """A computed perspective's value for one ecosystem, how it was computed, and an officer's
    override if there is one (which then counts)."""

    perspective: Perspective
    computed: Decimal | None
    override: ComputedOverride | None = None
    quality: QualityLevel | None = None
    specialisation: SpecialisationValue | None = None
    served: list = field(default_factory=list)  # the Specialisations the ecosystem serves

    @property
    def value(self) -> Decimal | None:
        return self.override.value if self.override else self.computed


def _ratings(round_, ecosystem_ids) -> dict:
    answers = (
        Answer.objects.filter(
            submission__round=round_,
            submission__ecosystem_id__in=ecosystem_ids,
            submission__questionnaire__code=BILAGA3,
            submission__status__in=FINAL,
            question__kind=QuestionKind.RATING,
        )
        .select_related("question", "submission")
        .order_by("question__section__order", "question__order")
    )
    per_ecosystem = defaultdict(list)
    for answer in answers:
        scale = answer.question.scale or {}
        value = answer.value if isinstance(answer.value, int) else None
        per_ecosystem[answer.submission.ecosystem_id].append(
            Rating(
                label=f"{answer.question.number}. {answer.question.text}",
                value=value,
                low=scale.get("min", 1),
                high=scale.get("max", 5),
            )
        )
    return per_ecosystem


def _served(ecosystem_ids) -> dict:
    through = Ecosystem.specialisations.through
    served = defaultdict(list)
    rows = through.objects.filter(ecosystem_id__in=ecosystem_ids).select_related("specialisation")
    for row in rows.order_by("specialisation__rank"):
        served[row.ecosystem_id].append(row.specialisation)
    return served


def computed_values(round_, ecosystem_ids, perspectives) -> dict:
    """{ecosystem pk: {perspective pk: Computed}} for the computed perspectives."""
    computed_perspectives = [p for p in perspectives if p.is_computed]
    if not computed_perspectives:
        return {pk: {} for pk in ecosystem_ids}
    ratings = _ratings(round_, ecosystem_ids)
    served = _served(ecosystem_ids)
    overrides = {
        (o.ecosystem_id, o.perspective_id): o
        for o in ComputedOverride.objects.filter(
            round=round_, ecosystem_id__in=ecosystem_ids
        ).select_related("by")
    }
    result = {}
    for pk in ecosystem_ids:
        result[pk] = {}
        for perspective in computed_perspectives:
            override = overrides.get((pk, perspective.pk))
            if perspective.kind == Kind.QUALITY:
                level = quality_level(ratings.get(pk, []))
                item = Computed(perspective, level.value, override, quality=level)
            else:
                areas = served.get(pk, [])
                special = specialisation_value(s.rank for s in areas)
                item = Computed(
                    perspective, special.value, override, specialisation=special, served=areas
                )
            result[pk][perspective.pk] = item
    return result


def agreed_scores(round_, ecosystem_ids) -> dict:
    """{ecosystem pk: {perspective pk: AgreedScore}}."""
    agreed = defaultdict(dict)
    for score in AgreedScore.objects.filter(
        round=round_, ecosystem_id__in=ecosystem_ids
    ).select_related("decided_by"):
        agreed[score.ecosystem_id][score.perspective_id] = score
    return agreed


def agreed_total(perspectives, agreed: dict, computed: dict) -> Decimal | None:
    """The weighted total of the agreed scores and the computed (or overridden) values; a
    scored perspective not yet agreed, or agreed as not assessed, is left out. Until the officers
    have agreed on at least one scored perspective there is no total: the computed values alone
    are not the officers' judgement."""
    if not any(p.pk in agreed for p in perspectives if not p.is_computed):
        return None
    items = []
    for p in perspectives:
        if p.is_computed:
            items.append((p.weight, computed[p.pk].value if p.pk in computed else None))
        else:
            score = agreed.get(p.pk)
            items.append((p.weight, score.value if score else None))
    return weighted_total(items)


def _sheets(round_, ecosystem_ids):
    return ScoreSheet.objects.filter(round=round_, ecosystem_id__in=ecosystem_ids).select_related(
        "officer"
    )


@dataclass
class OfficerColumn:
    sheet: ScoreSheet
    scores: dict  # perspective pk -> Score


@dataclass
class SheetView:
    """What one user may see of one ecosystem's scoring in a round."""

    template: ScoringTemplate
    perspectives: list
    scored: list
    own_sheet: ScoreSheet | None
    own_scores: dict
    others: list  # OfficerColumns of the other officers: empty unless the user may see them
    others_hidden: int  # how many officers' sheets exist that the user may not see yet
    stats: dict  # perspective pk -> Spread, over every visible handed-in sheet incl. own
    agreed: dict
    computed: dict
    total: Decimal | None
    can_score: bool
    can_agree: bool

    @property
    def all_agreed(self) -> bool:
        return all(p.pk in self.agreed for p in self.scored)


def sheet_view(user, round_, ecosystem, template) -> SheetView:
    """Another officer's scores are loaded only for an officer whose own are handed in: what is
    not loaded cannot leak into a page (tests/prioritisation/test_scoring_pages.py)."""
    perspectives = list(template.perspectives.all())
    scored = [p for p in perspectives if not p.is_computed]
    sheets = list(_sheets(round_, [ecosystem.pk]).prefetch_related("scores"))
    own = next((s for s in sheets if s.officer_id == user.pk), None)
    sees_others = permissions.can_see_others_scores(user, own)
    others_all = [s for s in sheets if s.officer_id != user.pk]
    others = []
    if sees_others:
        others = [
            OfficerColumn(s, {score.perspective_id: score for score in s.scores.all()})
            for s in others_all
            if s.is_submitted
        ]
    own_scores = {score.perspective_id: score for score in own.scores.all()} if own else {}
    stats = {}
    if sees_others:
        columns = [own_scores, *(column.scores for column in others)]
        for p in scored:
            stats[p.pk] = spread_of(column[p.pk].value for column in columns if p.pk in column)
    agreed = agreed_scores(round_, [ecosystem.pk]).get(ecosystem.pk, {})
    computed = computed_values(round_, [ecosystem.pk], perspectives)[ecosystem.pk]
    return SheetView(
        template=template,
        perspectives=perspectives,
        scored=scored,
        own_sheet=own,
        own_scores=own_scores,
        others=others,
        others_hidden=0 if sees_others else sum(1 for s in others_all if s.is_submitted),
        stats=stats,
        agreed=agreed,
        computed=computed,
        total=agreed_total(perspectives, agreed, computed),
        can_score=permissions.can_score(user),
        can_agree=permissions.can_record_agreed(user, own),
    )


@dataclass
class OverviewRow:
    ecosystem: Ecosystem
    my_status: str  # "none", "draft" or "submitted"
    others_submitted: int
    agreed_count: int
    scored_count: int
    total: Decimal | None

    @property
    def all_agreed(self) -> bool:
        return self.agreed_count == self.scored_count


def overview(user, round_, template) -> list[OverviewRow]:
    ecosystems = list(round_.ecosystems.order_by("name"))
    ids = [e.pk for e in ecosystems]
    perspectives = list(template.perspectives.all())
    scored_count = sum(1 for p in perspectives if not p.is_computed)
    mine, others = {}, defaultdict(int)
    for sheet in _sheets(round_, ids):
        if sheet.officer_id == user.pk:
            mine[sheet.ecosystem_id] = "submitted" if sheet.is_submitted else "draft"
        elif sheet.is_submitted:
            others[sheet.ecosystem_id] += 1
    agreed = agreed_scores(round_, ids)
    computed = computed_values(round_, ids, perspectives)
    return [
        OverviewRow(
            ecosystem=e,
            my_status=mine.get(e.pk, "none"),
            others_submitted=others[e.pk],
            agreed_count=sum(1 for p in perspectives if p.pk in agreed.get(e.pk, {})),
            scored_count=scored_count,
            total=agreed_total(perspectives, agreed.get(e.pk, {}), computed[e.pk]),
        )
        for e in ecosystems
    ]


__all__ = ["Spread", "computed_values", "overview", "sheet_view", "template_of"]
