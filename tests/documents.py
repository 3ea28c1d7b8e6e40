"""Real PDF, Word and Excel files built in code, and the bad ones uploads must refuse: macro
carriers, zip bombs, damaged archives. Each returns bytes; `upload` wraps them as a posted file."""

import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

PDF_BYTES = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)
OLE2_BYTES = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504

WORD_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
DOCM_MAIN = "application/vnd.ms-word.document.macroEnabled.main+xml"
RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)
DOCUMENT = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    "<w:body><w:p><w:r><w:t>Vi är certifierade enligt ISO 9001.</w:t></w:r></w:p></w:body>"
    "</w:document>"
)


def content_types(main=WORD_MAIN, extra=""):
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/word/document.xml" ContentType="{main}"/>{extra}</Types>'
    )


def docx(*, main=WORD_MAIN, extra_types="", members=None) -> bytes:
    """A minimal Word document: [Content_Types].xml, the package relationships and one
    paragraph; `members` adds {name: bytes}."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", content_types(main, extra_types))
        archive.writestr("_rels/.rels", RELS)
        archive.writestr("word/document.xml", DOCUMENT)
        for name, data in (members or {}).items():
            archive.writestr(name, data)
    return buffer.getvalue()


def docm() -> bytes:
    """A macro-enabled Word document as Word saves one: the macro content type and the VBA."""
    return docx(
        main=DOCM_MAIN,
        extra_types='<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>',
        members={"word/vbaProject.bin": b'\xcc\x61 Attribute VB_Name = "ThisDocument"'},
    )


def xlsx(*, members=None) -> bytes:
    """A real workbook written by openpyxl; `members` adds {name: bytes} to its package."""
    workbook = Workbook()
    workbook.active.append(["Deltagare", 60])
    buffer = io.BytesIO()
    workbook.save(buffer)
    if not members:
        return buffer.getvalue()
    with zipfile.ZipFile(buffer, "a", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def zip_bomb(expanded: int) -> bytes:
    """A Word document with a member of `expanded` zero bytes: about 1 kB per MB on disk."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", content_types())
        archive.writestr("_rels/.rels", RELS)
        archive.writestr("word/document.xml", DOCUMENT)
        chunk = bytes(1024 * 1024)
        with archive.open("word/media/fill.bin", "w", force_zip64=True) as member:
            left = expanded
            while left > 0:
                member.write(chunk[: min(left, len(chunk))])
                left -= len(chunk)
    return buffer.getvalue()


def damaged(data: bytes) -> bytes:
    """The archive with one byte of its document's compressed data changed: its CRC fails."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        info = archive.getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    broken = bytearray(data)
    broken[start + 5] ^= 0xFF
    return bytes(broken)


def upload(name, data, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, data, content_type=content_type)
