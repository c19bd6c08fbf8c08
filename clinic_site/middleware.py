"""Site-wide middleware: request ids for the logs and the headers Django does not set."""

import re
import uuid
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from clinic_site.logging import request_id_var

SANE_REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{8,64}")


def request_id(get_response: Callable[[HttpRequest], HttpResponse]) -> Callable[[HttpRequest], HttpResponse]:
    """Take nginx's X-Request-ID when it looks like one, else make one; echo it back."""

    def middleware(request: HttpRequest) -> HttpResponse:
        incoming = request.headers.get("X-Request-ID", "")
        value = incoming if SANE_REQUEST_ID.fullmatch(incoming) else uuid.uuid4().hex
        request.request_id = value  # type: ignore[attr-defined]
        token = request_id_var.set(value)
        try:
            response = get_response(request)
        finally:
            request_id_var.reset(token)
        response["X-Request-ID"] = value
        return response

    return middleware


def security_headers(
    get_response: Callable[[HttpRequest], HttpResponse],
) -> Callable[[HttpRequest], HttpResponse]:
    """Permissions-Policy and a same-origin resource policy on every response, media included."""

    def middleware(request: HttpRequest) -> HttpResponse:
        response = get_response(request)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        response.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        response.setdefault("X-Content-Type-Options", "nosniff")
        if request.path.startswith(settings.MEDIA_URL):
            # An upload is only ever shown as an image, never run as a page.
            response["Content-Security-Policy"] = "default-src 'none'; sandbox"
            response.setdefault("Content-Disposition", "inline")
        return response

    return middleware
