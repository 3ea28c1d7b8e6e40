"""The scoring on the officer's dashboard ("Poäng som saknas") and on the round's page: which
ecosystems lack the officer's scores or an agreed score, per current round, and who is shown
the way to the scoring."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from assessments.dashboard import OVERDUE_DAYS
from assessments.models import Round
from ekosystem.choices import Role
from prioritisation import services
from prioritisation.dashboard import round_scoring_links, scores_missing_items
from tests.factories import UserFactory
from tests.prioritisation.helpers import score, scored

pytestmark = pytest.mark.django_db


@pytest.fixture
def today(round_):
    return round_.deadline - timedelta(days=3)


def texts(user, today):
    return [(item.text, item.count) for item in scores_missing_items(user, today)]


def hand_in(round_, ecosystem, officer):
    score(round_, ecosystem, officer, [2, 3, 1, 4], submit=True)


def agree(round_, ecosystem, officer, perspectives):
    for perspective in perspectives:
        services.record_agreed_score(
            round_=round_,
            ecosystem=ecosystem,
            perspective=perspective,
            user=officer,
            own_sheet=round_.score_sheets.get(ecosystem=ecosystem, officer=officer),
            value=2,
            not_assessed=False,
            reason="Vi enades på mötet.",
            version=0,
        )


def test_without_a_sheet_every_ecosystem_of_the_round_lacks_the_officers_scores(
    round_, olga, today
):
    (item,) = scores_missing_items(olga, today)
    assert item.text == "Bedömning 2026: 2 ekosystem saknar dina poäng"
    assert item.count == 2
    assert item.url == reverse("scoring_overview", args=[round_.pk])


def test_a_draft_sheet_still_lacks_the_officers_scores(round_, olga, ecosystem_a, today):
    score(round_, ecosystem_a, olga, [2, 3, 1, 4], submit=False)
    assert texts(olga, today) == [("Bedömning 2026: 2 ekosystem saknar dina poäng", 2)]


def test_a_handed_in_sheet_is_no_longer_missing_nor_waiting_while_another_officer_scores(
    round_, olga, otto, ecosystem_a, today
):
    hand_in(round_, ecosystem_a, olga)
    assert texts(olga, today) == [("Bedömning 2026: 1 ekosystem saknar dina poäng", 1)]
    # Otto has handed in nothing: both ecosystems lack his scores.
    assert texts(otto, today) == [("Bedömning 2026: 2 ekosystem saknar dina poäng", 2)]


def test_when_every_officer_has_handed_in_the_ecosystem_waits_for_an_agreed_score(
    round_, olga, otto, ecosystem_a, ecosystem_b, today
):
    hand_in(round_, ecosystem_a, olga)
    hand_in(round_, ecosystem_a, otto)
    hand_in(round_, ecosystem_b, olga)
    expected = [
        ("Bedömning 2026: 1 ekosystem saknar dina poäng", 1),
        ("Bedömning 2026: 1 ekosystem väntar på överenskommen poäng", 1),
    ]
    assert texts(otto, today) == expected
    perspectives = scored(round_.scoring_template)
    # One perspective agreed is not the agreed score: the others still wait.
    agree(round_, ecosystem_a, olga, perspectives[:1])
    assert texts(otto, today) == expected
    agree(round_, ecosystem_a, olga, perspectives[1:])
    assert texts(otto, today) == expected[:1]


def test_an_inactive_officer_is_not_waited_for(round_, olga, otto, ecosystem_a, today):
    hand_in(round_, ecosystem_a, olga)
    assert ("Bedömning 2026: 1 ekosystem väntar på överenskommen poäng", 1) not in texts(
        olga, today
    )
    otto.is_active = False
    otto.save()
    assert ("Bedömning 2026: 1 ekosystem väntar på överenskommen poäng", 1) in texts(olga, today)


def test_an_administrator_who_never_scores_is_not_waited_for(
    round_, olga, otto, ecosystem_a, today
):
    UserFactory(role=Role.ADMIN, is_staff=True, is_superuser=True)
    hand_in(round_, ecosystem_a, olga)
    hand_in(round_, ecosystem_a, otto)
    assert ("Bedömning 2026: 1 ekosystem väntar på överenskommen poäng", 1) in texts(olga, today)


def test_a_round_is_listed_until_it_is_history(round_, olga):
    last_day = round_.deadline + timedelta(days=OVERDUE_DAYS)
    assert texts(olga, last_day) == [("Bedömning 2026: 2 ekosystem saknar dina poäng", 2)]
    assert texts(olga, last_day + timedelta(days=1)) == []


def test_only_officers_are_asked_for_scores(round_, nils, alice, rita, today):
    for user in (nils, alice, rita):
        assert scores_missing_items(user, today) == []


def test_the_section_takes_three_queries(round_, olga, otto, ecosystem_a, today):
    hand_in(round_, ecosystem_a, olga)
    with CaptureQueriesContext(connection) as captured:
        scores_missing_items(olga, today)
    assert len(captured.captured_queries) == 3


def test_the_dashboard_shows_the_section_with_a_link_to_the_scoring(client_for, olga, ecosystem_a):
    round_ = Round.objects.create(
        year=2026, name="Rymd-omgången 2026", deadline=timezone.localdate(), opened_by=olga
    )
    round_.ecosystems.add(ecosystem_a)
    response = client_for(olga).get(reverse("dashboard"))
    (section,) = [s for s in response.context["sections"] if s.section.key == "scores_missing"]
    assert section.total == 1
    page = response.text
    assert "Rymd-omgången 2026: 1 ekosystem saknar dina poäng" in page
    assert f'href="{reverse("scoring_overview", args=[round_.pk])}"' in page


def test_officers_and_board_members_find_the_scoring_from_the_round_page(
    client_for, round_, olga, nils
):
    url = reverse("scoring_overview", args=[round_.pk])
    for user in (olga, nils):
        page = client_for(user).get(reverse("round_detail", args=[round_.pk])).text
        assert f'href="{url}"' in page
        assert "Prioritering och poäng" in page


def test_a_leader_is_shown_no_way_to_the_scoring_and_does_not_reach_it(client_for, round_, alice):
    assert round_scoring_links(alice, round_) == []
    client = client_for(alice)
    assert client.get(reverse("round_detail", args=[round_.pk])).status_code == 403
    assert client.get(reverse("scoring_overview", args=[round_.pk])).status_code == 403


def test_each_row_of_the_scoring_overview_links_to_the_ecosystems_ladder(
    client_for, round_, olga, ecosystem_a, ecosystem_b
):
    page = client_for(olga).get(reverse("scoring_overview", args=[round_.pk])).text
    for ecosystem in (ecosystem_a, ecosystem_b):
        assert f'href="{reverse("ecosystem_ladder", args=[ecosystem.pk])}"' in page
