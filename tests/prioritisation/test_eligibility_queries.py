"""The ladder's facts gathered from the database (prioritisation/eligibility_queries.py)."""

from datetime import date

import pytest
from django.utils import timezone

from assessments.models import Answer, Status
from ekosystem.choices import Phase
from ekosystem.models import Ecosystem
from prioritisation.eligibility import QUALITY_MIN_RATING, Reason, RungCode
from prioritisation.eligibility_queries import facts_for, ladders_for
from tests.agreements.factories import AgreementFactory
from tests.factories import BoardMemberFactory, EcosystemFactory
from tests.prioritisation.factories import bilaga3, on_top, qualified, reasons


def _facts(ecosystem):
    return facts_for(Ecosystem.objects.filter(pk=ecosystem.pk), timezone.localdate())[ecosystem.pk]


def test_an_ecosystem_with_every_fact_stands_on_operating_finance(olga):
    ecosystem = on_top(olga)
    result = ladders_for(Ecosystem.objects.filter(pk=ecosystem.pk), timezone.localdate())
    assert result[ecosystem.pk].current.code == RungCode.OPERATING


def test_board_training_counts_only_this_ecosystems_trained_members(db):
    ecosystem = qualified()
    BoardMemberFactory(ecosystem=ecosystem, trained=False)
    BoardMemberFactory(ecosystem=EcosystemFactory(), trained=True)
    facts = _facts(ecosystem)
    assert (facts.board_size, facts.board_trained) == (3, 2)


def test_the_strategy_counts_as_present_only_with_text(db):
    ecosystem = qualified(phase=Phase.NETWORK)
    Ecosystem.objects.filter(pk=ecosystem.pk).update(strategy_approach="   ")
    facts = _facts(ecosystem)
    assert facts.strategy_goals and not facts.strategy_approach
    assert facts.phase == Phase.NETWORK


def test_quality_reads_the_latest_reviewed_bilaga3_and_its_lowest_rating(olga):
    ecosystem = qualified()
    old = bilaga3(ecosystem, rating=5, year=2025, officer=olga)
    new = bilaga3(ecosystem, rating=5, year=2026, officer=olga)
    Answer.objects.filter(submission=new, question__key="b3-g4a").update(
        value=QUALITY_MIN_RATING - 1
    )
    facts = _facts(ecosystem)
    assert facts.quality.reviewed_in == new.round.name != old.round.name
    lowest = {c.label: c.lowest for c in facts.quality.criteria}
    assert lowest["Är digitaliserad"] == QUALITY_MIN_RATING - 1
    assert len(lowest) == 9  # the nine general criteria of Bilaga 3


def test_a_submitted_bilaga3_not_yet_reviewed_counts_for_project_financing_only(olga):
    ecosystem = qualified()
    bilaga3(ecosystem, status=Status.SUBMITTED, officer=olga)
    facts = _facts(ecosystem)
    assert facts.quality.submitted and not facts.quality.reviewed_in


def test_an_unrated_general_statement_leaves_its_criterion_unrated(olga):
    ecosystem = qualified()
    submission = bilaga3(ecosystem, officer=olga)
    Answer.objects.filter(submission=submission, question__key="b3-g8b").delete()
    lowest = {c.label: c.lowest for c in _facts(ecosystem).quality.criteria}
    assert lowest["Är tillgängliga"] is None


def test_an_agreement_in_force_today_and_one_not_yet_begun(db):
    today = timezone.localdate()
    now = AgreementFactory(start_date=date(today.year - 1, 1, 1))
    later = AgreementFactory(start_date=date(today.year + 1, 1, 1))
    unsigned = AgreementFactory(start_date=date(today.year - 1, 1, 1), signed_on=None)
    assert _facts(now.ecosystem).agreement.in_force
    assert _facts(later.ecosystem).agreement.starts_on == date(today.year + 1, 1, 1)
    assert not _facts(later.ecosystem).agreement.in_force
    assert _facts(unsigned.ecosystem).agreement == _facts(EcosystemFactory()).agreement


def test_reasons_recorded_by_an_officer_reach_the_rules(olga):
    ecosystem = qualified()
    reasons(ecosystem, olga, target_group="Unga innovatörer.", others_finance_enough="EU räcker.")
    facts = _facts(ecosystem)
    assert facts.reasons.chosen == {Reason.TARGET_GROUP: "Unga innovatörer."}
    assert facts.reasons.others_finance_enough
    assert facts.reasons.others_finance_enough_text == "EU räcker."


@pytest.mark.parametrize("count", [3, 30])
def test_gathering_takes_the_same_queries_for_3_and_30_ecosystems(
    count, olga, django_assert_num_queries
):
    for _ in range(count):
        on_top(olga)
    with django_assert_num_queries(9):
        ladders = ladders_for(Ecosystem.objects.all(), timezone.localdate())
    assert len(ladders) == count
