"""The scoring rules, pinned at every boundary: weighted total, spread, quality, specialisation."""

from decimal import Decimal as D

import pytest

from prioritisation.framework import SCALE_MAX, SCALE_MIN, Kind, default_perspectives
from prioritisation.quality import Rating, quality_level
from prioritisation.scoring import DISAGREEMENT_SPREAD, spread_of, weighted_total
from prioritisation.specialisation import (
    FLOOR,
    RANK_FACTORS,
    factor_for,
    rule_table,
    specialisation_value,
)


def test_the_framework_has_the_six_perspectives_of_the_strategy_with_labelled_steps():
    perspectives = default_perspectives()
    assert [p.key for p in perspectives] == [
        "roll",
        "kvalitet",
        "andra-aktorer",
        "slutanvandare",
        "specialisering",
        "enskild-funktion",
    ]
    assert [p.kind for p in perspectives].count(Kind.SCORED) == 4
    assert {p.kind for p in perspectives if p.key == "kvalitet"} == {Kind.QUALITY}
    assert {p.kind for p in perspectives if p.key == "specialisering"} == {Kind.SPECIALISATION}
    for p in perspectives:
        assert [value for value, _ in p.steps] == list(range(SCALE_MIN, SCALE_MAX + 1))
        assert all(label for _, label in p.steps)
        assert p.help_text and p.weight == 1


@pytest.mark.parametrize(
    ("items", "expected"),
    [
        ([], None),  # nothing at all
        ([(1, None), (2, None)], None),  # all not assessed: no total, never 0
        ([(0, 3), (0, 4)], None),  # every assessed perspective weighs nothing
        ([(1, 0)], D("0.00")),  # an assessed zero is a real zero
        ([(1, 4)], D("4.00")),
        ([(1, 4), (1, None)], D("4.00")),  # not assessed is left out, not counted as 0
        ([(1, 4), (1, 0)], D("2.00")),  # ... whereas a scored 0 does count
        ([(1, 2), (3, 4)], D("3.50")),  # (1·2 + 3·4) / 4
        ([(D("1.5"), 3), (D("0.5"), 1)], D("2.50")),
        ([(1, 1), (1, 1), (1, 2)], D("1.33")),  # rounded half up to two places
        ([(1, 1), (2, 2)], D("1.67")),
        ([(0, 4), (1, 2)], D("2.00")),  # weight 0 counts in neither sum
        ([(1, D("3.6")), (1, 2)], D("2.80")),  # computed values with decimals
    ],
)
def test_weighted_total(items, expected):
    assert weighted_total(items) == expected


@pytest.mark.parametrize(
    ("values", "mean", "median", "spread", "flag"),
    [
        ([], None, None, None, False),
        ([None, None], None, None, None, False),
        ([3], D("3.00"), D("3.00"), 0, False),
        ([3, None], D("3.00"), D("3.00"), 0, False),  # not assessed left out, not 0
        ([2, 3], D("2.50"), D("2.50"), 1, False),
        ([2, 2 + DISAGREEMENT_SPREAD - 1], D("2.50"), D("2.50"), 1, False),  # just under
        ([1, 1 + DISAGREEMENT_SPREAD], D("2.00"), D("2.00"), 2, True),  # at the threshold
        ([0, 4], D("2.00"), D("2.00"), 4, True),
        ([0, 1, 4], D("1.67"), D("1.00"), 4, True),
        ([0, None, 0], D("0.00"), D("0.00"), 0, False),
    ],
)
def test_spread_of_officers_scores(values, mean, median, spread, flag):
    result = spread_of(values)
    assert (result.mean, result.median, result.spread, result.disagreement) == (
        mean,
        median,
        spread,
        flag,
    )


def test_disagreement_threshold_is_two_steps():
    assert DISAGREEMENT_SPREAD == 2


@pytest.mark.parametrize(
    ("ratings", "expected"),
    [
        ([], None),  # no self-assessment: not assessed, never zero
        ([None, None], None),  # nothing rated
        ([1], D("0.0")),  # lowest rating: bottom of the scale
        ([5], D("4.0")),  # highest rating: top of the scale
        ([3], D("2.0")),
        ([1, 5], D("2.0")),
        ([4, None, 5], D("3.5")),  # the unrated statement is left out
        ([4, 4, 5], D("3.3")),  # 3.333… to one decimal
        ([2, 3, 3, 3], D("1.8")),  # 1.75 rounds half up
    ],
)
def test_quality_level_from_bilaga3_ratings(ratings, expected):
    level = quality_level([Rating(label=f"s{i}", value=r) for i, r in enumerate(ratings)])
    assert level.value == expected
    assert len(level.used) == sum(1 for r in ratings if r is not None)
    assert len(level.left_out) == sum(1 for r in ratings if r is None)


def test_quality_level_places_another_scale_on_zero_to_four():
    assert quality_level([Rating("a", 3, low=0, high=6)]).value == D("2.0")
    # A scale without steps cannot be placed: left out.
    assert quality_level([Rating("a", 3, low=3, high=3)]).value is None


@pytest.mark.parametrize(
    ("rank", "factor"),
    [
        (1, D("1.0")),
        (2, D("0.9")),
        (3, D("0.8")),
        (4, D("0.7")),
        (5, D("0.6")),
        (6, FLOOR),
        (40, FLOOR),
    ],
)
def test_rank_factor(rank, factor):
    assert factor_for(rank) == factor


def test_rank_below_one_is_refused():
    with pytest.raises(ValueError):
        factor_for(0)


@pytest.mark.parametrize(
    ("ranks", "value", "best"),
    [
        ([], D("0"), None),  # serves no area
        ([1], D("4.0"), 1),
        ([2], D("3.6"), 2),
        ([5], D("2.4"), 5),
        ([6], D("2.0"), 6),
        ([3, 1, 7], D("4.0"), 1),  # the best-ranked area counts
        ([7, 4], D("2.8"), 4),
    ],
)
def test_specialisation_value_by_best_rank(ranks, value, best):
    result = specialisation_value(ranks)
    assert (result.value, result.best_rank) == (value, best)


def test_rule_table_shows_each_rank_and_the_floor():
    rows = rule_table()
    assert len(rows) == len(RANK_FACTORS) + 1
    assert rows[0] == ("1", D("1.0"), D("4.0"))
    assert rows[-1] == ("6–", FLOOR, FLOOR * 4)
