"""Autosaves against a slow server: saves of one answer wait for each other, and *Spara och gå
vidare* waits for saves under way, so the leader never sees a conflict with herself."""

import pytest
from playwright.sync_api import expect

from assessments.models import Answer
from tests.assessments.fixtures import question

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("transactional_db")]


class HeldAutosaves:
    """Lets every autosave reach the server at once but holds its answer until released, as a
    slow network would: the browser does not yet know the revision the server has stored."""

    def __init__(self, page):
        self.page = page
        self.held = []
        self.sent = 0
        page.route("**/answers/*/", self._hold)

    def _hold(self, route):
        self.sent += 1
        self.held.append((route, route.fetch()))

    def release_until_quiet(self):
        """Let the held requests through, in order, until no further save is sent."""
        for _ in range(20):
            self.page.wait_for_timeout(300)
            if not self.held:
                return
            route, response = self.held.pop(0)
            route.fulfill(response=response)
        raise AssertionError("autosaves kept coming")


def _field(page, submission, key):
    return page.locator(f"#q-{question(submission, key).pk}")


def _saved(submission, key):
    return Answer.objects.get(submission=submission, question=question(submission, key)).value


def test_fast_typing_into_two_answers_on_a_slow_server_saves_both_without_a_conflict(
    page, live_server, login, screenshot, alice, submission_a
):
    login(page, live_server, alice.email)
    page.goto(f"{live_server.url}/assessments/s/{submission_a.pk}/section/2/")
    saves = HeldAutosaves(page)
    issues = _field(page, submission_a, "b1-issues")
    media = _field(page, submission_a, "b1-media")
    issues.fill("Rymdteknik")
    page.wait_for_timeout(1_000)  # past the autosave delay: the first save is on its way
    issues.press_sequentially(" och testbäddar", delay=20)
    media.fill("Norrbottens-Kuriren")
    page.wait_for_timeout(1_000)
    saves.release_until_quiet()
    expect(page.locator("#save-status")).to_contain_text("Sparat")
    expect(page.locator("[data-conflict]:visible")).to_have_count(0)
    assert _saved(submission_a, "b1-issues") == "Rymdteknik och testbäddar"
    assert _saved(submission_a, "b1-media") == "Norrbottens-Kuriren"
    screenshot(page, "autosave-races-01-saved")


def test_save_and_continue_waits_for_a_save_under_way(
    page, live_server, login, screenshot, alice, submission_a
):
    login(page, live_server, alice.email)
    page.goto(f"{live_server.url}/assessments/s/{submission_a.pk}/section/2/")
    saves = HeldAutosaves(page)
    issues = _field(page, submission_a, "b1-issues")
    issues.fill("Rymdteknik")
    page.wait_for_timeout(1_000)  # the save is sent and held
    issues.press_sequentially(" och testbäddar", delay=20)
    page.get_by_role("button", name="Spara och gå vidare").click()
    saves.release_until_quiet()
    expect(page.get_by_role("heading", level=2, name="Kvalitet")).to_be_visible()
    assert _saved(submission_a, "b1-issues") == "Rymdteknik och testbäddar"
    screenshot(page, "autosave-races-02-next-section")
