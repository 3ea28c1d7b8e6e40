"""The officer's side: rounds, who has submitted, reviewing a submission beside last year's."""

from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from assessments import comparison, services
from assessments.models import (
    Answer,
    Attachment,
    DialogueNote,
    EventKind,
    Round,
    Status,
    Submission,
    SubmissionEvent,
)
from ekosystem import permissions
from ekosystem.resume import OWNER_FIELD, owner_key
from tests.assessments import factories
from tests.factories import EcosystemFactory
from tests.utils import one_time_token, post_twice

CHANGED = {"b1-staff-fte": "3", "q-quality": "5"}


@pytest.fixture
def survey(db):
    return factories.build_questionnaire()


@pytest.fixture
def this_year(survey, ecosystem_a, ecosystem_b, olga):
    return factories.open_round(
        user=olga, ecosystems=[ecosystem_a, ecosystem_b], questionnaires=[survey], year=2026
    )


@pytest.fixture
def mine(this_year, ecosystem_a):
    """Ecosystem A's submission this year (a draft)."""
    return this_year.submissions.get(ecosystem=ecosystem_a)


@pytest.fixture
def handed_in(mine, alice):
    return factories.submitted(mine, alice)


@pytest.fixture
def last_year(ecosystem_a, alice, olga, db):
    """Ecosystem A answered version 1 last year; this year's round (built after) uses version 2,
    where a question is reworded but keeps its key."""
    old = factories.build_questionnaire(version=1)
    round_ = factories.open_round(
        user=olga, ecosystems=[ecosystem_a], questionnaires=[old], year=2025
    )
    return factories.submitted(round_.submissions.get(), alice)


@pytest.fixture
def compared(last_year, ecosystem_a, alice, olga):
    """This year's submission (version 2) with two answers changed since last year."""
    new = factories.build_questionnaire(
        version=2, reword={"b1-staff-fte": "Hur många heltidstjänster har ni?"}
    )
    round_ = factories.open_round(
        user=olga, ecosystems=[ecosystem_a], questionnaires=[new], year=2026
    )
    return factories.submitted(round_.submissions.get(), alice, {**factories.TYPED, **CHANGED})


def officer_page(client, submission):
    return client.get(reverse("submission_officer", args=[submission.pk]))


def post(client, name, submission, data=None):
    return client.post(reverse(name, args=[submission.pk]), data or {})


# --- Rounds ---------------------------------------------------------------------------------------


def test_round_list_shows_each_round_with_counts_per_status(client_for, olga, handed_in):
    page = client_for(olga).get(reverse("round_list")).text
    assert "Självskattning 2026" in page
    assert '<td class="text-end" data-status="submitted">1</td>' in page
    assert '<td class="text-end" data-status="draft">1</td>' in page
    assert '<td class="text-end" data-status="reviewed">0</td>' in page


@pytest.mark.parametrize("count", [1, 3])
def test_round_list_query_count_does_not_grow_with_rounds(
    count, survey, ecosystem_a, olga, client_for, django_assert_num_queries
):
    for year in range(2026, 2026 + count):
        factories.open_round(
            user=olga, ecosystems=[ecosystem_a], questionnaires=[survey], year=year
        )
    client = client_for(olga)
    # session, user, the second-factor app that verified the session, rounds
    with django_assert_num_queries(4):
        assert client.get(reverse("round_list")).status_code == 200


def test_round_form_offers_the_latest_version_of_each_questionnaire(client_for, olga, db):
    factories.build_questionnaire(version=1)
    latest = factories.build_questionnaire(version=2)
    other = factories.build_questionnaire(code="prov3", version=1, title="Kvalitetskriterier")
    form = client_for(olga).get(reverse("round_create")).context["form"]
    offered = [q for q in form.fields["questionnaires"].queryset if q.code.startswith("prov")]
    assert offered == [latest, other]


