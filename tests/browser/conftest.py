"""Browser tests: Debian's Chromium driven through Playwright against pytest-django's live_server.

No browser is ever downloaded. Where /usr/bin/chromium is missing the browser tests are skipped,
except under CI (CI set and not "false"/"0"), where a missing browser is a failure.

Every page a test visits can be checked with axe-core (vendored in vendor/axe.min.js) against
WCAG 2.1 level A and AA, and photographed into /tmp/shots/ for a human to look at.
"""

import os
import re
import shutil
from pathlib import Path

import pytest
from django.db import connections

VENDOR = Path(__file__).resolve().parent / "vendor"
AXE_JS = VENDOR / "axe.min.js"
SHOTS = Path("/tmp/shots")
PASSWORD = "rätt-lösenord-123"  # tests/factories.py UserFactory's default
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
MISSING_CHROMIUM = "Debian's chromium is not installed: apt-get install chromium"
# Playwright's sync API keeps an event loop running in the test thread, and Django refuses ORM
# calls next to a running loop; tests here touch the database only between browser steps.
# Subprocesses that other tests start drop this variable again (see tests/utils.py).
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"


def running_under_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "false", "0")


@pytest.fixture(scope="session")
def chromium_executable():
    path = shutil.which("chromium")
    if path is None:
        if running_under_ci():
            pytest.fail(MISSING_CHROMIUM, pytrace=False)
        pytest.skip(MISSING_CHROMIUM)
    return path


@pytest.fixture(scope="session")
def browser(django_db_setup, chromium_executable):
    """One Chromium per test process (per xdist worker); each test gets its own context.

    While Playwright runs, Django keeps database connections in storage tied to Playwright's event
    loop. They are closed here, before that loop ends and before the test database is dropped
    (PostgreSQL refuses to drop a database still in use).
    """
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_executable, args=CHROMIUM_ARGS, headless=True
        )
        yield browser
        browser.close()
        connections.close_all()


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    """Keep each phase's report on the item, so `page` can photograph a failed test."""
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


@pytest.fixture
def page(browser, request):
    """A fresh page in a fresh context (no cookies carried over), in Swedish as users see it.

    The site's Content-Security-Policy (script-src 'self', nothing inline) would block the inline
    <script> through which axe-core is injected; bypass_csp lets the test harness inject it. The
    site's own scripts are all external files, so this hides nothing the site itself does.
    """
    context = browser.new_context(
        locale="sv-SE",
        viewport={"width": 1280, "height": 900},
        bypass_csp=True,
    )
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    report = getattr(request.node, "report_call", None)
    if report is not None and report.failed:
        save_screenshot(page, f"FAILED-{request.node.name}")
    context.close()


def save_screenshot(page, name: str) -> Path:
    """Save a full-page screenshot to /tmp/shots/<name>.png (outside the repository)."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{re.sub(r'[^A-Za-z0-9_.-]+', '-', name)}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


@pytest.fixture
def screenshot():
    return save_screenshot


def prepare_second_factor(email: str) -> None:
    """Give a user who must have a second factor an app (unless they have one), ready for a code
    now: another login in the same 30 seconds may reuse the current code."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from ekosystem.models import User
    from tests.otp import app_for

    user = User.objects.filter(email=email).first()
    if user is not None and user.requires_second_factor:
        TOTPDevice.objects.filter(pk=app_for(user).pk).update(last_t=-1)


def answer_code_step(page, email: str) -> None:
    """If the login stopped at the code step, type the code the user's app shows now."""
    from ekosystem.models import User
    from tests.otp import app_for, code_for

    if "/account/code/" not in page.url:
        return
    page.locator("input[name=code]").fill(code_for(app_for(User.objects.get(email=email))))
    with page.expect_navigation():
        page.get_by_role("button", name="Fortsätt", exact=True).click()
    if "/account/code/" in page.url:
        alerts = page.locator(".invalid-feedback").all_inner_texts()
        raise AssertionError(f"Code step for {email} failed; the page says: {alerts}")


def log_in(page, live_server, email: str, password: str = PASSWORD) -> None:
    """Sign in through the real login form and wait for the page it leads to.

    Users who must have a second factor are given an authenticator app first (unless they have
    one), and the code step is answered with the code it shows now.
    """
    prepare_second_factor(email)
    page.goto(f"{live_server.url}/account/login/")
    page.locator("input[name='username']").fill(email)
    page.locator("input[name='password']").fill(password)
    with page.expect_navigation():
        page.get_by_role("button", name="Logga in", exact=True).click()
    if "/account/login/" in page.url:
        alerts = page.locator(".alert, .invalid-feedback").all_inner_texts()
        raise AssertionError(f"Login as {email} failed; the page says: {alerts}")
    answer_code_step(page, email)


@pytest.fixture
def login():
    return log_in


_RUN_AXE = """
async (tags) => {
  const results = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
  return results.violations.map((violation) => ({
    id: violation.id,
    impact: violation.impact,
    help: violation.help,
    helpUrl: violation.helpUrl,
    nodes: violation.nodes.map((node) => ({
      target: node.target,
      html: node.html,
      summary: node.failureSummary,
    })),
  }));
}
"""


def format_violations(violations, url: str) -> str:
    lines = [f"{len(violations)} axe-core WCAG 2.1 AA violation(s) on {url}:"]
    for violation in violations:
        lines.append(
            f"- {violation['id']} ({violation['impact']}): {violation['help']}"
            f" <{violation['helpUrl']}>"
        )
        for node in violation["nodes"]:
            lines.append(f"    target: {' '.join(map(str, node['target']))}")
            lines.append(f"    html:   {node['html']}")
            if node.get("summary"):
                summary = node["summary"].replace("\n", "\n            ")
                lines.append(f"    why:    {summary}")
    return "\n".join(lines)


def check_axe(page) -> None:
    """Run axe-core on the current page (WCAG 2.0/2.1 A and AA rules) and fail on any violation."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_JS))
    violations = page.evaluate(_RUN_AXE, WCAG_TAGS)
    assert not violations, format_violations(violations, page.url)


@pytest.fixture
def axe():
    return check_axe
