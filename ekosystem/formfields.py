"""Number fields that take numbers as Swedes write them: 1 500 000 and 1 800,5.

They render as text inputs (an HTML number input sends nothing for `1,5 miljoner`, so the value
would be erased without a word) with a numeric keyboard on phones, and refuse what they cannot
read with a Swedish message by the field; the form shows the typed text again.
`number_formfield` is the `formfield_callback` that gives every number column of a model form
such a field, bounded to what the column holds on every database we run on.
"""

import re
from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.backends.base.operations import BaseDatabaseOperations
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

SPACES = re.compile(r"[\s\u00a0\u202f]")


def _ungroup(value):
    return SPACES.sub("", value) if isinstance(value, str) else value


def _grouped(number) -> str:
    return number_format(number, force_grouping=True)


class _BoundedNumberMixin:
    """min_value and max_value checked with messages that write the limit as Swedes do."""

    def __init__(self, *, min_value=None, max_value=None, **kwargs):
        super().__init__(**kwargs)
        self.low, self.high = min_value, max_value
        # A caller's own wording for the bounds wins over the generic one.
        self.bound_messages = kwargs.get("error_messages") or {}

    def validate(self, value):
        super().validate(value)
        if value in self.empty_values:
            return
        if self.low is not None and value < self.low:
            raise ValidationError(
                self.bound_messages.get("min_value")
                or _("Talet kan inte vara mindre än %(low)s.") % {"low": _grouped(self.low)},
                code="min_value",
            )
        if self.high is not None and value > self.high:
            raise ValidationError(
                self.bound_messages.get("max_value")
                or _("Talet kan inte vara större än %(high)s.") % {"high": _grouped(self.high)},
                code="max_value",
            )


class GroupedIntegerField(_BoundedNumberMixin, forms.IntegerField):
    widget = forms.TextInput
    default_error_messages = {"invalid": _("Skriv ett heltal med siffror, till exempel 1 500 000.")}

    def to_python(self, value):
        return super().to_python(_ungroup(value))

    def widget_attrs(self, widget):
        return {**super().widget_attrs(widget), "inputmode": "numeric"}


class GroupedDecimalField(_BoundedNumberMixin, forms.DecimalField):
    """Accepts a decimal comma (or point) and digits grouped by spaces."""

    widget = forms.TextInput
    default_error_messages = {"invalid": _("Skriv ett tal med siffror, till exempel 1,5.")}

    def __init__(self, **kwargs):
        kwargs.setdefault("localize", True)
        super().__init__(**kwargs)

    def to_python(self, value):
        # A comma is always the decimal sign here, whatever the interface language.
        value = _ungroup(value)
        if isinstance(value, str):
            value = value.replace(",", ".")
        return super().to_python(value)

    def widget_attrs(self, widget):
        return {**super().widget_attrs(widget), "inputmode": "decimal"}


# The ranges of the integer columns on PostgreSQL (and in SQL generally): SQLite would store more,
# so a form checked against SQLite's range could still fail on the production database.
COLUMN_RANGES = BaseDatabaseOperations.integer_field_ranges


def column_bounds(model_field) -> tuple:
    """The smallest and largest value the column and the field's validators accept."""
    low, high = None, None
    if isinstance(model_field, models.DecimalField):
        whole_digits = model_field.max_digits - model_field.decimal_places
        high = Decimal(10) ** whole_digits - Decimal(10) ** -model_field.decimal_places
        low = -high
    elif isinstance(model_field, models.IntegerField):
        low, high = COLUMN_RANGES.get(model_field.get_internal_type(), (None, None))
    # The validators declared on the field; `validators` would add the connection's own range.
    for validator in (*model_field.default_validators, *model_field._validators):
        limit = getattr(validator, "limit_value", None)
        if limit is None or callable(limit):
            continue
        if isinstance(validator, MinValueValidator):
            low = limit if low is None else max(low, limit)
        elif isinstance(validator, MaxValueValidator):
            high = limit if high is None else min(high, limit)
    return low, high


def number_formfield(model_field, **kwargs):
    """A model form's field for a model field: Swedish, bounded number fields for numbers."""
    if isinstance(model_field, models.AutoField | models.BigAutoField | models.SmallAutoField):
        return model_field.formfield(**kwargs)
    if isinstance(model_field, models.IntegerField | models.DecimalField):
        low, high = column_bounds(model_field)
        form_class = (
            GroupedDecimalField
            if isinstance(model_field, models.DecimalField)
            else GroupedIntegerField
        )
        kwargs = {"form_class": form_class, "min_value": low, "max_value": high, **kwargs}
        # Django passes its own widget for numbers; ours is a text input.
        kwargs.pop("widget", None)
    return model_field.formfield(**kwargs)
