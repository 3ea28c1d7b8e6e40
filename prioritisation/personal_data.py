"""Where prioritisation keeps data written by a person (registered in ekosystem.personal_data).

Scores, agreed scores, overrides of computed values and the reasons for operating finance are the
region's records of how funding was prioritised and decided: public records the archive rules
require kept, so pseudonymising keeps them; they point at the same user row, which then shows the
pseudonym.
"""

from django.utils.translation import gettext_lazy as _

from ekosystem.personal_data import KEPT_ARCHIVE, Source, register
from prioritisation.models import (
    AgreedScore,
    ComputedOverride,
    OperatingFinanceReasons,
    Score,
    ScoreSheet,
)


def _where(obj) -> dict:
    return {"round": obj.round.name, "ecosystem": obj.ecosystem.name}


def _sheets(user):
    sheets = ScoreSheet.objects.filter(officer=user).select_related("round", "ecosystem")
    scores = Score.objects.filter(sheet__in=sheets).select_related("perspective")
    per_sheet = {}
    for score in scores:
        per_sheet.setdefault(score.sheet_id, []).append(
            {
                "perspective": score.perspective.name,
                "value": score.value,
                "not_assessed": score.not_assessed,
                "comment": score.comment,
            }
        )
    return [
        {**_where(s), "submitted_at": s.submitted_at, "scores": per_sheet.get(s.pk, [])}
        for s in sheets.order_by("pk")
    ]


def _agreed(user):
    rows = AgreedScore.objects.filter(decided_by=user).select_related(
        "round", "ecosystem", "perspective"
    )
    return [
        {
            **_where(a),
            "perspective": a.perspective.name,
            "value": a.value,
            "not_assessed": a.not_assessed,
            "reason": a.reason,
            "decided_at": a.decided_at,
        }
        for a in rows.order_by("pk")
    ]


def _overrides(user):
    rows = ComputedOverride.objects.filter(by=user).select_related(
        "round", "ecosystem", "perspective"
    )
    return [
        {
            **_where(o),
            "perspective": o.perspective.name,
            "value": o.value,
            "reason": o.reason,
            "at": o.at,
        }
        for o in rows.order_by("pk")
    ]


def _operating_finance_reasons(user):
    rows = (
        OperatingFinanceReasons.objects.filter(recorded_by=user)
        .select_related("ecosystem")
        .order_by("recorded_at")
    )
    return [{"ecosystem": r.ecosystem.name, "recorded_at": r.recorded_at} for r in rows]


def register_sources() -> None:
    for source in (
        Source(
            key="scores",
            title=_("Poäng och kommentarer du har gett ekosystem i prioriteringen"),
            fate=KEPT_ARCHIVE,
            export=_sheets,
            relations=("prioritisation.ScoreSheet.officer",),
        ),
        Source(
            key="agreed_scores",
            title=_("Överenskomna poäng du har fört in, med motivering"),
            fate=KEPT_ARCHIVE,
            export=_agreed,
            relations=("prioritisation.AgreedScore.decided_by",),
        ),
        Source(
            key="computed_overrides",
            title=_("Beräknade värden du har ändrat, med motivering"),
            fate=KEPT_ARCHIVE,
            export=_overrides,
            relations=("prioritisation.ComputedOverride.by",),
        ),
        Source(
            key="operating_finance_reasons",
            title=_("Skäl för verksamhetsfinansiering du har sparat senast"),
            fate=KEPT_ARCHIVE,
            export=_operating_finance_reasons,
            relations=("prioritisation.OperatingFinanceReasons.recorded_by",),
        ),
    ):
        register(source)
