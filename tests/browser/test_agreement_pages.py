"""An officer registers an agreement, reads its deadlines, gives notice and downloads the PDF."""

from datetime import date

import pytest
from django.utils import timezone, translation
from django.utils.formats import date_format
from playwright.sync_api import expect
from pypdf import PdfReader

from agreements.models import Agreement, Notice

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("transactional_db")]


def swedish(day: date) -> str:
    with translation.override("sv"):
        return date_format(day, "j F Y")


def test_officer_creates_an_agreement_gives_notice_and_downloads_it(
    page, live_server, login, axe, screenshot, olga, ecosystem_a
):
    # Dates relative to today, so the story holds whenever the test runs: the first period
    # ends on 31 December next year, so its notice deadline (31 December this year) is ahead.
    year = timezone.localdate().year
    login(page, live_server, olga.email)

    page.goto(f"{live_server.url}/agreements/new/?ecosystem={ecosystem_a.pk}")
    expect(page.get_by_role("heading", level=1)).to_have_text("Nytt samarbetsavtal")
    page.get_by_label("Diarienummer").fill("RUN 2024-00042")
    page.get_by_label("Undertecknat").fill(f"{year - 2}-12-01")
    page.locator("#id_start_date").fill(f"{year - 1}-01-01")
    page.get_by_label("Första utvärderingstillfälle").fill(f"{year + 1}-06-30")
    page.get_by_label("Belopp per år (tkr)").fill("1 500")
    page.get_by_label("Beloppet gäller från").fill(f"{year - 1}-01-01")
    screenshot(page, "agreement-01-new")
    axe(page)
    page.get_by_role("button", name="Spara").click()

    agreement = Agreement.objects.get()
    expect(page).to_have_url(f"{live_server.url}/agreements/{agreement.pk}/")
    summary = page.locator("section[aria-labelledby='summary-heading']")
    expect(summary).to_contain_text(
        f"Om ingen agerar förlängs avtalet den 1 januari {year + 2} till och med "
        f"31 december {year + 4}. Sista dag att säga upp avtalet är 31 december {year}."
    )
    periods = page.locator("section[aria-labelledby='periods-heading'] tbody tr")
    expect(periods).to_have_count(3)
    screenshot(page, "agreement-02-detail")
    axe(page)

    page.get_by_role("link", name="Registrera uppsägning").click()
    page.get_by_label("Uppsagt av").select_option("region")
    page.get_by_label("Mottagen").fill(timezone.localdate().isoformat())
    page.get_by_role("button", name="Visa verkan").click()
    preview = page.locator("#notice-preview")
    expect(preview).to_contain_text(f"Avtalet upphör den 31 december {year + 1}.")
    assert not Notice.objects.exists()
    screenshot(page, "agreement-03-notice-preview")
    axe(page)

    page.get_by_role("button", name="Bekräfta uppsägningen").click()
    expect(page).to_have_url(f"{live_server.url}/agreements/{agreement.pk}/")
    expect(summary).to_contain_text(f"Avtalet upphör den 31 december {year + 1}.")
    assert Notice.objects.get().ends_on == date(year + 1, 12, 31)

    with page.expect_download() as download_info:
        page.evaluate(
            "url => { const a = document.createElement('a'); a.href = url; a.download = ''; "
            "document.body.appendChild(a); a.click(); }",
            f"/agreements/{agreement.pk}/document.pdf",
        )
    pdf = PdfReader(download_info.value.path())
    text = " ".join(" ".join(p.extract_text().split()) for p in pdf.pages)
    assert "Region Norrbotten" in text
    assert ecosystem_a.organisation_name in text
    assert swedish(date(year + 1, 12, 31)) in text

    page.goto(f"{live_server.url}/agreements/")
    expect(page.locator("main table")).to_contain_text(ecosystem_a.name)
    screenshot(page, "agreement-04-list")
    axe(page)
    page.get_by_role("link", name="Så räknas datumen").click()
    axe(page)
    page.goto(f"{live_server.url}/calendar/")
    axe(page)
