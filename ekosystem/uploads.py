"""What users may upload: PDF, Word and Excel documents, recognised by content, not by name."""

import zipfile

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

MAX_UPLOAD_BYTES = 20 * 1024 * 1024
OLE2_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .doc and .xls


def document_kind(upload) -> str | None:
    """'pdf', 'word', 'excel' or None, judged by the file's bytes."""
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head == OLE2_SIGNATURE:
        return "word" if upload.name.lower().endswith(".doc") else "excel"
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(upload) as archive:
                names = set(archive.namelist())
        except zipfile.BadZipFile:
            return None
        finally:
            upload.seek(0)
        if "word/document.xml" in names:
            return "word"
        if "xl/workbook.xml" in names:
            return "excel"
    return None


def validate_document(upload):
    if upload.size > MAX_UPLOAD_BYTES:
        raise ValidationError(
            _("Filen är %(size)s; den får vara högst %(max)s.")
            % {"size": filesizeformat(upload.size), "max": filesizeformat(MAX_UPLOAD_BYTES)}
        )
    if document_kind(upload) is None:
        raise ValidationError(
            _(
                "Filen är inte en PDF-, Word- eller Excelfil. Spara den i något av de formaten "
                "och försök igen."
            )
        )
