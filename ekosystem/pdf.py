"""HTML templates rendered to PDF with WeasyPrint, without ever reaching the network.

Every PDF the service produces goes through `render_pdf`; templates extend ``pdf/base.html``
(A4, Region Norrbotten header, "Sida 1 av 3" footer, DejaVu Sans through fontconfig).

WeasyPrint fetches what a document links to (stylesheets, images) through `StaticOnlyFetcher`:
only the project's static files are served, read from disk; every other URL (other hosts,
``file:``, ``data:``, media uploads, anything outside STATIC_URL) is refused, so a document can
neither leak requests to the outside nor read files it should not.
"""

import logging
import mimetypes
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import weasyprint
from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.exceptions import SuspiciousFileOperation
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.cache import add_never_cache_headers
from django.utils.http import content_disposition_header
from weasyprint.urls import URLFetcher, URLFetcherResponse

logger = logging.getLogger(__name__)


class RefusedURL(ValueError):
    """A document linked to something other than a static file."""


def _static_file(relative: str) -> Path | None:
    """The file on disk behind a static path, from the finders or else the collected files."""
    try:
        found = finders.find(relative)
    except SuspiciousFileOperation:
        return None
    if found:
        return Path(found)
    try:  # Collected (possibly hashed) files, as `{% static %}` names them in production.
        if staticfiles_storage.exists(relative):
            return Path(staticfiles_storage.path(relative))
    except (NotImplementedError, SuspiciousFileOperation):
        return None
    return None


class StaticOnlyFetcher(URLFetcher):
    """Serves URLs under STATIC_URL (resolved against `base_url`) from disk; refuses the rest."""

    def __init__(self, base_url: str, **kwargs):
        super().__init__(allowed_protocols=(), allow_redirects=False, **kwargs)
        self.static_prefix = urljoin(base_url, settings.STATIC_URL)

    def fetch(self, url, headers=None):
        path = urlsplit(url)._replace(query="", fragment="").geturl()
        if not path.startswith(self.static_prefix):
            logger.warning("PDF: refused to fetch %s (not a static file)", url[:200])
            raise RefusedURL(f"Only static files may be fetched: {url[:200]}")
        relative = unquote(path[len(self.static_prefix) :])
        found = _static_file(relative) if relative else None
        if found is None or not found.is_file():
            logger.warning("PDF: no static file %s", relative[:200])
            raise RefusedURL(f"No such static file: {relative[:200]}")
        content_type = mimetypes.guess_type(found.name)[0] or "application/octet-stream"
        return URLFetcherResponse(url, found.read_bytes(), headers={"Content-Type": content_type})


def render_pdf(request, template_name, context, *, filename) -> HttpResponse:
    """Render `template_name` with `context` to a PDF shown inline under `filename`."""
    html = render_to_string(template_name, context, request=request)
    base_url = request.build_absolute_uri("/")
    document = weasyprint.HTML(
        string=html, base_url=base_url, url_fetcher=StaticOnlyFetcher(base_url)
    )
    response = HttpResponse(document.write_pdf(), content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(False, filename)
    # The documents hold what only signed-in users may read: no shared or stored copies.
    add_never_cache_headers(response)
    return response
