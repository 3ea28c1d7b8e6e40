from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from agreements.models import (
    Agreement,
    AgreementEvent,
    AgreementPeriod,
    AmountChange,
    CalendarToken,
    Contribution,
    Evaluation,
    IndicatorOutcome,
    Notice,
    Reminder,
    ResultIndicator,
)

# The admin is for repairs. What has a service (dates, notices, amounts, periods, events,
# evaluations) is only shown here: changing it here would skip the periods, events and versions
# the services keep in step, so it is changed on the agreement pages.


class ReadOnlyMixin:
    """Shown, never added, changed or deleted through the admin."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class PeriodInline(ReadOnlyMixin, admin.TabularInline):
    model = AgreementPeriod
    extra = 0


class AmountInline(ReadOnlyMixin, admin.TabularInline):
    model = AmountChange
    extra = 0


class NoticeInline(ReadOnlyMixin, admin.TabularInline):
    model = Notice
    extra = 0


# Set by the services, or deciding the derived dates: changed on the agreement pages only.
AGREEMENT_SERVICE_FIELDS = [
    "ecosystem",
    "signed_on",
    "start_date",
    "initial_months",
    "renewal_months",
    "notice_months",
    "cap_months",
    "first_evaluation_on",
    "evaluation_interval_months",
    "version",
    "created_at",
    "updated_at",
]


@admin.register(Agreement)
class AgreementAdmin(SimpleHistoryAdmin):
    list_display = [
        "ecosystem",
        "reference",
        "signed_on",
        "start_date",
        "initial_months",
        "renewal_months",
        "notice_months",
        "first_evaluation_on",
    ]
    list_filter = ["signed_on", "initial_months", "renewal_months"]
    search_fields = ["ecosystem__name", "reference", "region_signatory", "actor_signatory"]
    list_select_related = ["ecosystem"]
    readonly_fields = AGREEMENT_SERVICE_FIELDS
    inlines = [PeriodInline, AmountInline, NoticeInline]

    def has_add_permission(self, request):
        # A new agreement needs its first amount, period and event: "Nytt avtal" makes them.
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(AgreementEvent)
class AgreementEventAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ["agreement", "kind", "effective_on", "happened_at", "actor"]
    list_filter = ["kind"]
    search_fields = ["agreement__ecosystem__name"]
    list_select_related = ["agreement__ecosystem", "actor"]


@admin.register(Evaluation)
class EvaluationAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ["agreement", "due_on", "done_on", "recorded_by"]
    list_filter = ["done_on"]
    search_fields = ["agreement__ecosystem__name", "summary"]
    list_select_related = ["agreement__ecosystem", "recorded_by"]


@admin.register(Contribution)
class ContributionAdmin(admin.ModelAdmin):
    list_display = ["agreement", "financier", "year", "amount_tkr"]
    list_filter = ["year", "financier"]
    search_fields = ["financier", "agreement__ecosystem__name"]


class OutcomeInline(admin.TabularInline):
    model = IndicatorOutcome
    extra = 0


@admin.register(ResultIndicator)
class ResultIndicatorAdmin(admin.ModelAdmin):
    list_display = ["name", "agreement", "target", "unit"]
    search_fields = ["name", "agreement__ecosystem__name"]
    inlines = [OutcomeInline]


@admin.register(CalendarToken)
class CalendarTokenAdmin(admin.ModelAdmin):
    list_display = ["user", "created_at", "revoked_at"]
    list_filter = ["revoked_at"]
    search_fields = ["user__email"]
    # Only a hash is stored; a token is made by its user on the calendar page (shown once).
    fields = ["user", "created_at", "revoked_at"]
    readonly_fields = ["user", "created_at"]

    def has_add_permission(self, request):
        return False


@admin.register(Reminder)
class ReminderAdmin(admin.ModelAdmin):
    list_display = ["agreement", "kind", "due_on", "days_before", "recipients", "sent_at"]
    list_filter = ["kind", "days_before"]
    search_fields = ["agreement__ecosystem__name"]
    list_select_related = ["agreement__ecosystem"]


@admin.register(AgreementPeriod)
class AgreementPeriodAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ["agreement", "index", "start", "end", "notice_deadline"]
    search_fields = ["agreement__ecosystem__name"]
    list_select_related = ["agreement__ecosystem"]


@admin.register(AmountChange)
class AmountChangeAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ["agreement", "effective_from", "annual_amount_tkr", "recorded_by"]
    search_fields = ["agreement__ecosystem__name", "reason"]
    list_select_related = ["agreement__ecosystem", "recorded_by"]


@admin.register(Notice)
class NoticeAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ["agreement", "party", "kind", "received_on", "ends_on", "recorded_by"]
    list_filter = ["party", "kind"]
    search_fields = ["agreement__ecosystem__name", "note"]
    list_select_related = ["agreement__ecosystem", "recorded_by"]


@admin.register(IndicatorOutcome)
class IndicatorOutcomeAdmin(admin.ModelAdmin):
    list_display = ["indicator", "year", "value"]
    list_filter = ["year"]
    search_fields = ["indicator__name"]
