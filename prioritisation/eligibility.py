"""Eligibility and the financing ladder of the strategy (seed 000, Bilaga 3 §2.3), as pure rules.

The ladder has four rungs, each a list of conditions; a condition always says why it is met or
not, in plain Swedish. An ecosystem stands on the highest rung whose conditions, and those of
every rung below it, are all met; what it lacks for the next rung is that rung's unmet conditions.

1. Qualified for the strategy (seed 000, "Ett kriterium för kvalificering till strategin ..."):
   past the network phase (Bilaga 4: "Nätverksfasen finansieras inte"), the leader and more
   than half of the board (BOARD_TRAINED_MORE_THAN) have taken part in the training, a
   development strategy (what, how, who), the leader's time share at least
   MIN_LEADER_TIME_SHARE.
2. Project financing (§2.3.1): "arbeta utifrån kvalitetskriterierna", read here as having handed
   in the Bilaga 3 self-assessment.
3. Cooperation agreement (§2.3.2): an agreement in force today, and the quality criteria met
   ("Aktörerna med samarbetsavtal ska möta Region Norrbottens kvalitetskriterier").
4. Operating finance (§2.3.3): the quality criteria met, an agreement in force, at least one of
   the four reasons recorded by an officer, and no recorded judgement that others already
   finance enough.

"The quality criteria met" is a product decision the strategy leaves open: the latest reviewed
Bilaga 3 rates every statement of every general criterion (2.1.2) at least QUALITY_MIN_RATING,
the scale's "Uppfylls delvis". Nothing here reads the database: eligibility_queries.py gathers
the facts, so the rules run the same for one ecosystem and for three hundred.
"""

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from fractions import Fraction

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ekosystem.choices import Phase
from ekosystem.criteria import MIN_LEADER_TIME_SHARE

BOARD_TRAINED_MORE_THAN = Fraction(1, 2)
"""The share of board members who must have taken part in the training for "the board" to have
taken part: more than half, a majority, as a board decides by majority. A product decision: the
strategy says "styrelsen" without a share, and boards change members between trainings."""

QUALITY_MIN_RATING = 3
"""The lowest self-rating (1–5) a general criterion's statement may have for the criteria to be
met: 3 is "Uppfylls delvis" on the Bilaga 3 scale (assessments/content/bilaga3.py SCALE)."""


class Reason(StrEnum):
    """The four reasons for operating finance (§2.3.3), in the source's order."""

    ACTOR_SYSTEM = "actor_system"
    SPECIALISATION = "specialisation"
    TARGET_GROUP = "target_group"
    UNLOCKS_OTHER_FINANCIERS = "unlocks_other_financiers"

    @property
    def label(self) -> str:
        return str(REASON_LABELS[self])


REASON_LABELS = {
    Reason.ACTOR_SYSTEM: gettext_lazy("Aktören är avgörande för aktörssystemet"),
    Reason.SPECIALISATION: gettext_lazy("Aktören är avgörande för en specialisering"),
    Reason.TARGET_GROUP: gettext_lazy("Aktören är avgörande utifrån en specifik målgrupps behov"),
    Reason.UNLOCKS_OTHER_FINANCIERS: gettext_lazy(
        "Regionens finansiering är avgörande för finansiering från annan aktör"
    ),
}


class RungCode(StrEnum):
    QUALIFIED = "qualified"
    PROJECT = "project"
    AGREEMENT = "agreement"
    OPERATING = "operating"


RUNG_LABELS = {
    RungCode.QUALIFIED: gettext_lazy("Kvalificerad för strategin"),
    RungCode.PROJECT: gettext_lazy("Projektfinansiering"),
    RungCode.AGREEMENT: gettext_lazy("Samarbetsavtal"),
    RungCode.OPERATING: gettext_lazy("Verksamhetsfinansiering"),
}


# --- Facts in -------------------------------------------------------------------------------


