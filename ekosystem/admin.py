from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from simple_history.admin import SimpleHistoryAdmin

from ekosystem import outbox, second_factor
from ekosystem.models import BoardMember, Ecosystem, OutboxMessage, Specialisation, User

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
    actions = ["reset_second_factor"]
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
