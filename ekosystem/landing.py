"""What an ecosystem's page says is due for it, and where else to read about it, from the apps
above that know.

ekosystem knows no upper app: an app registers a provider here (in its AppConfig.ready()), a
function (user, ecosystem) -> list of Notice (or of Link), and the ecosystem page shows what they
return.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date


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
