"""The cooperation agreement as a PDF: blanks filled in, who may fetch it, how it renders."""

import io
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse
from pypdf import PdfReader

from agreements.models import AmountChange
from ekosystem.pdf import RefusedURL, StaticOnlyFetcher
from tests.agreements.factories import AgreementFactory
from tests.factories import EcosystemFactory, SpecialisationFactory

pytestmark = pytest.mark.django_db


def pdf_text(response) -> str:
    """Every page's text, with runs of whitespace (line breaks, no-break spaces) as one space."""
    reader = PdfReader(io.BytesIO(response.content))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def fetch_document(client, agreement):
    return client.get(reverse("agreement_document", args=[agreement.pk]))


@pytest.fixture
def agreement(ecosystem_a):
    ecosystem_a.organisation_name = "Rymdföreningen i Kåge och Övertorneå ekonomisk förening"
    ecosystem_a.organisation_number = "802012-3456"
    ecosystem_a.save()
    return AgreementFactory(ecosystem=ecosystem_a, reference="RUN 2024-00042")


@pytest.fixture
def document_text(agreement, olga, client_for):
    response = fetch_document(client_for(olga), agreement)
    assert response.status_code == 200
    return pdf_text(response)


def test_document_names_both_parties_and_the_organisation_number(document_text):
    assert (
        "Följande avtal har träffats mellan Region Norrbotten och Rymdföreningen i Kåge och "
        "Övertorneå ekonomisk förening (organisationsnummer 802012-3456)." in document_text
    )


def test_document_keeps_swedish_characters_intact(document_text):
    assert "Övertorneå" in document_text
    assert "Kåge" in document_text
    assert "Uppföljning och utvärdering" in document_text
    assert "\ufffd" not in document_text


def test_document_states_the_first_period_and_the_automatic_renewal(document_text):
    assert "gäller från och med 1 januari 2025 till och med 31 december 2027" in document_text
    assert (
        "automatiskt förlängs för en ny period från och med 1 januari 2028 till och med "
        "31 december 2030" in document_text
    )
    assert "senast 12 månader före utgångstiden, det vill säga senast 31 december 2026" in (
        document_text
    )
    assert "Uppsägningstiden är 12 månader." in document_text


def test_document_states_the_first_annual_amount_in_tkr_and_from_which_year(
    agreement, olga, client_for
):
    AmountChange.objects.create(
        agreement=agreement, effective_from=date(2026, 1, 1), annual_amount_tkr=Decimal("1800")
    )
    text = pdf_text(fetch_document(client_for(olga), agreement))
    assert "med 1 500 tkr årligen från och med 2025." in text
    assert "1 800" not in text


def test_an_amount_with_tenths_and_a_start_within_the_year_are_written_out(olga, client_for):
    agreement = AgreementFactory(annual_amount_tkr=Decimal("1250.5"))
    agreement.amounts.update(effective_from=date(2025, 7, 1))
    text = pdf_text(fetch_document(client_for(olga), agreement))
    assert "med 1 250,5 tkr årligen från och med 1 juli 2025." in text


def test_document_states_the_board_seat_and_the_first_evaluation(agreement, olga, client_for):
    agreement.board_seat_holder = olga
    agreement.save()
    text = pdf_text(fetch_document(client_for(olga), agreement))
    assert "Region Norrbotten ska erbjudas en plats som adjungerad i styrelsen." in text
    assert "Platsen innehas av Olga Handläggare." in text
    assert "Första utvärderingstillfället är 30 juni 2027." in text


def test_document_names_the_ecosystems_specialisations_as_its_strategy_areas(
    agreement, olga, client_for
):
    agreement.ecosystem.specialisations.set(
        [
            SpecialisationFactory(name="Rymd", rank=101),
            SpecialisationFactory(name="Testbäddar", rank=102),
        ]
    )
    text = pdf_text(fetch_document(client_for(olga), agreement))
    assert "med fokus på strategiområdena Rymd och Testbäddar samt på kompetensförsörjning" in text


def test_document_includes_expected_role_results_and_effects_when_set(agreement, olga, client_for):
    agreement.expected_role = "Samla rymdbranschen i länet."
    agreement.expected_effects = "Fler arbetstillfällen i Kiruna."
    agreement.save()
    text = pdf_text(fetch_document(client_for(olga), agreement))
    assert "Förväntad roll Samla rymdbranschen i länet." in text
    assert "Förväntade effekter Fler arbetstillfällen i Kiruna." in text
    assert "Förväntade resultat" not in text


