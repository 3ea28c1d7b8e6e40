from django.conf import settings
from django.utils import translation


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
