"""What users may upload, how it is stored and how it is served.

Accepted: PDF, Word (.docx) and Excel (.xlsx) documents whose name and content agree, without
macros and not expanding past a cap. Stored under a generated name; served as a download of the
type detected from the stored bytes, never the type the uploader named. Serving detects again
rather than trusting a stored kind, so files stored before these checks are served safely too."""

import enum
import re
import secrets
import unicodedata
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.http import FileResponse
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy

MAX_UPLOAD_BYTES = 20 * 1024 * 1024
# Office files are zip archives: what they unpack to is capped too (a zip bomb is a small file).
MAX_EXPANDED_BYTES = 100 * 1024 * 1024
MAX_ARCHIVE_MEMBERS = 2000
MAX_CONTENT_TYPES_BYTES = 1024 * 1024
OLE2_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .doc, .xls and other pre-2007 Office files

# Extensions of Office files that may carry macros, refused by name before the content is read.
MACRO_EXTENSIONS = frozenset(
    {".docm", ".dotm", ".xlsm", ".xltm", ".xlsb", ".xlam", ".pptm", ".potm", ".ppsm", ".ppam"}
)
OLD_OFFICE_EXTENSIONS = frozenset({".doc", ".xls"})


@dataclass(frozen=True)
class DocumentType:
    extension: str
    content_type: str
    label: str  # "is a ...", for the mismatch message


PDF = DocumentType(".pdf", "application/pdf", gettext_lazy("en PDF-fil"))
WORD = DocumentType(
    ".docx",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    gettext_lazy("en Wordfil"),
)
EXCEL = DocumentType(
    ".xlsx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    gettext_lazy("en Excelfil"),
)
BY_EXTENSION = {t.extension: t for t in (PDF, WORD, EXCEL)}
ACCEPT = ",".join(BY_EXTENSION)  # for <input type=file accept=...>


class Content(enum.Enum):
    """What a file's bytes are."""

    PDF = "pdf"
    WORD = "word"
    EXCEL = "excel"
    MACROS = "macros"  # an Office file carrying macros or ActiveX
    OLD_OFFICE = "old-office"  # .doc/.xls: may carry macros, cannot be told apart cheaply
    TOO_LARGE = "too-large"  # an archive unpacking past MAX_EXPANDED_BYTES
    DAMAGED = "damaged"  # an archive that cannot be unpacked whole
    UNKNOWN = "unknown"


DOCUMENT_TYPES = {Content.PDF: PDF, Content.WORD: WORD, Content.EXCEL: EXCEL}

# Member names and content types that mean macros or active content in an OOXML package.
MACRO_MEMBER = re.compile(r"(^|/)(vbaproject\.bin|vbadata\.xml)$|^xl/macrosheets/|(^|/)activex/")
MACRO_CONTENT_TYPES = (b"macroenabled", b"vbaproject", b"activex")
WORD_MAIN = b"wordprocessingml.document.main+xml"
EXCEL_MAIN = b"spreadsheetml.sheet.main+xml"

TOO_LARGE_MESSAGE = gettext_lazy("Filen är %(size)s; den får vara högst %(max)s.")
UNKNOWN_MESSAGE = gettext_lazy(
    "Filen är inte en PDF-, Word- eller Excelfil. Spara den i något av de formaten och försök igen."
)
MACROS_MESSAGE = gettext_lazy(
    "Filer med makron tas inte emot. Spara filen utan makron, som .docx eller .xlsx, och "
    "försök igen."
)
OLD_OFFICE_MESSAGE = gettext_lazy(
    "Filer i det äldre Office-formatet (.doc, .xls) tas inte emot. Spara filen som .docx eller "
    ".xlsx och försök igen."
)
EXTENSION_MESSAGE = gettext_lazy(
    "Filer av typen %(extension)s tas inte emot. Bifoga en PDF-fil, en Wordfil (.docx) eller en "
    "Excelfil (.xlsx)."
)
NO_EXTENSION_MESSAGE = gettext_lazy(
    "Filnamnet saknar filändelse. Bifoga en PDF-fil, en Wordfil (.docx) eller en Excelfil (.xlsx)."
)
MISMATCH_MESSAGE = gettext_lazy(
    "Filen heter %(extension)s men är %(actual)s. Byt filändelse till %(right)s eller välj "
    "rätt fil."
)
DAMAGED_MESSAGE = gettext_lazy(
    "Filen är skadad och går inte att öppna. Spara den på nytt och försök igen."
)
EXPANDS_MESSAGE = gettext_lazy(
    "Filen packas upp till mer än %(max)s, mer än ett dokument brukar vara. Spara den på nytt "
    "utan stora inbäddade filer eller dela upp den."
)


def detect(fileobj, *, unpack=False) -> Content:
    """What the file's bytes are. With `unpack`, an Office file's expanded size is checked
    against MAX_EXPANDED_BYTES and every member is unpacked (and dropped) to check it is whole."""
    fileobj.seek(0)
    head = fileobj.read(8)
    fileobj.seek(0)
    if head.startswith(b"%PDF-"):
        return Content.PDF
    if head == OLE2_SIGNATURE:
        return Content.OLD_OFFICE
    if not head.startswith(b"PK\x03\x04"):
        return Content.UNKNOWN
    try:
        with zipfile.ZipFile(fileobj) as archive:
            return _ooxml_content(archive, unpack=unpack)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, KeyError):
        return Content.DAMAGED
    except (NotImplementedError, RuntimeError):  # an unknown compression method, encryption
        return Content.UNKNOWN
    finally:
        fileobj.seek(0)


