"""The financing ladder page: who reads it, who records the reasons, and what it says."""

import pytest
from django.urls import reverse
from django.utils import translation

from prioritisation.models import OperatingFinanceReasons
from tests.prioritisation.factories import on_top, qualified, reasons


def _url(ecosystem):
    return reverse("ecosystem_ladder", args=[ecosystem.pk])


def _text(response):
    return response.content.decode()


def test_leader_reads_own_ladder_with_what_is_lacking_but_no_form(client_for, alice, ecosystem_a):
    response = client_for(alice).get(_url(ecosystem_a))
    assert response.status_code == 200
    text = _text(response)
    assert "Det här saknas för nästa steg" in text
    assert "Kvalificerad för strategin" in text
    assert "Spara skälen" not in text
    assert response.context["form"] is None


def test_leader_of_another_ecosystem_gets_404(client_for, bob, ecosystem_a):
    assert client_for(bob).get(_url(ecosystem_a)).status_code == 404


def test_leader_page_shows_no_scores_ranking_or_other_ecosystems(client_for, alice, ecosystem_a):
    other = qualified(name="Grannekosystemet")
    text = _text(client_for(alice).get(_url(ecosystem_a)))
    assert other.name not in text
    for word in ("Rang", "Poäng", "Viktad"):
        assert word not in text


def test_board_member_reads_but_gets_no_form(client_for, nils, ecosystem_a):
    response = client_for(nils).get(_url(ecosystem_a))
    assert response.status_code == 200
    assert "Spara skälen" not in _text(response)


@pytest.mark.parametrize("persona", ["alice", "nils"])
def test_a_refused_post_changes_nothing(persona, request, client_for, ecosystem_a):
    user = request.getfixturevalue(persona)
    response = client_for(user).post(
        _url(ecosystem_a), {"actor_system": "on", "actor_system_text": "X", "version": "0"}
    )
    assert response.status_code == 403
    assert not OperatingFinanceReasons.objects.exists()


def test_officer_records_a_reason_and_the_ecosystem_reaches_operating_finance(client_for, olga):
    ecosystem = on_top(olga)
    ecosystem.operating_finance_reasons.delete()
    client = client_for(olga)
    assert "Det här saknas för nästa steg (Verksamhetsfinansiering)" in _text(
        client.get(_url(ecosystem))
    )
    response = client.post(
        _url(ecosystem),
        {"target_group": "on", "target_group_text": "Unga innovatörer i inlandet.", "version": "0"},
    )
    assert response.status_code == 302
    record = OperatingFinanceReasons.objects.get(ecosystem=ecosystem)
    assert record.target_group and record.recorded_by == olga and record.version == 1
    text = _text(client.get(_url(ecosystem)))
    assert "Ekosystemet uppfyller villkoren för alla fyra stegen." in text
    assert "Unga innovatörer i inlandet." in text


def test_a_chosen_reason_without_justification_is_refused_by_the_field(client_for, olga):
    ecosystem = qualified()
    response = client_for(olga).post(
        _url(ecosystem), {"actor_system": "on", "specialisation_text": "Behålls.", "version": "0"}
    )
    assert response.status_code == 400
    text = _text(response)
    assert "Skriv varför skälet gäller, eller kryssa ur det." in text
    assert "Behålls." in text
    assert not OperatingFinanceReasons.objects.exists()


def test_the_exception_needs_its_justification(client_for, olga):
    ecosystem = qualified()
    response = client_for(olga).post(
        _url(ecosystem), {"others_finance_enough": "on", "version": "0"}
    )
    assert response.status_code == 400
    assert "Skriv vilka andra aktörer som finansierar" in _text(response)


def test_a_save_from_an_older_version_is_refused_and_keeps_what_was_typed(client_for, olga):
    ecosystem = qualified()
    reasons(ecosystem, olga, actor_system="Först.")
    response = client_for(olga).post(
        _url(ecosystem),
        {"specialisation": "on", "specialisation_text": "Senare.", "version": "0"},
    )
    assert response.status_code == 400
    assert "Någon annan har sparat skälen" in _text(response)
    assert "Senare." in _text(response)
    record = OperatingFinanceReasons.objects.get(ecosystem=ecosystem)
    assert record.actor_system and not record.specialisation


def test_a_save_keeps_the_earlier_version_in_history(client_for, olga):
    ecosystem = qualified()
    record = reasons(ecosystem, olga, actor_system="Först.")
    record.history.all().delete()
    client_for(olga).post(
        _url(ecosystem),
        {"actor_system": "on", "actor_system_text": "Ändrad.", "version": str(record.version)},
    )
    assert record.history.count() == 1
    assert record.history.first().actor_system_text == "Ändrad."


def test_the_exception_shows_as_the_lacking_condition(client_for, olga, alice, ecosystem_a):
    reasons(ecosystem_a, olga, actor_system="Navet.", others_finance_enough="EU finansierar.")
    text = _text(client_for(alice).get(_url(ecosystem_a)))
    assert "tillräcklig finansiering redan finns från andra aktörer. EU finansierar." in text


def test_ecosystem_page_links_to_the_ladder(client_for, alice, ecosystem_a):
    text = _text(client_for(alice).get(reverse("ecosystem_detail", args=[ecosystem_a.pk])))
    assert f'href="{_url(ecosystem_a)}"' in text


def test_the_ladder_reads_in_english_too(client_for, olga, settings):
    ecosystem = qualified(leader_time_share=40)
    client = client_for(olga)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    # The middleware leaves English active in this thread: restore Swedish for later tests.
    with translation.override("sv"):
        text = _text(client.get(_url(ecosystem)))
    assert "What is lacking for the next rung (Qualified for the strategy)" in text
    assert "The leader&#x27;s time share is 40 %; the strategy requires at least 50 %." in text
