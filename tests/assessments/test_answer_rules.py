"""Table-driven tests of the rule modules assessments/answers.py and assessments/figures.py, at
every boundary: each comparison in them, flipped, fails one of these."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from assessments import answers, figures
from assessments.answers import MAX_NUMBER, display, form_value, parse, stored_number
from assessments.models import Kind, Question
from ekosystem.choices import Municipality

SCALE = {"min": 1, "max": 5}
CHOICES = [{"value": "idea", "sv": "Idéfas"}, {"value": "growth", "sv": "Tillväxtfas"}]


@pytest.fixture(autouse=True)
def _swedish():
    with translation.override("sv"):
        yield


def q(kind, **extra):
    return Question(kind=kind, scale=SCALE if kind == Kind.RATING else {}, **extra)


BOUNDED = q(Kind.INTEGER, minimum=Decimal(5), maximum=Decimal(10))


@pytest.mark.parametrize(
    ("question", "typed", "stored"),
    [
        (q(Kind.INTEGER), "0", "0"),  # zero staff / participants: the default minimum, inclusive
        (q(Kind.INTEGER), "999 999 999 999", "999999999999"),  # the upper bound, inclusive
        (BOUNDED, "5", "5"),  # min inclusive
        (BOUNDED, "10", "10"),  # max inclusive
        (q(Kind.INTEGER, minimum=Decimal(-5)), "-5", "-5"),
        (q(Kind.INTEGER, maximum=Decimal(10**15)), "999999999999", "999999999999"),
        (q(Kind.PERCENT), "100 %", "100"),
        (q(Kind.PERCENT), "0", "0"),
        (q(Kind.PERCENT, maximum=Decimal(250)), "250", "250"),
        (q(Kind.AMOUNT), "1 500 000 kr", "1500000"),
        (q(Kind.AMOUNT), "1500000,00", "1500000"),  # decimals that are zero are no decimals
        (q(Kind.DECIMAL), "0,75", "0.75"),
        (q(Kind.DECIMAL), "2,5000", "2.5"),
        (q(Kind.DECIMAL), "0,1234", "0.1234"),  # four decimals, inclusive
        (q(Kind.DECIMAL), "1,123400", "1.1234"),  # trailing zeros do not count
        (q(Kind.DECIMAL), ",5", "0.5"),
        (q(Kind.DECIMAL), "12.", "12"),
        (q(Kind.YES_NO), "yes", True),
        (q(Kind.YES_NO), "no", False),
        (q(Kind.CHOICE, choices=CHOICES), "growth", "growth"),
        (q(Kind.RATING), "1", 1),
        (q(Kind.RATING), "5", 5),
        (q(Kind.TEXT), "  Rymd  ", "Rymd"),
        (q(Kind.TEXT), "", None),
        (q(Kind.INTEGER), "   ", None),
        (q(Kind.YES_NO), None, None),
    ],
)
def test_parse_stores_what_was_typed(question, typed, stored):
    assert parse(question, typed) == stored


@pytest.mark.parametrize(
    ("question", "typed", "message"),
    [
        (BOUNDED, "4", "Talet kan inte vara mindre än 5."),
        (BOUNDED, "11", "Talet kan inte vara större än 10."),
        (q(Kind.INTEGER), "-1", "Talet kan inte vara mindre än 0."),
        (q(Kind.INTEGER, minimum=Decimal(-(10**15))), "-1000000000000", "mindre än"),
        (q(Kind.INTEGER), "1000000000000", "Talet kan inte vara större än"),
        (q(Kind.INTEGER, maximum=Decimal(10**15)), "1000000000000", "större än"),
        (q(Kind.PERCENT), "100,1", "Talet kan inte vara större än 100."),
        (q(Kind.INTEGER), "12,5", "Skriv ett heltal, utan decimaler."),
        (q(Kind.AMOUNT), "1,5", "Skriv ett heltal, utan decimaler."),
        (q(Kind.DECIMAL), "0,12345", "Skriv högst 4 decimaler."),
        (q(Kind.DECIMAL), "NaN", "Skriv ett tal"),
        (q(Kind.DECIMAL), "Infinity", "Skriv ett tal"),
        (q(Kind.DECIMAL), "1e3", "Skriv ett tal"),
        (q(Kind.DECIMAL), "١٢", "Skriv ett tal"),  # Arabic-Indic digits
        (q(Kind.DECIMAL), "1,5 miljoner", "Skriv ett tal"),
        (q(Kind.YES_NO), "ja", "Välj ja eller nej."),
        (q(Kind.CHOICE, choices=CHOICES), "mature", "Välj ett av alternativen."),
        (q(Kind.RATING), "0", "Välj ett värde från 1 till 5."),
        (q(Kind.RATING), "6", "Välj ett värde från 1 till 5."),
        (q(Kind.RATING), "²", "Välj ett värde från 1 till 5."),
        (q(Kind.TEXT), "Rymd\x00teknik", "NUL"),
        (q(Kind.GROUP), "x", "Den här frågan besvaras inte direkt."),
    ],
)
def test_parse_refuses_what_it_cannot_store_with_a_message(question, typed, message):
    with pytest.raises(ValidationError) as refused:
        parse(question, typed)
    assert message in refused.value.messages[0]


def test_an_empty_municipality_mapping_clears_the_answer_and_one_tick_stores_every_place():
    question = q(Kind.MUNICIPALITIES)
    assert parse(question, {}) is None
    assert parse(question, {"lulea-physical": ""}) is None
    stored = parse(question, {"lulea-physical": "on"})
    assert set(stored) == set(Municipality.values)
    assert stored["lulea"] == {"physical": True, "digital": False}
    assert display(question, stored) == "Luleå (fysiskt)"
    assert display(question, {code: {"physical": False, "digital": False} for code in stored}) == ""


@pytest.mark.parametrize(
    ("raw", "revision"),
    [(None, 0), ("", 0), ("0", 0), ("7", 7), ("999999999", 999999999)],
)
def test_parse_revision_reads_digits(raw, revision):
    assert answers.parse_revision(raw) == revision


@pytest.mark.parametrize("raw", ["-1", "1.0", "abc", "1000000000", "²"])
def test_parse_revision_refuses_anything_else(raw):
    with pytest.raises(ValidationError):
        answers.parse_revision(raw)


@pytest.mark.parametrize(
    ("raw", "stored"), [(None, None), ("  Vi har ISO 9001. ", "Vi har ISO 9001."), ("", "")]
)
def test_parse_evidence_strips_and_keeps_none_for_not_posted(raw, stored):
    assert answers.parse_evidence(raw) == stored


@pytest.mark.parametrize(
    ("value", "number"),
    [
        ("0", Decimal(0)),
        ("999999999999", MAX_NUMBER),
        ("-999999999999", -MAX_NUMBER),
        ("1000000000000", None),
        ("-1000000000000", None),
        ("NaN", None),
        ("Infinity", None),
        ("tolv", None),
        (None, None),
    ],
)
def test_stored_number_is_none_beyond_the_bounds(value, number):
    assert stored_number(value) == number


@pytest.mark.parametrize(
    ("question", "value", "shown", "in_form"),
    [
        (q(Kind.INTEGER), "1500000", "1\xa0500\xa0000", "1500000"),
        (q(Kind.AMOUNT), "1500000", "1\xa0500\xa0000 kr", "1500000"),
        (q(Kind.PERCENT), "55", "55 %", "55"),
        (q(Kind.DECIMAL), "2.5", "2,5", "2,5"),
        (q(Kind.INTEGER), "0", "0", "0"),
        (q(Kind.INTEGER), "1" + "0" * 27, "1E+27", "1E+27"),
        (q(Kind.YES_NO), True, "Ja", "yes"),
        (q(Kind.YES_NO), False, "Nej", "no"),
        (q(Kind.CHOICE, choices=CHOICES), "growth", "Tillväxtfas", "growth"),
        (q(Kind.RATING), 4, "4 / 5", "4"),
        (q(Kind.TEXT), "Rymd", "Rymd", "Rymd"),
        (q(Kind.TEXT), None, "", ""),
    ],
)
def test_display_and_form_value(question, value, shown, in_form):
    assert display(question, value) == shown
    assert form_value(question, value) == in_form


@pytest.mark.parametrize(
    ("question", "typed"),
    [
        (q(Kind.INTEGER), "1 500 000"),
        (q(Kind.AMOUNT), "0"),
        (q(Kind.PERCENT), "99,5"),
        (q(Kind.DECIMAL), "0,0001"),
        (q(Kind.DECIMAL), "999999999999"),
        (q(Kind.YES_NO), "no"),
        (q(Kind.RATING), "3"),
        (q(Kind.CHOICE, choices=CHOICES), "idea"),
        (q(Kind.TEXT), "Rymd och testbäddar"),
    ],
)
def test_form_value_round_trips_through_parse(question, typed):
    stored = parse(question, typed)
    assert parse(question, form_value(question, stored)) == stored


# --- figures -------------------------------------------------------------------------------------

STAFF, TOTAL, SHARE = figures.STAFF, figures.TOTAL, figures.TIME_SHARE
PRIVATE = "b1-participants-private"


@pytest.mark.parametrize(
    ("values", "per_fte", "shares"),
    [
        ({TOTAL: "60", STAFF: "2.5"}, Decimal("24.0"), {}),
        ({TOTAL: "10", STAFF: "3"}, Decimal("3.3"), {}),
        ({TOTAL: "0", STAFF: "2"}, Decimal("0.0"), {}),  # zero participants
        ({TOTAL: "60", STAFF: "0"}, None, {}),  # zero staff: no division
        ({TOTAL: "60"}, None, {}),
        ({STAFF: "2"}, None, {}),
        ({TOTAL: "60", PRIVATE: "45"}, None, {"private": Decimal("75.0")}),
        ({TOTAL: "3", PRIVATE: "1"}, None, {"private": Decimal("33.3")}),
        ({TOTAL: "60", PRIVATE: "0"}, None, {"private": Decimal("0.0")}),
        ({TOTAL: "0", PRIVATE: "5"}, None, {}),  # no shares of none
        ({TOTAL: "60", PRIVATE: None}, None, {}),
        ({TOTAL: "60", PRIVATE: ""}, None, {}),
        ({TOTAL: "1" + "0" * 27, STAFF: "1", PRIVATE: "45"}, None, {}),  # stored out of range
        ({TOTAL: "999999999999", STAFF: "0.0001"}, Decimal("9999999999990000.0"), {}),
    ],
)
def test_derived_figures(values, per_fte, shares):
    derived = figures.derive(values)
    assert derived.participants_per_fte == per_fte
    assert derived.shares == shares


@pytest.mark.parametrize(
    ("share", "too_low"),
    [(None, False), ("0", True), ("49.9", True), ("50", False), ("100", False)],
)
def test_time_share_below_fifty_percent_is_flagged(share, too_low):
    assert figures.derive({SHARE: share}).time_share_too_low is too_low


@pytest.mark.parametrize(
    ("values", "computed"),
    [({}, False), ({"q-strategy": "Rymd"}, False), ({STAFF: None}, True), ({PRIVATE: "4"}, True)],
)
def test_figures_only_for_a_questionnaire_that_asks_for_them(values, computed):
    assert (figures.figures_of(values) is not None) is computed
