import pytest
from django.urls import reverse

from ekosystem import resume
from ekosystem.models import BoardMember, Ecosystem
from tests.factories import BoardMemberFactory, EcosystemFactory, SpecialisationFactory
from tests.otp import app_for, pass_code_step


def _form_data(ecosystem, **changes):
    """What the edit form posts for an ecosystem as it stands, with some values changed."""
    data = {
        "name": ecosystem.name,
        "organisation_name": ecosystem.organisation_name,
        "organisation_number": ecosystem.organisation_number,
        "legal_form": ecosystem.legal_form,
        "year_founded": ecosystem.year_founded or "",
        "municipality": ecosystem.municipality,
        "website": ecosystem.website,
        "leader_name": ecosystem.leader_name,
        "leader_email": ecosystem.leader_email,
        "leader_time_share": ecosystem.leader_time_share or "",
        "members_business": ecosystem.members_business,
        "members_academia": ecosystem.members_academia,
        "members_public": ecosystem.members_public,
        "members_civil": ecosystem.members_civil,
        "members_abroad": ecosystem.members_abroad,
        "annual_turnover": ecosystem.annual_turnover or "",
        "staff_fte": str(ecosystem.staff_fte).replace(".", ","),
        "systematic_innovation_work": "on" if ecosystem.systematic_innovation_work else "",
        "phase": ecosystem.phase,
        "system_type": ecosystem.system_type,
        "excellence_label": ecosystem.excellence_label,
        "gaps": ecosystem.gaps,
        "strategy_goals": ecosystem.strategy_goals,
        "strategy_approach": ecosystem.strategy_approach,
        "strategy_responsibilities": ecosystem.strategy_responsibilities,
        "version": ecosystem.version,
        "board-TOTAL_FORMS": 0,
        "board-INITIAL_FORMS": 0,
        "board-MIN_NUM_FORMS": 0,
        "board-MAX_NUM_FORMS": 1000,
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value not in (None, "")}


# --- list ----------------------------------------------------------------------------------------


def test_officer_list_filters_by_phase_specialisation_and_criteria(client_for, olga):
    space = SpecialisationFactory(name="Rymd")
    meets_all = EcosystemFactory(name="Alla kriterier", phase="innovation")
    meets_all.specialisations.add(space)
    EcosystemFactory(name="Liten omsättning", phase="network", annual_turnover=200_000)
    client = client_for(olga)

    def names(**params):
        table = client.get(reverse("ecosystem_list"), params).context["table"]
        return [row.record.name for row in table.paginated_rows]

    assert names(phase="network") == ["Liten omsättning"]
    assert names(specialisation=space.pk) == ["Alla kriterier"]
    assert names(criteria="all") == ["Alla kriterier"]
    assert names(criteria="missing") == ["Liten omsättning"]
    assert names(q="omsättning") == ["Liten omsättning"]


def test_list_sorts_by_criteria_met(client_for, olga):
    EcosystemFactory(name="B", annual_turnover=0)
    EcosystemFactory(name="A")
    table = client_for(olga).get(reverse("ecosystem_list"), {"sort": "cluster_criteria_met"})
    assert [row.record.name for row in table.context["table"].paginated_rows] == ["B", "A"]


def test_list_paginates_after_25_ecosystems(client_for, olga):
    EcosystemFactory.create_batch(26)
    response = client_for(olga).get(reverse("ecosystem_list"))
    assert len(response.context["table"].paginated_rows) == 25
    assert client_for(olga).get(reverse("ecosystem_list"), {"page": 2}).status_code == 200


def test_leader_list_shows_only_their_own_ecosystems(client_for, alice, ecosystem_b):
    response = client_for(alice).get(reverse("ecosystem_list"))
    assert [row.record.name for row in response.context["table"].paginated_rows] == [
        "Rymdekosystemet A"
    ]


@pytest.mark.parametrize("count", [1, 3])
def test_list_query_count_does_not_grow_with_ecosystems(
    count, client_for, olga, django_assert_num_queries
):
    for ecosystem in EcosystemFactory.create_batch(count):
        ecosystem.specialisations.add(SpecialisationFactory())
    client = client_for(olga)
    # session, user, the second-factor app that verified the session, count, page of
    # ecosystems, their specialisations, specialisation filter
    with django_assert_num_queries(7):
        client.get(reverse("ecosystem_list"))


