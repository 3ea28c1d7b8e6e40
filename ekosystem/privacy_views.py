"""Mina personuppgifter: what the product holds about the signed-in person, and their copy."""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_POST

from ekosystem import personal_data


def json_download(user, *, for_admin=False) -> HttpResponse:
    """The person's file (served only to the signed-in: NoStoreWhenSignedInMiddleware keeps it out
    of every cache)."""
    response = HttpResponse(
        personal_data.export_json(user), content_type="application/json; charset=utf-8"
    )
    filename = personal_data.export_filename(user, for_admin=for_admin)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
def personal_data_page(request):
    summary = personal_data.summary(request.user)
    return render(
        request,
        "account/personal_data.html",
        {
            "held": [row for row in summary if row["count"] != 0 or not row["in_file"]],
            "not_held": [row for row in summary if row["count"] == 0 and row["in_file"]],
            "retention_days": {
                "security": settings.SECURITY_EVENT_RETENTION_DAYS,
                "outbox": settings.OUTBOX_RETENTION_DAYS,
            },
            "contact_email": settings.DATA_PROTECTION_CONTACT_EMAIL,
        },
    )


# No id in the address: the file is always the signed-in person's own.
@require_POST
@login_required
def personal_data_download(request):
    response = json_download(request.user)
    personal_data.record_export(request.user, request=request)
    return response
