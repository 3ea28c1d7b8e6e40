"""Nothing a signed-in user receives may be stored by the browser or a shared cache; static
files stay cacheable. Every authenticated URL is also checked in tests/test_permission_matrix.py."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import HttpResponse
from django.urls import reverse

from agreements.calendar import create_calendar_token
from assessments.models import Attachment
from ekosystem.middleware import NoStoreWhenSignedInMiddleware


def _no_store(response):
    directives = {d.strip() for d in response.headers.get("Cache-Control", "").split(",")}
    return {"no-store", "private"} <= directives


def test_a_signed_in_page_is_neither_stored_nor_shared(client_for, olga):
    response = client_for(olga).get(reverse("ecosystem_list"))
    assert response.status_code == 200
    assert _no_store(response)


def test_caching_a_view_allows_is_overruled_for_a_signed_in_user(rf, olga):
    def cacheable_view(request):
        response = HttpResponse("Offentlig hjälptext")
        response["Cache-Control"] = "public, max-age=3600"
        return response

    request = rf.get("/agreements/rules/")
    request.user = olga
    response = NoStoreWhenSignedInMiddleware(cacheable_view)(request)
    assert response["Cache-Control"] == "no-store, private"


def test_the_submission_pdf_is_not_stored(client_for, alice, submission_a):
    response = client_for(alice).get(reverse("submission_pdf", args=[submission_a.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert _no_store(response)


def test_the_agreement_document_is_not_stored(client_for, alice, agreement_a):
    response = client_for(alice).get(reverse("agreement_document", args=[agreement_a.pk]))
    assert response.status_code == 200
    assert _no_store(response)


def test_an_attachment_download_is_not_stored(client_for, alice, submission_a):
    attachment = Attachment.objects.create(
        answer=submission_a.answers.first(),
        file=SimpleUploadedFile("intyg.pdf", b"%PDF-1.4 intyg"),
        name="intyg.pdf",
        size=14,
        uploaded_by=alice,
    )
    response = client_for(alice).get(
        reverse("attachment_download", args=[submission_a.pk, attachment.pk])
    )
    assert response.status_code == 200
    assert _no_store(response)


def test_the_round_excel_export_is_not_stored(client_for, olga, round_):
    response = client_for(olga).get(reverse("round_excel", args=[round_.pk]))
    assert response.status_code == 200
    assert "spreadsheetml" in response["Content-Type"]
    assert _no_store(response)


def test_the_calendar_feed_is_not_stored_though_nobody_signs_in(client, alice, agreement_a):
    token = create_calendar_token(user=alice)
    response = client.get(reverse("calendar_feed", args=[token.secret]))
    assert response.status_code == 200
    assert _no_store(response)


def test_an_anonymous_page_is_left_as_its_view_sets_it(client, db):
    response = client.get(reverse("accessibility_statement"))
    assert "no-store" not in response.headers.get("Cache-Control", "")


@pytest.mark.parametrize("path", ["/static/js/keep.js", "/static/css/ekosystem.css"])
def test_static_files_stay_cacheable_for_a_signed_in_user(client_for, olga, path):
    response = client_for(olga).get(path)
    assert response.status_code == 200
    assert "no-store" not in response.headers.get("Cache-Control", "")
