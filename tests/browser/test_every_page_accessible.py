"""axe-core over every HTML page an officer and a leader can open, not only those the journeys
visit, including the forms with their validation errors shown."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from agreements import services as agreement_services
from assessments.models import Submission
from tests.agreements.factories import AgreementFactory
from tests.assessments.fixtures import answer_all_required

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("transactional_db")]


@pytest.fixture
def world(alice, olga, ecosystem_a, submission_a):
    agreement = AgreementFactory(ecosystem=ecosystem_a)
    agreement_services.sync_periods(agreement, today=agreement.start_date)
    answer_all_required(submission_a, alice)
    return {"agreement": agreement, "submission": submission_a}


def _officer_pages(world):
    agreement, submission = world["agreement"], world["submission"]
    return [
        reverse("dashboard"),
        reverse("ecosystem_create"),
        reverse("ecosystem_update", args=[submission.ecosystem_id]),
        reverse("ecosystem_history", args=[submission.ecosystem_id]),
        reverse("ecosystem_ladder", args=[submission.ecosystem_id]),
        reverse("agreement_create"),
        reverse("agreement_update", args=[agreement.pk]),
        reverse("agreement_notice", args=[agreement.pk]),
        reverse("agreement_amount", args=[agreement.pk]),
        reverse("agreement_evaluation", args=[agreement.pk]),
        reverse("agreement_financing", args=[agreement.pk]),
        reverse("calendar_settings"),
        reverse("round_list"),
        reverse("round_create"),
        reverse("round_detail", args=[submission.round_id]),
        reverse("submission_officer", args=[submission.pk]),
        reverse("submission_history", args=[submission.pk]),
        reverse("scoring_overview", args=[submission.round_id]),
        reverse("scoring_template", args=[submission.round_id]),
        reverse("scoring_sheet", args=[submission.round_id, submission.ecosystem_id]),
        reverse("password_change"),
        reverse("personal_data"),
        reverse("account"),
        reverse("email_change"),
        reverse("otp_manage"),
        reverse("reauth"),
        reverse("admin:index"),
    ]


def test_every_officer_page_passes_axe(page, live_server, login, axe, olga, world):
    login(page, live_server, olga.email)
    for path in _officer_pages(world):
        if path.startswith("/admin/"):
            continue  # Django's own admin, not part of the service users are given.
        page.goto(f"{live_server.url}{path}")
        expect(page.locator("h1")).to_be_visible()
        axe(page)


def test_forms_with_errors_pass_axe(page, live_server, login, axe, olga, world):
    login(page, live_server, olga.email)
    agreement = world["agreement"]
    for path in (
        reverse("agreement_create"),
        reverse("agreement_amount", args=[agreement.pk]),
        reverse("round_create"),
        reverse("ecosystem_create"),
    ):
        page.goto(f"{live_server.url}{path}")
        page.locator("main form[method=post] button[type=submit]").last.click()
        expect(page.locator(".invalid-feedback, .alert-danger").first).to_be_visible()
        axe(page)


def test_every_leader_page_passes_axe(page, live_server, login, axe, alice, world):
    Submission.objects.filter(pk=world["submission"].pk).update(status="draft")
    login(page, live_server, alice.email)
    submission = world["submission"]
    for path in (
        reverse("ecosystem_list"),
        reverse("ecosystem_ladder", args=[submission.ecosystem_id]),
        reverse("my_assessments"),
        reverse("submission_section", args=[submission.pk, 2]),
        reverse("submission_section", args=[submission.pk, 3]),
        reverse("submission_review", args=[submission.pk]),
        reverse("agreement_list"),
        reverse("agreement_detail", args=[world["agreement"].pk]),
        reverse("agreement_rules"),
        reverse("accessibility_statement"),
        reverse("personal_data"),
        reverse("account"),
        reverse("otp_setup"),
    ):
        page.goto(f"{live_server.url}{path}")
        expect(page.locator("h1")).to_be_visible()
        axe(page)


@pytest.mark.parametrize("width", [1280, 320])
def test_the_accessibility_statement_passes_axe_signed_out_without_sideways_scroll(
    page, live_server, axe, screenshot, width, db
):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{live_server.url}{reverse('login')}")
    page.get_by_role("link", name="Tillgänglighetsredogörelse").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Tillgänglighetsredogörelse")
    axe(page)
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
    screenshot(page, f"accessibility-statement-{width}")


@pytest.mark.parametrize("width", [1280, 320])
def test_throttle_messages_pass_axe_without_sideways_scroll(
    page, live_server, login, axe, screenshot, olga, width
):
    from ekosystem import throttle

    page.set_viewport_size({"width": width, "height": 900})
    # The live server shares this process's cache: start both throttles at their limits.
    for _ in range(throttle.RESET_PER_ADDRESS.limit):
        throttle.hit(throttle.RESET_PER_ADDRESS, "127.0.0.1")
    page.goto(f"{live_server.url}{reverse('password_reset')}")
    page.get_by_label("E-postadress").fill("olga@example.se")
    page.get_by_role("button", name="Skicka länken").click()
    expect(page.locator(".invalid-feedback")).to_contain_text("För många försök")
    axe(page)
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
    screenshot(page, f"password-reset-throttled-{width}")

    login(page, live_server, olga.email)
    for _ in range(throttle.PASSWORD_CHANGE.limit):
        throttle.hit(throttle.PASSWORD_CHANGE, str(olga.pk))
    page.goto(f"{live_server.url}{reverse('password_change')}")
    page.locator("input[name='old_password']").fill("rätt-lösenord-123")
    page.locator("input[name='new_password1']").fill("ett-helt-nytt-lösenord-42")
    page.locator("input[name='new_password2']").fill("ett-helt-nytt-lösenord-42")
    page.locator("main form button[type=submit]").click()
    expect(page.locator(".invalid-feedback")).to_contain_text("För många felaktiga försök")
    axe(page)
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
    screenshot(page, f"password-change-throttled-{width}")


@pytest.mark.parametrize("width", [1280, 320])
def test_the_security_event_log_in_the_admin(page, live_server, login, screenshot, db, width):
    from ekosystem import security_log
    from tests.factories import UserFactory

    adam = UserFactory(email="adam@example.se", role="admin", is_staff=True, is_superuser=True)
    security_log.record(security_log.Kind.LOGIN_FAILED, username="olga@example.se")
    page.set_viewport_size({"width": width, "height": 900})
    login(page, live_server, adam.email)
    page.goto(f"{live_server.url}{reverse('admin:ekosystem_securityevent_changelist')}")
    expect(page.locator("#result_list")).to_contain_text("olga@example.se")
    expect(page.locator("#result_list")).to_contain_text("Misslyckad inloggning")
    screenshot(page, f"security-events-admin-{width}")


@pytest.mark.parametrize("width", [1280, 320])
def test_the_officers_dashboard_passes_axe_with_something_in_every_section(
    page, live_server, login, axe, screenshot, olga, width
):
    from tests.ekosystem.dashboard_data import build_dashboard_world

    build_dashboard_world(0, 3, olga)
    page.set_viewport_size({"width": width, "height": 900})
    login(page, live_server, olga.email)
    # The officer lands on it.
    assert page.url == f"{live_server.url}{reverse('dashboard')}"
    expect(page.locator("h1")).to_have_text("Översikt")
    sections = page.locator("section.dashboard-section")
    expect(sections).to_have_count(6)
    expect(page.get_by_text("Inget att göra just nu.")).to_have_count(0)
    expect(page.get_by_text("Försenad 2 dagar").first).to_be_visible()
    axe(page)
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
    screenshot(page, f"dashboard-{width}")
