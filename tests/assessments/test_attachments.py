"""Files chosen under *Bifoga underlag* are attached whichever button sends the section, or the
leader stays on the page with a message by the question; a file missing from storage is a 404."""

import html
import re

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from assessments import services
from assessments.models import Attachment
from ekosystem import uploads
from tests import documents
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


# --- What is refused, what is stored and how it is served ----------------------------------------


def _attach(client, submission, question, upload):
    return _section_post(
        client,
        submission,
        question.section.order,
        {f"r-{question.pk}": "0", f"file-{question.pk}": upload, "upload": str(question.pk)},
    )


def _error_by(response, question):
    """The message under the question's file field."""
    match = re.search(rf'id="file-error-{question.pk}">([^<]*)</div>', response.text)
    return html.unescape(match.group(1)) if match else ""


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("rapport.hta", documents.PDF_BYTES, "Filer av typen .hta tas inte emot."),
        ("rapport.bat", documents.docx(), "Filer av typen .bat tas inte emot."),
        ("rapport.msi", documents.xlsx(), "Filer av typen .msi tas inte emot."),
        ("rapport.jar", documents.docx(), "Filer av typen .jar tas inte emot."),
        ("rapport.html", documents.PDF_BYTES, "Filer av typen .html tas inte emot."),
        ("rapport.svg", documents.PDF_BYTES, "Filer av typen .svg tas inte emot."),
        ("makro.docm", documents.docm(), "Filer med makron tas inte emot."),
        ("makro.docx", documents.docm(), "Filer med makron tas inte emot."),
        ("budget.docx", documents.xlsx(), "Filen heter .docx men är en Excelfil."),
        ("intyg.xlsx", documents.PDF_BYTES, "Filen heter .xlsx men är en PDF-fil."),
        ("bomb.docx", documents.zip_bomb(101 * 1024 * 1024), "Filen packas upp till mer än"),
    ],
)
def test_a_refused_file_is_not_stored_and_the_leader_is_told_why_by_the_question(
    client_for, alice, submission_a, quality, name, data, reason
):
    response = _attach(client_for(alice), submission_a, quality, documents.upload(name, data))
    assert response.status_code == 200
    message = _error_by(response, quality)
    assert message.startswith(f"Filen {name} är inte bifogad: {reason}")
    assert message.endswith("Välj filen igen.")
    field = re.search(rf'<input[^>]*id="file-{quality.pk}"[^>]*>', response.text).group(0)
    assert 'aria-invalid="true"' in field and f'aria-describedby="file-error-{quality.pk}"' in field
    assert f'href="#file-{quality.pk}"' in response.text  # from the error summary
    assert not submission_a.answers.get(question=quality).attachments.exists()
    folder = f"submissions/{submission_a.pk}"
    assert not default_storage.exists(folder) or default_storage.listdir(folder) == ([], [])


@pytest.mark.parametrize(
    ("name", "data", "content_type", "extension"),
    [
        ("Intyg ISO 9001.pdf", documents.PDF_BYTES, "application/pdf", "pdf"),
        ("Verksamhetsplan.docx", documents.docx(), uploads.WORD.content_type, "docx"),
        ("Deltagare 2026.xlsx", documents.xlsx(), uploads.EXCEL.content_type, "xlsx"),
    ],
)
def test_a_real_document_is_stored_under_a_generated_name_and_served_as_a_download_of_its_type(
    client_for, alice, submission_a, quality, name, data, content_type, extension
):
    _attach(client_for(alice), submission_a, quality, documents.upload(name, data, "text/html"))
    attachment = submission_a.answers.get(question=quality).attachments.get()
    assert attachment.name == name
    assert re.fullmatch(
        rf"submissions/{submission_a.pk}/{attachment.answer_id}/[0-9a-f]{{32}}\.{extension}",
        attachment.file.name,
    )
    response = client_for(alice).get(
        reverse("attachment_download", args=[submission_a.pk, attachment.pk])
    )
    assert b"".join(response.streaming_content) == data
    assert response["Content-Type"] == content_type
    assert response["Content-Disposition"] == f'attachment; filename="{name}"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cache-Control"] == "no-store, private"


def test_an_answer_takes_at_most_ten_files(client_for, alice, submission_a, quality):
    answer = submission_a.answers.get(question=quality)
    for number in range(Attachment.MAX_PER_ANSWER):
        services.add_attachment(answer=answer, upload=_pdf(f"intyg{number}.pdf"), user=alice)
    response = _attach(client_for(alice), submission_a, quality, _pdf("en till.pdf"))
    assert Attachment.MAX_PER_ANSWER == 10
    assert _error_by(response, quality) == (
        "Filen en till.pdf är inte bifogad: Högst 10 filer per svar. Ta bort en bifogad fil "
        "innan du bifogar en ny. Välj filen igen."
    )
    assert answer.attachments.count() == 10


def test_the_file_field_names_the_accepted_types_and_limits(client_for, alice, submission_a):
    page = client_for(alice).get(reverse("submission_section", args=[submission_a.pk, 3])).text
    assert 'accept=".pdf,.docx,.xlsx"' in page
    assert (
        "Bifoga underlag (PDF, Word .docx eller Excel .xlsx utan makron, högst 20,0\xa0MB, "
        "högst 10 filer per svar)"
    ) in html.unescape(page)


@pytest.mark.parametrize(
    ("stored_as", "data", "content_type", "download_name"),
    [
        ("evil.hta", documents.PDF_BYTES, "application/pdf", "evil.pdf"),
        ("makro.docm", documents.docm(), "application/octet-stream", "makro.bin"),
        ("verktyg.exe", b"MZ\x90\x00 a program", "application/octet-stream", "verktyg.bin"),
        ("gammal.doc", documents.OLE2_BYTES, "application/octet-stream", "gammal.doc"),
    ],
)
def test_a_file_stored_before_these_checks_is_served_by_its_content_not_its_name(
    client_for, alice, submission_a, quality, stored_as, data, content_type, download_name
):
    attachment = Attachment.objects.create(
        answer=submission_a.answers.get(question=quality),
        file=SimpleUploadedFile(stored_as, data),
        name=stored_as,
        size=len(data),
        uploaded_by=alice,
    )
    response = client_for(alice).get(
        reverse("attachment_download", args=[submission_a.pk, attachment.pk])
    )
    assert response["Content-Type"] == content_type
    assert response["Content-Disposition"] == f'attachment; filename="{download_name}"'
    assert b"".join(response.streaming_content) == data
