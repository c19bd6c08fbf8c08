import os
from pathlib import Path

from django.http import Http404, HttpRequest, HttpResponse
from django.urls import path
from django.views.decorators.cache import cache_page

SAVED_PAGES = Path(os.environ.get("BENCH_SAVED_PAGES", "bench-results/html"))


@cache_page(600)
def saved_page(request: HttpRequest, page: str) -> HttpResponse:
    file = (SAVED_PAGES / page / "index.html").resolve()
    if SAVED_PAGES.resolve() not in file.parents or not file.is_file():
        raise Http404
    return HttpResponse(file.read_bytes(), content_type="text/html; charset=utf-8")


urlpatterns = [path("<path:page>", saved_page)]
