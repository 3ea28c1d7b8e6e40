"""What a leader is told on landing (their ecosystem's page), and the links of the round
overview."""

import re

from django.urls import reverse

from assessments import services
from tests.assessments import factories


def _round(olga, ecosystems):
    survey = factories.build_questionnaire()
    return factories.open_round(
        user=olga, ecosystems=ecosystems, questionnaires=[survey], year=2026
    )


def test_leaders_landing_page_says_what_is_due_and_by_when(client_for, alice, olga, ecosystem_a):
    submission = _round(olga, [ecosystem_a]).submissions.get()
    response = client_for(alice).get(reverse("home"), follow=True)
    page = response.text
    assert response.redirect_chain[-1][0] == ecosystem_a.get_absolute_url()
    assert "Att göra" in page
    assert "Självskattning (test) v1" in page
    assert "Sista dag att skicka in: 15 december 2026." in page
    assert reverse("submission_start", args=[submission.pk]) in page


def test_leaders_landing_page_shows_the_officers_comment_when_returned(
    client_for, alice, olga, ecosystem_a
):
    submission = _round(olga, [ecosystem_a]).submissions.get()
    factories.submitted(submission, alice)
    services.return_for_completion(
        submission=submission, comment="Beskriv samverkan med akademin.", user=olga
    )
    page = client_for(alice).get(ecosystem_a.get_absolute_url()).text
    assert "Återsänd för komplettering" in page
    assert "Återsänd av Olga Handläggare med kommentaren:" in page
    assert "Beskriv samverkan med akademin." in page


def test_nothing_is_due_once_submitted_and_officers_see_no_leader_notices(
    client_for, alice, olga, ecosystem_a
):
    submission = _round(olga, [ecosystem_a]).submissions.get()
    assert "Att göra" not in client_for(olga).get(ecosystem_a.get_absolute_url()).text
    factories.submitted(submission, alice)
    assert "Att göra" not in client_for(alice).get(ecosystem_a.get_absolute_url()).text


def test_round_overview_links_ecosystem_names_and_each_submission_with_open(
    client_for, olga, ecosystem_a, ecosystem_b
):
    round_ = _round(olga, [ecosystem_a, ecosystem_b])
    page = client_for(olga).get(reverse("round_detail", args=[round_.pk])).text
    for submission in round_.submissions.select_related("ecosystem"):
        url = reverse("submission_officer", args=[submission.pk])
        link = re.search(rf'<a[^>]*href="{url}"[^>]*>(.*?)</a>', page, re.S).group(1)
        assert link.startswith("Öppna")
        assert "badge" not in link  # a status badge is not the link
        assert (
            f'href="{submission.ecosystem.get_absolute_url()}">{submission.ecosystem.name}</a>'
            in page
        )
