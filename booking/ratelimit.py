"""A fixed-window rate limit kept in the shared cache, so it holds across gunicorn workers."""

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


def allow(kind: str, identity: str) -> bool:
    """Count one attempt for this identity; False once it is over the hourly limit."""
    limit = settings.BOOKING_RATE_LIMIT
    if limit <= 0:
        return True
    window = int(time.time() // WINDOW_SECONDS)
    key = f"booking-rate:{kind}:{keyed_hash(identity)}:{window}"
    # add() is a no-op when the key exists, so the first attempt of a window starts the count at 0.
    cache.add(key, 0, timeout=WINDOW_SECONDS + 60)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.add(key, 1, timeout=WINDOW_SECONDS + 60)
        count = 1
    return count <= limit
