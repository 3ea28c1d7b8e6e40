"""Number fields outside the questionnaire read what Swedes type, refuse what they cannot."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from ekosystem.formfields import GroupedDecimalField, GroupedIntegerField, column_bounds
from ekosystem.forms import BoardMemberForm, EcosystemForm
from ekosystem.models import Ecosystem
from tests.ekosystem.test_ecosystem_pages import _form_data

INTEGER_INVALID = "Skriv ett heltal med siffror, till exempel 1 500 000."
DECIMAL_INVALID = "Skriv ett tal med siffror, till exempel 1,5."


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("1500000", 1_500_000),
        ("1 500 000", 1_500_000),
        ("1\u00a0500\u00a0000", 1_500_000),
        ("1\u202f500", 1_500),
        (" 12 ", 12),
        ("0", 0),
        ("2 000 000", 2_000_000),
        ("", None),
    ],
)
def test_integer_field_reads_grouped_digits(typed, read):
    field = GroupedIntegerField(required=False, min_value=0, max_value=2_000_000)
    assert field.clean(typed) == read


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("1,5 miljoner", INTEGER_INVALID),
        ("tre", INTEGER_INVALID),
        ("1,5", INTEGER_INVALID),
        ("1e3", INTEGER_INVALID),
        ("9" * 5000, INTEGER_INVALID),
        ("-1", "Talet kan inte vara mindre än 0."),
        ("11", "Talet kan inte vara större än 10."),
    ],
)
def test_integer_field_refuses_what_it_cannot_read(typed, message):
    with pytest.raises(ValidationError) as refused:
        GroupedIntegerField(min_value=0, max_value=10).clean(typed)
    assert refused.value.messages == [message]


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("1,5", Decimal("1.5")),
        ("1.5", Decimal("1.5")),
        (" 1 00,25 ", Decimal("100.25")),
        ("0", Decimal("0")),
        ("999,99", Decimal("999.99")),
    ],
)
def test_decimal_field_reads_a_decimal_comma(typed, read):
    field = GroupedDecimalField(
        min_value=0, max_value=Decimal("999.99"), max_digits=5, decimal_places=2
    )
    assert field.clean(typed) == read


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("1,5 miljoner", DECIMAL_INVALID),
        ("NaN", DECIMAL_INVALID),
        ("Infinity", DECIMAL_INVALID),
        ("1,2,3", DECIMAL_INVALID),
        ("-0,01", "Talet kan inte vara mindre än 0."),
        ("1000", "Talet kan inte vara större än 999,99."),
    ],
)
def test_decimal_field_refuses_what_it_cannot_read(typed, message):
    field = GroupedDecimalField(
        min_value=0, max_value=Decimal("999.99"), max_digits=5, decimal_places=2
    )
    with pytest.raises(ValidationError) as refused:
        field.clean(typed)
    assert refused.value.messages == [message]


@pytest.mark.parametrize(
    ("name", "bounds"),
    [
        ("members_business", (0, 2_147_483_647)),
        ("annual_turnover", (0, 9_223_372_036_854_775_807)),
        ("year_founded", (1900, 32_767)),
        ("leader_time_share", (0, 100)),
        ("staff_fte", (Decimal("0"), Decimal("999.99"))),
    ],
)
def test_number_columns_are_bounded_to_what_the_column_holds(name, bounds):
    assert column_bounds(Ecosystem._meta.get_field(name)) == bounds


def test_no_number_input_on_the_registry_forms(olga, ecosystem_a):
    html = str(EcosystemForm(instance=ecosystem_a, user=olga)) + str(BoardMemberForm())
    assert 'type="number"' not in html
    assert 'inputmode="numeric"' in html
    assert 'inputmode="decimal"' in html


def test_numbers_typed_as_swedes_write_them_are_saved(client_for, olga, ecosystem_a):
    response = client_for(olga).post(
        reverse("ecosystem_update", args=[ecosystem_a.pk]),
        _form_data(
            ecosystem_a,
            annual_turnover="1 500 000",
            staff_fte="1,5",
            members_business="1 200",
            leader_time_share="60",
        ),
    )
    assert response.status_code == 302
    ecosystem_a.refresh_from_db()
    assert ecosystem_a.annual_turnover == 1_500_000
    assert ecosystem_a.staff_fte == Decimal("1.5")
    assert ecosystem_a.members_business == 1_200


@pytest.mark.parametrize(
    ("name", "typed", "message"),
    [
        ("annual_turnover", "1,5 miljoner", INTEGER_INVALID),
        ("staff_fte", "1,5 personer", DECIMAL_INVALID),
        ("members_public", "10" + "0" * 12, "Talet kan inte vara större än 2 147 483 647."),
        (
            "annual_turnover",
            "1" + "0" * 20,
            "Talet kan inte vara större än 9 223 372 036 854 775 807.",
        ),
        ("year_founded", "70000", "Talet kan inte vara större än 32 767."),
        ("year_founded", "1899", "Talet kan inte vara mindre än 1 900."),
        ("leader_time_share", "101", "Talet kan inte vara större än 100."),
        ("staff_fte", "12345", "Talet kan inte vara större än 999,99."),
    ],
)
def test_unreadable_or_out_of_range_numbers_get_a_message_and_keep_the_typed_text(
    client_for, olga, ecosystem_a, name, typed, message
):
    response = client_for(olga).post(
        reverse("ecosystem_update", args=[ecosystem_a.pk]), _form_data(ecosystem_a, **{name: typed})
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert [str(error).replace("\xa0", " ") for error in form.errors[name]] == [message]
    assert form[name].value() == typed
    assert f'value="{typed}"' in response.text
    ecosystem_a.refresh_from_db()
    assert ecosystem_a.version == 1


def test_agreement_filter_reads_days_as_text_and_bounds_them(client_for, olga):
    response = client_for(olga).get(reverse("agreement_list"), {"within_days": "10000000"})
    assert response.status_code == 200
    form = response.context["filter"].form
    assert form.errors["within_days"] == ["Ange ett antal dagar från 0 till 3\xa0650."]
    assert 'type="number"' not in str(form["within_days"])
    assert 'inputmode="numeric"' in str(form["within_days"])
    ok = client_for(olga).get(reverse("agreement_list"), {"within_days": "1 000"})
    assert ok.context["filter"].form.cleaned_data["within_days"] == 1000