@dataclass(frozen=True)
class CriterionRating:
    """One general criterion of Bilaga 3 and the lowest rating among its statements."""

    label: str
    lowest: int | None
    """None when a statement is not rated."""


@dataclass(frozen=True)
class QualityFacts:
    submitted: bool = False
    """A Bilaga 3 self-assessment has been handed in (submitted or reviewed)."""
    reviewed_in: str = ""
    """The round of the latest reviewed Bilaga 3; empty when none is reviewed."""
    criteria: tuple[CriterionRating, ...] = ()
    """The general criteria of that reviewed Bilaga 3."""


@dataclass(frozen=True)
class AgreementFacts:
    in_force_from: date | None = None
    in_force_until: date | None = None
    """Both set when an agreement is in force today."""
    starts_on: date | None = None
    """A signed agreement not yet begun (when none is in force)."""

    @property
    def in_force(self) -> bool:
        return self.in_force_from is not None


@dataclass(frozen=True)
class ReasonFacts:
    """What an officer recorded about operating finance (models.OperatingFinanceReasons)."""

    chosen: dict[Reason, str] = field(default_factory=dict)
    """Each chosen reason with its justification."""
    others_finance_enough: bool = False
    others_finance_enough_text: str = ""


@dataclass(frozen=True)
class EcosystemFacts:
    phase: str = ""
    board_size: int = 0
    board_trained: int = 0
    leader_trained: bool = False
    strategy_goals: bool = False
    strategy_approach: bool = False
    strategy_responsibilities: bool = False
    leader_time_share: int | None = None
    quality: QualityFacts = field(default_factory=QualityFacts)
    agreement: AgreementFacts = field(default_factory=AgreementFacts)
    reasons: ReasonFacts = field(default_factory=ReasonFacts)


# --- Explanation out ------------------------------------------------------------------------


@dataclass(frozen=True)
class Condition:
    code: str
    label: str
    met: bool
    reason: str


@dataclass(frozen=True)
class Rung:
    code: RungCode
    conditions: tuple[Condition, ...]

    @property
    def label(self) -> str:
        return str(RUNG_LABELS[self.code])

    @property
    def met(self) -> bool:
        return all(c.met for c in self.conditions)

    @property
    def missing(self) -> list[Condition]:
        return [c for c in self.conditions if not c.met]


@dataclass(frozen=True)
class Ladder:
    rungs: tuple[Rung, ...]

    @property
    def current(self) -> Rung | None:
        """The highest rung reached with every rung below it; None when not even qualified."""
        reached = None
        for rung in self.rungs:
            if not rung.met:
                break
            reached = rung
        return reached

    @property
    def next(self) -> Rung | None:
        """The first rung not reached; None at the top."""
        return next((r for r in self.rungs if not r.met), None)

    @property
    def lacking(self) -> list[Condition]:
        return self.next.missing if self.next else []

    def rung(self, code: RungCode) -> Rung:
        return next(r for r in self.rungs if r.code == code)


def _day(value: date) -> str:
    return date_format(value, "j F Y")


# --- Qualification --------------------------------------------------------------------------


def phase_condition(facts: EcosystemFacts) -> Condition:
    label = _("Ekosystemet har passerat nätverksfasen")
    if facts.phase not in Phase.values:
        return Condition("phase", label, False, _("Ekosystemets fas är inte angiven."))
    if facts.phase == Phase.NETWORK:
        return Condition(
            "phase",
            label,
            False,
            _(
                "Ekosystemet är i nätverksfasen; nätverksfasen finansieras inte inom strategin "
                "(Bilaga 4)."
            ),
        )
    return Condition(
        "phase",
        label,
        True,
        _("Ekosystemet är i fasen %(phase)s.") % {"phase": Phase(facts.phase).label},
    )