# --- detail --------------------------------------------------------------------------------------


def test_detail_explains_each_unmet_criterion(client_for, olga):
    ecosystem = EcosystemFactory(members_academia=0, annual_turnover=750_000)
    page = client_for(olga).get(ecosystem.get_absolute_url()).content.decode()
    assert "4 av 6 kriterier uppfyllda." in page
    assert "Saknar egna medlemmar från: akademi." in page
    assert "Omsättningen är 750\xa0000 kr." in page


def test_detail_flags_a_leader_time_share_under_half(client_for, olga):
    ecosystem = EcosystemFactory(leader_time_share=40)
    assert "under kravet på 50 %" in client_for(olga).get(ecosystem.get_absolute_url()).text


def test_detail_counts_trained_board_members(client_for, olga, ecosystem_a):
    BoardMemberFactory(ecosystem=ecosystem_a, trained=True)
    BoardMemberFactory(ecosystem=ecosystem_a, trained=False)
    page = client_for(olga).get(ecosystem_a.get_absolute_url()).text
    assert "1 av 2 ledamöter har deltagit i utbildningen." in page


@pytest.mark.parametrize("persona", ["alice", "olga", "nils"])
def test_detail_links_to_the_ecosystems_self_assessments(
    client_for, request, persona, submission_a, submission_b
):
    user = request.getfixturevalue(persona)
    page = client_for(user).get(submission_a.ecosystem.get_absolute_url()).text
    start = reverse("submission_start", args=[submission_a.pk])
    assert f'href="{start}"' in page
    assert reverse("submission_start", args=[submission_b.pk]) not in page
    assert "Bedömning 2026" in page
    # The link leads each role on to its own view of the submission (not to a 403 or 404).
    assert client_for(user).get(start).status_code == 302


def test_board_member_sees_no_edit_button(client_for, nils, ecosystem_a):
    page = client_for(nils).get(ecosystem_a.get_absolute_url()).text
    assert reverse("ecosystem_update", args=[ecosystem_a.pk]) not in page


# --- edit ----------------------------------------------------------------------------------------


def test_officer_creates_an_ecosystem(client_for, olga):
    response = client_for(olga).post(
        reverse("ecosystem_create"),
        _form_data(
            Ecosystem(
                name="Ny",
                organisation_name="Ny ek. för.",
                legal_form="other",
                phase="network",
                staff_fte=1,
            )
        ),
    )
    created = Ecosystem.objects.get(name="Ny")
    assert response.url == created.get_absolute_url()


def test_leader_edits_own_ecosystem_and_board(client_for, alice, ecosystem_a):
    data = _form_data(ecosystem_a, members_business=50, gaps=["research", "capital"])
    data.update(
        {
            "board-TOTAL_FORMS": 1,
            "board-0-name": "Kim Ordförande",
            "board-0-is_chair": "on",
            "board-0-trained": "on",
        }
    )
    client_for(alice).post(reverse("ecosystem_update", args=[ecosystem_a.pk]), data)
    ecosystem_a.refresh_from_db()
    assert ecosystem_a.members_business == 50
    assert ecosystem_a.gaps == ["research", "capital"]
    assert ecosystem_a.version == 2
    assert list(ecosystem_a.board_members.values_list("name", "is_chair", "trained")) == [
        ("Kim Ordförande", True, True)
    ]


def test_leader_cannot_change_what_the_officer_records(client_for, alice, ecosystem_a):
    form = client_for(alice).get(reverse("ecosystem_update", args=[ecosystem_a.pk])).context["form"]
    assert "phase" not in form.fields and "excellence_label" not in form.fields
    client_for(alice).post(
        reverse("ecosystem_update", args=[ecosystem_a.pk]),
        _form_data(ecosystem_a, phase="network", excellence_label="gold"),
    )
    ecosystem_a.refresh_from_db()
    assert (ecosystem_a.phase, ecosystem_a.excellence_label) == ("renewal", "bronze")


