"""What an ecosystem's page says is due for it, and where else to read about it, from the apps
above that know.

ekosystem knows no upper app: an app registers a provider here (in its AppConfig.ready()), a
function (user, ecosystem) -> list of Notice (or of Link), and the ecosystem page shows what they
return.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from django.utils.translation import gettext as _
from django.utils.translation import ngettext


@dataclass(frozen=True)
class Notice:
    title: str
    """What is due, e.g. "Bilaga 1 – Klusterbedömning (ekosystemet)"."""
    status: str
    due: date | None
    url: str
    link_text: str
    comment: str = ""
    """The officer's comment when the work was returned."""
    comment_by: str = ""


_providers: list[Callable] = []


def register(provider: Callable) -> None:
    if provider not in _providers:
        _providers.append(provider)


def notices(user, ecosystem) -> list[Notice]:
    found = []
    for provider in _providers:
        found.extend(provider(user, ecosystem))
    return sorted(found, key=lambda notice: (notice.due is None, notice.due or date.max))


@dataclass(frozen=True)
class Link:
    """A page of an upper app about the ecosystem, e.g. its financing ladder."""

    url: str
    text: str


_link_providers: list[Callable] = []


def register_links(provider: Callable) -> None:
    if provider not in _link_providers:
        _link_providers.append(provider)


def links(user, ecosystem) -> list[Link]:
    """What the user may open about the ecosystem; each provider decides who sees its link."""
    return [link for provider in _link_providers for link in provider(user, ecosystem)]


# Links about an assessment round (the round's page, assessments.officer_views.round_detail),
# e.g. to its scoring: a provider (user, round) -> list of Link, registered from an upper app.
_round_link_providers: list[Callable] = []


def register_round_links(provider: Callable) -> None:
    if provider not in _round_link_providers:
        _round_link_providers.append(provider)


def round_links(user, round_) -> list[Link]:
    """What the user may open about the round; each provider decides who sees its link."""
    return [link for provider in _round_link_providers for link in provider(user, round_)]


# The officer's dashboard (/oversikt/, ekosystem.views.dashboard): what needs attention now, across
# every ecosystem. An upper app registers a Section from its AppConfig.ready():
#
#     from ekosystem import landing
#     landing.register_section(landing.Section(
#         key="scores_missing", title=gettext_lazy("Poäng som saknas"), order=60,
#         items=scores_missing_items,             # (user, today) -> list[landing.Item]
#         full_list_url=lambda: reverse(...),     # the full list, e.g. the ranked view
#         full_list_text=gettext_lazy("..."), explanation=gettext_lazy("..."),
#     ))
#
# Orders in use: agreements 10 (notice deadlines), 20 (evaluations); assessments 30 (waiting for
# review), 40 (missing), 50 (returned). The dashboard shows each section in `order`, its items
# overdue first, then soonest, at most ten with the rest counted, and "Inget att göra just nu"
# when it has none. `items` returns [] for a user it is not for, and does its selection in the
# database in a number of queries that does not grow with the number of ecosystems (the test
# of 3 against 300 ecosystems in tests/ekosystem/test_dashboard.py renders every section).


@dataclass(frozen=True)
class Item:
    text: str
    """What needs doing, e.g. "Fjällklustret – sista dag för uppsägning"."""
    url: str
    """The page where the officer acts."""
    day: date | None = None
    """The date it is due by (in the past: overdue), or waiting since when `since` is set."""
    since: bool = False
    """`day` is when the wait began (e.g. submitted on), not a deadline."""
    count: int = 1
    """How many things the item stands for (the section's total adds them up); an item of more
    than one says the number in its text."""
    detail: str = ""


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    order: int
    items: Callable
    """(user, today) -> list[Item]."""
    full_list_url: Callable | None = None
    """() -> the address of the full list (e.g. the agreement list, filtered)."""
    full_list_text: str = ""
    explanation: str = ""
    """What the section selects, e.g. "Inom 90 dagar" (shown under its heading)."""


_sections: dict[str, Section] = {}


def register_section(section: Section) -> None:
    """Add (or replace, by key) a dashboard section."""
    _sections[section.key] = section


def dashboard_sections() -> list[Section]:
    return sorted(_sections.values(), key=lambda section: (section.order, section.key))


def sorted_items(items) -> list[Item]:
    """Overdue first, then the nearest date; items without a date last. Waits ("since") sort
    as their start: the longest wait first."""
    return sorted(items, key=lambda item: (item.day is None, item.day or date.max, item.text))


def urgency(item: Item, today: date) -> tuple[str, bool]:
    """How soon, in words (never colour alone), and whether it is overdue."""
    if item.day is None:
        return "", False
    days = (item.day - today).days
    if item.since:
        if days >= 0:
            return _("Sedan i dag"), False
        return ngettext("Väntat i %(days)d dag", "Väntat i %(days)d dagar", -days) % {
            "days": -days
        }, False
    if days < 0:
        return ngettext("Försenad %(days)d dag", "Försenad %(days)d dagar", -days) % {
            "days": -days
        }, True
    if days == 0:
        return _("I dag"), False
    if days == 1:
        return _("I morgon"), False
    return _("Om %(days)d dagar") % {"days": days}, False


@dataclass
class ShownItem:
    item: Item
    urgency: str
    overdue: bool


@dataclass
class ShownSection:
    section: Section
    total: int
    """Items in the section (each counted with its `count`)."""
    items: list[ShownItem] = field(default_factory=list)
    more: int = 0
    """Items not shown (the full list has them)."""
    full_list_url: str = ""


def dashboard(user, today: date, *, limit: int = 10) -> list[ShownSection]:
    """Every section with its most urgent `limit` items."""
    shown = []
    for section in dashboard_sections():
        items = sorted_items(section.items(user, today))
        rows = [ShownItem(item, *urgency(item, today)) for item in items[:limit]]
        shown.append(
            ShownSection(
                section=section,
                total=sum(item.count for item in items),
                items=rows,
                more=len(items) - len(rows),
                full_list_url=section.full_list_url() if section.full_list_url else "",
            )
        )
    return shown
