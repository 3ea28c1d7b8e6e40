import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Set for the browser tests' process only; a management command run as a subprocess must not
# inherit it (`check --deploy` rightly flags it as async.E001).
NOT_INHERITED = {"DJANGO_ALLOW_ASYNC_UNSAFE"}


def run_python(*args, drop=(), cwd=ROOT, **env):
    """Run this project's Python in a fresh process with a cleaned environment plus `env`."""
    environment = {k: v for k, v in os.environ.items() if k not in NOT_INHERITED and k not in drop}
    environment.update(env)
    return subprocess.run(
        [sys.executable, *args],
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def one_time_token(client, url) -> str:
    """The one-time form token the page at `url` issues with its form (ekosystem.onetime)."""
    import re

    page = client.get(url).content.decode()
    return re.search(r'name="one_time_token" value="([^"]+)"', page).group(1)


def post_twice(client, url, data):
    """Send the same form twice, as a double click does; return both responses."""
    return client.post(url, data), client.post(url, data)
