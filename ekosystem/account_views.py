"""The user's own account: the code step after the password, setting up and managing the second
factor, re-authentication and the e-mail address."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import authenticate
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render, resolve_url
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ekosystem import reauth, second_factor
from ekosystem.account_forms import CodeForm, EmailChangeForm, ReauthForm
from ekosystem.services import change_email

# Session keys: recovery codes waiting to be shown once, and a replacement proven with a code.
NEW_RECOVERY_CODES = "_new_recovery_codes"
REPLACING = "_otp_replacing"


def _next_url(request, default: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return resolve_url(default)


@login_required
def account(request):
    user = request.user
    return render(
        request,
        "account/account.html",
        {
            "has_second_factor": second_factor.has_second_factor(user),
            "required": user.requires_second_factor,
        },
    )


@login_required
@reauth.require_recent_auth
def email_change(request):
    form = EmailChangeForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        change_email(request=request, user=request.user, email=form.cleaned_data["email"])
        messages.success(request, _("Din e-postadress är ändrad. Logga in med den nya nästa gång."))
        return redirect("account")
    return render(
        request, "account/email_change.html", {"form": form}, status=400 if form.errors else 200
    )


@login_required
def otp_verify(request):
    """The code step after the password."""
    user = request.user
    done = _next_url(request, settings.LOGIN_REDIRECT_URL)
    if user.is_verified() or not second_factor.has_second_factor(user):
        return redirect(done)
    recovery = request.GET.get("recovery") == "1"
    form = CodeForm(request.POST or None, recovery=recovery)
    if request.method == "POST" and form.is_valid():
        try:
            second_factor.verify_session(request=request, code=form.cleaned_data["code"])
        except second_factor.CodeRefused as refused:
            form.add_error("code", refused.message)
        else:
            reauth.mark(request.session)
            return redirect(done)
    return render(
        request,
        "account/otp_verify.html",
        {"form": form, "recovery": recovery, "next": done},
        status=400 if form.errors else 200,
    )


@login_required
@reauth.require_recent_auth
def otp_setup(request):
    """Add an authenticator app; active only once it has produced one valid code."""
    user = request.user
    replacing = request.session.get(REPLACING) == user.pk
    if second_factor.has_second_factor(user) and not replacing:
        return redirect("otp_manage")
    device = second_factor.pending_device(user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            codes = second_factor.confirm_setup(
                request=request, device=device, code=form.cleaned_data["code"]
            )
        except second_factor.CodeRefused as refused:
            form.add_error("code", refused.message)
        else:
            request.session.pop(REPLACING, None)
            request.session[NEW_RECOVERY_CODES] = codes
            reauth.mark(request.session)
            return redirect("otp_recovery_codes")
    return render(
        request,
        "account/otp_setup.html",
        {
            "form": form,
            "secret": second_factor.secret_for(device),
            "required": user.requires_second_factor,
            "replacing": replacing,
        },
        status=400 if form.errors else 200,
    )


@login_required
@reauth.require_recent_auth
def otp_recovery_codes(request):
    """GET shows codes just made, once; POST replaces all recovery codes with new ones."""
    user = request.user
    if request.method == "POST":
        if not second_factor.has_second_factor(user):
            return redirect("otp_manage")
        request.session[NEW_RECOVERY_CODES] = second_factor.new_recovery_codes(user)
        return redirect("otp_recovery_codes")
    codes = request.session.pop(NEW_RECOVERY_CODES, None)
    if not codes:
        return redirect("otp_manage")
    return render(request, "account/otp_recovery_codes.html", {"codes": codes})


def _manage_context(user, **extra):
    device = second_factor.confirmed_device(user)
    return {
        "device": device,
        "required": user.requires_second_factor,
        "recovery_left": second_factor.recovery_codes_left(user) if device else 0,
        "replace_form": CodeForm(),
        **extra,
    }


@login_required
@reauth.require_recent_auth
def otp_manage(request):
    return render(request, "account/otp_manage.html", _manage_context(request.user))


@require_POST
@login_required
@reauth.require_recent_auth
def otp_replace(request):
    """Start replacing the app (a new phone): proven with a current code or a recovery code."""
    user = request.user
    form = CodeForm(request.POST)
    if form.is_valid():
        try:
            second_factor.check_code(request=request, user=user, code=form.cleaned_data["code"])
        except second_factor.CodeRefused as refused:
            form.add_error("code", refused.message)
        else:
            request.session[REPLACING] = user.pk
            return redirect("otp_setup")
    return render(
        request, "account/otp_manage.html", _manage_context(user, replace_form=form), status=400
    )


@require_POST
@login_required
@reauth.require_recent_auth
def otp_disable(request):
    user = request.user
    if user.requires_second_factor:
        raise PermissionDenied
    second_factor.remove(user=user, request=request)
    messages.success(request, _("Tvåstegsverifieringen är avstängd."))
    return redirect("account")


@login_required
def reauth_view(request):
    """Confirm the password (and a code) before changing how one signs in."""
    user = request.user
    with_code = second_factor.has_second_factor(user)
    form = ReauthForm(request.POST or None, with_code=with_code)
    done = _next_url(request, "account")
    if request.method == "POST" and form.is_valid():
        # Through authenticate(), so that django-axes counts and locks out wrong passwords here
        # just as on the login page.
        checked = authenticate(request, username=user.email, password=form.cleaned_data["password"])
        if checked is None or checked.pk != user.pk:
            form.add_error("password", _("Lösenordet stämmer inte."))
        elif with_code:
            try:
                second_factor.check_code(request=request, user=user, code=form.cleaned_data["code"])
            except second_factor.CodeRefused as refused:
                form.add_error("code", refused.message)
        if not form.errors:
            reauth.mark(request.session)
            return redirect(done)
    return render(
        request,
        "account/reauth.html",
        {"form": form, "next": done},
        status=400 if form.errors else 200,
    )
