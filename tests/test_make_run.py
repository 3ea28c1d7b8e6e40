"""`make run` shows what users meet: the product's Swedish 404, with its static files served."""

import re
import subprocess

from tests.utils import ROOT, run_python

PROBE = """
import django, os
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ekosystem.settings")
django.setup()
from django.test import Client
client = Client(SERVER_NAME="127.0.0.1")
missing = client.get("/finns-inte/")
css = client.get("/static/css/ekosystem.css")
print(missing.status_code, "Sidan finns inte" in missing.content.decode(), css.status_code)
"""


def _run_environment():
    """The variables `make run` sets on its runserver line."""
    dry_run = subprocess.run(
        ["make", "-n", "run"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    line = next(line for line in dry_run.splitlines() if "runserver" in line)
    return dict(re.findall(r"(?:^|\s)([A-Z_]+)=(\S+)", line.split("python", 1)[0]))


def test_make_run_shows_the_swedish_404_page_and_still_serves_static_files():
    environment = _run_environment()
    assert environment.get("DEBUG") == "false"
    result = run_python("-c", PROBE, drop=("DEBUG", "EKOSYSTEM_ENV"), **environment)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["404", "True", "200"]
