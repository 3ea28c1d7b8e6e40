"""E-mail in three templates per message (healthchecks' convention): emails/<name>-subject.html,
-body-text.html and -body-html.html, rendered with the same context."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation


def make_message(name, to, context, *, language=None) -> EmailMultiAlternatives:
    with translation.override(language or settings.LANGUAGE_CODE):
        subject = render_to_string(f"emails/{name}-subject.html", context).strip()
        text = render_to_string(f"emails/{name}-body-text.html", context)
        html = render_to_string(f"emails/{name}-body-html.html", context)
    message = EmailMultiAlternatives(" ".join(subject.split()), text, to=to)
    message.attach_alternative(html, "text/html")
    return message


def send(name, to, context, *, language=None) -> None:
    make_message(name, to, context, language=language).send()
