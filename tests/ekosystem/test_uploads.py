"""What uploads are accepted (ekosystem/uploads.py): a PDF, Word or Excel file whose name and
content agree, without macros, unpacking to no more than the cap; everything else is refused
with a message saying why."""

import re

import pytest
from django.core.exceptions import ValidationError

from ekosystem import uploads
from tests import documents

ACCEPTED = "Bifoga en PDF-fil, en Wordfil (.docx) eller en Excelfil (.xlsx)."
MACROS = (
    "Filer med makron tas inte emot. Spara filen utan makron, som .docx eller .xlsx, och "
    "försök igen."
)
CONTENTS = {"pdf": documents.PDF_BYTES, "docx": documents.docx(), "xlsx": documents.xlsx()}


def refusal(name, data):
    with pytest.raises(ValidationError) as refused:
        uploads.validate_document(documents.upload(name, data))
    return refused.value.messages[0]


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("intyg.pdf", "pdf", uploads.PDF),
        ("Rapport 2026.DOCX", "docx", uploads.WORD),
        ("deltagare.xlsx", "xlsx", uploads.EXCEL),
    ],
)
def test_a_pdf_word_or_excel_file_named_for_its_content_is_accepted(name, content, expected):
    upload = documents.upload(name, CONTENTS[content])
    assert uploads.validate_document(upload) is expected
    assert upload.read() == CONTENTS[content]  # read from the start by whoever stores it


@pytest.mark.parametrize("extension", [".hta", ".bat", ".msi", ".jar", ".html", ".svg", ".exe"])
@pytest.mark.parametrize("content", ["pdf", "docx", "xlsx"])
def test_a_file_named_as_something_else_is_refused_whatever_it_begins_with(extension, content):
    assert refusal(f"intyg{extension}", CONTENTS[content]) == (
        f"Filer av typen {extension} tas inte emot. {ACCEPTED}"
    )


def test_a_file_without_an_extension_is_refused():
    assert refusal("intyg", documents.PDF_BYTES) == f"Filnamnet saknar filändelse. {ACCEPTED}"


@pytest.mark.parametrize("name", ["mall.docm", "kalkyl.xlsm", "kalkyl.xlsb", "mall.dotm"])
def test_a_macro_enabled_office_name_is_refused(name):
    assert refusal(name, documents.docm()) == MACROS


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("makro.docx", documents.docm()),
        ("vba.docx", documents.docx(members={"word/vbaProject.bin": b"\xcc\x61 VBA"})),
        ("vba.docx", documents.docx(members={"word/vbaData.xml": b"<wne:vbaSuppData/>"})),
        ("typ.docx", documents.docx(main=documents.DOCM_MAIN)),
        (
            "typ.docx",
            documents.docx(
                extra_types='<Override PartName="/word/x.bin" '
                'ContentType="application/vnd.ms-office.vbaProject"/>'
            ),
        ),
        ("activex.docx", documents.docx(members={"word/activeX/activeX1.xml": b"<ax/>"})),
        ("xlm.xlsx", documents.xlsx(members={"xl/macrosheets/sheet1.xml": b"<xm/>"})),
        ("vba.xlsx", documents.xlsx(members={"xl/vbaProject.bin": b"\xcc\x61 VBA"})),
    ],
)
def test_an_office_file_carrying_macros_is_refused_whatever_its_name(name, data):
    assert refusal(name, data) == MACROS


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("budget.docx", "xlsx", "Filen heter .docx men är en Excelfil. Byt filändelse till .xlsx"),
        ("budget.xlsx", "pdf", "Filen heter .xlsx men är en PDF-fil. Byt filändelse till .pdf"),
        ("intyg.pdf", "docx", "Filen heter .pdf men är en Wordfil. Byt filändelse till .docx"),
        ("intyg.xlsx", "docx", "Filen heter .xlsx men är en Wordfil. Byt filändelse till .docx"),
    ],
)
def test_a_file_whose_name_and_content_disagree_is_refused(name, content, message):
    assert refusal(name, CONTENTS[content]) == f"{message} eller välj rätt fil."


