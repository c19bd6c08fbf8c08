"""The baseline of `make bench`: a stock `django-admin startproject` project serving saved pages.

Generated afresh into a temporary folder at each run: its default settings and middleware,
untouched but for DEBUG off and the allowed hosts, and one URL whose view, wrapped in
Django's own `cache_page` on the default local-memory cache, returns the bytes a page of
the site was saved as. What the site does beyond that for a stored page is the site's cost.
"""

import subprocess
from pathlib import Path

from bench.stack import BASE

VIEW = """
from pathlib import Path

from django.http import Http404, HttpResponse
from django.urls import path
from django.views.decorators.cache import cache_page

SAVED_PAGES = Path({saved!r})


@cache_page(600)
def saved_page(request, page):
    file = (SAVED_PAGES / page / "index.html").resolve()
    if SAVED_PAGES not in file.parents or not file.is_file():
        raise Http404
    return HttpResponse(file.read_bytes(), content_type="text/html; charset=utf-8")


urlpatterns = [path("<path:page>", saved_page)]
"""


def generate(folder: Path, saved_pages: Path) -> None:
    """Write the stock project `stock` into `folder` (a new folder)."""
    folder.mkdir(parents=True)
    django_admin = BASE / ".venv" / "bin" / "django-admin"
    subprocess.run([str(django_admin), "startproject", "stock", str(folder)], check=True)
    settings = folder / "stock" / "settings.py"
    settings.write_text(
        settings.read_text() + '\nDEBUG = False\nALLOWED_HOSTS = ["127.0.0.1", "localhost"]\n'
    )
    (folder / "stock" / "urls.py").write_text(VIEW.format(saved=str(saved_pages.resolve())))
