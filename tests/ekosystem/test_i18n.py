import gettext
import os
import shutil
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.template import Context, Template
from django.urls import reverse
from django.utils import translation

from tests.utils import run_python

CATALOGUE = Path(settings.BASE_DIR) / "locale" / "en" / "LC_MESSAGES"
# What makemessages reads: every app package, the templates and the catalogue itself.
SOURCE_PARTS = [
    "manage.py",
    "ekosystem",
    "agreements",
    "assessments",
    "prioritisation",
    "templates",
    "locale",
]


def test_pages_are_swedish_by_default(client, db):
    page = client.get(reverse("login")).text
    assert '<html lang="sv">' in page
    assert "Logga in med din e-postadress" in page


def test_a_visitor_can_switch_to_english(client, db):
    response = client.post(
        reverse("set_language"), {"language": "en", "next": reverse("login")}, follow=True
    )
    assert '<html lang="en">' in response.text
    assert "Log in with your e-mail address" in response.text


def test_amounts_and_large_numbers_use_swedish_grouping():
    template = Template("{% load ekosystem_format %}{{ amount|sek }} · {{ count|grouped }}")
    with translation.override("sv"):
        rendered = template.render(Context({"amount": 1_000_000, "count": 12345}))
    assert rendered == "1\xa0000\xa0000\xa0kr · 12\xa0345"


def test_every_english_entry_is_translated_and_none_is_fuzzy():
    catalogue = polib.pofile(str(CATALOGUE / "django.po"))
    assert catalogue.untranslated_entries() == []
    assert catalogue.fuzzy_entries() == []


def test_the_compiled_english_catalogue_matches_the_source():
    source = polib.pofile(str(CATALOGUE / "django.po"))
    with open(CATALOGUE / "django.mo", "rb") as compiled_file:
        compiled = gettext.GNUTranslations(compiled_file)
    for entry in source.translated_entries():
        if entry.msgid_plural:
            assert compiled.ngettext(entry.msgid, entry.msgid_plural, 1) == entry.msgstr_plural[0]
        elif entry.msgctxt:
            assert compiled.pgettext(entry.msgctxt, entry.msgid) == entry.msgstr
        else:
            assert compiled.gettext(entry.msgid) == entry.msgstr, entry.msgid


def test_an_english_browser_still_gets_swedish_until_the_user_switches(client, db):
    page = client.get(reverse("login"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").text
    assert '<html lang="sv">' in page


@pytest.mark.skipif(
    not shutil.which("xgettext") and not os.environ.get("CI"),
    reason="GNU gettext is not installed (apt-get install gettext); CI installs it",
)
def test_the_english_catalogue_holds_every_string_in_the_source(tmp_path):
    root = Path(settings.BASE_DIR)
    for part in SOURCE_PARTS:
        copy = shutil.copytree if (root / part).is_dir() else shutil.copy
        copy(root / part, tmp_path / part)
    result = run_python(
        "manage.py", "makemessages", "--locale", "en", "--no-obsolete", cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    fresh = polib.pofile(str(tmp_path / "locale/en/LC_MESSAGES/django.po"))
    committed = polib.pofile(str(CATALOGUE / "django.po"))
    assert {(e.msgctxt, e.msgid) for e in fresh} == {(e.msgctxt, e.msgid) for e in committed}, (
        "Run `make messages` and translate the new entries."
    )
