"""Swedish number formats: grouped thousands with a non-breaking space (1 000 000 kr)."""

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