def test_only_the_officer_records_systematic_innovation_work(client_for, alice, olga):
    ecosystem = EcosystemFactory(systematic_innovation_work=False)
    ecosystem.leaders.add(alice)
    url = reverse("ecosystem_update", args=[ecosystem.pk])
    assert "systematic_innovation_work" not in client_for(alice).get(url).context["form"].fields
    client_for(alice).post(url, _form_data(ecosystem, systematic_innovation_work="on"))
    ecosystem.refresh_from_db()
    assert ecosystem.systematic_innovation_work is False

    client_for(olga).post(url, _form_data(ecosystem, systematic_innovation_work="on"))
    ecosystem.refresh_from_db()
    assert ecosystem.systematic_innovation_work is True


def test_invalid_form_shows_swedish_messages_and_keeps_every_value(client_for, olga, ecosystem_a):
    data = _form_data(
        ecosystem_a,
        members_abroad=999,
        annual_turnover="tre miljoner",
        strategy_goals="Vi vill bli bäst i Europa.",
        leader_name="Ny Ledare",
    )
    response = client_for(olga).post(reverse("ecosystem_update", args=[ecosystem_a.pk]), data)
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors["annual_turnover"] == [
        "Skriv ett heltal med siffror, till exempel 1 500 000."
    ]
    assert form.errors["members_abroad"] == [
        "Fler medlemmar utanför Sverige (999) än medlemmar totalt (38)."
    ]
    page = response.text
    for typed in ("tre miljoner", "Vi vill bli bäst i Europa.", "Ny Ledare", 'value="999"'):
        assert typed in page
    assert "Formuläret innehåller fel. Inget av det du skrivit har försvunnit." in page
    ecosystem_a.refresh_from_db()
    assert ecosystem_a.leader_name == "Lena Ledare"


def test_future_founding_year_is_refused(client_for, olga, ecosystem_a):
    response = client_for(olga).post(
        reverse("ecosystem_update", args=[ecosystem_a.pk]),
        _form_data(ecosystem_a, year_founded=2999),
    )
    assert response.context["form"].errors["year_founded"] == ["Året kan inte ligga i framtiden."]


def test_two_chairs_are_refused(client_for, olga, ecosystem_a):
    data = _form_data(ecosystem_a)
    data.update(
        {
            "board-TOTAL_FORMS": 2,
            "board-0-name": "A",
            "board-0-is_chair": "on",
            "board-1-name": "B",
            "board-1-is_chair": "on",
        }
    )
    response = client_for(olga).post(reverse("ecosystem_update", args=[ecosystem_a.pk]), data)
    assert response.context["board_formset"].non_form_errors() == [
        "Styrelsen kan bara ha en ordförande."
    ]
    assert not BoardMember.objects.exists()


def test_save_over_a_newer_version_is_refused_and_keeps_the_typed_values(
    client_for, olga, alice, ecosystem_a
):
    url = reverse("ecosystem_update", args=[ecosystem_a.pk])
    stale = _form_data(ecosystem_a, strategy_goals="Olgas text")
    client_for(alice).post(url, _form_data(ecosystem_a, strategy_goals="Alices text"))

    response = client_for(olga).post(url, stale)

    assert response.status_code == 200
    assert "Någon annan har sparat ändringar" in response.text
    assert "Olgas text" in response.text
    ecosystem_a.refresh_from_db()
    assert ecosystem_a.strategy_goals == "Alices text"


def test_refused_write_by_another_leader_changes_nothing(client_for, bob, ecosystem_a):
    response = client_for(bob).post(
        reverse("ecosystem_update", args=[ecosystem_a.pk]), _form_data(ecosystem_a, name="Kapad")
    )
    assert response.status_code == 404
    ecosystem_a.refresh_from_db()
    assert ecosystem_a.name == "Rymdekosystemet A"


def test_refused_write_by_board_member_changes_nothing(client_for, nils, ecosystem_a):
    response = client_for(nils).post(
        reverse("ecosystem_update", args=[ecosystem_a.pk]), _form_data(ecosystem_a, name="Kapad")
    )
    assert response.status_code == 403
    ecosystem_a.refresh_from_db()
    assert ecosystem_a.name == "Rymdekosystemet A"


def test_refused_create_by_leader_creates_nothing(client_for, alice):
    before = Ecosystem.objects.count()
    response = client_for(alice).post(reverse("ecosystem_create"), {"name": "Nytt"})
    assert response.status_code == 403
    assert Ecosystem.objects.count() == before


# --- history -------------------------------------------------------------------------------------


