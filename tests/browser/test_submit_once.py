"""A form being sent cannot be sent again: its buttons are disabled and a second submit ignored."""

from datetime import timedelta

import pytest
from django.utils import timezone

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("transactional_db")]


def test_a_round_form_is_sent_once_however_often_it_is_submitted(
    page, live_server, login, olga, questionnaire, ecosystem_a
):
    login(page, live_server, olga.email)
    page.goto(f"{live_server.url}/assessments/rounds/new/")
    page.locator("input[name=questionnaires]").first.check()
    page.locator("input[name=ecosystems]").first.check()
    page.locator("#id_deadline").fill((timezone.localdate() + timedelta(days=30)).isoformat())
    posts = []

    def slow_server(route):
        # No Content keeps the page where it is, as a server still working on the first POST.
        posts.append(route.request.post_data)
        route.fulfill(status=204)

    page.route("**/assessments/rounds/new/", slow_server)
    button = page.get_by_role("button", name="Öppna omgången")
    button.click()
    page.wait_for_timeout(200)
    assert page.evaluate("document.querySelector('main form[method=post] [type=submit]').disabled")
    # A second send while the first is in flight (a second click, or Enter in a field).
    page.evaluate("document.querySelector('main form[method=post]').requestSubmit()")
    page.wait_for_timeout(500)
    assert len(posts) == 1
