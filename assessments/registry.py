"""What Bilaga 1 asks that the registry already holds, and how the two are kept in step.

When a round opens, these answers are prefilled from the ecosystem's registry facts (the leader
confirms or corrects them); the officer's page marks where a handed-in answer differs from the
registry. Values are in the stored form of assessments/answers.py (numbers as str, yes/no as bool).
"""

from collections.abc import Callable
from datetime import date
from decimal import Decimal, InvalidOperation

from assessments.figures import SECTORS, STAFF, TIME_SHARE, TOTAL
from ekosystem.models import Ecosystem

AGE = "b1-age"
LEGAL_FORM = "b1-legal-form"
ECCP = "b1-s1-q5"

# Bilaga 1 offers these legal forms; any other registry form is "other" there.
QUESTIONNAIRE_LEGAL_FORMS = {
    "economic_association",
    "non_profit_association",
    "limited_company",
    "foundation",
}


def _number(value) -> str | None:
    return None if value is None else format(Decimal(value).normalize(), "f")


def _age(ecosystem: Ecosystem, today: date) -> str | None:
    if ecosystem.year_founded is None or ecosystem.year_founded > today.year:
        return None
    return str(today.year - ecosystem.year_founded)


def _legal_form(ecosystem: Ecosystem, today: date) -> str | None:
    if not ecosystem.legal_form:
        return None
    return ecosystem.legal_form if ecosystem.legal_form in QUESTIONNAIRE_LEGAL_FORMS else "other"


_SECTOR_FIELDS = {
    "private": "members_business",
    "public": "members_public",
    "academia": "members_academia",
    "abroad": "members_abroad",
}

FACTS: dict[str, Callable[[Ecosystem, date], object]] = {
    AGE: _age,
    LEGAL_FORM: _legal_form,
    TIME_SHARE: lambda e, today: _number(e.leader_time_share),
    TOTAL: lambda e, today: str(e.members_total),
    **{
        key: (lambda field: lambda e, today: str(getattr(e, field)))(_SECTOR_FIELDS[sector])
        for key, sector in SECTORS.items()
    },
    STAFF: lambda e, today: _number(e.staff_fte),
    ECCP: lambda e, today: e.eccp_listed,
}
"""Question key -> the registry's answer to it (None when the registry does not know)."""


def registry_answers(ecosystem: Ecosystem, today: date) -> dict[str, object]:
    """The answers the registry gives, by question key; unknown facts left out."""
    found = {}
    for key, fact in FACTS.items():
        value = fact(ecosystem, today)
        if value is not None:
            found[key] = value
    return found


def differs(key: str, answer_value, registry_value) -> bool:
    """Whether an answer disagrees with the registry (numbers compared as numbers)."""
    if registry_value is None or answer_value in (None, ""):
        return False
    if isinstance(registry_value, str) and key != LEGAL_FORM:
        try:
            return Decimal(str(answer_value)) != Decimal(registry_value)
        except InvalidOperation:
            return str(answer_value) != registry_value
    return answer_value != registry_value
