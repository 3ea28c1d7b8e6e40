"""Two officers score an ecosystem independently; the second sees the first's scores only after
handing in their own; then one of them records the agreed score. axe on every scoring page, and
screenshots at 1280 and 320 px without sideways scrolling."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from ekosystem.choices import Role
from prioritisation.models import AgreedScore
from tests.factories import UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("transactional_db")]

NO_SIDEWAYS_SCROLL = "() => document.documentElement.scrollWidth <= window.innerWidth"


@pytest.fixture
def otto(db):
    return UserFactory(email="otto@example.se", full_name="Otto Handläggare", role=Role.OFFICER)


def _scored(round_):
    return [p for p in round_.scoring_template.perspectives.order_by("order") if not p.is_computed]


def _fill(page, perspectives, values, comment):
    for p, value in zip(perspectives, values, strict=True):
        page.locator(f"input[name='v-{p.pk}'][value='{value}']").check()
        page.locator(f"textarea[name='c-{p.pk}']").fill(f"{comment} {p.key}")


def test_two_officers_score_independently_then_agree(
    page, live_server, login, axe, screenshot, round_, ecosystem_a, olga, otto
):
    perspectives = _scored(round_)
    sheet = f"{live_server.url}{reverse('scoring_sheet', args=[round_.pk, ecosystem_a.pk])}"

    login(page, live_server, olga.email)
    page.goto(sheet)
    axe(page)
    _fill(page, perspectives, ["4", "3", "na", "2"], "Olga:")
    page.get_by_role("button", name="Lämna in mina poäng").click()
    expect(page.locator("#submitted")).to_be_visible()

    page.context.clear_cookies()
    login(page, live_server, otto.email)
    page.goto(sheet)
    expect(page.locator("#others-hidden")).to_contain_text("1 annan handläggare har lämnat in")
    expect(page.locator("main")).not_to_contain_text("Olga:")
    expect(page.locator("main")).not_to_contain_text("Olga Handläggare")
    _fill(page, perspectives, ["1", "3", "2", "2"], "Otto:")
    page.get_by_role("button", name="Lämna in mina poäng").click()

    table = page.locator("#score-table")
    expect(table).to_contain_text("Olga Handläggare")
    expect(table).to_contain_text("Olga: roll")
    expect(table.locator("[data-disagreement]")).to_have_count(1)  # 4 against 1
    axe(page)
    for width in (1280, 320):
        page.set_viewport_size({"width": width, "height": 900})
        assert page.evaluate(NO_SIDEWAYS_SCROLL), f"sideways scroll at {width}px"
        screenshot(page, f"scoring-sheet-submitted-{width}")

    roll = perspectives[0]
    form = page.locator(f"form:has(input[name='perspective'][value='{roll.pk}'])")
    form.get_by_role("button", name="Spara överenskommen poäng").click()
    expect(page.locator(f"#id_a{roll.pk}-reason-error")).to_be_visible()
    axe(page)
    form = page.locator(f"form:has(input[name='perspective'][value='{roll.pk}'])")
    form.locator(f"input[name='a{roll.pk}-value'][value='3']").check()
    form.locator("textarea").fill("Enade efter samtal om rollen.")
    form.get_by_role("button", name="Spara överenskommen poäng").click()
    expect(page.locator(f"[data-agreed='{roll.pk}']")).to_contain_text(
        "Enade efter samtal om rollen."
    )
    agreed = AgreedScore.objects.get()
    assert (agreed.value, agreed.decided_by_id) == (3, otto.pk)


@pytest.mark.parametrize("width", [1280, 320])
def test_scoring_pages_pass_axe_without_sideways_scroll(
    page, live_server, login, axe, screenshot, round_, ecosystem_a, olga, width
):
    login(page, live_server, olga.email)
    page.set_viewport_size({"width": width, "height": 900})
    for name, args in (
        ("scoring_overview", [round_.pk]),
        ("scoring_template", [round_.pk]),
        ("scoring_sheet", [round_.pk, ecosystem_a.pk]),
    ):
        page.goto(f"{live_server.url}{reverse(name, args=args)}")
        expect(page.locator("h1")).to_be_visible()
        axe(page)
        assert page.evaluate(NO_SIDEWAYS_SCROLL), f"sideways scroll on {name} at {width}px"
        screenshot(page, f"{name}-{width}")
    # The template with an error by the field.
    page.goto(f"{live_server.url}{reverse('scoring_template', args=[round_.pk])}")
    page.locator("input[name^='w-']").first.fill("mycket")
    page.get_by_role("button", name="Spara mallen").click()
    expect(page.locator("#error-summary")).to_be_visible()
    axe(page)
    assert page.evaluate(NO_SIDEWAYS_SCROLL)
    screenshot(page, f"scoring_template-error-{width}")


def test_board_member_reads_the_agreed_scores_only(
    page, live_server, login, axe, screenshot, round_, ecosystem_a, olga, nils
):
    from prioritisation import services
    from tests.prioritisation.helpers import score

    sheet = score(round_, ecosystem_a, olga, [3, 2, 1, 0], submit=True, comment="Olgas syn")
    roll = _scored(round_)[0]
    services.record_agreed_score(
        round_=round_,
        ecosystem=ecosystem_a,
        perspective=roll,
        user=olga,
        own_sheet=sheet,
        value=3,
        not_assessed=False,
        reason="Tydlig roll i stödsystemet.",
        version=0,
    )
    login(page, live_server, nils.email)
    page.goto(f"{live_server.url}{reverse('scoring_sheet', args=[round_.pk, ecosystem_a.pk])}")
    expect(page.locator(f"[data-agreed='{roll.pk}']")).to_contain_text("Tydlig roll")
    expect(page.locator("main")).not_to_contain_text("Olgas syn")
    expect(page.locator("main form")).to_have_count(0)
    axe(page)
    screenshot(page, "scoring-sheet-board-1280")
