"""Writes for eligibility: the officer's reasons for operating finance."""

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from prioritisation.models import OperatingFinanceReasons

REASONS_CONFLICT_MESSAGE = _(
    "Någon annan har sparat skälen för verksamhetsfinansiering sedan du öppnade sidan. Det du "
    "skrev finns kvar i formuläret: jämför med det som nu är sparat och spara igen."
)


class ReasonsConflict(Exception):
    """The reasons changed after the officer loaded them; saving would overwrite that change."""


@transaction.atomic
def record_operating_finance_reasons(*, form, user) -> OperatingFinanceReasons:
    """Save the validated reasons form for its ecosystem unless someone saved in between.

    Side effects: creates the ecosystem's record on the first save, raises its version, sets who
    recorded it and when, and keeps the earlier version in the history.
    """
    record = form.instance
    current = (
        OperatingFinanceReasons.objects.select_for_update()
        .filter(ecosystem_id=record.ecosystem_id)
        .values_list("version", flat=True)
        .first()
    )
    if (current or 0) != form.cleaned_data["version"]:
        raise ReasonsConflict(REASONS_CONFLICT_MESSAGE)
    record = form.save(commit=False)
    record.version = (current or 0) + 1
    record.recorded_by = user
    record.save()
    return record
