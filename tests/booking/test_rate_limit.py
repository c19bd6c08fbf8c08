"""The hourly limits hold for the whole hour on every cache backend the site runs with."""

import os
from datetime import UTC, datetime, timedelta

import pytest
import redis
import time_machine
from django.core.cache import caches

from booking import ratelimit

REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/9")
BACKENDS = {
    "database": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "clinic_cache"},
    "local memory": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "redis": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL},
}
# Ten past the hour, so six attempts six minutes apart fall within one clock hour.
START = datetime(2026, 12, 4, 10, 10, tzinfo=UTC)


def redis_reachable() -> bool:
    try:
        return bool(redis.Redis.from_url(REDIS_URL, socket_connect_timeout=0.5).ping())
    except redis.RedisError:
        return False


@pytest.fixture(params=list(BACKENDS))
def cache_backend(request, settings, transactional_db):
    if request.param == "redis" and not redis_reachable():
        pytest.skip(f"no Redis at {REDIS_URL}")
    settings.CACHES = {"default": BACKENDS[request.param]}
    caches["default"].clear()
    yield request.param
    caches["default"].clear()


def attempts_six_minutes_apart(count: int, **limit) -> list[bool]:
    answers = []
    with time_machine.travel(START, tick=False) as clock:
        for _ in range(count):
            answers.append(ratelimit.allow("phone", "+79160000001", **limit))
            clock.shift(timedelta(minutes=6))
    return answers


def test_attempts_six_minutes_apart_are_refused_once_over_the_limit(cache_backend):
    assert attempts_six_minutes_apart(7, limit=5) == [True] * 5 + [False] * 2


def test_the_count_starts_again_in_the_next_hour(cache_backend):
    with time_machine.travel(START, tick=False) as clock:
        assert [ratelimit.allow("ip", "10.0.0.1", 2) for _ in range(3)] == [True, True, False]
        clock.shift(timedelta(hours=1))
        assert ratelimit.allow("ip", "10.0.0.1", 2)


def test_phones_and_addresses_are_counted_apart(cache_backend):
    with time_machine.travel(START, tick=False):
        assert ratelimit.allow("ip", "10.0.0.1", 1)
        assert ratelimit.allow("phone", "10.0.0.1", 1)
        assert not ratelimit.allow("ip", "10.0.0.1", 1)


def test_a_limit_of_zero_counts_nothing(cache_backend):
    assert attempts_six_minutes_apart(20, limit=0) == [True] * 20
