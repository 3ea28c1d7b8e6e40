from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from ekosystem import account_views, password_views, privacy_views, views
from ekosystem.forms import LoginForm

auth_patterns = [
    path(
        "login/",
        auth_views.LoginView.as_view(
            authentication_form=LoginForm, redirect_authenticated_user=True
        ),
        name="login",
    ),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("code/", account_views.otp_verify, name="otp_verify"),
    path("confirm/", account_views.reauth_view, name="reauth"),
    path("", account_views.account, name="account"),
    path("email/", account_views.email_change, name="email_change"),
    path("two-factor/", account_views.otp_manage, name="otp_manage"),
    path("two-factor/setup/", account_views.otp_setup, name="otp_setup"),
    path(
        "two-factor/recovery-codes/",
        account_views.otp_recovery_codes,
        name="otp_recovery_codes",
    ),
    path("two-factor/replace/", account_views.otp_replace, name="otp_replace"),
    path("two-factor/turn-off/", account_views.otp_disable, name="otp_disable"),
    path("keepalive/", views.keepalive, name="keepalive"),
    path("personuppgifter/", privacy_views.personal_data_page, name="personal_data"),
    path(
        "personuppgifter/hamta/",
        privacy_views.personal_data_download,
        name="personal_data_download",
    ),
    path("password/change/", password_views.PasswordChangeView.as_view(), name="password_change"),
    path(
        "password/change/done/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path(
        "password/reset/",
        password_views.PasswordResetView.as_view(),
        name="password_reset",
    ),
    path(
        "password/reset/done/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "password/reset/<uidb64>/<token>/",
        password_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "password/reset/complete/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
]

urlpatterns = [
    path("", views.home, name="home"),
    path("oversikt/", views.dashboard, name="dashboard"),
    path("tillganglighet/", views.accessibility_statement, name="accessibility_statement"),
    path("ecosystems/", views.ecosystem_list, name="ecosystem_list"),
    path("ecosystems/new/", views.ecosystem_create, name="ecosystem_create"),
    path("ecosystems/<int:pk>/", views.ecosystem_detail, name="ecosystem_detail"),
    path("ecosystems/<int:pk>/edit/", views.ecosystem_update, name="ecosystem_update"),
    path("ecosystems/<int:pk>/history/", views.ecosystem_history, name="ecosystem_history"),
    path("agreements/", include("agreements.urls")),
    path("assessments/", include("assessments.urls")),
    path("prioritering/", include("prioritisation.urls")),
    path("calendar/", include("agreements.calendar_urls")),
    path("account/", include(auth_patterns)),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]
