"""Every mail: one base template, an unescaped subject, and text and HTML bodies that agree."""

import html
import re
from datetime import date

import pytest
from django.conf import settings
from django.template.loader import get_template

from ekosystem import emails
from tests.agreements.factories import AgreementFactory
from tests.factories import EcosystemFactory

MAIL_DIR = settings.BASE_DIR / "templates" / "emails"
MAILS = sorted(
    path.name.removesuffix("-body-text.html")
    for path in MAIL_DIR.glob("*-body-text.html")
    if not path.name.startswith("base-")
)


def as_text(body_html: str) -> str:
    """What a reader of the HTML body reads, with each link as 'its text: its address'."""
    body = re.sub(r'<a href="([^"]*)">(.*?)</a>', r"\2: \1", body_html, flags=re.S)
    body = re.sub(r"<[^>]+>", " ", body)
    return " ".join(html.unescape(body).split())


@pytest.fixture
def context(db, round_, submission_a, olga):
    ecosystem = EcosystemFactory(name="Rymd & Norr <AB>")
    submission_a.ecosystem = ecosystem
    event = submission_a.events.create(
        kind="returned", comment="Fråga 7 & 8:\nkomplettera.", actor=olga
    )
    return {
        "submission": submission_a,
        "event": event,
        "agreement": AgreementFactory(ecosystem=ecosystem),
        "day": date(2026, 12, 31),
        "days_left": 14,
        "url": "http://127.0.0.1:8105/x/?a=1&b=2",
        "email": "o'neil&co@example.se",
        "hours": 2,
    }


def test_every_mail_has_three_templates_on_the_one_base():
    assert MAILS == [
        "agreement-evaluation",
        "agreement-notice-deadline",
        "password-reset",
        "submission-deadline",
        "submission-returned",
    ]
    for name in MAILS:
        for part in ("subject", "body-text", "body-html"):
            source = get_template(f"emails/{name}-{part}.html").template.source
            assert source.startswith(f'{{% extends "emails/base-{part}.html" %}}'), (name, part)


@pytest.mark.parametrize("language", ["sv", "en"])
@pytest.mark.parametrize("name", MAILS)
def test_text_and_html_bodies_say_the_same(name, language, context):
    mail = emails.render(name, context, language=language)
    assert " ".join(mail["text"].split()) == as_text(mail["html"])
    assert f'lang="{language}"' in mail["html"]
    assert "&amp;" not in mail["text"] and "&lt;" not in mail["text"]


@pytest.mark.parametrize("name", MAILS)
def test_subjects_are_plain_text_not_html_escaped(name, context):
    subject = emails.render(name, context)["subject"]
    assert "&" not in subject.replace("Rymd & Norr <AB>", "")
    assert "&amp;" not in subject and "&lt;" not in subject
    assert "\n" not in subject


def test_a_subject_names_the_ecosystem_as_typed(context):
    subject = emails.render("agreement-evaluation", context)["subject"]
    assert subject == "Utvärdering av avtalet med Rymd & Norr <AB>: 31 december 2026"
