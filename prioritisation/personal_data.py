"""Where prioritisation keeps data written by a person (registered in ekosystem.personal_data).

The reasons for operating finance are the region's grounds for a funding decision: a public
record the archive rules require kept, so pseudonymising keeps them; they point at the same user
row, which then shows the pseudonym.
"""

from django.utils.translation import gettext_lazy as _

from ekosystem.personal_data import KEPT_ARCHIVE, Source, register
from prioritisation.models import OperatingFinanceReasons


def _operating_finance_reasons(user):
    rows = (
        OperatingFinanceReasons.objects.filter(recorded_by=user)
        .select_related("ecosystem")
        .order_by("recorded_at")
    )
    return [{"ecosystem": r.ecosystem.name, "recorded_at": r.recorded_at} for r in rows]


def register_sources() -> None:
    register(
        Source(
            key="operating_finance_reasons",
            title=_("Skäl för verksamhetsfinansiering du har sparat senast"),
            fate=KEPT_ARCHIVE,
            export=_operating_finance_reasons,
            relations=("prioritisation.OperatingFinanceReasons.recorded_by",),
        )
    )
