"""The officer's dashboard: where officers land, what it lists and how urgently, the empty
state, and a number of queries that does not grow with the number of ecosystems."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from agreements import terms
from assessments.models import Questionnaire, Submission
from ekosystem import landing
from tests.agreements.factories import AgreementFactory
from tests.ekosystem.dashboard_data import (
    build_dashboard_world,
    dashboard_round,
    store_first_period,
)
from tests.factories import EcosystemFactory

TODAY = date(2026, 12, 3)


@pytest.mark.parametrize(
    ("day", "since", "expected"),
    [
        (TODAY - timedelta(days=2), False, ("Försenad 2 dagar", True)),
        (TODAY - timedelta(days=1), False, ("Försenad 1 dag", True)),
        (TODAY, False, ("I dag", False)),
        (TODAY + timedelta(days=1), False, ("I morgon", False)),
        (TODAY + timedelta(days=5), False, ("Om 5 dagar", False)),
        (TODAY, True, ("Sedan i dag", False)),
        (TODAY - timedelta(days=1), True, ("Väntat i 1 dag", False)),
        (TODAY - timedelta(days=9), True, ("Väntat i 9 dagar", False)),
        (None, False, ("", False)),
    ],
)
def test_urgency_is_said_in_words(day, since, expected):
    assert landing.urgency(landing.Item("x", "/", day=day, since=since), TODAY) == expected


def test_items_sort_overdue_first_then_nearest_then_undated():
    items = [
        landing.Item("c", "/", day=None),
        landing.Item("b", "/", day=TODAY + timedelta(days=3)),
        landing.Item("a", "/", day=TODAY - timedelta(days=4)),
        landing.Item("d", "/", day=TODAY),
    ]
    assert [item.text for item in landing.sorted_items(items)] == ["a", "d", "b", "c"]


def test_an_officer_lands_on_the_dashboard_and_others_do_not(client_for, olga, nils, alice):
    assert client_for(olga).get(reverse("home")).url == reverse("dashboard")
    assert client_for(nils).get(reverse("home")).url == reverse("ecosystem_list")
    assert client_for(alice).get(reverse("home")).url != reverse("dashboard")
    assert client_for(nils).get(reverse("dashboard")).status_code == 403


def test_every_section_says_when_there_is_nothing_to_do(client_for, olga):
    page = client_for(olga).get(reverse("dashboard")).text
    for title in (
        "Sista dag för uppsägning",
        "Utvärderingar",
        "Väntar på granskning",
        "Självskattningar som saknas",
        "Återsända för komplettering",
        "Poäng som saknas",
    ):
        assert f">{title}" in page.replace("\n", "").replace("  ", "")
    assert page.count("Inget att göra just nu.") == 6


def test_the_dashboard_links_each_item_to_where_to_act(client_for, olga, ecosystem_a):
    today = timezone.localdate()
    # Notice deadline 20 days ahead, evaluation 3 days overdue.
    start = terms.add_months(today + timedelta(days=20), -24)  # first period ends a year later
    agreement = AgreementFactory(
        ecosystem=ecosystem_a,
        start_date=terms.day_after(start),
        first_evaluation_on=today - timedelta(days=3),
    )
    store_first_period(agreement)
    page = client_for(olga).get(reverse("dashboard")).text
    assert f'href="{agreement.get_absolute_url()}"' in page
    assert f'href="{reverse("agreement_evaluation", args=[agreement.pk])}"' in page
    assert "Försenad 3 dagar" in page
    assert "Om 20 dagar" in page or "Om 19 dagar" in page or "Om 21 dagar" in page
    assert f'href="{reverse("agreement_list")}?within_days=90"' in page
    assert f'href="{reverse("round_list")}"' in page


def test_a_long_section_shows_the_ten_most_urgent_and_counts_them_all(client_for, olga):
    round_ = dashboard_round(olga, deadline=timezone.localdate() + timedelta(days=5))
    ecosystems = [EcosystemFactory() for _ in range(12)]
    questionnaire = Questionnaire.objects.first()
    Submission.objects.bulk_create(
        Submission(round=round_, ecosystem=e, questionnaire=questionnaire) for e in ecosystems
    )
    response = client_for(olga).get(reverse("dashboard"))
    (missing,) = [
        s for s in response.context["sections"] if s.section.key == "self_assessments_missing"
    ]
    assert (missing.total, len(missing.items), missing.more) == (12, 10, 2)
    assert "Och 2 till." in response.text


def _queries(client):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse("dashboard"))
    assert response.status_code == 200
    return len(captured.captured_queries), response


def test_the_dashboard_takes_as_many_queries_for_300_ecosystems_as_for_3(client_for, olga):
    client = client_for(olga)
    build_dashboard_world(0, 3, olga)
    few, response = _queries(client)
    assert all(section.total for section in response.context["sections"])
    build_dashboard_world(3, 300, olga)
    many, response = _queries(client)
    totals = {s.section.key: s.total for s in response.context["sections"]}
    assert totals["notice_deadlines"] == 300
    assert totals["evaluations"] == 300
    assert totals["waiting_for_review"] == 200
    # Two rounds (one a build): olga's scores missing for 2 in 3, 1 in 3 waits for agreement.
    assert totals["scores_missing"] == 300
    missing = sum(
        row.item.count
        for s in response.context["sections"]
        if s.section.key == "scores_missing"
        for row in s.items
        if "saknar dina poäng" in row.item.text
    )
    assert missing == 200
    assert many == few


def test_a_registered_section_shows_in_order_counted_and_cut_at_the_limit(monkeypatch, olga):
    monkeypatch.setattr(landing, "_sections", {})
    today = TODAY

    def many(user, day):
        return [landing.Item(f"i{n}", "/", day=day + timedelta(days=n), count=2) for n in (3, 1, 2)]

    landing.register_section(landing.Section("later", "Senare", 20, lambda user, day: []))
    landing.register_section(
        landing.Section("first", "Först", 10, many, full_list_url=lambda: "/alla/")
    )
    first, later = landing.dashboard(olga, today, limit=2)
    assert (first.section.key, later.section.key) == ("first", "later")
    assert [row.item.text for row in first.items] == ["i1", "i2"]
    assert (first.total, first.more, first.full_list_url) == (6, 1, "/alla/")
    assert (later.total, later.items, later.full_list_url) == (0, [], "")
