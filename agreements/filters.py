from datetime import date, timedelta

import django_filters
from django.utils.translation import gettext_lazy as _

from agreements.models import Agreement
from agreements.overview import STATE_LABELS
from agreements.terms import State
from ekosystem.formfields import GroupedIntegerField
from ekosystem.permissions import visible_ecosystems

MAX_WITHIN_DAYS = 3650


class DaysFilter(django_filters.NumberFilter):
    """A number of days typed as text (`1 000`), bounded so the horizon is a real date."""

    field_class = GroupedIntegerField


class AgreementFilter(django_filters.FilterSet):
    """Ecosystem filters in the database; state and deadline, which are computed, afterwards."""

    ecosystem = django_filters.ModelChoiceFilter(
        queryset=lambda request: visible_ecosystems(request.user),
        label=_("Ekosystem"),
        empty_label=_("Alla ekosystem"),
    )
    state = django_filters.ChoiceFilter(
        choices=[(state.value, label) for state, label in STATE_LABELS.items()],
        label=_("Läge"),
        empty_label=_("Alla lägen"),
        method="computed_later",
    )
    within_days = DaysFilter(
        label=_("Nästa datum inom (dagar)"),
        method="computed_later",
        min_value=0,
        max_value=MAX_WITHIN_DAYS,
    )

    class Meta:
        model = Agreement
        fields = ["ecosystem", "state", "within_days"]

    def __init__(self, *args, today: date, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today

    def computed_later(self, queryset, name, value):
        return queryset

    def filter_overviews(self, rows):
        """Keep the rows the computed filters ask for, soonest next deadline first."""
        if not self.is_valid():
            return []
        state = self.form.cleaned_data.get("state")
        within = self.form.cleaned_data.get("within_days")
        if state:
            rows = [row for row in rows if row.state == State(state)]
        if within is not None:
            horizon = self.today + timedelta(days=int(within))
            rows = [row for row in rows if row.next_deadline and row.next_deadline.day <= horizon]
        return sorted(
            rows,
            key=lambda row: (
                row.next_deadline is None,
                row.next_deadline.day if row.next_deadline else date.max,
            ),
        )