def board_training_condition(facts: EcosystemFacts) -> Condition:
    label = _("Styrelsen har deltagit i utbildningen")
    if facts.board_size == 0:
        return Condition("board_trained", label, False, _("Ingen styrelse är registrerad."))
    met = Fraction(facts.board_trained, facts.board_size) > BOARD_TRAINED_MORE_THAN
    counts = {"trained": facts.board_trained, "total": facts.board_size}
    if met:
        reason = (
            _(
                "%(trained)d av %(total)d ledamöter har deltagit i utbildningen, mer än hälften "
                "av styrelsen."
            )
            % counts
        )
    else:
        reason = (
            _(
                "%(trained)d av %(total)d ledamöter har deltagit i utbildningen; strategin gör "
                "styrelsens utbildning till ett kriterium för att kvalificera sig, och mer än "
                "hälften av ledamöterna behöver ha deltagit."
            )
            % counts
        )
    return Condition("board_trained", label, met, reason)


def leader_training_condition(facts: EcosystemFacts) -> Condition:
    label = _("Ledaren har deltagit i utbildningen")
    if facts.leader_trained:
        return Condition("leader_trained", label, True, _("Ledaren har deltagit i utbildningen."))
    return Condition(
        "leader_trained",
        label,
        False,
        _(
            "Ledaren har inte deltagit i utbildningen; strategin gör ledarens utbildning till "
            "ett kriterium för att kvalificera sig."
        ),
    )


def strategy_condition(facts: EcosystemFacts) -> Condition:
    label = _("Det finns en utvecklingsstrategi")
    parts = (
        (facts.strategy_goals, _("vad ni vill uppnå")),
        (facts.strategy_approach, _("hur ni når målet")),
        (facts.strategy_responsibilities, _("vem som ansvarar för vad")),
    )
    missing = [str(text) for present, text in parts if not present]
    if not missing:
        return Condition(
            "strategy",
            label,
            True,
            _("Strategin beskriver vad ni vill uppnå, hur och vem som ansvarar."),
        )
    return Condition(
        "strategy",
        label,
        False,
        _("Utvecklingsstrategin saknar: %(parts)s.") % {"parts": ", ".join(missing)},
    )


def time_share_condition(facts: EcosystemFacts) -> Condition:
    label = _("Ledaren arbetar minst %(share)d %% av en heltid med ekosystemet") % {
        "share": MIN_LEADER_TIME_SHARE
    }
    share = facts.leader_time_share
    if share is None:
        return Condition("time_share", label, False, _("Ledarens tid är inte angiven."))
    values = {"share": share, "minimum": MIN_LEADER_TIME_SHARE}
    if share >= MIN_LEADER_TIME_SHARE:
        return Condition(
            "time_share", label, True, _("Ledaren arbetar %(share)d %% med ekosystemet.") % values
        )
    return Condition(
        "time_share",
        label,
        False,
        _("Ledarens tid är %(share)d %%; strategin kräver minst %(minimum)d %%.") % values,
    )


# --- Quality and agreement ------------------------------------------------------------------


def self_assessment_condition(facts: EcosystemFacts) -> Condition:
    label = _("Arbetar utifrån kvalitetskriterierna (självskattning enligt Bilaga 3 inlämnad)")
    if facts.quality.submitted:
        return Condition(
            "self_assessment", label, True, _("En självskattning enligt Bilaga 3 är inlämnad.")
        )
    return Condition(
        "self_assessment",
        label,
        False,
        _("Ingen självskattning enligt Bilaga 3 är inlämnad."),
    )


