"""No calendar feed token reaches a log line or an error mail (ekosystem.logmask)."""

import io
import logging
from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.core import mail
from django.urls import reverse
from gunicorn.config import Config

from agreements import calendar
from agreements.calendar import create_calendar_token
from ekosystem.logmask import MASK, GunicornLogger, mask
from tests.utils import ROOT

SECRET = "hemlig-token-AbCdEfGhIjKlMnOpQrStUvWxYz0123456789"


@pytest.fixture
def captured():
    """What the console handlers of the root and "django.server" loggers write (the "django"
    loggers print through the root's)."""
    stream = io.StringIO()
    handlers = [
        handler
        for logger in (logging.getLogger(), logging.getLogger("django.server"))
        for handler in logger.handlers
        if type(handler) is logging.StreamHandler
    ]
    assert handlers
    previous = [handler.stream for handler in handlers]
    for handler in handlers:
        handler.stream = stream
    yield stream
    for handler, old in zip(handlers, previous, strict=True):
        handler.stream = old


def test_a_404_on_a_feed_path_is_logged_without_the_token(client, db, captured):
    response = client.get(reverse("calendar_feed", args=[SECRET]))
    assert response.status_code == 404
    logged = captured.getvalue()
    assert f"/calendar/{MASK}" in logged
    assert SECRET not in logged


@pytest.mark.parametrize(
    "path", [f"/calendar/{SECRET}", f"/calendar/{SECRET}/", f"/calendar/{SECRET}.ics.txt"]
)
def test_a_mistyped_feed_address_is_masked_too(client, db, captured, path):
    assert client.get(path).status_code == 404
    assert SECRET not in captured.getvalue()


def test_runservers_request_line_is_masked(captured):
    request_line = f"GET /calendar/{SECRET}.ics HTTP/1.1"
    logging.getLogger("django.server").warning('"%s" %s %s', request_line, "404", "179")
    assert SECRET not in captured.getvalue()
    assert f"/calendar/{MASK}" in captured.getvalue()


def test_a_traceback_that_quotes_the_token_is_masked(captured):
    try:
        raise ValueError(f"no feed at /calendar/{SECRET}.ics")
    except ValueError:
        logging.getLogger("django.request").exception("Internal Server Error: %s", "/x/")
    assert "ValueError" in captured.getvalue()
    assert SECRET not in captured.getvalue()


def test_the_error_mail_about_a_500_on_a_feed_names_no_token(
    client, alice, agreement_a, settings, monkeypatch, captured
):
    settings.ADMINS = [("Drift", "drift@example.se")]
    settings.DEBUG = False
    token = create_calendar_token(user=alice)

    def broken(*args, **kwargs):
        raise RuntimeError("the feed broke")

    monkeypatch.setattr(calendar, "calendar_for_user", broken)
    client.raise_request_exception = False
    response = client.get(reverse("calendar_feed", args=[token.secret]))
    assert response.status_code == 500

    [sent] = mail.outbox
    assert "the feed broke" in sent.body  # the traceback is there
    assert f"/calendar/{MASK}" in sent.subject
    everything = sent.subject + sent.body + "".join(str(a[0]) for a in sent.alternatives)
    assert token.secret not in everything
    assert token.secret not in captured.getvalue()


def test_the_settings_pages_own_addresses_are_not_masked():
    assert mask("POST /calendar/token/new/ 302") == "POST /calendar/token/new/ 302"
    assert mask("GET /calendar/ 200") == "GET /calendar/ 200"


def test_gunicorns_access_and_error_logs_are_masked(tmp_path):
    config = Config()
    config.set("accesslog", str(tmp_path / "access.log"))
    config.set("errorlog", str(tmp_path / "error.log"))
    logger = GunicornLogger(config)
    path = f"/calendar/{SECRET}.ics"
    environ = {
        "REQUEST_METHOD": "GET",
        "RAW_URI": path,
        "PATH_INFO": path,
        "QUERY_STRING": "",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "10.0.0.1",
    }
    response = SimpleNamespace(status="404 Not Found", sent=179, headers=[])
    logger.access(response, SimpleNamespace(headers=[]), environ, timedelta(milliseconds=3))
    logger.error("Error handling request %s", path)
    for handler in [*logger.access_log.handlers, *logger.error_log.handlers]:
        handler.flush()

    access = (tmp_path / "access.log").read_text()
    assert f'"GET /calendar/{MASK} HTTP/1.1" 404' in access
    assert SECRET not in access
    assert SECRET not in (tmp_path / "error.log").read_text()


def test_the_repository_gunicorn_config_names_the_masking_logger():
    config = Config()
    namespace = {}
    exec((ROOT / "gunicorn.conf.py").read_text(), namespace)
    config.set("logger_class", namespace["logger_class"])
    assert config.logger_class is GunicornLogger
