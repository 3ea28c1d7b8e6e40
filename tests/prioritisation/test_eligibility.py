"""The financing ladder's rules (prioritisation/eligibility.py), at every boundary."""

from dataclasses import replace
from datetime import date

import pytest
from django.utils import translation

from ekosystem.choices import Phase
from ekosystem.criteria import MIN_LEADER_TIME_SHARE
from prioritisation.eligibility import (
    QUALITY_MIN_RATING,
    AgreementFacts,
    CriterionRating,
    EcosystemFacts,
    QualityFacts,
    Reason,
    ReasonFacts,
    RungCode,
    ladder,
)

GOOD_QUALITY = QualityFacts(
    submitted=True,
    reviewed_in="Självskattning 2026",
    criteria=(
        CriterionRating("Är kvalitetssäkrad", QUALITY_MIN_RATING),
        CriterionRating("Samverkar", 5),
    ),
)
IN_FORCE = AgreementFacts(in_force_from=date(2025, 1, 1), in_force_until=date(2027, 12, 31))
ONE_REASON = ReasonFacts(chosen={Reason.ACTOR_SYSTEM: "Navet i rymdnoden."})


@pytest.fixture(autouse=True)
def _swedish():
    """The reasons are asserted in Swedish, whatever an earlier test left activated."""
    with translation.override("sv"):
        yield


# Every condition of every rung met.
TOP = EcosystemFacts(
    phase=Phase.INNOVATION,
    board_size=5,
    board_trained=5,
    leader_trained=True,
    strategy_goals=True,
    strategy_approach=True,
    strategy_responsibilities=True,
    leader_time_share=MIN_LEADER_TIME_SHARE,
    quality=GOOD_QUALITY,
    agreement=IN_FORCE,
    reasons=ONE_REASON,
)


def _condition(facts, rung, code):
    found = ladder(facts).rung(rung)
    return next(c for c in found.conditions if c.code == code)


def test_every_condition_met_stands_on_operating_finance():
    result = ladder(TOP)
    assert [r.met for r in result.rungs] == [True, True, True, True]
    assert result.current.code == RungCode.OPERATING
    assert result.next is None
    assert result.lacking == []


# (what changes, the rung, the condition that fails)
QUALIFICATION = [
    (dict(phase=Phase.NETWORK), "phase"),
    (dict(phase=""), "phase"),
    (dict(board_trained=2), "board_trained"),
    (dict(board_size=0, board_trained=0), "board_trained"),
    (dict(leader_trained=False), "leader_trained"),
    (dict(strategy_goals=False), "strategy"),
    (dict(strategy_approach=False), "strategy"),
    (dict(strategy_responsibilities=False), "strategy"),
    (dict(leader_time_share=MIN_LEADER_TIME_SHARE - 1), "time_share"),
    (dict(leader_time_share=None), "time_share"),
    (dict(leader_time_share=0), "time_share"),
]


@pytest.mark.parametrize(("change", "code"), QUALIFICATION)
def test_each_qualification_condition_alone_keeps_the_ecosystem_off_the_ladder(change, code):
    facts = replace(TOP, **change)
    result = ladder(facts)
    assert not _condition(facts, RungCode.QUALIFIED, code).met
    assert [c.code for c in result.rung(RungCode.QUALIFIED).missing] == [code]
    assert result.current is None
    assert result.next.code == RungCode.QUALIFIED
    assert [c.code for c in result.lacking] == [code]


@pytest.mark.parametrize("phase", [Phase.SUSTAINABLE_DEVELOPMENT, Phase.RENEWAL, Phase.INNOVATION])
def test_every_phase_past_the_network_phase_qualifies(phase):
    assert _condition(replace(TOP, phase=phase), RungCode.QUALIFIED, "phase").met


@pytest.mark.parametrize(
    ("share", "met"),
    [(MIN_LEADER_TIME_SHARE - 1, False), (MIN_LEADER_TIME_SHARE, True), (100, True)],
)
def test_leader_time_share_at_the_threshold_qualifies_and_one_below_does_not(share, met):
    assert MIN_LEADER_TIME_SHARE == 50
    condition = _condition(replace(TOP, leader_time_share=share), RungCode.QUALIFIED, "time_share")
    assert condition.met is met


def test_time_share_below_the_threshold_says_the_share_and_the_requirement():
    facts = replace(TOP, leader_time_share=40)
    reason = _condition(facts, RungCode.QUALIFIED, "time_share").reason
    assert reason == "Ledarens tid är 40 %; strategin kräver minst 50 %."


def test_network_phase_explains_that_the_strategy_does_not_finance_it():
    reason = _condition(replace(TOP, phase=Phase.NETWORK), RungCode.QUALIFIED, "phase").reason
    assert "nätverksfasen" in reason and "finansieras inte" in reason


@pytest.mark.parametrize(
    ("trained", "size", "met"),
    [(0, 1, False), (1, 1, True), (2, 4, False), (3, 4, True), (2, 5, False), (3, 5, True)],
)
def test_more_than_half_of_the_board_trained_qualifies_and_exactly_half_does_not(
    trained, size, met
):
    facts = replace(TOP, board_trained=trained, board_size=size)
    assert _condition(facts, RungCode.QUALIFIED, "board_trained").met is met


def test_board_training_counts_the_members_trained():
    reason = _condition(replace(TOP, board_trained=2), RungCode.QUALIFIED, "board_trained").reason
    assert reason.startswith("2 av 5 ledamöter har deltagit i utbildningen")


