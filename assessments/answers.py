"""Turning what a leader typed into a typed answer, with a clear Swedish message when it is not.

Values are stored as JSON: text as str, numbers as str of a Decimal (exact), yes/no as bool, a
choice as its value, a rating as int, the municipality mapping as {code: {physical, digital}}.
"""

import re
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from assessments.models import Kind
from ekosystem.choices import Municipality

SPACES = re.compile(r"[\s\u00a0\u202f]")
NUMERIC = {Kind.INTEGER, Kind.PERCENT, Kind.AMOUNT, Kind.DECIMAL}


def _number(question, raw: str):
    text = SPACES.sub("", raw).replace(",", ".").removesuffix("%").removesuffix("kr")
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise ValidationError(_("Skriv ett tal, till exempel 12 eller 12,5.")) from None
    if not number.is_finite():
        raise ValidationError(_("Skriv ett tal, till exempel 12 eller 12,5."))
    if question.kind in (Kind.INTEGER, Kind.AMOUNT) and number != number.to_integral_value():
        raise ValidationError(_("Skriv ett heltal, utan decimaler."))
    low = question.minimum if question.minimum is not None else Decimal(0)
    high = question.maximum
    if question.kind == Kind.PERCENT and high is None:
        high = Decimal(100)
    if number < low:
        raise ValidationError(_("Talet kan inte vara mindre än %(low)s.") % {"low": _plain(low)})
    if high is not None and number > high:
        raise ValidationError(_("Talet kan inte vara större än %(high)s.") % {"high": _plain(high)})
    return format(number.normalize(), "f")


def _plain(number: Decimal) -> str:
    return number_format(number.normalize(), force_grouping=True)


def parse(question, raw):
    """The stored value for what was posted (a str, or a dict for the municipality mapping).

    Empty input clears the answer (None): required answers are checked at submission, not while
    the leader is still writing.
    """
    if question.kind == Kind.MUNICIPALITIES:
        return (
            {
                code: {
                    "physical": bool(raw.get(f"{code}-physical")),
                    "digital": bool(raw.get(f"{code}-digital")),
                }
                for code in Municipality.values
            }
            if any(raw.values())
            else None
        )
    raw = (raw or "").strip()
    if raw == "":
        return None
    if question.kind == Kind.TEXT:
        return raw
    if question.kind in NUMERIC:
        return _number(question, raw)
    if question.kind == Kind.YES_NO:
        if raw not in ("yes", "no"):
            raise ValidationError(_("Välj ja eller nej."))
        return raw == "yes"
    if question.kind == Kind.CHOICE:
        if raw not in {choice["value"] for choice in question.choices}:
            raise ValidationError(_("Välj ett av alternativen."))
        return raw
    if question.kind == Kind.RATING:
        low, high = question.scale.get("min", 1), question.scale.get("max", 5)
        if not raw.isdigit() or not low <= int(raw) <= high:
            raise ValidationError(
                _("Välj ett värde från %(low)d till %(high)d.") % {"low": low, "high": high}
            )
        return int(raw)
    raise ValidationError(_("Den här frågan besvaras inte direkt."))


def display(question, value) -> str:
    """An answer as a reader sees it, in the active language."""
    if value in (None, "", {}):
        return ""
    if question.kind in NUMERIC:
        text = number_format(Decimal(value), force_grouping=True)
        return {Kind.PERCENT: f"{text} %", Kind.AMOUNT: f"{text} kr"}.get(question.kind, text)
    if question.kind == Kind.YES_NO:
        return _("Ja") if value else _("Nej")
    if question.kind == Kind.CHOICE:
        return question.choice_label(value)
    if question.kind == Kind.RATING:
        return f"{value} / {question.scale.get('max', 5)}"
    if question.kind == Kind.MUNICIPALITIES:
        # In the region's order: PostgreSQL's jsonb keeps no key order.
        parts = []
        for code, label in Municipality.choices:
            where = value.get(code)
            if not where:
                continue
            ways = [
                w
                for w, on in ((_("fysiskt"), where["physical"]), (_("digitalt"), where["digital"]))
                if on
            ]
            if ways:
                parts.append(f"{label} ({', '.join(ways)})")
        return "; ".join(parts)
    return str(value)


def form_value(question, value) -> str:
    """What to put back in the input so the leader sees what they saved."""
    if value is None:
        return ""
    if question.kind in NUMERIC:
        return number_format(Decimal(value))
    if question.kind == Kind.YES_NO:
        return "yes" if value else "no"
    return str(value) if not isinstance(value, dict) else ""