def test_document_has_signature_lines_with_place_and_date_blanks(document_text):
    assert "För Region Norrbotten" in document_text
    assert "För Rymdföreningen i Kåge och Övertorneå ekonomisk förening" in document_text
    assert document_text.count("Ort och datum") == 2
    assert document_text.count("Namnförtydligande") == 2
    assert "Regional utvecklingsdirektör" in document_text
    assert "Verksamhetsledare" in document_text


def test_document_shows_the_reference_number_and_numbers_its_pages(document_text):
    assert "Diarienummer RUN 2024-00042" in document_text
    assert "Sida 1 av 2" in document_text
    assert "Sida 2 av 2" in document_text


def test_document_leaves_no_template_placeholders(document_text):
    assert "xxx" not in document_text.lower()
    assert "yyy" not in document_text.lower()
    assert "bilaga" not in document_text.lower()


def test_a_signed_agreement_is_no_draft(document_text):
    assert "UTKAST" not in document_text
    assert "Undertecknat 1 december 2024" in document_text


def test_a_draft_is_marked_utkast(olga, client_for):
    draft = AgreementFactory(signed_on=None)
    text = pdf_text(fetch_document(client_for(olga), draft))
    assert "UTKAST" in text
    assert "avtalet är inte undertecknat och gäller inte ännu" in text


def test_an_agreement_that_reaches_the_cap_in_its_first_period_says_it_does_not_renew(
    olga, client_for
):
    agreement = AgreementFactory(initial_months=108)
    text = pdf_text(fetch_document(client_for(olga), agreement))
    assert "till och med 31 december 2033. Det förlängs inte därefter" in text
    assert "automatiskt förlängs" not in text


def test_document_is_set_in_dejavu_sans_embedded_in_the_pdf(agreement, olga, client_for):
    reader = PdfReader(io.BytesIO(fetch_document(client_for(olga), agreement).content))
    fonts = [
        font.get_object() for page in reader.pages for font in page["/Resources"]["/Font"].values()
    ]
    names = {str(font["/BaseFont"]).split("+")[-1] for font in fonts}
    assert names == {"DejaVu-Sans", "DejaVu-Sans-Bold"}
    for font in fonts:
        descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"].get_object()
        assert "/FontFile2" in descriptor


@pytest.mark.parametrize("who", ["olga", "alice", "nils"])
def test_officer_owning_leader_and_board_member_get_the_pdf_inline(
    who, request, agreement, client_for
):
    response = fetch_document(client_for(request.getfixturevalue(who)), agreement)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        'inline; filename="samarbetsavtal-rymdekosystemet-a.pdf"'
    )
    assert "no-store" in response["Cache-Control"]
    assert response.content.startswith(b"%PDF-")


@pytest.mark.parametrize("who", ["bob", "rita"])
def test_another_ecosystems_leader_and_a_reviewer_get_404(who, request, agreement, client_for):
    response = fetch_document(client_for(request.getfixturevalue(who)), agreement)
    assert response.status_code == 404


def test_anonymous_is_sent_to_the_login_page(agreement, client_for):
    response = fetch_document(client_for(None), agreement)
    assert response.status_code == 302
    assert response.url.startswith(f"{reverse('login')}?next=")


def test_filename_is_ascii_even_when_the_ecosystem_name_is_not(olga, client_for):
    agreement = AgreementFactory(ecosystem=EcosystemFactory(name="Gruvklustret Malmfälten"))
    response = fetch_document(client_for(olga), agreement)
    assert response["Content-Disposition"] == (
        'inline; filename="samarbetsavtal-gruvklustret-malmfalten.pdf"'
    )


class TestStaticOnlyFetcher:
    base = "http://testserver/"

    def test_serves_a_static_file_from_disk(self):
        response = StaticOnlyFetcher(self.base)("http://testserver/static/css/pdf.css?v=1")
        assert response.content_type == "text/css"
        assert b"DejaVu Sans" in response.read()

    @pytest.mark.parametrize(
        "url",
        [
            "https://fonts.googleapis.com/css2?family=Inter",
            "http://example.com/static/css/pdf.css",
            "file:///etc/passwd",
            "data:text/css,body{}",
            "http://testserver/media/agreements/1/evaluations/report.pdf",
            "http://testserver/static/../pyproject.toml",
            "http://testserver/static/%2e%2e/%2e%2e/etc/passwd",
            "http://testserver/static/css/no-such-file.css",
            "http://testserver/static/",
        ],
    )
    def test_refuses_anything_else(self, url):
        with pytest.raises(RefusedURL):
            StaticOnlyFetcher(self.base)(url)