def test_history_shows_who_changed_what(client_for, olga, alice, ecosystem_a):
    client_for(alice).post(
        reverse("ecosystem_update", args=[ecosystem_a.pk]),
        _form_data(ecosystem_a, leader_time_share=40),
    )
    response = client_for(olga).get(reverse("ecosystem_history", args=[ecosystem_a.pk]))
    newest = response.context["entries"][0]
    assert newest.who == alice
    assert [(c.label, c.old, c.new) for c in newest.changes] == [
        ("Ledarens tid för ekosystemet (%)", "75", "40")
    ]


def test_history_records_board_changes(client_for, olga, ecosystem_a):
    data = _form_data(ecosystem_a)
    data.update({"board-TOTAL_FORMS": 1, "board-0-name": "Ny Ledamot"})
    client_for(olga).post(reverse("ecosystem_update", args=[ecosystem_a.pk]), data)
    entries = (
        client_for(olga).get(reverse("ecosystem_history", args=[ecosystem_a.pk])).context["entries"]
    )
    assert any(e.subject == "styrelseledamoten Ny Ledamot" and e.who == olga for e in entries)


def _post_after_expiry(client, ecosystem, author, **changes):
    """The edit form sent by `author` after their session ran out (it carries their key)."""
    url = reverse("ecosystem_update", args=[ecosystem.pk])
    data = _form_data(ecosystem, **changes)
    data[resume.OWNER_FIELD] = resume.owner_key(author)
    return client.post(url, data)


def test_values_typed_before_the_session_ran_out_come_back_after_login(client, alice, ecosystem_a):
    url = reverse("ecosystem_update", args=[ecosystem_a.pk])
    expired = _post_after_expiry(
        client, ecosystem_a, alice, strategy_goals="Skrivet före utloggning"
    )
    assert expired.url == f"{reverse('login')}?next={url}"

    client.post(reverse("login"), {"username": alice.email, "password": "rätt-lösenord-123"})
    page = client.get(url)

    assert page.context["form"]["strategy_goals"].value() == "Skrivet före utloggning"
    assert "Du loggades ut innan du sparade." in page.text
    ecosystem_a.refresh_from_db()
    assert ecosystem_a.strategy_goals == ""
    assert client.get(url).context["form"]["strategy_goals"].value() == ""


def test_what_one_user_sent_after_expiry_is_never_shown_to_the_next_user(
    client, alice, olga, ecosystem_a
):
    url = reverse("ecosystem_update", args=[ecosystem_a.pk])
    _post_after_expiry(client, ecosystem_a, alice, strategy_goals="Alices osparade text")

    app_for(olga)
    client.post(reverse("login"), {"username": olga.email, "password": "rätt-lösenord-123"})
    pass_code_step(client, olga)
    page = client.get(url)

    assert page.context["form"]["strategy_goals"].value() == ""
    assert "Alices osparade text" not in page.text
    assert "Du loggades ut innan du sparade." not in page.text
    assert resume.SESSION_KEY not in client.session


def test_officer_links_leader_logins_to_an_ecosystem(client_for, olga, alice, bob, ecosystem_a):
    client_for(olga).post(
        reverse("ecosystem_update", args=[ecosystem_a.pk]),
        _form_data(ecosystem_a, leader_accounts=[alice.pk, bob.pk]),
    )
    assert set(ecosystem_a.leaders.all()) == {alice, bob}
    assert client_for(bob).get(ecosystem_a.get_absolute_url()).status_code == 200


def test_leader_cannot_give_others_access(client_for, alice, bob, ecosystem_a):
    client_for(alice).post(
        reverse("ecosystem_update", args=[ecosystem_a.pk]),
        _form_data(ecosystem_a, leader_accounts=[alice.pk, bob.pk]),
    )
    assert list(ecosystem_a.leaders.all()) == [alice]


def test_history_labels_keep_proper_nouns_capitalised(client_for, olga, ecosystem_a):
    client_for(olga).post(
        reverse("ecosystem_update", args=[ecosystem_a.pk]),
        _form_data(ecosystem_a, members_abroad=2),
    )
    entries = (
        client_for(olga).get(reverse("ecosystem_history", args=[ecosystem_a.pk])).context["entries"]
    )
    assert entries[0].changes[0].label == "Varav baserade utanför Sverige"
