from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from assessments.models import (
    Answer,
    Attachment,
    DialogueNote,
    Question,
    Questionnaire,
    Round,
    Section,
    Submission,
    SubmissionEvent,
)


class SectionInline(admin.TabularInline):
    model = Section
    extra = 0
    fields = ["order", "title_sv", "title_en"]


@admin.register(Questionnaire)
class QuestionnaireAdmin(admin.ModelAdmin):
    list_display = ["code", "version", "title_sv", "created_at"]
    list_filter = ["code"]
    search_fields = ["title_sv", "title_en"]
    inlines = [SectionInline]


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    list_display = ["number", "key", "kind", "required", "evidence", "section"]
    list_filter = ["section__questionnaire", "kind", "required", "evidence"]
    search_fields = ["key", "text_sv", "text_en"]
    list_select_related = ["section__questionnaire"]


@admin.register(Round)
class RoundAdmin(admin.ModelAdmin):
    list_display = ["name", "year", "deadline", "opened_by", "created_at"]
    list_filter = ["year"]
    search_fields = ["name"]
    filter_horizontal = ["ecosystems", "questionnaires"]


class EventInline(admin.TabularInline):
    model = SubmissionEvent
    extra = 0
    readonly_fields = ["kind", "comment", "actor", "happened_at"]


@admin.register(Submission)
class SubmissionAdmin(SimpleHistoryAdmin):
    list_display = [
        "ecosystem",
        "questionnaire",
        "round",
        "status",
        "last_saved_at",
        "submitted_at",
        "reviewed_at",
    ]
    list_filter = ["status", "round", "questionnaire__code"]
    search_fields = ["ecosystem__name"]
    list_select_related = ["ecosystem", "questionnaire", "round"]
    inlines = [EventInline]


@admin.register(Answer)
class AnswerAdmin(SimpleHistoryAdmin):
    list_display = ["submission", "question", "revision", "updated_by", "updated_at"]
    list_filter = ["submission__round", "question__section__questionnaire__code"]
    search_fields = ["submission__ecosystem__name", "question__key"]
    list_select_related = ["submission__ecosystem", "question", "updated_by"]


@admin.register(Attachment)
class AttachmentAdmin(admin.ModelAdmin):
    list_display = ["name", "answer", "size", "uploaded_by", "uploaded_at"]
    search_fields = ["name"]
    list_select_related = ["answer__question", "uploaded_by"]

    # Files arrive only through services.add_attachment, which checks them; here they may be
    # looked at or deleted.
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(DialogueNote)
class DialogueNoteAdmin(admin.ModelAdmin):
    list_display = ["submission", "held_on", "recorded_by"]
    search_fields = ["participants", "notes", "submission__ecosystem__name"]
    list_select_related = ["submission__ecosystem", "recorded_by"]


@admin.register(SubmissionEvent)
class SubmissionEventAdmin(admin.ModelAdmin):
    list_display = ["submission", "kind", "actor", "happened_at"]
    list_filter = ["kind"]
    list_select_related = ["submission__ecosystem", "actor"]
