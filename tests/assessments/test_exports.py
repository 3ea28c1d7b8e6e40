"""A submission as a PDF and a round as an Excel workbook: what they hold and who gets them."""

import io
from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from pypdf import PdfReader

from assessments import services
from assessments.models import Status
from tests.assessments import factories
from tests.factories import EcosystemFactory


@pytest.fixture
def survey(db):
    return factories.build_questionnaire()


@pytest.fixture
def round_(survey, ecosystem_a, ecosystem_b, olga):
    return factories.open_round(
        user=olga, ecosystems=[ecosystem_a, ecosystem_b], questionnaires=[survey], year=2026
    )


@pytest.fixture
def handed_in(round_, ecosystem_a, alice):
    submission = round_.submissions.get(ecosystem=ecosystem_a)
    submission = factories.submitted(submission, alice)
    submission.strengths = "Starkt nätverk i Övre Norrland."
    submission.weaknesses = "Få deltagare från akademin."
    submission.save()
    return submission


def pdf_text(response) -> str:
    """Every page's text, with runs of whitespace (line breaks, no-break spaces) as one space."""
    reader = PdfReader(io.BytesIO(response.content))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def fetch_pdf(client, submission):
    return client.get(reverse("submission_pdf", args=[submission.pk]))


def fetch_excel(client, round_):
    return client.get(reverse("round_excel", args=[round_.pk]))


def workbook_of(response):
    return load_workbook(io.BytesIO(response.content))


# --- The PDF --------------------------------------------------------------------------------------


def test_pdf_holds_every_section_question_and_answer(client_for, olga, handed_in):
    response = fetch_pdf(client_for(olga), handed_in)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response)
    for expected in (
        "Självskattning (test) v1",
        "Rymdekosystemet A",
        "Organisation",
        "Deltagare",
        "Kvalitet",
        "1. Vilket år grundades klusterorganisationen? 2 012",
        "2. Hur stor del av din tid? 40 %",
        "3. Antal anställda räknat i heltid? 2,5",
        "4. Årsbudget? 1 250 000 kr",
        "5. Är ni listade på ECCP? Ja",
        "6. Deltagare i klustret",
        "6a. Antal deltagare totalt 60",
        "7. I vilken fas är klustret? Tillväxtfas",
        "Kiruna (digitalt); Luleå (fysiskt)",
        "9. Verksamheten är kvalitetssäkrad. 4 / 5",
        "Underlag: Vi är certifierade enligt ISO 9001.",
        "Rymd och testbäddar i Övre Norrland.",
        "Sida 1 av",
    ):
        assert expected in text, expected


def test_pdf_shows_derived_figures_and_flags_a_low_time_share(client_for, olga, handed_in):
    text = pdf_text(fetch_pdf(client_for(olga), handed_in))
    assert "Deltagare per heltidsanställd 24,0" in text
    assert "privat sektor: 75,0 %" in text
    assert "40 % Uppfyller inte kravet på minst 50 %" in text


@pytest.mark.parametrize("persona", ["olga", "nils"])
def test_pdf_holds_the_swot_notes_for_officers_and_board_members(
    persona, request, client_for, handed_in
):
    text = pdf_text(fetch_pdf(client_for(request.getfixturevalue(persona)), handed_in))
    assert "Starkt nätverk i Övre Norrland." in text
    assert "Få deltagare från akademin." in text


def test_leader_gets_their_own_pdf_without_the_officers_notes(client_for, alice, handed_in):
    response = fetch_pdf(client_for(alice), handed_in)
    assert response.status_code == 200
    text = pdf_text(response)
    assert "Rymd och testbäddar i Övre Norrland." in text
    assert "Starkt nätverk" not in text and "Handläggarens bedömning" not in text


@pytest.mark.parametrize("persona", ["bob", "rita"])
def test_pdf_of_another_ecosystem_is_not_found(persona, request, client_for, handed_in):
    assert fetch_pdf(client_for(request.getfixturevalue(persona)), handed_in).status_code == 404


def test_pdf_is_named_after_year_ecosystem_and_questionnaire(client_for, olga, handed_in):
    response = fetch_pdf(client_for(olga), handed_in)
    assert (
        'filename="bedomning-2026-rymdekosystemet-a-prov1.pdf"' in response["Content-Disposition"]
    )


# --- The Excel workbook ---------------------------------------------------------------------------


