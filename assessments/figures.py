"""Figures derived from Bilaga 1 answers, so the officer does not compute them by hand."""

from dataclasses import dataclass
from decimal import Decimal

from django.utils.formats import number_format
from django.utils.translation import gettext as _

TIME_SHARE_REQUIRED = Decimal(50)

# Keys of the questions the figures are computed from (assessments/content/bilaga1.py).
TOTAL = "b1-participants-total"
SECTORS = {
    "b1-participants-private": "private",
    "b1-participants-public": "public",
    "b1-participants-academia": "academia",
    "b1-participants-abroad": "abroad",
}
STAFF = "b1-staff-fte"
TIME_SHARE = "b1-leader-time-share"
ABROAD = "b1-participants-abroad"
# The sectors add up to at most the total; the abroad count is a share of the total ("varav").
SECTOR_PARTS = [key for key in SECTORS if key != ABROAD]
CROSS_CHECKED = {TOTAL, *SECTORS}

# Answers the product computes rather than the leader types: key -> what it is computed from.
PER_FTE = "b1-s3-q19"
DERIVED = {PER_FTE: (TOTAL, STAFF)}


@dataclass(frozen=True)
class Figures:
    participants_per_fte: Decimal | None
    shares: dict[str, Decimal]
    """Per sector: percent of all participants, one decimal."""
    time_share: Decimal | None

    @property
    def time_share_too_low(self) -> bool:
        return self.time_share is not None and self.time_share < TIME_SHARE_REQUIRED


def _number(values, key):
    """A stored answer as a number; None when unanswered or beyond what can be computed with."""
    # Imported here: answers reads the question kinds from models, which import DERIVED from here.
    from assessments.answers import stored_number

    value = values.get(key)
    return None if value in (None, "") else stored_number(value)


def figures_of(values: dict) -> Figures | None:
    """The figures, when the questionnaire asks what they are computed from (Bilaga 1)."""
    keys = {TOTAL, STAFF, TIME_SHARE, *SECTORS}
    return derive(values) if keys & values.keys() else None


def derive(values: dict) -> Figures:
    """`values` maps question keys to stored answer values."""
    total = _number(values, TOTAL)
    staff = _number(values, STAFF)
    per_fte = (total / staff).quantize(Decimal("0.1")) if total is not None and staff else None
    shares = {}
    if total:
        for key, sector in SECTORS.items():
            count = _number(values, key)
            if count is not None:
                shares[sector] = (count * 100 / total).quantize(Decimal("0.1"))
    return Figures(per_fte, shares, _number(values, TIME_SHARE))


def derived_values(values: dict) -> dict:
    """The stored value of each derived answer (None while its sources are missing)."""
    per_fte = derive(values).participants_per_fte
    return {PER_FTE: None if per_fte is None else format(per_fte.normalize(), "f")}


def _plain(number) -> str:
    return number_format(number, force_grouping=True)


def cross_check(key: str, values: dict) -> str | None:
    """Why the answer to `key` cannot stand beside the others in `values` (question key ->
    stored value), or None: parts may not exceed the total they are part of."""
    if key not in CROSS_CHECKED:
        return None
    total = _number(values, TOTAL)
    if total is None:
        return None
    parts = [_number(values, part) for part in SECTOR_PARTS]
    in_sectors = sum(part for part in parts if part is not None)
    abroad = _number(values, ABROAD)
    if key == TOTAL:
        if in_sectors > total:
            return _(
                "Totalt kan inte vara färre än deltagarna från privat och offentlig sektor och "
                "akademin tillsammans (%(sum)s)."
            ) % {"sum": _plain(in_sectors)}
        if abroad is not None and abroad > total:
            return _("Totalt kan inte vara färre än deltagarna utanför Sverige (%(abroad)s).") % {
                "abroad": _plain(abroad)
            }
        return None
    if key == ABROAD:
        if abroad is not None and abroad > total:
            return _("Kan inte vara fler än deltagarna totalt (%(total)s).") % {
                "total": _plain(total)
            }
        return None
    if in_sectors > total:
        return _(
            "Privat och offentlig sektor och akademin blir tillsammans %(sum)s, fler än "
            "deltagarna totalt (%(total)s)."
        ) % {"sum": _plain(in_sectors), "total": _plain(total)}
    return None
