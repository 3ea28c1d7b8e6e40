"""Number fields that take numbers as Swedes write them: 1 500 000 and 1 800,5."""

import re

from django import forms

SPACES = re.compile(r"[\s\u00a0\u202f]")


def _ungroup(value):
    return SPACES.sub("", value) if isinstance(value, str) else value


class GroupedIntegerField(forms.IntegerField):
    def to_python(self, value):
        return super().to_python(_ungroup(value))


class GroupedDecimalField(forms.DecimalField):
    """Accepts a decimal comma (or point) and digits grouped by spaces."""

    def __init__(self, **kwargs):
        kwargs.setdefault("localize", True)
        super().__init__(**kwargs)

    def to_python(self, value):
        return super().to_python(_ungroup(value))
