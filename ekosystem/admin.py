from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.template.response import TemplateResponse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from simple_history.admin import SimpleHistoryAdmin

from ekosystem import outbox, personal_data, second_factor
from ekosystem.models import (
    BoardMember,
    Ecosystem,
    OutboxMessage,
    SecurityEvent,
    Specialisation,
    User,
)
from ekosystem.privacy_views import json_download

admin.site.site_header = _("Ekosystem – administration")
admin.site.site_title = _("Ekosystem")
admin.site.index_title = _("Administration")

# django-otp's own device pages would show every user's secret key and recovery codes to any
# administrator; a user's second factor is reset with the action on the user list instead.
for _device_model in (TOTPDevice, StaticDevice):
    if admin.site.is_registered(_device_model):
        admin.site.unregister(_device_model)


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    ordering = ["email"]
    list_display = ["email", "full_name", "role", "is_active", "is_staff", "last_login"]
    list_filter = ["role", "is_active", "is_staff"]
    search_fields = ["email", "full_name"]
    filter_horizontal = ["ecosystems", "groups", "user_permissions"]
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (_("Person"), {"fields": ("full_name", "role", "ecosystems")}),
        (
            _("Behörigheter"),
            {"fields": ("is_active", "is_staff", "is_superuser", "groups", "user_permissions")},
        ),
        (_("Datum"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (
            None,
            {
                "classes": ("wide",),
                "fields": ("email", "full_name", "role", "password1", "password2"),
            },
        ),
    )
    actions = ["reset_second_factor", "export_personal_data", "pseudonymise"]

    @admin.action(description=_("Hämta personens personuppgifter (JSON)"), permissions=["view"])
    def export_personal_data(self, request, queryset):
        """For a person who asks by letter: the same file they would download themselves."""
        people = list(queryset[:2])
        if len(people) != 1:
            self.message_user(request, _("Välj en person i taget."), messages.ERROR)
            return None
        person = people[0]
        response = json_download(person, for_admin=True)
        personal_data.record_export(person, request=request, by=request.user)
        return response

    @admin.action(description=_("Avidentifiera personer som har slutat"), permissions=["change"])
    def pseudonymise(self, request, queryset):
        """Ask first (what will happen, irreversibly), then pseudonymise each person."""
        people = list(queryset.order_by("email"))
        if request.POST.get("confirmed") != "yes":
            return self._confirm_pseudonymise(request, people)
        for person in people:
            reason = personal_data.refusal(person, by=request.user)
            if reason is not None:
                self.message_user(request, f"{person.email}: {reason}", messages.ERROR)
                continue
            outcome = personal_data.pseudonymise(person, by=request.user, request=request)
            self.message_user(request, self._outcome_message(outcome), messages.SUCCESS)
        return None

    def _confirm_pseudonymise(self, request, people):
        rows = []
        for person in people:
            summary = personal_data.summary(person)
            rows.append(
                {
                    "person": person,
                    "refusal": personal_data.refusal(person, by=request.user),
                    "warnings": personal_data.warnings(person),
                    "summary": summary,
                    "empty": [str(item["title"]) for item in summary if item["count"] == 0],
                    "pseudonym": personal_data.pseudonym_name(person),
                    "pseudonym_email": personal_data.pseudonym_email(person),
                }
            )
        context = {
            **self.admin_site.each_context(request),
            "title": _("Avidentifiera personer som har slutat"),
            "opts": self.model._meta,
            "rows": rows,
            "any_allowed": any(row["refusal"] is None for row in rows),
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/ekosystem/user/pseudonymise.html", context)

    @staticmethod
    def _outcome_message(outcome) -> str:
        done = "; ".join(f"{title} ({count})" for title, count in outcome.changed.items())
        message = gettext(
            "Kontot %(old)s är avidentifierat som %(name)s (%(email)s) och stängt; inlämningar, "
            "svar, avtal och historik finns kvar."
        ) % {"old": outcome.old_email, "name": outcome.user.full_name, "email": outcome.user.email}
        if done:
            message += " " + gettext("Ändrat eller borttaget: %(done)s.") % {"done": done}
        return message

    @admin.action(description=_("Återställ tvåstegsverifieringen (ny app och nya reservkoder)"))
    def reset_second_factor(self, request, queryset):
        for user in queryset:
            second_factor.remove(user=user, request=request, by=request.user)
        self.message_user(
            request,
            _(
                "Tvåstegsverifieringen är återställd för %(count)d användare. De som måste ha den "
                "ställer in en ny app nästa gång de loggar in."
            )
            % {"count": len(queryset)},
        )


class BoardMemberInline(admin.TabularInline):
    model = BoardMember
    extra = 0


@admin.register(Ecosystem)
class EcosystemAdmin(SimpleHistoryAdmin):
    list_display = [
        "name",
        "organisation_name",
        "phase",
        "system_type",
        "municipality",
        "cluster_criteria_met",
        "leader_time_share",
        "updated_at",
    ]
    list_filter = [
        "phase",
        "system_type",
        "specialisations",
        "legal_form",
        "excellence_label",
        "eccp_listed",
        "municipality",
    ]
    search_fields = ["name", "organisation_name", "organisation_number", "leader_name"]
    filter_horizontal = ["specialisations"]
    readonly_fields = ["cluster_criteria_met", "version", "created_at", "updated_at"]
    inlines = [BoardMemberInline]


@admin.register(Specialisation)
class SpecialisationAdmin(admin.ModelAdmin):
    list_display = ["rank", "name"]
    list_display_links = ["name"]
    search_fields = ["name"]


@admin.register(BoardMember)
class BoardMemberAdmin(SimpleHistoryAdmin):
    list_display = ["name", "ecosystem", "organisation", "sector", "is_chair", "trained"]
    list_filter = ["sector", "is_chair", "trained", "ecosystem"]
    search_fields = ["name", "organisation", "ecosystem__name"]
    list_select_related = ["ecosystem"]


@admin.register(OutboxMessage)
class OutboxMessageAdmin(admin.ModelAdmin):
    """Read-only: administrators see what was sent and what failed, and may retry now."""

    list_display = ["created", "recipient", "subject", "sent_at", "attempts", "next_attempt_at"]
    list_filter = [("sent_at", admin.EmptyFieldListFilter), "template"]
    search_fields = ["recipient", "subject", "key"]
    readonly_fields = [field.name for field in OutboxMessage._meta.fields]
    actions = ["retry_now"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.action(description=_("Försök skicka nu"))
    def retry_now(self, request, queryset):
        count = outbox.retry_now(queryset)
        message = _("%(count)d meddelanden köas för att skickas igen.") % {"count": count}
        self.message_user(request, message)


@admin.register(SecurityEvent)
class SecurityEventAdmin(admin.ModelAdmin):
    """Read-only for everyone: events are written by ekosystem.security_log and deleted only by
    the nightly retention sweep (ekosystem.tasks.purge_expired_records)."""

    list_display = ["at", "kind", "username", "ip_address", "detail"]
    list_filter = ["kind", "at"]
    date_hierarchy = "at"
    search_fields = ["username", "ip_address", "user__email", "user__full_name"]
    readonly_fields = [field.name for field in SecurityEvent._meta.fields]
    show_full_result_count = False

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
