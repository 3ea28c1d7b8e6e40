from urllib.parse import urlencode

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import translation

from ekosystem import second_factor


class ChosenLanguageMiddleware:
    """Swedish unless the user chose another language with the switcher.

    Unlike Django's LocaleMiddleware this ignores the browser's Accept-Language: many Swedish
    officials run English browsers, and the service is Swedish first.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response


class NoStoreWhenSignedInMiddleware:
    """Nothing a signed-in user receives is kept by the browser or a shared cache.

    A page or download shown to a signed-in user may hold personal or unpublished data; with
    `no-store` the browser keeps no copy on disk (nor offers it under Back after the logout) and
    `private` keeps proxies from storing it. Static files are served before this (WhiteNoise)
    and stay cacheable; anonymous pages keep whatever their views set.
    """

    HEADER = "no-store, private"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and not _is_static(request.path):
            # Replaces what a view set (max-age, public): for a signed-in user none applies.
            response.headers["Cache-Control"] = self.HEADER
        return response


def _is_static(path: str) -> bool:
    return path.startswith("/" + settings.STATIC_URL.lstrip("/"))


class SecondFactorMiddleware:
    """A signed-in session that has not passed the second factor reaches only the code step (or,
    for a user who must have a second factor but has none, the setup page) and the few pages
    anyone may need on the way: logging out, the language switch, the session keep-alive, the
    accessibility statement and static files.

    Runs after django-otp's OTPMiddleware, which sets `request.user.is_verified()`.
    """

    OPEN_TO_ALL = ("logout", "keepalive", "accessibility_statement", "set_language")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if user.is_authenticated and not user.is_verified():
            step = second_factor.pending_step(user)
            if step is not None and not self._open(request.path, step):
                return redirect(f"{reverse(step)}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)

    def _open(self, path: str, step: str) -> bool:
        if _is_static(path):
            return True
        # Setting up may first ask for the password again (ekosystem/reauth.py).
        extra = ("reauth",) if step == second_factor.SETUP else ()
        return path in {reverse(name) for name in (step, *extra, *self.OPEN_TO_ALL)}
