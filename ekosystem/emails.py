"""E-mail in three templates per message (healthchecks' convention): emails/<name>-subject.html,
-body-text.html and -body-html.html, rendered with the same context. The bodies extend
emails/base-body-text.html and emails/base-body-html.html; the subject and text templates turn
autoescaping off (a subject is not HTML). Send through ekosystem.outbox, never directly."""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation


def render(name, context, *, language=None) -> dict[str, str]:
    """The subject, text and HTML of the mail `name`, in `language` (default: Swedish)."""
    with translation.override(language or settings.LANGUAGE_CODE):
        subject = render_to_string(f"emails/{name}-subject.html", context)
        text = render_to_string(f"emails/{name}-body-text.html", context)
        html = render_to_string(f"emails/{name}-body-html.html", context)
    return {"subject": " ".join(subject.split()), "text": text, "html": html}
