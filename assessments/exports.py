"""Submissions out of the service: one submission as a PDF, a whole round as an Excel workbook."""

import io
import math
from collections import defaultdict

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.http import content_disposition_header
from django.utils.text import slugify
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from assessments import answers, comparison
from assessments import permissions as answer_permissions
from assessments.figures import figures_of
from assessments.models import Answer, Kind, Question, Round
from ekosystem import permissions
from ekosystem.pdf import render_pdf

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@login_required
def submission_pdf(request, pk):
    """Every section, question and answer; officers and board members also get the SWOT notes."""
    submission = permissions.get_submission_for_user(request.user, pk)
    permissions.require(answer_permissions.can_read_answers(request.user, submission))
    rows = comparison.compare(submission, None)
    context = {
        "submission": submission,
        "sections": comparison.by_section(rows),
        "figures": figures_of(comparison.values_of(rows)),
        "show_notes": permissions.can_follow_rounds(request.user),
        "printed_on": timezone.localdate(),
    }
    filename = "-".join(
        part
        for part in (
            "bedomning",
            str(submission.round.year),
            slugify(submission.ecosystem.name),
            submission.questionnaire.code,
        )
        if part
    )
    return render_pdf(
        request, "assessments/pdf/submission.html", context, filename=f"{filename}.pdf"
    )


# Excel: how wide (in characters) a column of each kind of answer is, and how numbers show.
WIDTHS = {Kind.TEXT: 50, Kind.MUNICIPALITIES: 50, Kind.CHOICE: 24}
NUMBER_WIDTH = 14
EVIDENCE_WIDTH = 50
NUMBER_FORMATS = {
    Kind.INTEGER: "#,##0",
    Kind.AMOUNT: '#,##0" kr"',
    Kind.PERCENT: 'General" %"',
    Kind.DECIMAL: "General",
    Kind.RATING: "0",
}
HEADER_LINE_HEIGHT = 15
MAX_HEADER_HEIGHT = 180


def cell_value(question, value):
    """An answer as a typed cell: numbers as numbers, ratings as ints, the rest as text."""
    if value in (None, "", {}, []):
        return None
    if question.kind in answers.NUMERIC:
        number = answers.stored_number(value)
        if number is None:
            # Stored before numbers were bounded: as text, as the pages show it.
            return answers.display(question, value)
        return int(number) if number == number.to_integral_value() else number
    if question.kind == Kind.RATING:
        return int(value)
    return answers.display(question, value)


def _sheet_title(questionnaire, taken):
    title = questionnaire.code[:31]
    if title in taken:
        title = f"{questionnaire.code[:26]}-v{questionnaire.version}"
    taken.add(title)
    return title


def _columns(questions):
    """(header, width, question, is_evidence) for each answerable question's column(s)."""
    columns = []
    for question in questions:
        columns.append(
            (
                f"{question.number} {question.text}",
                WIDTHS.get(question.kind, NUMBER_WIDTH),
                question,
                False,
            )
        )
        if question.evidence:
            columns.append((f"{question.number} {_('underlag')}", EVIDENCE_WIDTH, question, True))
    return columns


def _fill_sheet(sheet, questions, submissions, stored):
    fixed = [(_("Ekosystem"), 32), (_("Status"), 26), (_("Inskickad"), 12)]
    columns = _columns(questions)
    headers = [(title, width) for title, width in fixed]
    headers += [(title, width) for title, width, _question, _evidence in columns]
    sheet.append([title for title, _width in headers])
    lines = 1
    for index, (title, width) in enumerate(headers, start=1):
        cell = sheet.cell(row=1, column=index)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.column_dimensions[get_column_letter(index)].width = width
        lines = max(lines, math.ceil(len(title) / (width - 2)))
    sheet.row_dimensions[1].height = min(lines * HEADER_LINE_HEIGHT, MAX_HEADER_HEIGHT)
    sheet.freeze_panes = "B2"

    for submission in submissions:
        submitted = submission.submitted_at
        row = [
            submission.ecosystem.name,
            submission.get_status_display(),
            timezone.localtime(submitted).date() if submitted else None,
        ]
        answered = stored.get(submission.pk, {})
        for _title, _width, question, is_evidence in columns:
            value, evidence = answered.get(question.pk, (None, ""))
            row.append((evidence or None) if is_evidence else cell_value(question, value))
        sheet.append(row)
        number = sheet.max_row
        sheet.cell(row=number, column=3).number_format = "yyyy-mm-dd"
        for index, (_title, _width, question, is_evidence) in enumerate(columns, start=4):
            cell = sheet.cell(row=number, column=index)
            if is_evidence or question.kind in WIDTHS:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
            elif question.kind in NUMBER_FORMATS:
                cell.number_format = NUMBER_FORMATS[question.kind]
    _text_stays_text(sheet)
    sheet.auto_filter.ref = sheet.dimensions


def _text_stays_text(sheet):
    """Store every text cell as a string. openpyxl makes any text beginning with "=" a formula,
    and the workbook holds every ecosystem's answers: a leader's answer, evidence or ecosystem
    name must never run as a formula on an officer's computer."""
    for row in sheet.iter_rows():
        for cell in row:
            if isinstance(cell.value, str):
                cell.data_type = "s"


def round_workbook(round_, submissions, *, readable=None) -> Workbook:
    """One worksheet per questionnaire of the round, one row per ecosystem, one column per
    answerable question (and one for the evidence of a rated criterion). Four queries.

    `readable` (default: all of `submissions`) are those whose answers the reader may see; the
    others get their row with status only."""
    questionnaires = list(round_.questionnaires.order_by("code", "version"))
    questions = defaultdict(list)
    for question in (
        Question.objects.filter(section__questionnaire__in=questionnaires)
        .exclude(kind=Kind.GROUP)
        .select_related("section")
        .order_by("section__order", "order")
    ):
        questions[question.section.questionnaire_id].append(question)
    submissions = list(submissions.select_related("ecosystem").order_by("ecosystem__name"))
    stored = defaultdict(dict)
    readable = submissions if readable is None else readable
    for submission_id, question_id, value, evidence in Answer.objects.filter(
        submission__in=readable
    ).values_list("submission_id", "question_id", "value", "evidence"):
        stored[submission_id][question_id] = (value, evidence)

    workbook = Workbook()
    workbook.remove(workbook.active)
    taken = set()
    for questionnaire in questionnaires:
        sheet = workbook.create_sheet(_sheet_title(questionnaire, taken))
        _fill_sheet(
            sheet,
            questions[questionnaire.pk],
            [s for s in submissions if s.questionnaire_id == questionnaire.pk],
            stored,
        )
    if not questionnaires:
        workbook.create_sheet(_("Tom"))
    return workbook


@login_required
def round_excel(request, pk):
    permissions.require(permissions.can_follow_rounds(request.user))
    round_ = get_object_or_404(Round, pk=pk)
    submissions = permissions.visible_submissions(request.user).filter(round=round_)
    workbook = round_workbook(
        round_,
        submissions,
        readable=answer_permissions.with_readable_answers(request.user, submissions),
    )
    content = io.BytesIO()
    workbook.save(content)
    response = HttpResponse(content.getvalue(), content_type=XLSX)
    response["Content-Disposition"] = content_disposition_header(
        True, f"bedomning-{round_.year}.xlsx"
    )
    add_never_cache_headers(response)
    return response
