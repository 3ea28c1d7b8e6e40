from decimal import Decimal

import pytest
from django.utils import translation

from ekosystem.criteria import cluster_of_sweden_checklist
from ekosystem.models import Ecosystem


def _eco(**overrides):
    """An unsaved ecosystem that meets every criterion, with the given facts changed."""
    facts = dict(
        members_business=25,
        members_academia=3,
        members_public=2,
        members_civil=0,
        annual_turnover=1_000_001,
        staff_fte=Decimal("1.00"),
        excellence_label="silver",
        systematic_innovation_work=True,
    )
    return Ecosystem(**{**facts, **overrides})


def _by_code(eco):
    return {c.code: c for c in cluster_of_sweden_checklist(eco)}


@pytest.fixture(autouse=True)
def _swedish():
    with translation.override("sv"):
        yield


def test_an_ecosystem_meeting_everything_has_six_met_criteria_without_reasons():
    checklist = cluster_of_sweden_checklist(_eco())
    assert [c.met for c in checklist] == [True] * 6
    assert all(c.reason == "" for c in checklist)


def test_missing_sectors_are_named_in_the_reason():
    criterion = _by_code(_eco(members_academia=0, members_public=0, members_business=40))["sectors"]
    assert not criterion.met
    assert criterion.reason == "Saknar egna medlemmar från: akademi, offentlig sektor."


def test_civil_society_members_are_not_required():
    assert _by_code(_eco(members_civil=0))["sectors"].met


def test_turnover_must_exceed_one_million_not_equal_it():
    criterion = _by_code(_eco(annual_turnover=1_000_000))["turnover"]
    assert not criterion.met
    assert criterion.reason == "Omsättningen är 1\xa0000\xa0000 kr."
    assert _by_code(_eco(annual_turnover=1_000_001))["turnover"].met


def test_unknown_turnover_is_unmet_and_says_so():
    assert _by_code(_eco(annual_turnover=None))["turnover"].reason == (
        "Omsättningen är inte angiven."
    )


def test_staff_of_exactly_one_full_time_equivalent_is_enough():
    assert _by_code(_eco(staff_fte=Decimal("1")))["staff"].met
    below = _by_code(_eco(staff_fte=Decimal("0.75")))["staff"]
    assert not below.met
    assert below.reason == "Personalresursen är 0,75 årsarbetskrafter."


def test_thirty_own_members_across_all_sectors_are_needed():
    assert _by_code(
        _eco(members_business=24, members_academia=3, members_public=2, members_civil=1)
    )["members"].met
    short = _by_code(_eco(members_business=20, members_academia=3, members_public=2))["members"]
    assert not short.met
    assert short.reason == "Ekosystemet har 25 egna medlemmar."


def test_recorded_criteria_are_marked_as_recorded_by_an_officer():
    checklist = _by_code(_eco(excellence_label="none", systematic_innovation_work=False))
    assert checklist["excellence"].recorded and not checklist["excellence"].met
    assert checklist["systematic"].recorded and not checklist["systematic"].met
    assert not checklist["turnover"].recorded


def test_saving_an_ecosystem_stores_how_many_criteria_it_meets(db):
    eco = _eco(
        name="X",
        organisation_name="X",
        legal_form="other",
        phase="network",
        annual_turnover=10,
        members_business=28,
        members_academia=0,
    )
    eco.save()
    assert eco.cluster_criteria_met == 4
    eco.annual_turnover = 5_000_000
    eco.save(update_fields=["annual_turnover"])
    eco.refresh_from_db()
    assert eco.cluster_criteria_met == 5


def test_reasons_follow_the_active_language():
    with translation.override("en"):
        reason = _by_code(_eco(annual_turnover=None))["turnover"].reason
    assert reason != "Omsättningen är inte angiven."