def test_missing_strategy_parts_are_named():
    facts = replace(TOP, strategy_goals=False, strategy_responsibilities=False)
    reason = _condition(facts, RungCode.QUALIFIED, "strategy").reason
    assert reason == "Utvecklingsstrategin saknar: vad ni vill uppnå, vem som ansvarar för vad."


def test_project_financing_needs_a_bilaga3_handed_in():
    facts = replace(TOP, quality=QualityFacts())
    result = ladder(facts)
    assert not result.rung(RungCode.PROJECT).met
    assert result.current.code == RungCode.QUALIFIED
    assert [c.code for c in result.lacking] == ["self_assessment"]


def test_agreement_rung_needs_an_agreement_in_force():
    result = ladder(replace(TOP, agreement=AgreementFacts()))
    assert result.current.code == RungCode.PROJECT
    assert [c.code for c in result.lacking] == ["agreement"]
    assert result.lacking[0].reason == "Inget samarbetsavtal gäller i dag."


def test_a_signed_agreement_not_yet_begun_is_not_in_force_and_says_when_it_starts():
    facts = replace(TOP, agreement=AgreementFacts(starts_on=date(2027, 1, 1)))
    condition = _condition(facts, RungCode.AGREEMENT, "agreement")
    assert not condition.met
    assert condition.reason == "Samarbetsavtalet börjar gälla 1 januari 2027."


def test_agreement_in_force_states_its_dates():
    reason = _condition(TOP, RungCode.AGREEMENT, "agreement").reason
    assert reason == "Samarbetsavtalet gäller från 1 januari 2025 till och med 31 december 2027."


# --- Quality criteria ---


@pytest.mark.parametrize(
    ("lowest", "met"),
    [(QUALITY_MIN_RATING - 1, False), (QUALITY_MIN_RATING, True), (5, True), (None, False)],
)
def test_quality_needs_every_general_statement_rated_at_least_the_minimum(lowest, met):
    quality = replace(GOOD_QUALITY, criteria=(CriterionRating("Är digitaliserad", lowest),))
    condition = _condition(replace(TOP, quality=quality), RungCode.OPERATING, "quality")
    assert condition.met is met
    if not met:
        assert "Är digitaliserad" in condition.reason


def test_quality_is_not_met_without_a_reviewed_bilaga3():
    quality = QualityFacts(submitted=True)
    condition = _condition(replace(TOP, quality=quality), RungCode.OPERATING, "quality")
    assert not condition.met
    assert "granskad" in condition.reason


def test_quality_is_not_met_when_the_reviewed_bilaga3_has_no_general_criteria():
    quality = replace(GOOD_QUALITY, criteria=())
    assert not _condition(replace(TOP, quality=quality), RungCode.OPERATING, "quality").met


# --- Operating finance ---


@pytest.mark.parametrize("reason", list(Reason))
def test_each_of_the_four_reasons_alone_suffices_for_operating_finance(reason):
    facts = replace(TOP, reasons=ReasonFacts(chosen={reason: "Motivering."}))
    result = ladder(facts)
    assert result.rung(RungCode.OPERATING).met
    assert reason.label in _condition(facts, RungCode.OPERATING, "reason").reason


def test_recorded_reasons_read_as_sentences_in_the_sources_order():
    chosen = {Reason.TARGET_GROUP: "Unga innovatörer.", Reason.ACTOR_SYSTEM: "Navet"}
    reason = _condition(replace(TOP, reasons=ReasonFacts(chosen)), RungCode.OPERATING, "reason")
    assert reason.reason == (
        "Registrerade skäl: Aktören är avgörande för aktörssystemet: Navet. "
        "Aktören är avgörande utifrån en specifik målgrupps behov: Unga innovatörer."
    )


def test_no_reason_recorded_blocks_operating_finance():
    result = ladder(replace(TOP, reasons=ReasonFacts()))
    assert result.current.code == RungCode.AGREEMENT
    assert [c.code for c in result.lacking] == ["reason"]


def test_others_already_financing_enough_blocks_operating_finance_despite_every_reason():
    reasons = ReasonFacts(
        chosen=dict.fromkeys(Reason, "Motivering."),
        others_finance_enough=True,
        others_finance_enough_text="Kommunerna täcker basen.",
    )
    result = ladder(replace(TOP, reasons=reasons))
    assert not result.rung(RungCode.OPERATING).met
    assert [c.code for c in result.lacking] == ["others_finance"]
    assert result.lacking[0].reason.endswith("Kommunerna täcker basen.")


def test_missing_agreement_blocks_operating_finance():
    result = ladder(replace(TOP, agreement=AgreementFacts()))
    operating = result.rung(RungCode.OPERATING)
    assert not operating.met
    assert [c.code for c in operating.missing] == ["agreement"]


def test_quality_not_met_blocks_operating_finance_and_the_agreement_rung():
    quality = replace(GOOD_QUALITY, criteria=(CriterionRating("Samverkar", 1),))
    result = ladder(replace(TOP, quality=quality))
    assert [c.code for c in result.rung(RungCode.OPERATING).missing] == ["quality"]
    assert not result.rung(RungCode.AGREEMENT).met
    assert result.current.code == RungCode.PROJECT


def test_a_rung_met_above_an_unmet_one_does_not_count_as_standing_on_it():
    # An agreement in force, but the leader is not trained: not qualified, so no rung.
    result = ladder(replace(TOP, leader_trained=False))
    assert result.rung(RungCode.AGREEMENT).met
    assert result.current is None


def test_every_condition_has_a_reason_whether_met_or_not():
    for facts in (TOP, EcosystemFacts()):
        for rung in ladder(facts).rungs:
            for condition in rung.conditions:
                assert condition.reason.strip(), condition.code
