"""Files chosen under *Bifoga underlag* are attached whichever button sends the section, or the
leader stays on the page with a message by the question; a file missing from storage is a 404."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from assessments import services
from tests.assessments.fixtures import question


def _pdf(name="intyg.pdf"):
    return SimpleUploadedFile(name, b"%PDF-1.4 intyg", content_type="application/pdf")


def _section_post(client, submission, order, data):
    return client.post(reverse("submission_section", args=[submission.pk, order]), data)


@pytest.fixture
def quality(submission_a):
    return question(submission_a, "b3-quality")


def test_a_file_chosen_before_save_and_continue_is_attached(
    client_for, alice, submission_a, quality
):
    response = _section_post(
        client_for(alice),
        submission_a,
        3,
        {
            f"q-{quality.pk}": "4",
            f"e-{quality.pk}": "Vi har ISO 9001.",
            f"r-{quality.pk}": "0",
            f"file-{quality.pk}": _pdf(),
            "goto": "review",
        },
    )
    assert response.status_code == 302
    assert response.url == reverse("submission_review", args=[submission_a.pk])
    answer = submission_a.answers.get(question=quality)
    assert [a.name for a in answer.attachments.all()] == ["intyg.pdf"]
    assert answer.value == 4


def test_a_chosen_file_that_cannot_be_attached_keeps_the_leader_on_the_page_with_a_message(
    client_for, alice, submission_a, quality
):
    response = _section_post(
        client_for(alice),
        submission_a,
        3,
        {
            f"q-{quality.pk}": "4",
            f"e-{quality.pk}": "Vi har ISO 9001.",
            f"r-{quality.pk}": "0",
            f"file-{quality.pk}": SimpleUploadedFile("virus.pdf", b"MZ not a pdf"),
            "goto": "review",
        },
    )
    assert response.status_code == 200
    assert "Filen virus.pdf är inte bifogad" in response.text
    assert 'id="error-summary"' in response.text
    answer = submission_a.answers.get(question=quality)
    assert answer.attachments.count() == 0
    assert answer.value == 4  # the answers are saved all the same


def test_upload_button_attaches_and_returns_to_the_question(
    client_for, alice, submission_a, quality
):
    response = _section_post(
        client_for(alice),
        submission_a,
        3,
        {f"r-{quality.pk}": "0", f"file-{quality.pk}": _pdf(), "upload": str(quality.pk)},
    )
    section = reverse("submission_section", args=[submission_a.pk, 3])
    assert response.url == f"{section}#question-{quality.pk}"
    assert submission_a.answers.get(question=quality).attachments.count() == 1


def test_the_section_form_sends_the_chosen_files_with_the_answers(
    client_for, alice, submission_a, quality
):
    page = client_for(alice).get(reverse("submission_section", args=[submission_a.pk, 3])).text
    assert 'id="section-form" method="post" enctype="multipart/form-data"' in page
    assert f'name="file-{quality.pk}"' in page
    assert f'form="upload-{quality.pk}"' not in page


def test_an_attachment_whose_file_is_missing_from_storage_is_a_404_and_logged(
    client_for, alice, submission_a, quality, caplog
):
    answer = submission_a.answers.get(question=quality)
    attachment = services.add_attachment(answer=answer, upload=_pdf(), user=alice)
    attachment.file.storage.delete(attachment.file.name)
    response = client_for(alice).get(
        reverse("attachment_download", args=[submission_a.pk, attachment.pk])
    )
    assert response.status_code == 404
    assert "intyg.pdf" in response.text
    assert any(attachment.file.name in record.getMessage() for record in caplog.records)
