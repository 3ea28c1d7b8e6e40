"""Redis for the cache and Celery where configured; in-process otherwise."""

import pytest
from django.conf import settings
from django.core.cache import cache

from tests.utils import run_python

needs_redis = pytest.mark.skipif(
    not settings.REDIS_URL, reason="REDIS_URL is not set (CI sets it and runs these)"
)


def _setting_without_env(expression, **env):
    result = run_python(
        "-c",
        "import django, os; os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'ekosystem.settings');"
        f" django.setup(); from django.conf import settings; print({expression})",
        drop=("REDIS_URL", "DATABASE_URL"),
        **env,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_without_redis_celery_runs_tasks_in_process_and_data_lives_in_sqlite():
    assert _setting_without_env("settings.CELERY_TASK_ALWAYS_EAGER") == "True"
    assert _setting_without_env("settings.DATABASES['default']['ENGINE']") == (
        "django.db.backends.sqlite3"
    )


def test_with_redis_celery_uses_it_as_broker():
    url = "redis://127.0.0.1:6379/5"
    assert _setting_without_env("settings.CELERY_TASK_ALWAYS_EAGER", REDIS_URL=url) == "False"
    assert _setting_without_env("settings.CELERY_BROKER_URL", REDIS_URL=url) == url


@needs_redis
def test_cache_round_trips_through_redis():
    cache.set("ekosystem-ci-probe", "hej", timeout=10)
    assert cache.get("ekosystem-ci-probe") == "hej"


@needs_redis
def test_celery_reaches_its_broker():
    from ekosystem.celery import app

    with app.connection_for_write() as connection:
        connection.ensure_connection(max_retries=1)
        assert connection.connected


def test_without_redis_eager_tasks_run_without_broker_warnings():
    result = run_python(
        "-c",
        "import django, os; os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'ekosystem.settings')\n"
        "django.setup()\n"
        "from ekosystem.celery import app\n"
        "@app.task(name='ping')\n"
        "def ping():\n"
        "    return 'pong'\n"
        "print(ping.delay().get())\n",
        drop=("REDIS_URL", "DATABASE_URL"),
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "pong"
    assert "hostname" not in result.stderr.lower()


def test_make_run_points_mail_links_at_the_port_it_serves():
    import subprocess

    from tests.utils import ROOT

    result = subprocess.run(
        ["make", "-n", "run", "PORT=8105"], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    commands = [line for line in result.stdout.splitlines() if "manage.py" in line]
    demo = next(line for line in commands if "load_demo_data" in line)
    server = next(line for line in commands if "runserver" in line)
    assert "SITE_URL=http://127.0.0.1:8105 " in demo
    assert "SITE_URL=http://127.0.0.1:8105 " in server and server.endswith("127.0.0.1:8105")