@pytest.mark.parametrize(
    ("name", "data"), [("gammal.doc", b"anything"), ("gammal.docx", documents.OLE2_BYTES)]
)
def test_old_office_files_are_refused_they_may_carry_macros(name, data):
    assert refusal(name, data).startswith("Filer i det äldre Office-formatet (.doc, .xls)")


def test_a_small_office_file_unpacking_past_the_cap_is_refused():
    bomb = documents.zip_bomb(uploads.MAX_EXPANDED_BYTES + 1)
    assert len(bomb) < 1024 * 1024
    assert refusal("bomb.docx", bomb).startswith("Filen packas upp till mer än 100,0\xa0MB")


def test_an_office_file_unpacking_to_just_under_the_cap_is_accepted():
    nearly = documents.zip_bomb(uploads.MAX_EXPANDED_BYTES - 64 * 1024)
    assert uploads.validate_document(documents.upload("stor.docx", nearly)) is uploads.WORD


def test_an_office_file_of_too_many_parts_is_refused():
    parts = {f"word/media/{n}.xml": b"" for n in range(uploads.MAX_ARCHIVE_MEMBERS)}
    assert refusal("delar.docx", documents.docx(members=parts)).startswith(
        "Filen packas upp till mer än"
    )
    fewer = {f"word/media/{n}.xml": b"" for n in range(uploads.MAX_ARCHIVE_MEMBERS - 3)}
    assert uploads.validate_document(documents.upload("delar.docx", documents.docx(members=fewer)))


@pytest.mark.parametrize(
    "data",
    [documents.damaged(documents.docx()), documents.docx()[:-40], b"PK\x03\x04 not a zip"],
)
def test_a_damaged_office_file_is_refused(data):
    assert refusal("trasig.docx", data) == (
        "Filen är skadad och går inte att öppna. Spara den på nytt och försök igen."
    )


@pytest.mark.parametrize(
    "data",
    [
        b"MZ\x90\x00 a program",
        b"<svg onload=alert(1)>",
        documents.docx(main="application/xml"),  # a zip that is no Word document
        documents.docx(  # claiming to be both
            members={"xl/workbook.xml": b"<w/>"},
            extra_types='<Override PartName="/xl/workbook.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>',
        ),
    ],
)
def test_content_that_is_no_document_is_refused(data):
    assert refusal("intyg.docx", data).startswith("Filen är inte en PDF-, Word- eller Excelfil.")


def test_a_file_over_the_size_limit_is_refused_before_it_is_read():
    upload = documents.upload("stor.pdf", documents.PDF_BYTES)
    upload.size = uploads.MAX_UPLOAD_BYTES + 1
    assert refusal_of(upload).startswith("Filen är 20,0\xa0MB; den får vara högst 20,0\xa0MB.")
    upload.size = uploads.MAX_UPLOAD_BYTES
    assert uploads.validate_document(upload) is uploads.PDF


def refusal_of(upload):
    with pytest.raises(ValidationError) as refused:
        uploads.validate_document(upload)
    return refused.value.messages[0]


def test_storage_names_are_generated_and_never_repeat():
    names = {uploads.storage_name(uploads.WORD) for _ in range(100)}
    assert len(names) == 100
    assert all(re.fullmatch(r"[0-9a-f]{32}\.docx", name) for name in names)


@pytest.mark.parametrize(
    ("name", "extension", "shown"),
    [
        ("intyg.pdf", ".pdf", "intyg.pdf"),
        ("Årsrapport 2026 (slutlig).docx", ".docx", "Årsrapport 2026 (slutlig).docx"),
        ("../../etc/passwd.pdf", ".pdf", "passwd.pdf"),
        ("C:\\Users\\lena\\budget.xlsx", ".xlsx", "budget.xlsx"),
        ("evil.hta", ".pdf", "evil.pdf"),
        ("rapport\u202egpj.pdf", ".pdf", "rapport_gpj.pdf"),
        ('a"b;\r\nc<d>.pdf', ".pdf", "a_b_c_d.pdf"),
        ("...pdf", ".pdf", "fil.pdf"),
        ("", ".bin", "fil.bin"),
        ("x" * 300 + ".pdf", ".pdf", "x" * 100 + ".pdf"),
    ],
)
def test_the_uploaders_name_is_made_safe_and_ends_in_the_detected_extension(name, extension, shown):
    assert uploads.display_name(name, extension) == shown
