"""Swedish number formats: grouped thousands with a non-breaking space (1 000 000 kr)."""

from decimal import Decimal

from django import template
from django.utils.formats import number_format

register = template.Library()


@register.filter
def grouped(value, decimals=None):
    if value in (None, ""):
        return ""
    return number_format(value, decimal_pos=decimals, force_grouping=True)


@register.filter
def sek(value):
    if value in (None, ""):
        return ""
    return f"{grouped(value)}\xa0kr"


@register.filter
def grouped_max(value, decimals=1):
    """Grouped with at most `decimals` decimals, none for a whole number: 1 500 and 1 500,5."""
    if value in (None, ""):
        return ""
    whole = Decimal(str(value)) == Decimal(str(value)).to_integral_value()
    return number_format(value, decimal_pos=0 if whole else decimals, force_grouping=True)
