"""The prioritisation framework of the strategy (Bilaga 3 §2.2) as plain data: six perspectives,
each with a help text, a scale of labelled steps and a default weight.

A new round's scoring template is created from `default_perspectives()`; officers may then change
the weights and the step labels of that round until the first score is saved. The step values
(0–4) are fixed, so every perspective's score is on the same scale and totals compare across
rounds.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

SCALE_MIN = 0
SCALE_MAX = 4


class Kind:
    """Who gives a perspective its value."""

    SCORED = "scored"  # each officer scores it
    QUALITY = (
        "quality"  # computed from the ecosystem's Bilaga 3 ratings (prioritisation/quality.py)
    )
    SPECIALISATION = "specialisation"  # computed from the rank (prioritisation/specialisation.py)

    CHOICES = [
        (SCORED, _("Poängsätts av handläggarna")),
        (QUALITY, _("Beräknas ur självskattningen (Bilaga 3)")),
        (SPECIALISATION, _("Beräknas ur specialiseringsområdenas prioritetsordning")),
    ]
    COMPUTED = (QUALITY, SPECIALISATION)


# The labels of a step unless a perspective words its own.
DEFAULT_LABELS = {
    0: _("Ingen"),
    1: _("Liten"),
    2: _("Måttlig"),
    3: _("Stor"),
    4: _("Mycket stor"),
}


@dataclass(frozen=True)
class PerspectiveDefault:
    key: str
    name: str
    help_text: str
    kind: str
    weight: Decimal = Decimal(1)
    labels: dict = field(default_factory=lambda: dict(DEFAULT_LABELS))

    @property
    def steps(self) -> list[tuple[int, str]]:
        return [(value, str(self.labels[value])) for value in range(SCALE_MIN, SCALE_MAX + 1)]


def default_perspectives() -> list[PerspectiveDefault]:
    """The six perspectives of §2.2 in the strategy's order, with equal weights."""
    return [
        PerspectiveDefault(
            key="roll",
            name=_("Förväntad roll i stödsystemet"),
            help_text=_(
                "Vilken roll aktören förväntas spela i företags- och innovationsstödsystemet i "
                "Norrbotten."
            ),
            kind=Kind.SCORED,
        ),
        PerspectiveDefault(
            key="kvalitet",
            name=_("Självskattad kvalitetsnivå"),
            help_text=_(
                "Den kvalitetsnivå aktören själv anser sig ha nått, enligt självskattningen i "
                "Bilaga 3 i samma omgång. Beräknas; kan ändras med en skriftlig motivering."
            ),
            kind=Kind.QUALITY,
            labels={
                0: _("Uppfylls inte"),
                1: _("Uppfylls i liten grad"),
                2: _("Uppfylls delvis"),
                3: _("Uppfylls till stor del"),
                4: _("Uppfylls helt"),
            },
        ),
        PerspectiveDefault(
            key="andra-aktorer",
            name=_("Betydelse för andra aktörer"),
            help_text=_(
                "Hur betydelsefull aktören är för andra aktörer i systemet, inklusive "
                "slutanvändare."
            ),
            kind=Kind.SCORED,
        ),
        PerspectiveDefault(
            key="slutanvandare",
            name=_("Möter slutanvändarnas behov"),
            help_text=_(
                "Hur aktören möter behov hos idébärare, entreprenörer, innovatörer och företagare."
            ),
            kind=Kind.SCORED,
            labels={
                0: _("Möter inga behov"),
                1: _("Möter behoven i liten grad"),
                2: _("Möter behoven delvis"),
                3: _("Möter behoven väl"),
                4: _("Möter behoven mycket väl"),
            },
        ),
        PerspectiveDefault(
            key="specialisering",
            name=_("Betydelse för en norrbottnisk specialisering"),
            help_text=_(
                "Hur viktig aktören är för ett smart specialiseringsområde, med områdenas "
                "prioritetsordning invägd. Beräknas; kan ändras med en skriftlig motivering."
            ),
            kind=Kind.SPECIALISATION,
        ),
        PerspectiveDefault(
            key="enskild-funktion",
            name=_("Enskild funktion av stor betydelse"),
            help_text=_(
                "Om aktören utgör en enskild funktion som anses ha stor betydelse för de "
                "resultat och effekter som stödsystemet bidrar till."
            ),
            kind=Kind.SCORED,
        ),
    ]
