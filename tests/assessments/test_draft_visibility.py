"""Draft answers belong to the ecosystem until submitted (assessments/permissions.py): officers
see a draft's progress, not its content; board members read submitted and reviewed answers only.
Checked on every page and export that shows answers."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from assessments import permissions as answer_permissions
from assessments import services
from assessments.models import Answer, Status
from tests.assessments import factories

SECRET = "Hemlig strategi som ännu inte är inskickad."


@pytest.fixture
def survey(db):
    return factories.build_questionnaire()


@pytest.fixture
def draft(survey, ecosystem_a, ecosystem_b, olga, alice):
    round_ = factories.open_round(
        user=olga, ecosystems=[ecosystem_a, ecosystem_b], questionnaires=[survey]
    )
    submission = round_.submissions.get(ecosystem=ecosystem_a)
    factories.answer(submission, alice, {**factories.TYPED, "q-strategy": SECRET})
    answer = Answer.objects.get(submission=submission, question__key="q-strategy")
    services.add_attachment(
        answer=answer,
        upload=SimpleUploadedFile("plan.pdf", b"%PDF-1.4 hemlig", "application/pdf"),
        user=alice,
    )
    return submission


def in_status(submission, status, alice, olga):
    """Move the draft through the services to `status`."""
    if status == Status.DRAFT:
        return submission
    submission = services.submit(submission=submission, user=alice)
    if status == Status.RETURNED:
        services.return_for_completion(submission=submission, comment="Komplettera.", user=olga)
    if status == Status.REVIEWED:
        services.mark_reviewed(submission=submission, user=olga)
    submission.refresh_from_db()
    return submission


# (persona, status, may read the answers)
MATRIX = [
    ("alice", Status.DRAFT, True),
    ("alice", Status.SUBMITTED, True),
    ("olga", Status.DRAFT, False),
    ("olga", Status.SUBMITTED, True),
    ("olga", Status.RETURNED, True),
    ("olga", Status.REVIEWED, True),
    ("nils", Status.DRAFT, False),
    ("nils", Status.SUBMITTED, True),
    ("nils", Status.RETURNED, False),
    ("nils", Status.REVIEWED, True),
]


@pytest.mark.parametrize(("persona", "status", "readable"), MATRIX)
def test_the_rule_says_who_reads_answers_in_which_status(
    persona, status, readable, request, draft, alice, olga
):
    submission = in_status(draft, status, alice, olga)
    user = request.getfixturevalue(persona)
    assert answer_permissions.can_read_answers(user, submission) is readable


@pytest.mark.parametrize(
    ("persona", "status", "readable"), [row for row in MATRIX if row[0] != "alice"]
)
def test_officer_page_shows_answers_only_when_readable_and_progress_always(
    persona, status, readable, request, client_for, draft, alice, olga
):
    submission = in_status(draft, status, alice, olga)
    page = client_for(request.getfixturevalue(persona)).get(
        reverse("submission_officer", args=[submission.pk])
    )
    assert page.status_code == 200
    assert (SECRET in page.text) is readable
    assert ("plan.pdf" in page.text) is readable
    if not readable:
        assert "inte vad som står i svaren" in page.text
        # Progress: section 3 has two required answers, both given.
        assert [(row["answered"], row["required"]) for row in page.context["progress"]][2] == (
            2,
            2,
        )


@pytest.mark.parametrize(
    "url",
    ["submission_pdf", "submission_history", "attachment_download"],
)
@pytest.mark.parametrize(
    ("persona", "status", "readable"), [row for row in MATRIX if row[0] != "alice"]
)
def test_pdf_history_and_attachments_of_unreadable_answers_are_refused(
    url, persona, status, readable, request, client_for, draft, alice, olga
):
    submission = in_status(draft, status, alice, olga)
    args = [submission.pk]
    if url == "attachment_download":
        args.append(
            Answer.objects.get(submission=submission, question__key="q-strategy")
            .attachments.get()
            .pk
        )
    response = client_for(request.getfixturevalue(persona)).get(reverse(url, args=args))
    assert response.status_code == (200 if readable else 403)


def test_leader_still_gets_the_pdf_of_their_own_draft(client_for, alice, draft):
    response = client_for(alice).get(reverse("submission_pdf", args=[draft.pk]))
    assert response.status_code == 200


@pytest.mark.parametrize(("persona", "status", "readable"), [r for r in MATRIX if r[0] != "alice"])
def test_excel_lists_a_draft_by_status_without_its_answers(
    persona, status, readable, request, client_for, draft, alice, olga
):
    submission = in_status(draft, status, alice, olga)
    response = client_for(request.getfixturevalue(persona)).get(
        reverse("round_excel", args=[submission.round_id])
    )
    rows = list(load_workbook(io.BytesIO(response.content))["prov1"].iter_rows(values_only=True))
    header, a = rows[0], dict(zip(rows[0], rows[1], strict=True))
    assert a["Ekosystem"] == "Rymdekosystemet A"
    assert a["Status"] == submission.get_status_display()
    assert (a["10 Beskriv er strategi."] == SECRET) is readable
    if not readable:
        assert all(a[title] is None for title in header[3:])


def test_officer_reading_the_leaders_review_page_goes_to_their_own_page(client_for, olga, draft):
    response = client_for(olga).get(reverse("submission_review", args=[draft.pk]))
    assert response.status_code == 302
    assert response["Location"] == reverse("submission_officer", args=[draft.pk])