def test_officer_opens_a_round_with_a_submission_per_ecosystem_and_questionnaire(
    client_for, olga, survey, ecosystem_a, ecosystem_b
):
    deadline = timezone.localdate() + timedelta(days=30)
    response = client_for(olga).post(
        reverse("round_create"),
        {
            "year": 2027,
            "name": "Självskattning 2027",
            "questionnaires": [survey.pk],
            "ecosystems": [ecosystem_a.pk, ecosystem_b.pk],
            "deadline": deadline.isoformat(),
        },
    )
    round_ = Round.objects.get(year=2027)
    assert response.status_code == 302 and response.url == round_.get_absolute_url()
    assert (round_.name, round_.deadline, round_.opened_by) == (
        "Självskattning 2027",
        deadline,
        olga,
    )
    assert {s.ecosystem for s in round_.submissions.all()} == {ecosystem_a, ecosystem_b}
    assert set(round_.submissions.values_list("status", flat=True)) == {Status.DRAFT}


def test_opening_a_round_needs_questionnaires_ecosystems_and_a_coming_deadline(
    client_for, olga, survey
):
    response = client_for(olga).post(
        reverse("round_create"),
        {"year": 2027, "name": "Omgång", "deadline": "2000-01-01"},
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert errors["questionnaires"] == ["Välj minst ett frågeformulär."]
    assert errors["ecosystems"] == ["Välj minst ett ekosystem."]
    assert errors["deadline"] == ["Sista dagen kan inte redan ha passerat."]
    assert not Round.objects.exists()


@pytest.mark.parametrize("persona", ["nils", "alice"])
def test_only_officers_open_rounds(persona, request, client_for, survey, ecosystem_a):
    response = client_for(request.getfixturevalue(persona)).post(
        reverse("round_create"),
        {
            "year": 2027,
            "name": "Omgång",
            "questionnaires": [survey.pk],
            "ecosystems": [ecosystem_a.pk],
            "deadline": "2099-01-01",
        },
    )
    assert response.status_code == 403
    assert not Round.objects.exists()


def test_round_overview_shows_each_ecosystems_status_as_text_with_date_and_link(
    client_for, nils, this_year, handed_in, ecosystem_a, ecosystem_b
):
    response = client_for(nils).get(reverse("round_detail", args=[this_year.pk]))
    assert response.status_code == 200
    rows = {row["ecosystem"]: row["cells"] for row in response.context["rows"]}
    assert [s.status for s in rows[ecosystem_a]] == [Status.SUBMITTED]
    assert [s.status for s in rows[ecosystem_b]] == [Status.DRAFT]
    page = response.text
    assert reverse("submission_officer", args=[handed_in.pk]) in page
    assert ">Inskickad</span>" in page and ">Utkast</span>" in page
    assert f"Inskickad {timezone.localdate():%-d} " in page


def test_round_overview_counts_submissions_per_status(client_for, olga, this_year, handed_in):
    services.mark_reviewed(submission=handed_in, user=olga)
    response = client_for(olga).get(reverse("round_detail", args=[this_year.pk]))
    counts = {c["status"]: c["count"] for c in response.context["counts"]}
    assert counts == {"draft": 1, "submitted": 0, "returned": 0, "reviewed": 1}
    assert response.context["total"] == 2
    assert "Granskad: 1" in response.text


@pytest.mark.parametrize("count", [1, 3])
def test_round_overview_query_count_does_not_grow_with_ecosystems(
    count, survey, olga, client_for, django_assert_num_queries
):
    other = factories.build_questionnaire(code="prov3")
    ecosystems = EcosystemFactory.create_batch(count)
    round_ = factories.open_round(user=olga, ecosystems=ecosystems, questionnaires=[survey, other])
    client = client_for(olga)
    with django_assert_num_queries(7):  # one of them the second-factor app of the session
        response = client.get(reverse("round_detail", args=[round_.pk]))
    assert len(response.context["rows"]) == count


@pytest.mark.parametrize(
    ("persona", "status"), [("alice", 403), ("rita", 403), ("nils", 200), ("olga", 200)]
)
def test_rounds_are_for_officers_and_board_members(persona, status, request, client_for, this_year):
    client = client_for(request.getfixturevalue(persona))
    assert client.get(reverse("round_list")).status_code == status
    assert client.get(reverse("round_detail", args=[this_year.pk])).status_code == status


# --- Comparing with the previous round ------------------------------------------------------------


def test_previous_submission_is_the_latest_earlier_submitted_one_of_the_same_code(
    compared, last_year, ecosystem_a, ecosystem_b, alice, bob, olga
):
    # Not: another ecosystem's, another questionnaire's, a later round's, or an unsubmitted draft.
    old = last_year.questionnaire
    factories.open_round(user=olga, ecosystems=[ecosystem_a], questionnaires=[old], year=2025)
    other_code = factories.build_questionnaire(code="prov3")
    later = factories.open_round(
        user=olga, ecosystems=[ecosystem_a, ecosystem_b], questionnaires=[other_code], year=2025
    )
    factories.submitted(later.submissions.get(ecosystem=ecosystem_a), alice)
    factories.submitted(
        factories.open_round(
            user=olga, ecosystems=[ecosystem_b], questionnaires=[old], year=2025
        ).submissions.get(),
        bob,
    )
    assert comparison.previous_submission(compared) == last_year
    assert comparison.previous_submission(last_year) is None


def test_comparison_marks_changed_answers_by_key_across_versions(compared, last_year):
    rows = {row.question.key: row for row in comparison.compare(compared, last_year)}
    assert {key for key, row in rows.items() if row.changed} == set(CHANGED)
    staff = rows["b1-staff-fte"]
    assert staff.question.text == "Hur många heltidstjänster har ni?"
    assert (staff.previous_display, staff.display) == ("2,5", "3")
    assert rows["q-quality"].value_changed and not rows["q-quality"].evidence_changed
    assert not rows["org-eccp"].changed and rows["org-eccp"].previous_display == "Ja"
    assert not rows["participants"].changed  # a heading is never an answer


def test_comparison_notices_changed_evidence_and_new_questions(last_year, alice, olga):
    new = factories.build_questionnaire(version=2)
    new_question = new.sections.get(order=3).questions.create(
        order=3, number="11", key="q-new", kind="text", text_sv="En ny fråga", required=False
    )
    round_ = factories.open_round(
        user=olga, ecosystems=[last_year.ecosystem], questionnaires=[new], year=2026
    )
    current = factories.submitted(
        round_.submissions.get(), alice, evidence={"q-quality": "Nu med extern revision."}
    )
    rows = {row.question.key: row for row in comparison.compare(current, last_year)}
    assert rows["q-quality"].evidence_changed and not rows["q-quality"].value_changed
    assert rows["q-quality"].changed
    assert rows[new_question.key].is_new and not rows[new_question.key].changed


def test_without_a_previous_round_nothing_is_marked_changed(handed_in):
    rows = comparison.compare(handed_in, comparison.previous_submission(handed_in))
    assert not any(row.changed or row.is_new for row in rows)


# --- The officer's page ---------------------------------------------------------------------------


def test_officer_page_shows_last_rounds_answers_beside_and_marks_the_changed(
    client_for, olga, compared
):
    response = officer_page(client_for(olga), compared)
    assert response.status_code == 200
    page = response.text
    assert "Självskattning 2025" in page  # the column with last year's answers
    assert page.count("answer-changed") == len(CHANGED)
    assert page.count(">Ändrat</span>") == len(CHANGED)
    assert "2 svar har ändrats" in page
    changed_row = " ".join(page.split('class="answer-changed')[1].split("</tr>")[0].split())
    assert "Hur många heltidstjänster har ni?" in changed_row
    assert '"Svar"> 3 ' in changed_row and '"Förra omgången"> 2,5 </td>' in changed_row


def test_officer_page_flags_a_leader_time_share_under_half(client_for, olga, handed_in):
    figures = officer_page(client_for(olga), handed_in).context["figures"]
    assert figures.time_share == 40 and figures.time_share_too_low
    page = officer_page(client_for(olga), handed_in).text
    assert "Uppfyller inte kravet på minst 50 %" in page
    assert "Deltagare per heltidsanställd" in page and "24,0" in page


def test_officer_page_does_not_flag_a_time_share_of_half(client_for, olga, mine, alice):
    factories.submitted(mine, alice, {**factories.TYPED, "b1-leader-time-share": "50"})
    assert "Uppfyller inte kravet" not in officer_page(client_for(olga), mine).text


def test_officer_page_links_attachments_for_download(client_for, olga, handed_in, alice):
    answer = handed_in.answers.get(question__key="q-quality")
    attachment = Attachment.objects.create(
        answer=answer,
        file=SimpleUploadedFile("iso-intyg.pdf", b"%PDF-1.4"),
        name="iso-intyg.pdf",
        size=8,
        uploaded_by=alice,
    )
    page = officer_page(client_for(olga), handed_in).text
    assert reverse("attachment_download", args=[handed_in.pk, attachment.pk]) in page
    assert "iso-intyg.pdf" in page


def test_officer_page_lists_events_with_the_return_comment(client_for, olga, handed_in):
    services.return_for_completion(
        submission=handed_in, comment="Beskriv underlaget för kvalitet.", user=olga
    )
    page = officer_page(client_for(olga), handed_in).text
    assert "Skickades in" in page and "Återsändes för komplettering" in page
    assert "Beskriv underlaget för kvalitet." in page


def test_officer_page_reminds_that_a_dialogue_follows_until_one_is_recorded(
    client_for, olga, handed_in
):
    client = client_for(olga)
    assert "Ingen uppföljningsdialog är registrerad ännu" in officer_page(client, handed_in).text
    services.add_dialogue_note(
        submission=handed_in,
        held_on=date(2026, 3, 2),
        participants="Olga, Alice",
        notes="Gick igenom kvalitetsarbetet.",
        user=olga,
    )
    page = officer_page(client, handed_in).text
    assert "Ingen uppföljningsdialog är registrerad ännu" not in page
    assert "Gick igenom kvalitetsarbetet." in page and "2 mars 2026" in page


def test_officer_page_shows_actions_only_while_submitted(client_for, olga, mine, alice):
    client = client_for(olga)
    assert reverse("submission_reviewed", args=[mine.pk]) not in officer_page(client, mine).text
    factories.submitted(mine, alice)
    page = officer_page(client, mine).text
    assert reverse("submission_reviewed", args=[mine.pk]) in page
    assert reverse("submission_return", args=[mine.pk]) in page


def test_board_member_reads_the_officer_page_without_forms(client_for, nils, handed_in):
    handed_in.strengths = "Stark förankring i regionen."
    handed_in.save()
    page = officer_page(client_for(nils), handed_in).text
    assert "Stark förankring i regionen." in page
    assert '<form method="post" action="/assessments/s/' not in page
    assert "Ingen uppföljningsdialog är registrerad ännu" in page


def test_officer_page_query_count_does_not_grow_with_answers_and_attachments(
    client_for, olga, compared, alice
):
    client = client_for(olga)
    with CaptureQueriesContext(connection) as few:
        officer_page(client, compared)
    for answer in compared.answers.all()[:4]:
        for number in range(2):
            Attachment.objects.create(
                answer=answer,
                file=SimpleUploadedFile(f"f{number}.pdf", b"%PDF-1.4"),
                name=f"f{number}.pdf",
                size=8,
                uploaded_by=alice,
            )
    SubmissionEvent.objects.create(submission=compared, kind=EventKind.REVIEWED, actor=olga)
    services.add_dialogue_note(
        submission=compared, held_on=date(2026, 3, 2), participants="A", notes="B", user=olga
    )
    with CaptureQueriesContext(connection) as many:
        officer_page(client, compared)
    assert len(many) == len(few)


# --- The officer's decisions ----------------------------------------------------------------------


def test_return_needs_a_comment_and_changes_nothing_without_one(client_for, olga, handed_in):
    response = post(client_for(olga), "submission_return", handed_in, {"comment": "  "})
    assert response.status_code == 200
    assert response.context["return_form"].errors["comment"] == [
        "Skriv vad som behöver kompletteras, så att ekosystemledaren vet vad som ska ändras."
    ]
    handed_in.refresh_from_db()
    assert handed_in.status == Status.SUBMITTED
    assert not handed_in.events.filter(kind=EventKind.RETURNED).exists()


def test_return_with_a_comment_reopens_the_answers_for_the_leader(
    client_for, olga, alice, handed_in
):
    response = post(
        client_for(olga), "submission_return", handed_in, {"comment": "Komplettera fråga 9."}
    )
    assert response.status_code == 302
    handed_in.refresh_from_db()
    assert handed_in.status == Status.RETURNED
    event = handed_in.events.get(kind=EventKind.RETURNED)
    assert (event.comment, event.actor) == ("Komplettera fråga 9.", olga)
    assert permissions.can_answer(alice, handed_in)


def test_a_draft_cannot_be_returned_or_marked_reviewed(client_for, olga, mine):
    client = client_for(olga)
    post(client, "submission_return", mine, {"comment": "Komplettera."})
    response = post(client, "submission_reviewed", mine)
    assert response.status_code == 302
    mine.refresh_from_db()
    assert mine.status == Status.DRAFT and not mine.events.exists()
    messages = [str(m) for m in response.wsgi_request._messages]
    assert messages and messages[-1].startswith("Det går bara när svaren är inskickade.")


def test_marking_reviewed_works_only_from_submitted(client_for, olga, handed_in):
    client = client_for(olga)
    assert post(client, "submission_reviewed", handed_in).status_code == 302
    handed_in.refresh_from_db()
    assert handed_in.status == Status.REVIEWED and handed_in.reviewed_at is not None
    post(client, "submission_reviewed", handed_in)
    post(client, "submission_return", handed_in, {"comment": "För sent."})
    handed_in.refresh_from_db()
    assert handed_in.status == Status.REVIEWED
    assert list(handed_in.events.values_list("kind", flat=True)) == [
        EventKind.REVIEWED,
        EventKind.SUBMITTED,
    ]


def test_officer_saves_swot_notes(client_for, olga, handed_in):
    response = post(
        client_for(olga),
        "submission_notes",
        handed_in,
        {"strengths": "Starkt nätverk.", "weaknesses": "Få deltagare från akademin."},
    )
    assert response.status_code == 302 and response.url.endswith("#swot")
    handed_in.refresh_from_db()
    assert (handed_in.strengths, handed_in.weaknesses) == (
        "Starkt nätverk.",
        "Få deltagare från akademin.",
    )


def test_officer_records_a_dialogue_note(client_for, olga, handed_in):
    response = post(
        client_for(olga),
        "submission_dialogue",
        handed_in,
        {"held_on": "2026-03-02", "participants": "Olga, Alice", "notes": "Bra samtal."},
    )
    assert response.status_code == 302
    note = handed_in.dialogue_notes.get()
    assert (note.held_on, note.participants, note.recorded_by) == (
        date(2026, 3, 2),
        "Olga, Alice",
        olga,
    )


def test_swot_notes_typed_as_the_session_ran_out_are_kept_for_after_login(client, olga, handed_in):
    url = reverse("submission_notes", args=[handed_in.pk])
    # keep.js names the user who typed; the kept text comes back only for her.
    response = client.post(
        url,
        {"strengths": "Starkt nätverk.", "weaknesses": "", OWNER_FIELD: owner_key(olga)},
    )
    assert response.status_code == 302 and response.url.startswith(reverse("login"))
    client.force_login(olga)
    page = client.get(url)
    assert page.status_code == 200
    assert page.context["notes_form"].data["strengths"] == "Starkt nätverk."
    handed_in.refresh_from_db()
    assert handed_in.strengths == ""


def test_a_dialogue_note_needs_date_participants_and_notes(client_for, olga, handed_in):
    response = post(client_for(olga), "submission_dialogue", handed_in, {})
    assert response.status_code == 200
    assert set(response.context["dialogue_form"].errors) == {"held_on", "participants", "notes"}
    assert "Ange vilken dag dialogen hölls." in response.text
    assert not DialogueNote.objects.exists()


WRITES = [
    ("submission_notes", {"strengths": "X", "weaknesses": "Y"}),
    ("submission_dialogue", {"held_on": "2026-03-02", "participants": "X", "notes": "Y"}),
    ("submission_return", {"comment": "Komplettera."}),
    ("submission_reviewed", {}),
]


def _snapshot(submission):
    fresh = Submission.objects.get(pk=submission.pk)
    return (
        fresh.status,
        fresh.strengths,
        fresh.weaknesses,
        fresh.events.count(),
        fresh.dialogue_notes.count(),
    )


@pytest.mark.parametrize(("name", "data"), WRITES, ids=[name for name, _ in WRITES])
@pytest.mark.parametrize(("persona", "status"), [("nils", 403), ("alice", 403), ("bob", 404)])
def test_only_officers_change_a_submission_under_review(
    name, data, persona, status, request, client_for, handed_in
):
    before = _snapshot(handed_in)
    response = post(client_for(request.getfixturevalue(persona)), name, handed_in, data)
    assert response.status_code == status
    assert _snapshot(handed_in) == before


@pytest.mark.parametrize(("persona", "status"), [("alice", 403), ("bob", 404), ("rita", 404)])
def test_leaders_and_reviewers_do_not_reach_the_officer_page(
    persona, status, request, client_for, handed_in
):
    client = client_for(request.getfixturevalue(persona))
    assert officer_page(client, handed_in).status_code == status
    assert client.get(reverse("submission_history", args=[handed_in.pk])).status_code == status


# --- Change history -------------------------------------------------------------------------------


def test_history_shows_who_changed_which_answer_from_what_to_what(client_for, nils, alice, mine):
    factories.answer(mine, alice)  # b1-staff-fte: 2,5
    factories.answer(mine, alice, {"b1-staff-fte": "3"})
    services.submit(submission=mine, user=alice)  # officers read answers once submitted
    response = client_for(nils).get(reverse("submission_history", args=[mine.pk]))
    assert response.status_code == 200
    changes = response.context["changes"]
    staff = [(c.old, c.new, c.who) for c in changes if c.question.key == "b1-staff-fte"]
    assert staff == [("2,5", "3", alice), ("", "2,5", alice)]
    assert changes[0].question.key == "b1-staff-fte"
    page = response.text
    assert "3. Antal anställda räknat i heltid?" in page
    assert "<del>2,5</del>" in page and "<ins>3</ins>" in page
    assert "Alice Ledare" in page


def test_history_shows_changed_evidence(client_for, olga, alice, mine):
    factories.answer(mine, alice, evidence={"q-quality": "Intern revision."})
    factories.answer(mine, alice, {"q-quality": "4"}, {"q-quality": "Extern revision."})
    services.submit(submission=mine, user=alice)  # officers read answers once submitted
    changes = client_for(olga).get(reverse("submission_history", args=[mine.pk])).context["changes"]
    latest = changes[0]
    assert not latest.value_changed and latest.evidence_changed
    assert (latest.old_evidence, latest.new_evidence) == ("Intern revision.", "Extern revision.")
    assert Answer.objects.get(submission=mine, question__key="q-quality").revision == 2


def test_a_double_clicked_round_form_opens_one_round(client_for, olga, survey, ecosystem_a):
    client = client_for(olga)
    url = reverse("round_create")
    data = {
        "year": 2027,
        "name": "Självskattning 2027",
        "questionnaires": [survey.pk],
        "ecosystems": [ecosystem_a.pk],
        "deadline": (timezone.localdate() + timedelta(days=30)).isoformat(),
        "one_time_token": one_time_token(client, url),
    }
    first, second = post_twice(client, url, data)
    round_ = Round.objects.get(year=2027)
    assert first.status_code == second.status_code == 302
    assert first.url == second.url == round_.get_absolute_url()
    assert round_.submissions.count() == 1


def test_a_double_clicked_dialogue_note_is_recorded_once(client_for, olga, handed_in):
    client = client_for(olga)
    data = {
        "held_on": "2026-03-02",
        "participants": "Olga, Alice",
        "notes": "Bra samtal.",
        "one_time_token": one_time_token(
            client, reverse("submission_officer", args=[handed_in.pk])
        ),
    }
    first, second = post_twice(client, reverse("submission_dialogue", args=[handed_in.pk]), data)
    assert first.status_code == second.status_code == 302
    assert first.url == second.url
    assert handed_in.dialogue_notes.count() == 1
