"""Uploaded photos for `make run`, where no nginx stands in front (in production nginx serves them).

Only image files are served; the middleware adds nosniff and a sandboxing CSP to
everything under MEDIA_URL, so an upload can never act as a page.
"""

from django.conf import settings
from django.http import FileResponse, HttpRequest
from django.urls import re_path
from django.views.decorators.http import require_GET
from django.views.static import serve

IMAGE_PATH = r"^(?P<path>[\w./-]+\.(?:jpe?g|png|webp|avif|gif|JPE?G|PNG|WEBP))$"


@require_GET
def media_file(request: HttpRequest, path: str) -> FileResponse:
    response = serve(request, path, document_root=str(settings.MEDIA_ROOT))
    # Rendition names carry a content hash, so a stored copy never goes stale.
    response["Cache-Control"] = "public, max-age=2592000"
    return response


def media_urlpatterns() -> list:
    prefix = settings.MEDIA_URL.lstrip("/")
    return [re_path(IMAGE_PATH.replace("^", f"^{prefix}", 1), media_file, name="media")]
