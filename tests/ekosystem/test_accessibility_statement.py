"""The accessibility statement (tillgänglighetsredogörelse) has the parts Digg asks for."""

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse

from ekosystem.views import STATEMENT_UPDATED, STATEMENT_WRITTEN


def test_the_statement_is_public_and_has_every_required_part(client, db, settings):
    response = client.get(reverse("accessibility_statement"))
    assert response.status_code == 200
    page = response.text
    for part in (
        "Tillgänglighetsredogörelse",
        "Hur tillgänglig är tjänsten?",
        "lagen (2018:1937) om tillgänglighet till digital offentlig service",
        "Kända brister",
        "Rapportera brister eller be om innehåll i annat format",
        f'href="mailto:{settings.ACCESSIBILITY_CONTACT_EMAIL}"',
        "Tillsyn",
        'href="https://www.digg.se/tdosanmalan"',
        "Hur vi testat tjänsten",
        "WCAG 2.1 nivå AA",
    ):
        assert part in page, part
    assert f"upprättades den {STATEMENT_WRITTEN.day} " in page
    assert f"uppdaterades senast den {STATEMENT_UPDATED.day} " in page
    assert STATEMENT_UPDATED >= STATEMENT_WRITTEN


@pytest.mark.parametrize("who", [None, "alice", "olga"])
def test_every_page_footer_links_to_the_statement_and_carries_a_favicon(
    client_for, request, who, ecosystem_a
):
    user = request.getfixturevalue(who) if who else None
    client = client_for(user)
    path = reverse("login") if user is None else ecosystem_a.get_absolute_url()
    page = client.get(path).text
    footer = page[page.index("<footer") :]
    assert f'href="{reverse("accessibility_statement")}"' in footer
    not_found = client.get("/finns-inte/")
    assert not_found.status_code == 404
    assert f'href="{reverse("accessibility_statement")}"' in not_found.text
    assert '<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">' in page
    assert finders.find("favicon.svg")
