"""The Cluster of Sweden membership criteria as the strategy lists them (seed 000, section 2).

Each check takes anything with the ecosystem's fields, so it runs on a saved ecosystem, on an
unsaved form instance and in tests without a database. An unmet criterion always says why.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ekosystem.choices import ExcellenceLabel, Sector

MIN_TURNOVER_SEK = 1_000_000
MIN_STAFF_FTE = Decimal("1")
MIN_OWN_MEMBERS = 30
# The strategy asks the leader to spend at least half a full-time position on the ecosystem.
MIN_LEADER_TIME_SHARE = 50
REQUIRED_SECTORS = (Sector.BUSINESS, Sector.ACADEMIA, Sector.PUBLIC)


@dataclass(frozen=True)
class Criterion:
    code: str
    label: str
    met: bool
    reason: str = ""
    recorded: bool = False
    """True where an officer records the fact; False where the product computes it."""


def _sek(amount: int) -> str:
    return f"{number_format(amount, force_grouping=True)} kr"


def _members_from_required_sectors(eco) -> Criterion:
    counts = {
        Sector.BUSINESS: eco.members_business,
        Sector.ACADEMIA: eco.members_academia,
        Sector.PUBLIC: eco.members_public,
    }
    missing = [str(sector.label).lower() for sector, count in counts.items() if not count]
    reason = ""
    if missing:
        reason = _("Saknar egna medlemmar från: %(sectors)s.") % {"sectors": ", ".join(missing)}
    return Criterion(
        "sectors",
        _("Egna medlemmar från näringsliv, akademi och offentlig sektor"),
        not missing,
        reason,
    )


def _turnover(eco) -> Criterion:
    label = _("Årlig omsättning över %(amount)s") % {"amount": _sek(MIN_TURNOVER_SEK)}
    if eco.annual_turnover is None:
        return Criterion("turnover", label, False, _("Omsättningen är inte angiven."))
    met = eco.annual_turnover > MIN_TURNOVER_SEK
    reason = "" if met else _("Omsättningen är %(amount)s.") % {"amount": _sek(eco.annual_turnover)}
    return Criterion("turnover", label, met, reason)


def _staff(eco) -> Criterion:
    label = _("Personal motsvarande minst en årsarbetskraft (egen eller in kind)")
    if eco.staff_fte is None:
        return Criterion("staff", label, False, _("Personalresursen är inte angiven."))
    met = eco.staff_fte >= MIN_STAFF_FTE
    reason = (
        ""
        if met
        else _("Personalresursen är %(fte)s årsarbetskrafter.")
        % {"fte": number_format(eco.staff_fte, decimal_pos=2)}
    )
    return Criterion("staff", label, met, reason)


def _excellence_label(eco) -> Criterion:
    met = eco.excellence_label != ExcellenceLabel.NONE
    return Criterion(
        "excellence",
        _("Uppfyller kriterierna för Cluster Excellence Label"),
        met,
        "" if met else _("Ingen Cluster Excellence Label är registrerad."),
        recorded=True,
    )


def _own_members(eco) -> Criterion:
    total = eco.members_total
    met = total >= MIN_OWN_MEMBERS
    reason = ""
    if not met:
        reason = ngettext(
            "Ekosystemet har %(count)d egen medlem.",
            "Ekosystemet har %(count)d egna medlemmar.",
            total,
        ) % {"count": total}
    return Criterion(
        "members", _("Minst %(count)d egna medlemmar") % {"count": MIN_OWN_MEMBERS}, met, reason
    )


def _systematic_work(eco) -> Criterion:
    met = bool(eco.systematic_innovation_work)
    return Criterion(
        "systematic",
        _("Systematiska utvecklings- och innovationsaktiviteter med de egna medlemmarna"),
        met,
        "" if met else _("Inga systematiska aktiviteter med medlemmarna är registrerade."),
        recorded=True,
    )


CHECKS = (
    _members_from_required_sectors,
    _turnover,
    _staff,
    _excellence_label,
    _own_members,
    _systematic_work,
)


def cluster_of_sweden_checklist(eco) -> list[Criterion]:
    return [check(eco) for check in CHECKS]
