"""Hourly limits on form submissions per phone and per address, kept in the shared cache so
they hold across gunicorn workers."""

import hashlib
import hmac
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

WINDOW_SECONDS = 3600


def keyed_hash(value: str) -> str:
    """HMAC-SHA256 keyed with SECRET_KEY: comparable, but not reversible into an IP or a phone."""
    return hmac.new(settings.SECRET_KEY.encode(), value.encode(), hashlib.sha256).hexdigest()


def client_ip(request: HttpRequest) -> str:
    if settings.TRUST_X_FORWARDED_FOR:
        # Our own proxy appends the address it saw last; anything before it the client could forge.
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        last = forwarded.split(",")[-1].strip()
        if last:
            return last
    return request.META.get("REMOTE_ADDR", "")


def allow_phone(phone: str) -> bool:
    return allow("phone", phone, settings.BOOKING_RATE_LIMIT)


def allow_address(address: str) -> bool:
    # Many patients share one mobile carrier's address: its limit is higher than a phone's.
    return allow("ip", address, settings.BOOKING_RATE_LIMIT_IP)


def allow(kind: str, identity: str, limit: int) -> bool:
    """Count one attempt for this identity in the current clock hour; False once over `limit`
    (0 turns the limit off)."""
    if limit <= 0:
        return True
    now = time.time()
    window = int(now // WINDOW_SECONDS)
    key = f"booking-rate:{kind}:{keyed_hash(identity)}:{window}"
    lifetime = int((window + 1) * WINDOW_SECONDS - now) + 1
    # add() does nothing when the key exists, so the first attempt of a window starts at 0.
    cache.add(key, 0, timeout=lifetime)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.add(key, 1, timeout=lifetime)
        return True
    # Some backends' incr() (the database cache's) stores the value again with the default
    # timeout, five minutes: give the counter back the rest of its hour.
    cache.touch(key, timeout=lifetime)
    return count <= limit
