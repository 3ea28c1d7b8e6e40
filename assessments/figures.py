"""Figures derived from Bilaga 1 answers, so the officer does not compute them by hand."""

from dataclasses import dataclass
from decimal import Decimal

from assessments.answers import stored_number

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
