"""The page cache: public pages for anonymous visitors, served from the shared cache.

A page is stored under its language and path together with the content version
that was current when its rendering began. Saving or deleting any content
(services/cache.py) replaces the version, so every stored page stops matching at
once and the next visitor gets a fresh rendering. The cache is Django's default
one (a database table, or Redis with REDIS_URL), shared by every gunicorn worker.

Pages that set a cookie (a CSRF token, a session, a message) or carry a CSP nonce
are never stored: they are not the same for every visitor.

The booking form's signed "shown at" stamp is the one part that must not be stored:
a stored copy keeps a marker in its place and every answer gets a fresh stamp, so the
minimum fill time counts from when this visitor got the page. The ETag is computed
over the stored body (marker included), so a revalidation still gets its 304.
"""

import hashlib
import re
import uuid
from collections.abc import Callable
from functools import cache as memoize
from pathlib import Path

from django.conf import settings
from django.core.cache import cache, caches
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.cache import get_conditional_response, patch_vary_headers

from booking.forms import new_form_stamp

CACHED_VIEWS = frozenset(
    {
        "home",
        "services:treatments",
        "services:treatment",
        "services:doctors",
        "services:doctor",
        "services:contacts",
        "services:privacy",
        "services:legal",
        "services:legal_licences",
        "services:legal_prices",
        "services:legal_paid_services",
        "services:legal_patients",
        "services:legal_supervision",
    }
)
# What ads, mailings and search engines add to the links patients follow (utm_* too). No public
# page reads them, so such a visit gets the stored page; any other query string skips the cache.
TRACKING_PARAMETERS = frozenset({"yclid", "ysclid", "gclid", "fbclid", "msclkid", "_openstat"})
VERSION_KEY = "page-cache:content-version"
# How long a process trusts the content version it last read from the shared cache.
VERSION_SECONDS_IN_PROCESS = 1
# Code and files whose change alters the HTML of a page: a deploy starts a new cache.
SOURCES = ("templates", "locale", "clinic_site", "services", "booking")
SETTINGS_IN_PAGES = ("BOOKING_CALLBACK_MINUTES", "SITE_URL", "ADMIN_URL", "STATIC_URL", "MEDIA_URL")
# How Django renders the form's hidden stamp field (booking/forms.py); a stored page has the marker.
STAMP_INPUT = re.compile(rb'(<input type="hidden" name="stamp" value=")[^"]*(")')
STAMP_MARKER = b"form-stamp-to-be-filled"


def content_version() -> str:
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, uuid.uuid4().hex, timeout=None)
        version = cache.get(VERSION_KEY)
    return version


def replace_content_version() -> None:
    """Make every stored page stale, now and again when the current transaction commits.

    The second time covers a page rendered from the old rows while the edit was not
    yet committed: it was stored under the version replaced here.
    """
    _store_new_version()
    transaction.on_commit(_store_new_version)


def _store_new_version() -> None:
    version = uuid.uuid4().hex
    cache.set(VERSION_KEY, version, timeout=None)
    caches["pages-in-process"].set(VERSION_KEY, version, timeout=VERSION_SECONDS_IN_PROCESS)


@memoize
def code_fingerprint() -> str:
    digest = hashlib.sha256()
    for folder in SOURCES:
        for path in sorted((settings.BASE_DIR / folder).rglob("*")):
            if path.suffix in {".py", ".html", ".txt", ".mo"}:
                stat = path.stat()
                digest.update(f"{path}:{stat.st_mtime_ns}:{stat.st_size}".encode())
    manifest = Path(settings.STATIC_ROOT) / "staticfiles.json"
    if manifest.exists():
        digest.update(manifest.read_bytes())
    return digest.hexdigest()[:16]


def page_key(language: str, address: str) -> str:
    # Read on every request: a changed setting (say, the callback minutes) shows at once.
    page_settings = repr([getattr(settings, name, None) for name in SETTINGS_IN_PAGES])
    address_hash = hashlib.sha256(f"{page_settings}{address}".encode()).hexdigest()[:32]
    return f"page:{code_fingerprint()}:{language}:{address_hash}"


