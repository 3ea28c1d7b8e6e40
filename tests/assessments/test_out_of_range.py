"""Values that once crashed pages and exports: huge numbers, exponents, NUL characters and
malformed hidden fields get a Swedish message (400 for autosave), and what is already stored
out of range is still shown, so the leader can correct it."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from assessments.models import Answer, Status, Submission
from tests.assessments.fixtures import question

HUGE = "1" + "0" * 27  # 10^27 participants
MILLION_DIGITS = "1" + "0" * 999_999  # what "1e999999" used to be stored as


def _autosave(client, submission, q, data):
    return client.post(reverse("answer_autosave", args=[submission.pk, q.pk]), data)


def _store(submission, key, value):
    """Write a value as an earlier version of the product stored it, bypassing the parser."""
    Answer.objects.filter(submission=submission, question__key=key).update(value=value)


@pytest.mark.parametrize(
    ("key", "typed", "message"),
    [
        ("b1-participants-total", HUGE, "Talet kan inte vara större än 999\xa0999\xa0999\xa0999."),
        ("b1-participants-total", "1e999999", "Skriv ett tal, till exempel 12 eller 12,5."),
        ("b1-staff-fte", "2,5e3", "Skriv ett tal, till exempel 12 eller 12,5."),
        ("b1-staff-fte", "0,00001", "Skriv högst 4 decimaler."),
        ("b3-budget", "1" + "0" * 20, "Talet kan inte vara större än 100\xa0000\xa0000."),
        ("b3-quality", "²", "Välj ett värde från 1 till 5."),
        ("b3-quality", "9" * 5000, "Välj ett värde från 1 till 5."),
    ],
)
def test_autosave_refuses_numbers_out_of_range_with_a_message(
    key, typed, message, client_for, alice, submission_a
):
    q = question(submission_a, key)
    # Registry facts may be prefilled: the refused input must leave whatever was there.
    before = Answer.objects.get(submission=submission_a, question=q).value
    response = _autosave(client_for(alice), submission_a, q, {f"q-{q.pk}": typed})
    assert response.status_code == 400
    assert response.json()["error"] == message
    assert Answer.objects.get(submission=submission_a, question=q).value == before


@pytest.mark.parametrize("revision", ["abc", "1.5", "-1", "9" * 30, "²"])
def test_autosave_with_a_malformed_revision_answers_400(revision, client_for, alice, submission_a):
    q = question(submission_a, "b1-issues")
    response = _autosave(
        client_for(alice), submission_a, q, {f"q-{q.pk}": "Rymd", f"r-{q.pk}": revision}
    )
    assert response.status_code == 400
    assert "versionsnummer" in response.json()["error"]
    assert Answer.objects.get(submission=submission_a, question=q).value is None


def test_section_post_with_a_malformed_revision_keeps_the_text_with_a_message(
    client_for, alice, submission_a
):
    q = question(submission_a, "b1-issues")
    response = client_for(alice).post(
        reverse("submission_section", args=[submission_a.pk, 2]),
        {f"q-{q.pk}": "Rymdteknik", f"r-{q.pk}": "x", "goto": "3"},
    )
    assert response.status_code == 200
    assert "versionsnummer" in response.text
    assert ">Rymdteknik</textarea>" in response.text


@pytest.mark.parametrize("goto", ["²", "99999999999999999999999", "-1", "7", "abc"])
def test_section_post_with_an_unknown_goto_stays_on_the_section(
    goto, client_for, alice, submission_a
):
    q = question(submission_a, "b1-issues")
    response = client_for(alice).post(
        reverse("submission_section", args=[submission_a.pk, 2]),
        {f"q-{q.pk}": "Rymdteknik", f"r-{q.pk}": "0", "goto": goto},
    )
    assert response.status_code == 302
    assert response.url == reverse("submission_section", args=[submission_a.pk, 2])
    assert submission_a.answers.get(question=q).value == "Rymdteknik"


@pytest.mark.parametrize("field", ["q", "e"])
def test_a_nul_character_in_an_answer_or_its_evidence_is_refused_with_a_message(
    field, client_for, alice, submission_a
):
    q = question(submission_a, "b3-quality")
    data = {f"q-{q.pk}": "4", f"e-{q.pk}": "Vi har ISO 9001.", f"r-{q.pk}": "0"}
    typed = data[f"{field}-{q.pk}"]
    data[f"{field}-{q.pk}"] = typed[:1] + "\x00" + typed[1:]
    response = _autosave(client_for(alice), submission_a, q, data)
    assert response.status_code == 400
    assert "NUL" in response.json()["error"]
    stored = Answer.objects.get(submission=submission_a, question=q)
    assert (stored.value, stored.evidence) == (None, "")


def test_a_nul_in_one_answer_of_a_section_post_is_shown_by_that_answer_only(
    client_for, alice, submission_a
):
    issues, media = question(submission_a, "b1-issues"), question(submission_a, "b1-media")
    response = client_for(alice).post(
        reverse("submission_section", args=[submission_a.pk, 2]),
        {
            f"q-{issues.pk}": "Rymdteknik",
            f"r-{issues.pk}": "0",
            f"q-{media.pk}": "Norrbotten\x00s Kuriren",
            f"r-{media.pk}": "0",
            "goto": "3",
        },
    )
    assert response.status_code == 200
    assert "NUL" in response.text
    assert submission_a.answers.get(question=issues).value == "Rymdteknik"
    assert submission_a.answers.get(question=media).value is None


@pytest.fixture
def huge_participants(submission_a):
    _store(submission_a, "b1-participants-total", HUGE)
    _store(submission_a, "b1-participants-private", "45")
    _store(submission_a, "b1-staff-fte", "1")
    return submission_a


def test_a_stored_huge_count_still_shows_the_leaders_pages_for_correction(
    client_for, alice, huge_participants
):
    client = client_for(alice)
    section = client.get(reverse("submission_section", args=[huge_participants.pk, 1]))
    assert section.status_code == 200
    assert 'value="1E+27"' in section.text
    review = client.get(reverse("submission_review", args=[huge_participants.pk]))
    assert review.status_code == 200
    assert "1E+27" in review.text


def test_a_stored_huge_count_still_shows_the_officers_page_and_the_pdf(
    client_for, olga, huge_participants
):
    # Officers read submitted answers only (drafts are the ecosystem's own).
    Submission.objects.filter(pk=huge_participants.pk).update(status=Status.SUBMITTED)
    client = client_for(olga)
    assert client.get(reverse("submission_officer", args=[huge_participants.pk])).status_code == 200
    pdf = client.get(reverse("submission_pdf", args=[huge_participants.pk]))
    assert pdf.status_code == 200
    assert pdf["Content-Type"] == "application/pdf"


def test_a_stored_million_digit_number_is_exported_as_short_text(
    client_for, olga, round_, submission_a
):
    _store(submission_a, "b1-participants-total", MILLION_DIGITS)
    Submission.objects.filter(pk=submission_a.pk).update(status=Status.SUBMITTED)
    response = client_for(olga).get(reverse("round_excel", args=[round_.pk]))
    assert response.status_code == 200
    values = [
        cell.value
        for row in load_workbook(io.BytesIO(response.content)).active.iter_rows()
        for cell in row
    ]
    assert "1E+999999" in values
