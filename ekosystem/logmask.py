"""Keeps calendar feed tokens out of every log line and error mail.

A feed address (/calendar/<token>.ics) is a password: whoever reads it reads the feed. Django logs
the path of every 404 and 500 (django.request), runserver every request (django.server), gunicorn
its access log, and the error mails to ADMINS quote the path, the request and the view's local
variables. Each of them passes through `mask` here: settings.LOGGING puts MaskFeedTokens on every
handler and sends error mails through MaskedAdminEmailHandler; gunicorn.conf.py names
GunicornLogger.
"""

import logging
import re

from django.utils.log import AdminEmailHandler
from gunicorn.glogging import Logger as _GunicornLogger

MASK = "[dold]"
# Any segment after /calendar/ except the settings page's own token/new/ and token/revoke/: a
# mistyped feed address (no .ics, a trailing slash) is as secret as a right one.
FEED_SEGMENT = re.compile(r"(/calendar/)(?!token/)[^/\s?#\"'<>&]+")


def mask(text: str) -> str:
    return FEED_SEGMENT.sub(r"\g<1>" + MASK, text) if text else text


class MaskFeedTokens(logging.Filter):
    """Rewrites a record's message, traceback and stack so that no feed token remains."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a malformed call: leave it to the handler to report
            return True
        masked = mask(message)
        if masked != message:
            record.msg, record.args = masked, ()
        if record.exc_info and not record.exc_text:
            # Formatted once here (formatters reuse exc_text), so it can be masked.
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        record.exc_text = mask(record.exc_text)
        record.stack_info = mask(record.stack_info)
        return True


class MaskedAdminEmailHandler(AdminEmailHandler):
    """Django's error mail, with the token masked in the subject, the text and the HTML: they
    quote the path, the request's META and every frame's local variables."""

    def send_mail(self, subject, message, *args, **kwargs):
        if kwargs.get("html_message"):
            kwargs["html_message"] = mask(kwargs["html_message"])
        super().send_mail(mask(subject), mask(message), *args, **kwargs)


_FILTER = MaskFeedTokens()


class GunicornLogger(_GunicornLogger):
    """gunicorn's error and access logs, masked (its access log writes the raw request line)."""

    def setup(self, cfg):
        super().setup(cfg)
        self.error_log.addFilter(_FILTER)
        self.access_log.addFilter(_FILTER)
