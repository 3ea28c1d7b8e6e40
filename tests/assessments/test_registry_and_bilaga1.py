"""Bilaga 1 and the registry agree: answers prefilled from the registry, parts checked against
totals, participants per employee derived, attachments only where the question takes them."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from assessments import figures, registry, services
from assessments.models import Answer, Questionnaire
from ekosystem.choices import LegalForm


@pytest.fixture
def bilaga1(db):
    return Questionnaire.objects.get(code="bilaga1", version=1)


@pytest.fixture
def registered(ecosystem_a):
    """Ecosystem A with registry facts Bilaga 1 asks about."""
    ecosystem_a.legal_form = LegalForm.LIMITED_COMPANY
    ecosystem_a.year_founded = 2012
    ecosystem_a.leader_time_share = 80
    ecosystem_a.members_business = 44
    ecosystem_a.members_public = 8
    ecosystem_a.members_academia = 6
    ecosystem_a.members_civil = 2
    ecosystem_a.members_abroad = 9
    ecosystem_a.staff_fte = Decimal("2.50")
    ecosystem_a.eccp_listed = True
    ecosystem_a.save()
    return ecosystem_a


@pytest.fixture
def draft(bilaga1, registered, olga, alice):
    round_ = services.open_round(
        year=2026,
        name="Klusterbedömning 2026",
        deadline=date(2026, 12, 15),
        questionnaires=[bilaga1],
        ecosystems=[registered],
        user=olga,
    )
    return round_.submissions.get()


def stored(submission, key):
    return Answer.objects.get(submission=submission, question__key=key)


def save(submission, key, raw, user, **extra):
    answer = stored(submission, key)
    return services.save_answer(
        submission=submission,
        question=answer.question,
        raw=raw,
        base_revision=answer.revision,
        user=user,
        **extra,
    )


# --- Prefilled from the registry ------------------------------------------------------------------


def test_opening_a_round_prefills_what_the_registry_holds(draft):
    age = str(timezone.localdate().year - 2012)
    assert {key: stored(draft, key).value for key in registry.FACTS} == {
        "b1-age": age,
        "b1-legal-form": "limited_company",
        "b1-leader-time-share": "80",
        "b1-participants-total": "60",
        "b1-participants-private": "44",
        "b1-participants-public": "8",
        "b1-participants-academia": "6",
        "b1-participants-abroad": "9",
        "b1-staff-fte": "2.5",
        "b1-s1-q5": True,
    }
    assert stored(draft, figures.PER_FTE).value == "24"
    assert stored(draft, "b1-s2-q6").value is None  # free text is the leader's


def test_a_legal_form_bilaga1_does_not_offer_is_prefilled_as_other(registered):
    registered.legal_form = LegalForm.PUBLIC_BODY
    assert registry.registry_answers(registered, date(2026, 1, 1))["b1-legal-form"] == "other"


def test_unknown_registry_facts_are_left_for_the_leader(registered):
    registered.year_founded = None
    registered.leader_time_share = None
    registered.staff_fte = None
    known = registry.registry_answers(registered, date(2026, 1, 1))
    assert not {"b1-age", "b1-leader-time-share", "b1-staff-fte"} & known.keys()


def test_the_leader_sees_where_an_answer_comes_from_and_may_correct_it(client_for, alice, draft):
    page = client_for(alice).get(reverse("submission_section", args=[draft.pk, 1])).text
    assert "Förifyllt från ekosystemets uppgifter i registret: 60." in page
    answer = save(draft, "b1-participants-total", "62", alice)
    assert answer.value == "62"


def test_the_officer_sees_where_a_handed_in_answer_differs_from_the_registry(
    client_for, olga, alice, draft
):
    save(draft, "b1-participants-total", "62", alice)
    draft.status = "submitted"
    draft.save()
    response = client_for(olga).get(reverse("submission_officer", args=[draft.pk]))
    assert response.context["registry_differences"] == 1
    row = response.text.split('class="small mt-1 registry-differs"')[1].split("</div>")[0]
    assert "I registret: 60" in row


@pytest.mark.parametrize(
    ("key", "answer", "fact", "differs"),
    [
        ("b1-participants-total", "60", "60", False),
        ("b1-participants-total", "60.0", "60", False),
        ("b1-participants-total", "61", "60", True),
        ("b1-participants-total", None, "60", False),
        ("b1-participants-total", "60", None, False),
        ("b1-s1-q5", True, True, False),
        ("b1-s1-q5", False, True, True),
        ("b1-legal-form", "foundation", "limited_company", True),
        ("b1-legal-form", "foundation", "foundation", False),
    ],
)
def test_registry_difference(key, answer, fact, differs):
    assert registry.differs(key, answer, fact) is differs


# --- Parts against totals -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "values", "problem"),
    [
        ("b1-participants-private", {"b1-participants-private": "60"}, None),
        ("b1-participants-private", {"b1-participants-private": "1500"}, "fler än deltagarna"),
        (
            "b1-participants-public",
            {"b1-participants-private": "50", "b1-participants-public": "11"},
            "blir tillsammans 61",
        ),
        (
            "b1-participants-public",
            {"b1-participants-private": "50", "b1-participants-public": "10"},
            None,
        ),
        ("b1-participants-abroad", {"b1-participants-abroad": "61"}, "Kan inte vara fler"),
        ("b1-participants-abroad", {"b1-participants-abroad": "60"}, None),
        ("b1-participants-total", {"b1-participants-private": "61"}, "färre än deltagarna"),
        ("b1-participants-total", {"b1-participants-abroad": "61"}, "utanför Sverige"),
        ("b1-participants-total", {"b1-participants-private": "60"}, None),
        ("b1-staff-fte", {"b1-participants-private": "999"}, None),  # not a part
    ],
)
def test_cross_check_of_parts_against_the_total_of_60(key, values, problem):
    found = figures.cross_check(key, {"b1-participants-total": "60", **values})
    assert (found is None) if problem is None else (problem in found)


def test_without_a_total_parts_are_not_checked():
    assert figures.cross_check("b1-participants-private", {"b1-participants-private": "9"}) is None


def test_a_sector_share_of_2500_percent_is_refused_by_the_field(client_for, alice, draft):
    q = stored(draft, "b1-participants-private").question
    response = client_for(alice).post(
        reverse("answer_autosave", args=[draft.pk, q.pk]), {f"q-{q.pk}": "1500", f"r-{q.pk}": 0}
    )
    assert response.status_code == 400
    assert "fler än deltagarna totalt (60)" in response.json()["error"]
    assert stored(draft, "b1-participants-private").value == "44"


def test_lowering_a_total_below_its_parts_is_refused(alice, draft):
    with pytest.raises(ValidationError):
        save(draft, "b1-participants-total", "20", alice)
    assert stored(draft, "b1-participants-total").value == "60"


def test_a_section_lowering_total_and_parts_together_is_saved(client_for, alice, draft):
    ids = {key: stored(draft, key).question.pk for key in registry.FACTS}
    new = {
        "b1-participants-total": "30",
        "b1-participants-private": "20",
        "b1-participants-public": "5",
        "b1-participants-academia": "5",
        "b1-participants-abroad": "2",
    }
    data = {f"q-{ids[key]}": value for key, value in new.items()}
    data["goto"] = "1"
    response = client_for(alice).post(reverse("submission_section", args=[draft.pk, 1]), data)
    assert response.status_code == 302
    assert {key: stored(draft, key).value for key in new} == new


def test_a_section_with_a_part_over_the_total_keeps_the_typed_value_with_a_message(
    client_for, alice, draft
):
    q = stored(draft, "b1-participants-private").question
    total = stored(draft, "b1-participants-total").question
    response = client_for(alice).post(
        reverse("submission_section", args=[draft.pk, 1]),
        {f"q-{total.pk}": "60", f"q-{q.pk}": "1 500", "goto": "2"},
    )
    assert response.status_code == 200
    assert 'value="1 500"' in response.text
    assert "fler än deltagarna totalt (60)" in response.text


# --- Derived, not typed ---------------------------------------------------------------------------


def test_participants_per_employee_is_computed_not_typed(client_for, alice, draft):
    save(draft, "b1-participants-total", "75", alice)
    save(draft, "b1-staff-fte", "3", alice)
    assert stored(draft, figures.PER_FTE).value == "25"
    with pytest.raises(ValidationError):
        save(draft, figures.PER_FTE, "99", alice)
    q = stored(draft, figures.PER_FTE).question
    page = client_for(alice).get(reverse("submission_section", args=[draft.pk, 3])).text
    assert f'name="q-{q.pk}"' not in page
    assert "Räknas fram ur antalet klusterdeltagare" in page


def test_a_derived_answer_is_not_missing_and_clears_when_its_source_does(alice, draft):
    save(draft, "b1-staff-fte", "", alice)
    assert stored(draft, figures.PER_FTE).value is None
    assert figures.PER_FTE not in {q.key for q in services.missing_answers(draft)}


# --- Attachments ----------------------------------------------------------------------------------


def test_attachments_are_a_rule_of_the_question(bilaga1):
    questions = {q.key: q for q in bilaga1.sections.get(order=1).questions.all()}
    assert questions["b1-s1-q4d"].takes_attachments  # free text
    assert not questions["b1-participants-total"].takes_attachments
    assert not questions["b1-s1-q5"].takes_attachments


def test_a_pdf_cannot_be_attached_to_a_number_question(client_for, alice, draft):
    answer = stored(draft, "b1-participants-total")
    with pytest.raises(ValidationError):
        services.add_attachment(
            answer=answer,
            upload=SimpleUploadedFile("intyg.pdf", b"%PDF-1.4 intyg"),
            user=alice,
        )
    client = client_for(alice)
    page = client.post(
        reverse("submission_section", args=[draft.pk, 1]),
        {f"file-{answer.question_id}": SimpleUploadedFile("intyg.pdf", b"%PDF-1.4 intyg")},
    ).text
    assert not answer.attachments.exists()
    assert "Den här frågan tar inte emot bilagor." in page
    assert f'name="file-{answer.question_id}"' not in page


def test_a_prefilled_answer_saved_as_it_stands_is_confirmed_by_the_leader(alice, draft):
    assert stored(draft, "b1-participants-total").updated_by is None
    answer = save(draft, "b1-participants-total", "60", alice)
    assert (answer.value, answer.updated_by, answer.revision) == ("60", alice, 0)
    assert stored(draft, figures.PER_FTE).updated_by == alice
