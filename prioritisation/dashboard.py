"""The scoring's section of the officer's dashboard, "Poäng som saknas", and the scoring's link
on an assessment round's page. Registered in ekosystem.landing from PrioritisationConfig.ready().

Per current round (assessments.dashboard.current_rounds): how many of its ecosystems the officer
has not handed in their scores for (no sheet, or a draft), and how many every officer has
handed in for while a scored perspective still lacks its agreed score. One item each, linking to
the round's scoring overview. Three queries, however many ecosystems and rounds.
"""

from datetime import date

from django.contrib.auth import get_user_model
from django.db.models import Count, Exists, F, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from assessments.dashboard import current_rounds
from assessments.models import Round
from ekosystem import landing
from ekosystem.choices import Role
from prioritisation import permissions
from prioritisation.framework import Kind
from prioritisation.models import AgreedScore, Perspective, ScoreSheet

ORDER = 60


def _count(queryset) -> Coalesce:
    """The number of rows of a correlated queryset, as a subquery (0 when none)."""
    counted = queryset.order_by().annotate(one=Value(1)).values("one")
    counted = counted.annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted[:1], output_field=IntegerField()), 0)


def scoring_status_per_round(user, rounds, officers) -> dict:
    """{round pk: (ecosystems without the user's handed-in sheet, ecosystems every officer has
    handed in for that still lack an agreed score)}, counted in one query."""
    same = {"round_id": OuterRef("round_id"), "ecosystem_id": OuterRef("ecosystem_id")}
    handed_in = ScoreSheet.objects.filter(**same, submitted_at__isnull=False)
    participants = (
        Round.ecosystems.through.objects.filter(round__in=rounds)
        .annotate(
            mine=Exists(handed_in.filter(officer=user)),
            officers_in=_count(handed_in.filter(officer__in=officers)),
            agreed=_count(AgreedScore.objects.filter(**same, perspective__kind=Kind.SCORED)),
            scored=_count(
                Perspective.objects.filter(
                    template__round_id=OuterRef("round_id"), kind=Kind.SCORED
                )
            ),
        )
        .values("round_id")
        .annotate(
            missing=Count("pk", filter=Q(mine=False)),
            waiting=Count(
                "pk",
                filter=Q(officers_in__gte=officers.count(), agreed__lt=F("scored")),
            ),
        )
        .order_by()
    )
    return {row["round_id"]: (row["missing"], row["waiting"]) for row in participants}


def scores_missing_items(user, today: date) -> list[landing.Item]:
    if not permissions.can_score(user):
        return []
    rounds = list(current_rounds(today).order_by("deadline", "name"))
    if not rounds:
        return []
    # Waited for: the regional officers. Administrators may score too, but they run the system;
    # an administrator who never scores must not hold every ecosystem back from "waiting".
    officers = get_user_model().objects.filter(role=Role.OFFICER, is_active=True)
    status = scoring_status_per_round(user, rounds, officers)
    items = []
    for round_ in rounds:
        missing, waiting = status.get(round_.pk, (0, 0))
        url = reverse("scoring_overview", args=[round_.pk])
        if missing:
            text = ngettext(
                "%(round)s: %(count)d ekosystem saknar dina poäng",
                "%(round)s: %(count)d ekosystem saknar dina poäng",
                missing,
            )
            items.append(
                landing.Item(
                    text=text % {"round": round_.name, "count": missing},
                    url=url,
                    count=missing,
                    detail=_("Inga poäng eller ett utkast som inte är inlämnat"),
                )
            )
        if waiting:
            text = ngettext(
                "%(round)s: %(count)d ekosystem väntar på överenskommen poäng",
                "%(round)s: %(count)d ekosystem väntar på överenskommen poäng",
                waiting,
            )
            items.append(
                landing.Item(
                    text=text % {"round": round_.name, "count": waiting},
                    url=url,
                    count=waiting,
                    detail=_("Alla handläggare har lämnat in sina poäng"),
                )
            )
    return items


def round_scoring_links(user, round_) -> list[landing.Link]:
    """The round's page links to its scoring for those who may read it."""
    if not permissions.can_read_scoring(user):
        return []
    return [
        landing.Link(reverse("scoring_overview", args=[round_.pk]), _("Prioritering och poäng"))
    ]


def register() -> None:
    landing.register_round_links(round_scoring_links)
    landing.register_section(
        landing.Section(
            key="scores_missing",
            title=gettext_lazy("Poäng som saknas"),
            order=ORDER,
            items=scores_missing_items,
            full_list_url=lambda: reverse("round_list"),
            full_list_text=gettext_lazy("Alla bedömningsomgångar"),
            explanation=gettext_lazy(
                "Aktuella omgångar: ekosystem du inte har lämnat in poäng för, och ekosystem där "
                "alla handläggare har lämnat in men en överenskommen poäng saknas."
            ),
        )
    )