def test_excel_has_one_row_per_ecosystem_and_a_column_per_question_with_typed_values(
    client_for, olga, round_, handed_in
):
    response = fetch_excel(client_for(olga), round_)
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="bedomning-2026.xlsx"'
    sheet = workbook_of(response)["prov1"]
    rows = list(sheet.iter_rows(values_only=True))
    header = rows[0]
    assert header[:3] == ("Ekosystem", "Status", "Inskickad")
    assert "6. Deltagare i klustret" not in header  # a heading is not answered
    by_ecosystem = {row[0]: dict(zip(header, row, strict=True)) for row in rows[1:]}
    assert list(by_ecosystem) == ["Rymdekosystemet A", "Testbäddsekosystemet B"]
    a = by_ecosystem["Rymdekosystemet A"]
    assert a["Status"] == "Inskickad"
    assert a["Inskickad"].date() == timezone.localdate()
    assert a["1 Vilket år grundades klusterorganisationen?"] == 2012
    assert a["2 Hur stor del av din tid?"] == 40
    assert a["3 Antal anställda räknat i heltid?"] == 2.5
    assert a["4 Årsbudget?"] == 1_250_000
    assert a["5 Är ni listade på ECCP?"] == "Ja"
    assert a["6a Antal deltagare totalt"] == 60
    assert a["6b Varav privat sektor"] == 45
    assert a["7 I vilken fas är klustret?"] == "Tillväxtfas"
    assert a["8 Var finns ni?"] == "Kiruna (digitalt); Luleå (fysiskt)"
    assert a["9 Verksamheten är kvalitetssäkrad."] == 4
    assert a["9 underlag"] == "Vi är certifierade enligt ISO 9001."
    assert a["10 Beskriv er strategi."] == "Rymd och testbäddar i Övre Norrland."
    b = by_ecosystem["Testbäddsekosystemet B"]
    assert b["Status"] == "Utkast" and b["Inskickad"] is None
    assert all(b[title] is None for title in header[3:])


def test_excel_writes_no_as_nej_and_numbers_as_numbers(client_for, olga, round_, ecosystem_b, bob):
    submission = round_.submissions.get(ecosystem=ecosystem_b)
    factories.submitted(
        submission, bob, {**factories.TYPED, "org-eccp": "no", "b1-staff-fte": "0,75"}
    )
    sheet = workbook_of(fetch_excel(client_for(olga), round_))["prov1"]
    header = [cell.value for cell in sheet[1]]
    row = [cell.value for cell in sheet[3]]
    assert row[header.index("5 Är ni listade på ECCP?")] == "Nej"
    assert row[header.index("3 Antal anställda räknat i heltid?")] == 0.75
    assert (
        sheet.cell(row=3, column=header.index("3 Antal anställda räknat i heltid?") + 1).data_type
        == "n"
    )


def test_excel_has_a_sheet_per_questionnaire_a_frozen_header_and_set_widths(
    client_for, nils, olga, ecosystem_a
):
    first = factories.build_questionnaire(code="prov1")
    second = factories.build_questionnaire(code="prov3", title="Kvalitetskriterier")
    round_ = factories.open_round(
        user=olga, ecosystems=[ecosystem_a], questionnaires=[second, first], year=2027
    )
    workbook = workbook_of(fetch_excel(client_for(nils), round_))
    assert workbook.sheetnames == ["prov1", "prov3"]
    sheet = workbook["prov3"]
    assert sheet.freeze_panes == "B2"
    assert sheet.column_dimensions["A"].width == 32
    assert sheet.cell(row=1, column=1).font.bold
    assert sheet.max_row == 2


def test_excel_rows_follow_every_ecosystem_in_the_round(client_for, olga, survey):
    ecosystems = EcosystemFactory.create_batch(3)
    round_ = factories.open_round(user=olga, ecosystems=ecosystems, questionnaires=[survey])
    sheet = workbook_of(fetch_excel(client_for(olga), round_))["prov1"]
    names = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert names == sorted(e.name for e in ecosystems)


def test_excel_shows_status_and_date_of_a_reviewed_submission(client_for, olga, round_, handed_in):
    services.mark_reviewed(submission=handed_in, user=olga)
    sheet = workbook_of(fetch_excel(client_for(olga), round_))["prov1"]
    assert sheet["B2"].value == str(Status.REVIEWED.label)
    assert sheet["C2"].number_format == "yyyy-mm-dd"
    assert isinstance(sheet["C2"].value.date(), date)


@pytest.mark.parametrize(
    ("persona", "status"),
    [("alice", 403), ("bob", 403), ("rita", 403), ("nils", 200), ("olga", 200)],
)
def test_round_excel_is_for_officers_and_board_members(
    persona, status, request, client_for, round_
):
    response = fetch_excel(client_for(request.getfixturevalue(persona)), round_)
    assert response.status_code == status


def test_excel_keeps_text_that_looks_like_a_formula_as_text(
    client_for, olga, round_, ecosystem_a, alice
):
    ecosystem_a.name = '=HYPERLINK("http://evil.example","A")'
    ecosystem_a.save()
    submission = round_.submissions.get(ecosystem=ecosystem_a)
    factories.submitted(
        submission,
        alice,
        {**factories.TYPED, "q-strategy": "=1+1"},
        {"q-quality": "@SUM(1+1)*cmd|' /C calc'!A0"},
    )
    sheet = workbook_of(fetch_excel(client_for(olga), round_))["prov1"]
    header = [cell.value for cell in sheet[1]]
    row = dict(zip(header, sheet[2], strict=True))
    for title, typed in [
        ("Ekosystem", ecosystem_a.name),
        ("10 Beskriv er strategi.", "=1+1"),
        ("9 underlag", "@SUM(1+1)*cmd|' /C calc'!A0"),
    ]:
        assert (row[title].value, row[title].data_type) == (typed, "s")
    assert not [cell for line in sheet.iter_rows() for cell in line if cell.data_type == "f"]
