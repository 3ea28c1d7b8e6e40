"""Readable change history of an ecosystem and its board, from django-simple-history's records."""

from dataclasses import dataclass, field

from django.utils.formats import localize
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ekosystem.choices import Gap
from ekosystem.models import BoardMember, Ecosystem, Specialisation

# Bookkeeping that changes on every save and says nothing to a reader.
HIDDEN_FIELDS = {"version", "cluster_criteria_met", "updated_at", "created_at"}
ACTIONS = {
    "+": gettext_lazy("skapade"),
    "~": gettext_lazy("ändrade"),
    "-": gettext_lazy("tog bort"),
}


@dataclass
class Change:
    label: str
    old: str
    new: str


@dataclass
class Entry:
    when: object
    who: object
    action: str
    subject: str
    changes: list[Change] = field(default_factory=list)


def _show(model, field_name, value) -> str:
    if value in (None, "", []):
        return "–"
    model_field = model._meta.get_field(field_name)
    if field_name == "gaps":
        return ", ".join(str(Gap(code).label) for code in value if code in Gap.values)
    if field_name == "specialisations":
        ids = [row["specialisation"] for row in value]
        return ", ".join(s.name for s in Specialisation.objects.filter(pk__in=ids))
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return _("Ja") if value else _("Nej")
    return str(localize(value))


def _label(model, field_name) -> str:
    return capfirst(model._meta.get_field(field_name).verbose_name)


def _entries(records, model, subject) -> list[Entry]:
    """Turn one object's records (oldest first) into entries listing what each change did."""
    entries = []
    previous_by_object = {}
    for record in records:
        entry = Entry(
            record.history_date, record.history_user, ACTIONS[record.history_type], subject(record)
        )
        previous = previous_by_object.get(record.id)
        if previous is not None and record.history_type == "~":
            delta = record.diff_against(previous)
            entry.changes = [
                Change(
                    _label(model, c.field),
                    _show(model, c.field, c.old),
                    _show(model, c.field, c.new),
                )
                for c in delta.changes
                if c.field not in HIDDEN_FIELDS
            ]
            if not entry.changes:
                continue
        previous_by_object[record.id] = record
        entries.append(entry)
    return entries


def change_log(ecosystem, limit=200) -> list[Entry]:
    """Who changed what about the ecosystem and its board, newest first."""
    own = ecosystem.history.select_related("history_user").order_by("history_date", "history_id")
    board = (
        BoardMember.history.filter(ecosystem_id=ecosystem.pk)
        .select_related("history_user")
        .order_by("history_date", "history_id")
    )
    entries = _entries(own, Ecosystem, lambda r: _("ekosystemet"))
    entries += _entries(
        board, BoardMember, lambda r: _("styrelseledamoten %(name)s") % {"name": r.name}
    )
    entries.sort(key=lambda e: e.when, reverse=True)
    return entries[:limit]