class PageCacheMiddleware:
    """Serve and store cacheable pages; placed first but for the request id.

    A stored answer is given before any other middleware runs (no session, locale, CSRF,
    authentication, OTP or axes work for a page that is the same for everyone). Being outside
    them all, the middleware stores the response exactly as the visitor got it: Set-Cookie
    (which keeps it from being stored), the security headers and the content security policy
    included, so a stored answer carries them too.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        language = cacheable_language(request)
        if language is None:
            return self.get_response(request)

        # Scheme and host too: nothing in a page depends on them today, and a page that one
        # day does must not be handed to the other site name.
        key = page_key(language, request.build_absolute_uri(request.path))
        version, entry = stored_page(key)
        if entry is not None:
            return with_fresh_stamp(conditional(request, response_from(entry)))

        response = self.get_response(request)
        if request.method == "GET" and is_cached_view(request) and is_storable(request, response):
            response.content = STAMP_INPUT.sub(rb"\g<1>" + STAMP_MARKER + rb"\g<2>", response.content)
            mark_cacheable(response)
            entry = entry_from(response, version)
            cache.set(key, entry, timeout=settings.PAGE_CACHE_SECONDS)
            keep_in_process(key, entry)
            return with_fresh_stamp(conditional(request, response))
        return conditional(request, response)


def stored_page(key: str) -> tuple[str, dict | None]:
    """The current content version, and the page stored under `key` for it if there is one.

    The page comes from this process's own copy when it has one for the current version. The
    version itself is read from the shared cache at most once a second per process: an edit
    shows at once in the process that saved it and within a second in every other.
    """
    local = caches["pages-in-process"]
    kept = local.get_many([VERSION_KEY, key])
    if key in kept:
        version = kept.get(VERSION_KEY)
        if version is None:
            version = cache.get(VERSION_KEY) or content_version()
            local.set(VERSION_KEY, version, timeout=VERSION_SECONDS_IN_PROCESS)
        if kept[key]["version"] == version:
            return version, kept[key]
    found = cache.get_many([VERSION_KEY, key])
    version = found.get(VERSION_KEY) or content_version()
    entry = found.get(key)
    if entry is None or entry["version"] != version:
        return version, None
    keep_in_process(key, entry)
    return version, entry


def keep_in_process(key: str, entry: dict) -> None:
    caches["pages-in-process"].set(key, entry, timeout=settings.PAGE_CACHE_SECONDS)


def cacheable_language(request: HttpRequest) -> str | None:
    """The page's language when the request may be answered from the cache, else None.

    Cheap on purpose: it runs before every page. Whether the page is one of the cached
    views is known only once Django has resolved it (is_cached_view); a stored entry
    exists only for such a page.
    """
    if settings.PAGE_CACHE_SECONDS <= 0 or request.method not in ("GET", "HEAD"):
        return None
    if settings.SECURE_SSL_REDIRECT and not request.is_secure():
        return None  # SecurityMiddleware, further in, sends the visitor to HTTPS
    if not all(name.startswith("utm_") or name in TRACKING_PARAMETERS for name in request.GET):
        return None
    if settings.SESSION_COOKIE_NAME in request.COOKIES or "messages" in request.COOKIES:
        return None  # a signed-in user, or a visitor with something to be told
    return translation.get_language_from_path(request.path_info)


def is_cached_view(request: HttpRequest) -> bool:
    match = request.resolver_match
    return match is not None and match.view_name in CACHED_VIEWS


def is_storable(request: HttpRequest, response: HttpResponse) -> bool:
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "private" not in response.get("Cache-Control", "")
        and "no-store" not in response.get("Cache-Control", "")
        # A page that asked django-csp for a nonce names it in its policy: not for everyone.
        and "nonce-" not in response.get("Content-Security-Policy", "")
    )


def mark_cacheable(response: HttpResponse) -> None:
    if not response.has_header("ETag"):
        response["ETag"] = f'"{hashlib.sha256(response.content).hexdigest()[:32]}"'
    # Browsers and proxies may keep the page but must ask each time (a cheap 304),
    # so an editor's change reaches every visitor on the next request.
    if not response.has_header("Cache-Control"):
        response["Cache-Control"] = "no-cache"
    patch_vary_headers(response, ("Cookie",))


# Made afresh for each answer, never stored.
UNSTORED = frozenset({"date", "x-request-id"})


def entry_from(response: HttpResponse, version: str) -> dict:
    return {
        "version": version,
        "headers": [(name, value) for name, value in response.items() if name.lower() not in UNSTORED],
        "content": response.content,
    }


def response_from(entry: dict) -> HttpResponse:
    response = HttpResponse(entry["content"])
    for name, value in entry["headers"]:
        response[name] = value
    return response


def with_fresh_stamp(response: HttpResponse) -> HttpResponse:
    if response.status_code != 200 or STAMP_MARKER not in response.content:
        return response
    response.content = response.content.replace(STAMP_MARKER, new_form_stamp().encode())
    if response.has_header("Content-Length"):
        response["Content-Length"] = str(len(response.content))
    return response


def conditional(request: HttpRequest, response: HttpResponse) -> HttpResponse:
    if response.status_code != 200 or not response.has_header("ETag"):
        return response
    return get_conditional_response(request, etag=response["ETag"], response=response) or response