def quality_condition(facts: EcosystemFacts) -> Condition:
    label = _("Kvalitetskriterierna är uppfyllda (granskad Bilaga 3)")
    quality = facts.quality
    if not quality.reviewed_in:
        return Condition(
            "quality",
            label,
            False,
            _("Ingen självskattning enligt Bilaga 3 är granskad av en handläggare."),
        )
    if not quality.criteria:
        return Condition(
            "quality",
            label,
            False,
            _("Den granskade självskattningen (%(round)s) saknar de generella kriterierna.")
            % {"round": quality.reviewed_in},
        )
    unrated = [c.label for c in quality.criteria if c.lowest is None]
    low = [
        c.label for c in quality.criteria if c.lowest is not None and c.lowest < QUALITY_MIN_RATING
    ]
    values = {"round": quality.reviewed_in, "minimum": QUALITY_MIN_RATING}
    if not unrated and not low:
        return Condition(
            "quality",
            label,
            True,
            _(
                "I den granskade självskattningen (%(round)s) är varje påstående i de generella "
                "kriterierna skattat till minst %(minimum)d (uppfylls delvis)."
            )
            % values,
        )
    sentences = []
    if low:
        sentences.append(
            _(
                "I den granskade självskattningen (%(round)s) är något påstående skattat under "
                "%(minimum)d (uppfylls delvis) för: %(criteria)s."
            )
            % {**values, "criteria": ", ".join(low)}
        )
    if unrated:
        sentences.append(_("Inte skattade: %(criteria)s.") % {"criteria": ", ".join(unrated)})
    return Condition("quality", label, False, " ".join(sentences))


def agreement_condition(facts: EcosystemFacts) -> Condition:
    label = _("Ett samarbetsavtal med Region Norrbotten gäller")
    agreement = facts.agreement
    if agreement.in_force:
        return Condition(
            "agreement",
            label,
            True,
            _("Samarbetsavtalet gäller från %(start)s till och med %(end)s.")
            % {"start": _day(agreement.in_force_from), "end": _day(agreement.in_force_until)},
        )
    if agreement.starts_on is not None:
        return Condition(
            "agreement",
            label,
            False,
            _("Samarbetsavtalet börjar gälla %(start)s.") % {"start": _day(agreement.starts_on)},
        )
    return Condition("agreement", label, False, _("Inget samarbetsavtal gäller i dag."))


# --- Operating finance ----------------------------------------------------------------------


def reason_condition(facts: EcosystemFacts) -> Condition:
    label = _("Minst ett av de fyra skälen för verksamhetsfinansiering är registrerat")
    chosen = [
        (reason, facts.reasons.chosen[reason])
        for reason in Reason
        if reason in facts.reasons.chosen
    ]
    if not chosen:
        return Condition(
            "reason",
            label,
            False,
            _("En handläggare har inte registrerat något av de fyra skälen."),
        )
    lines = [f"{reason.label}: {text}" if text else reason.label for reason, text in chosen]
    sentences = " ".join(line if line.endswith((".", "!", "?")) else f"{line}." for line in lines)
    return Condition(
        "reason", label, True, _("Registrerade skäl: %(reasons)s") % {"reasons": sentences}
    )


def others_finance_condition(facts: EcosystemFacts) -> Condition:
    label = _("Regionen har inte bedömt att annan finansiering redan räcker")
    if facts.reasons.others_finance_enough:
        text = facts.reasons.others_finance_enough_text
        reason = _(
            "Regionen har bedömt att tillräcklig finansiering redan finns från andra aktörer."
        )
        return Condition("others_finance", label, False, f"{reason} {text}".strip())
    return Condition(
        "others_finance",
        label,
        True,
        _("Ingen bedömning om att andra aktörer redan finansierar tillräckligt är registrerad."),
    )


def ladder(facts: EcosystemFacts) -> Ladder:
    quality = quality_condition(facts)
    agreement = agreement_condition(facts)
    return Ladder(
        (
            Rung(
                RungCode.QUALIFIED,
                (
                    phase_condition(facts),
                    board_training_condition(facts),
                    leader_training_condition(facts),
                    strategy_condition(facts),
                    time_share_condition(facts),
                ),
            ),
            Rung(RungCode.PROJECT, (self_assessment_condition(facts),)),
            Rung(RungCode.AGREEMENT, (agreement, quality)),
            Rung(
                RungCode.OPERATING,
                (quality, agreement, reason_condition(facts), others_finance_condition(facts)),
            ),
        )
    )
