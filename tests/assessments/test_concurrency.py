"""Autosaves overlapping on the embedded SQLite database: none fails, every answer is saved."""

import json

from tests.utils import ROOT, run_python


def test_twenty_overlapping_autosaves_on_sqlite_all_succeed_and_are_all_saved(tmp_path):
    result = run_python(
        str(ROOT / "tests/assessments/concurrent_autosaves.py"),
        DATABASE_URL=f"sqlite:///{tmp_path / 'concurrent.sqlite3'}",
        MEDIA_ROOT=str(tmp_path / "media"),
        ALLOWED_HOSTS="testserver",
    )
    assert result.returncode == 0, result.stderr[-3000:]
    outcome = json.loads(result.stdout.strip().splitlines()[-1])
    assert outcome["saves"] >= 20
    assert outcome["statuses"] == [200] * outcome["saves"]
    assert outcome["unsaved"] == []
