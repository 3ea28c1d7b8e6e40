"""A leader answers a questionnaire: typed answers, autosave, conflicts, locking and submitting."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from assessments import services
from assessments.models import Answer, EventKind, Status
from ekosystem.resume import OWNER_FIELD, owner_key
from tests.assessments.fixtures import answer_all_required, question


def _autosave(client, submission, q, value="", revision=0, **extra):
    data = {f"q-{q.pk}": value, f"r-{q.pk}": revision, **extra}
    return client.post(reverse("answer_autosave", args=[submission.pk, q.pk]), data)


def test_start_page_lists_what_is_due_with_status_and_deadline(client_for, alice, submission_a):
    page = client_for(alice).get(reverse("my_assessments")).text
    assert "Klusterbedömning (test)" in page
    assert "Utkast" in page and "15 december 2026" in page


def test_autosave_stores_a_typed_number_and_answers_with_the_new_revision(
    client_for, alice, submission_a
):
    q = question(submission_a, "b1-staff-fte")
    response = _autosave(client_for(alice), submission_a, q, "2,5")
    assert response.status_code == 200
    assert response.json()["revision"] == 1
    assert response.json()["saved"].startswith("Sparat ")
    answer = Answer.objects.get(submission=submission_a, question=q)
    assert (answer.value, answer.updated_by) == ("2.5", alice)


@pytest.mark.parametrize(
    ("key", "typed", "message"),
    [
        ("b1-age", "tolv", "Skriv ett tal, till exempel 12 eller 12,5."),
        ("b1-age", "12,5", "Skriv ett heltal, utan decimaler."),
        ("b1-leader-time-share", "120", "Talet kan inte vara större än 100."),
        ("b1-age", "-1", "Talet kan inte vara mindre än 0."),
        ("b3-quality", "9", "Välj ett värde från 1 till 5."),
        ("b3-phase", "okänd", "Välj ett av alternativen."),
    ],
)
def test_bad_input_gets_a_swedish_message_and_changes_nothing(
    key, typed, message, client_for, alice, submission_a
):
    q = question(submission_a, key)
    before = Answer.objects.get(submission=submission_a, question=q).value  # maybe prefilled
    response = _autosave(client_for(alice), submission_a, q, typed)
    assert response.status_code == 400
    assert response.json()["error"] == message
    assert Answer.objects.get(submission=submission_a, question=q).value == before


def test_numbers_are_read_as_swedes_write_them():
    from assessments.answers import parse
    from assessments.models import Kind, Question

    amount = Question(kind=Kind.AMOUNT)
    assert parse(amount, "1 500 000 kr") == "1500000"
    assert parse(Question(kind=Kind.PERCENT), "55 %") == "55"
    assert parse(Question(kind=Kind.DECIMAL), "0,75") == "0.75"
    with pytest.raises(ValidationError):
        parse(amount, "1,5 miljoner")


def test_a_second_tab_cannot_silently_overwrite_a_newer_answer(client_for, alice, submission_a):
    q = question(submission_a, "b1-issues")
    client = client_for(alice)
    # Both tabs loaded the empty answer (revision 0); the first saves.
    assert _autosave(client, submission_a, q, "Text från flik ett").status_code == 200
    conflict = _autosave(client, submission_a, q, "Text från flik två")
    assert conflict.status_code == 409
    assert conflict.json()["conflict"]["value"] == "Text från flik ett"
    assert conflict.json()["conflict"]["revision"] == 1
    assert Answer.objects.get(submission=submission_a, question=q).value == "Text från flik ett"
    # The second tab chooses to keep its own text: it saves on top of the revision it has seen.
    assert _autosave(client, submission_a, q, "Text från flik två", revision=1).status_code == 200
    assert Answer.objects.get(submission=submission_a, question=q).value == "Text från flik två"


def test_saving_the_same_text_again_is_no_conflict(client_for, alice, submission_a):
    q = question(submission_a, "b1-issues")
    client = client_for(alice)
    _autosave(client, submission_a, q, "Samma")
    assert _autosave(client, submission_a, q, "Samma").status_code == 200


def test_section_post_saves_every_answer_and_goes_on(client_for, alice, submission_a):
    age, share = question(submission_a, "b1-age"), question(submission_a, "b1-leader-time-share")
    response = client_for(alice).post(
        reverse("submission_section", args=[submission_a.pk, 1]),
        {
            f"q-{age.pk}": "12",
            f"r-{age.pk}": 0,
            f"q-{share.pk}": "40",
            f"r-{share.pk}": 0,
            "goto": "2",
        },
    )
    assert response.url == reverse("submission_section", args=[submission_a.pk, 2])
    stored = dict(
        submission_a.answers.filter(question__in=[age, share]).values_list("question__key", "value")
    )
    assert stored == {"b1-age": "12", "b1-leader-time-share": "40"}


def test_section_post_with_an_error_keeps_every_typed_value(client_for, alice, submission_a):
    age, total = question(submission_a, "b1-age"), question(submission_a, "b1-participants-total")
    response = client_for(alice).post(
        reverse("submission_section", args=[submission_a.pk, 1]),
        {
            f"q-{age.pk}": "tolv år",
            f"r-{age.pk}": 0,
            f"q-{total.pk}": "60",
            f"r-{total.pk}": 0,
            "goto": "2",
        },
    )
    assert response.status_code == 200
    assert 'value="tolv år"' in response.text
    assert "Skriv ett tal, till exempel 12 eller 12,5." in response.text
    assert "Några svar kunde inte sparas. Inget av det du skrivit har försvunnit." in response.text
    assert submission_a.answers.get(question=total).value == "60"


def test_derived_figures_are_computed_and_a_low_time_share_is_flagged(
    client_for, alice, submission_a
):
    answer_all_required(submission_a, alice)
    page = client_for(alice).get(reverse("submission_section", args=[submission_a.pk, 1]))
    figures = page.context["figures"]
    assert figures.participants_per_fte == Decimal("24.0")
    assert figures.shares == {"private": Decimal("75.0")}
    assert figures.time_share_too_low
    assert "under kravet på minst 50 %" in page.text


def test_review_lists_unanswered_required_questions(client_for, alice, submission_a):
    page = client_for(alice).get(reverse("submission_review", args=[submission_a.pk]))
    missing = [q.key for q in page.context["missing"]]
    # Age, time share, participants and staff were prefilled from the registry.
    assert missing == ["b1-eccp", "b1-issues", "b3-quality"]


def test_a_rating_without_evidence_is_still_missing(alice, submission_a):
    services.save_answer(
        submission=submission_a,
        question=question(submission_a, "b3-quality"),
        raw="4",
        evidence="",
        base_revision=0,
        user=alice,
    )
    assert "b3-quality" in [q.key for q in services.missing_answers(submission_a)]


def test_incomplete_submission_is_refused(client_for, alice, submission_a):
    response = client_for(alice).post(reverse("submission_review", args=[submission_a.pk]))
    assert "Några obligatoriska frågor saknar svar." in response.text
    submission_a.refresh_from_db()
    assert submission_a.status == Status.DRAFT


def test_submitting_locks_the_answers(client_for, alice, submission_a):
    answer_all_required(submission_a, alice)
    client = client_for(alice)
    client.post(reverse("submission_review", args=[submission_a.pk]))
    submission_a.refresh_from_db()
    assert submission_a.status == Status.SUBMITTED
    assert submission_a.events.get().kind == EventKind.SUBMITTED
    q = question(submission_a, "b1-issues")
    locked = _autosave(client, submission_a, q, "Ändrat efteråt", revision=1)
    assert locked.status_code == 403
    assert submission_a.answers.get(question=q).value == "Rymdteknik."
    section = client.get(reverse("submission_section", args=[submission_a.pk, 1]))
    assert section.url == reverse("submission_review", args=[submission_a.pk])


def test_returned_submission_reopens_and_shows_the_comment(client_for, alice, olga, submission_a):
    answer_all_required(submission_a, alice)
    services.submit(submission=submission_a, user=alice)
    services.return_for_completion(
        submission=submission_a, comment="Komplettera fråga 7.", user=olga
    )
    client = client_for(alice)
    page = client.get(reverse("submission_section", args=[submission_a.pk, 1]))
    assert "Komplettera fråga 7." in page.text
    q = question(submission_a, "b1-issues")
    assert _autosave(client, submission_a, q, "Kompletterat.", revision=1).status_code == 200


def test_expired_session_gets_401_json_not_a_login_page(client, submission_a):
    q = question(submission_a, "b1-issues")
    response = _autosave(client, submission_a, q, "Efter utloggning")
    assert response.status_code == 401
    assert "Du har loggats ut" in response.json()["error"]


def test_section_typed_before_the_session_ran_out_comes_back_after_login(
    client, alice, submission_a
):
    q = question(submission_a, "b1-issues")
    url = reverse("submission_section", args=[submission_a.pk, 2])
    client.post(
        url,
        {
            f"q-{q.pk}": "Skrivet före utloggningen",
            f"r-{q.pk}": 0,
            "goto": "3",
            OWNER_FIELD: owner_key(alice),
        },
    )
    client.post(reverse("login"), {"username": alice.email, "password": "rätt-lösenord-123"})
    page = client.get(url)
    assert "Skrivet före utloggningen" in page.text
    assert submission_a.answers.get(question=q).value is None


def test_another_leader_cannot_read_or_change_the_answers(client_for, bob, submission_a):
    client = client_for(bob)
    q = question(submission_a, "b1-issues")
    assert client.get(reverse("submission_section", args=[submission_a.pk, 1])).status_code == 404
    assert _autosave(client, submission_a, q, "Intrång").status_code == 404
    assert submission_a.answers.get(question=q).value is None


def test_municipality_mapping_is_stored_per_municipality(client_for, alice, submission_a):
    q = question(submission_a, "b3-where")
    client_for(alice).post(
        reverse("answer_autosave", args=[submission_a.pk, q.pk]),
        {f"q-{q.pk}-lulea-physical": "1", f"q-{q.pk}-kiruna-digital": "1", f"r-{q.pk}": 0},
    )
    value = submission_a.answers.get(question=q).value
    assert value["lulea"] == {"physical": True, "digital": False}
    assert value["kiruna"] == {"physical": False, "digital": True}
    assert value["pajala"] == {"physical": False, "digital": False}


def test_attachments_are_checked_by_content(client_for, alice, submission_a):
    from django.core.files.uploadedfile import SimpleUploadedFile

    q = question(submission_a, "b3-quality")
    url = reverse("submission_section", args=[submission_a.pk, q.section.order])
    client = client_for(alice)
    for upload in (
        SimpleUploadedFile("intyg.pdf", b"%PDF-1.4 intyg"),
        SimpleUploadedFile("virus.pdf", b"MZ not a pdf"),
    ):
        client.post(url, {f"r-{q.pk}": "0", f"file-{q.pk}": upload, "upload": str(q.pk)})
    answer = submission_a.answers.get(question=q)
    assert [a.name for a in answer.attachments.all()] == ["intyg.pdf"]
    attachment = answer.attachments.get()
    download = client.get(reverse("attachment_download", args=[submission_a.pk, attachment.pk]))
    assert b"".join(download.streaming_content) == b"%PDF-1.4 intyg"


def test_a_new_questionnaire_version_leaves_earlier_answers_as_they_were(alice, olga, ecosystem_a):
    import copy
    from datetime import date

    from assessments import models
    from assessments.content.bilaga1 import QUESTIONNAIRE as BILAGA1
    from assessments.content.loader import load_questionnaire

    first = models.Questionnaire.objects.get(code="bilaga1", version=1)
    old_round = services.open_round(
        year=2025,
        name="2025",
        deadline=date(2025, 12, 1),
        questionnaires=[first],
        ecosystems=[ecosystem_a],
        user=olga,
    )
    submission = old_round.submissions.get()
    age = question(submission, "b1-age")
    services.save_answer(submission=submission, question=age, raw="8", base_revision=0, user=alice)

    revised = copy.deepcopy(BILAGA1)
    revised["version"] = 2
    revised["sections"][0]["questions"][0]["text_sv"] = "Vilket år grundades organisationen?"
    load_questionnaire(models, revised)

    answer = submission.answers.get(question__key="b1-age")
    assert answer.question.text_sv == age.text_sv != "Vilket år grundades organisationen?"
    assert answer.value == "8"
    assert models.Questionnaire.objects.filter(code="bilaga1").count() == 2
