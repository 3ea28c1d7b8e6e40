"""Throttles for what django-axes does not cover: reset requests and wrong old passwords.

A rule allows `limit` attempts per fixed window; the attempt that reaches the limit starts a
cool-off during which `blocked` answers how many minutes are left. Counters live in the default
cache (Redis in production; `cache.add` + `incr` are atomic there and in local memory), keyed by
a hash of what is counted, so no e-mail or address is stored in the cache in clear.
"""

import hashlib
import math
import time
from dataclasses import dataclass
from datetime import timedelta

from django.core.cache import cache


@dataclass(frozen=True)
class Rule:
    name: str
    limit: int
    window: timedelta
    cooloff: timedelta


# Reset mails per e-mail address: beyond this, requests get the same answer but no mail.
RESET_PER_EMAIL = Rule(
    "reset-email", limit=3, window=timedelta(hours=1), cooloff=timedelta(hours=1)
)
# Reset requests per client address: beyond this, the form says to wait.
RESET_PER_ADDRESS = Rule(
    "reset-address", limit=10, window=timedelta(hours=1), cooloff=timedelta(minutes=30)
)
# Wrong current passwords on the change-password form, per user.
PASSWORD_CHANGE = Rule(
    "password-change", limit=5, window=timedelta(minutes=15), cooloff=timedelta(minutes=15)
)


def window_of(rule: Rule, now: float) -> int:
    """The number of the fixed window `now` (seconds since the epoch) falls in."""
    return int(now // rule.window.total_seconds())


def minutes_left(until: float, now: float) -> int:
    """Whole minutes to wait, rounded up: a user told "1 minute" never finds it still closed."""
    return max(math.ceil((until - now) / 60), 0)


def reaches_limit(rule: Rule, count: int) -> bool:
    return count >= rule.limit


def _key(rule: Rule, subject: str, part: str) -> str:
    digest = hashlib.sha256(subject.strip().lower().encode()).hexdigest()
    return f"throttle:{rule.name}:{part}:{digest}"


def blocked(rule: Rule, subject: str, *, now: float | None = None) -> int:
    """Minutes left of `subject`'s cool-off under `rule`; 0 when it may try."""
    now = time.time() if now is None else now
    until = cache.get(_key(rule, subject, "until"))
    return minutes_left(until, now) if until else 0


def hit(rule: Rule, subject: str, *, now: float | None = None) -> int:
    """Count one attempt; returns the minutes of cool-off it started (0 when none)."""
    now = time.time() if now is None else now
    window = rule.window.total_seconds()
    key = _key(rule, subject, str(window_of(rule, now)))
    cache.add(key, 0, timeout=math.ceil(window))
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=math.ceil(window))
        count = 1
    if not reaches_limit(rule, count):
        return 0
    until = now + rule.cooloff.total_seconds()
    cache.set(_key(rule, subject, "until"), until, timeout=math.ceil(rule.cooloff.total_seconds()))
    return minutes_left(until, now)


def clear(rule: Rule, subject: str, *, now: float | None = None) -> None:
    """Forget `subject`'s attempts (after a success)."""
    now = time.time() if now is None else now
    cache.delete_many(
        [_key(rule, subject, "until"), _key(rule, subject, str(window_of(rule, now)))]
    )