def _ooxml_content(archive, *, unpack) -> Content:
    members = archive.infolist()
    if len(members) > MAX_ARCHIVE_MEMBERS:
        return Content.TOO_LARGE
    names = {member.filename for member in members}
    if "[Content_Types].xml" not in names:
        return Content.UNKNOWN
    with archive.open("[Content_Types].xml") as member:
        content_types = member.read(MAX_CONTENT_TYPES_BYTES + 1).lower()
    if len(content_types) > MAX_CONTENT_TYPES_BYTES:
        return Content.UNKNOWN
    if any(MACRO_MEMBER.search(name.lower()) for name in names) or any(
        marker in content_types for marker in MACRO_CONTENT_TYPES
    ):
        return Content.MACROS
    word = WORD_MAIN in content_types and "word/document.xml" in names
    excel = EXCEL_MAIN in content_types and "xl/workbook.xml" in names
    if word == excel:  # neither, or a package claiming to be both
        return Content.UNKNOWN
    if unpack:
        if sum(member.file_size for member in members) > MAX_EXPANDED_BYTES:
            return Content.TOO_LARGE
        # Unpacks every member (at most its declared size, so at most the cap) and checks its
        # CRC: a damaged file, or one whose members hold more than they declare, is refused.
        if archive.testzip() is not None:
            return Content.DAMAGED
    return Content.WORD if word else Content.EXCEL


def validate_document(upload) -> DocumentType:
    """The upload's document type, or a ValidationError with a message for the leader."""
    if upload.size > MAX_UPLOAD_BYTES:
        raise ValidationError(
            TOO_LARGE_MESSAGE
            % {"size": filesizeformat(upload.size), "max": filesizeformat(MAX_UPLOAD_BYTES)}
        )
    extension = PurePath(upload.name or "").suffix.lower()
    if extension in MACRO_EXTENSIONS:
        raise ValidationError(MACROS_MESSAGE)
    if extension in OLD_OFFICE_EXTENSIONS:
        raise ValidationError(OLD_OFFICE_MESSAGE)
    if not extension:
        raise ValidationError(NO_EXTENSION_MESSAGE)
    named = BY_EXTENSION.get(extension)
    if named is None:
        raise ValidationError(EXTENSION_MESSAGE % {"extension": extension})
    content = detect(upload, unpack=True)
    if content is Content.MACROS:
        raise ValidationError(MACROS_MESSAGE)
    if content is Content.OLD_OFFICE:
        raise ValidationError(OLD_OFFICE_MESSAGE)
    if content is Content.DAMAGED:
        raise ValidationError(DAMAGED_MESSAGE)
    if content is Content.TOO_LARGE:
        raise ValidationError(EXPANDS_MESSAGE % {"max": filesizeformat(MAX_EXPANDED_BYTES)})
    actual = DOCUMENT_TYPES.get(content)
    if actual is None:
        raise ValidationError(UNKNOWN_MESSAGE)
    if actual != named:
        raise ValidationError(
            MISMATCH_MESSAGE
            % {"extension": extension, "actual": actual.label, "right": actual.extension}
        )
    return actual


def storage_name(document_type: DocumentType) -> str:
    """A generated name to store a validated upload under: nothing of the uploader's name
    reaches the file system."""
    return f"{secrets.token_hex(16)}{document_type.extension}"


def display_name(name: str, extension: str, *, fallback="fil") -> str:
    """The uploader's file name made safe to show and to offer as a download name: letters,
    digits, spaces and - _ . ( ) only, at most 100 characters, ending in `extension` (the
    detected type's, never the one the uploader chose)."""
    base = PurePath(name.replace("\\", "/")).name
    stem = base[: -len(PurePath(base).suffix)] if PurePath(base).suffix else base
    stem = unicodedata.normalize("NFC", stem)
    stem = re.sub(r"[^\w .()-]+", "_", stem)
    stem = re.sub(r"\s+", " ", stem).strip(" ._-")[:100] or fallback
    return f"{stem}{extension}"


def download_response(file, *, name: str) -> FileResponse:
    """A stored upload as a download: the type detected from its bytes, a safe name, never shown
    in the browser nor kept in a cache. `file` is a FieldFile; FileNotFoundError propagates."""
    stream = file.open("rb")
    content = detect(stream)
    if content in DOCUMENT_TYPES:
        extension = DOCUMENT_TYPES[content].extension
        content_type = DOCUMENT_TYPES[content].content_type
    else:
        # Stored before these checks and refused by them now: bytes only, never a known type.
        extension = PurePath(name).suffix.lower()
        if not (content is Content.OLD_OFFICE and extension in OLD_OFFICE_EXTENSIONS):
            extension = ".bin"
        content_type = "application/octet-stream"
    response = FileResponse(
        stream,
        as_attachment=True,
        filename=display_name(name, extension),
        content_type=content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    # Cache-Control: downloads are for the signed-in only (NoStoreWhenSignedInMiddleware).
    # Should a browser render it anyway, it runs nothing and loads nothing.
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
