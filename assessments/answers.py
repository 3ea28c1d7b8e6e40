"""Turning what a leader typed into a typed answer, with a clear Swedish message when it is not.

Values are stored as JSON: text as str, numbers as str of a Decimal (exact), yes/no as bool, a
choice as its value, a rating as int, the municipality mapping as {code: {physical, digital}}.
"""

import re
from decimal import Context, Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from assessments.models import Kind
from ekosystem.choices import Municipality

SPACES = re.compile(r"[\s\u00a0\u202f]")
NUMERIC = {Kind.INTEGER, Kind.PERCENT, Kind.AMOUNT, Kind.DECIMAL}
# Digits with an optional decimal part: no exponent ("1e999999" would be a million digits), no
# "NaN" or "Infinity", only ASCII digits (Decimal also reads Arabic-Indic and other digits).
NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")
# Every number answer stays within these, whatever the question allows, so that figures computed
# from the answers (per employee, shares) and the exports always fit Decimal's 28 digits.
MAX_NUMBER = Decimal("999999999999")
MAX_DECIMALS = 4
NUL = "\x00"
DIGITS = re.compile(r"[0-9]{1,9}")
NUL_MESSAGE = _lazy(
    "Texten innehåller ett osynligt tecken (NUL) som inte kan sparas. Skriv in texten "
    "i stället för att klistra in den, eller klistra in den som oformaterad text."
)


def _number(question, raw: str):
    text = SPACES.sub("", raw).replace(",", ".").removesuffix("%").removesuffix("kr")
    if not NUMBER.fullmatch(text):
        raise ValidationError(_("Skriv ett tal, till exempel 12 eller 12,5."))
    number = Decimal(text)
    if question.kind in (Kind.INTEGER, Kind.AMOUNT) and number != number.to_integral_value():
        raise ValidationError(_("Skriv ett heltal, utan decimaler."))
    if len(text.partition(".")[2].rstrip("0")) > MAX_DECIMALS:
        raise ValidationError(_("Skriv högst %(count)d decimaler.") % {"count": MAX_DECIMALS})
    low = question.minimum if question.minimum is not None else Decimal(0)
    high = question.maximum
    if question.kind == Kind.PERCENT and high is None:
        high = Decimal(100)
    high = MAX_NUMBER if high is None else min(high, MAX_NUMBER)
    low = max(low, -MAX_NUMBER)
    if number < low:
        raise ValidationError(_("Talet kan inte vara mindre än %(low)s.") % {"low": _plain(low)})
    if number > high:
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
    if NUL in raw:
        raise ValidationError(NUL_MESSAGE)
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
        if not DIGITS.fullmatch(raw) or not low <= int(raw) <= high:
            raise ValidationError(
                _("Välj ett värde från %(low)d till %(high)d.") % {"low": low, "high": high}
            )
        return int(raw)
    raise ValidationError(_("Den här frågan besvaras inte direkt."))


def parse_evidence(raw):
    """The evidence text as stored (stripped), or None when none was posted (kept as it was)."""
    if raw is None:
        return None
    if NUL in raw:
        raise ValidationError(NUL_MESSAGE)
    return raw.strip()


def parse_revision(raw) -> int:
    """The revision an editor started from, as posted with an answer (empty means a new one)."""
    raw = (raw or "0").strip()
    if not DIGITS.fullmatch(raw):
        raise ValidationError(_("Sidan skickade ett felaktigt versionsnummer. Ladda om sidan."))
    return int(raw)


def stored_number(value) -> Decimal | None:
    """A stored number answer, or None when it cannot be computed with: unreadable, or beyond
    the bounds (stored before they were enforced)."""
    try:
        number = Decimal(value)
    except (InvalidOperation, TypeError, ValueError):
        return None
    if not number.is_finite() or abs(number) > MAX_NUMBER:
        return None
    return number


def _unbounded(value) -> str:
    """A stored number beyond the bounds, short enough to show (1E+27), so the leader sees it
    and, saving it again, gets the message that asks for a smaller one."""
    try:
        return str(Decimal(value).normalize(Context(prec=6)))
    except (InvalidOperation, TypeError, ValueError):
        return str(value)[:30]


def display(question, value) -> str:
    """An answer as a reader sees it, in the active language."""
    if value in (None, "", {}):
        return ""
    if question.kind in NUMERIC:
        number = stored_number(value)
        if number is None:
            return _unbounded(value)
        text = number_format(number, force_grouping=True)
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
        number = stored_number(value)
        return _unbounded(value) if number is None else number_format(number)
    if question.kind == Kind.YES_NO:
        return "yes" if value else "no"
    return str(value) if not isinstance(value, dict) else ""
