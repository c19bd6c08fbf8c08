"""What gunicorn's arbiter loads before it forks the workers (clinic_site/warmup.py)."""

import json
import os
import subprocess
import sys

from django.template import engines
from django.test import override_settings

from clinic_site.warmup import project_templates, warm_up

# Imports the application as gunicorn does (preload_app) and reports what the arbiter holds.
ARBITER = """
import json
from django.db import connections
from django.template import engines
from django.urls import get_resolver
import clinic_site.wsgi

loader = engines["django"].engine.template_loaders[0]
print(json.dumps({
    "connections_open": [c.alias for c in connections.all(initialized_only=True) if c.connection is not None],
    "templates_loaded": sorted(loader.get_template_cache),
    "languages_reversed": sorted(get_resolver()._reverse_dict),
}))
"""


def cached_templates() -> set[str]:
    return set(engines["django"].engine.template_loaders[0].get_template_cache)


def test_the_application_gunicorn_imports_is_warm_and_holds_no_database_connection():
    env = {**os.environ, "DJANGO_DEBUG": "false"}
    result = subprocess.run(
        [sys.executable, "-c", ARBITER], env=env, capture_output=True, text=True, timeout=120, check=True
    )
    arbiter = json.loads(result.stdout.strip().splitlines()[-1])

    # A connection opened here would be shared by every worker forked from it.
    assert arbiter["connections_open"] == []
    assert {"home.html", "base.html", "booking/request.html", "services/treatment_detail.html"} <= set(
        arbiter["templates_loaded"]
    )
    assert not any(name.startswith("emails/") for name in arbiter["templates_loaded"])
    assert {"ru", "en"} <= set(arbiter["languages_reversed"])


def test_warming_up_needs_no_database():
    # No django_db mark: pytest-django fails any query made here.
    warm_up()

    assert set(project_templates()) <= cached_templates()


urlpatterns: list[object] = []  # the URLconf of the next test: none of the site's names


@override_settings(ROOT_URLCONF=__name__)
def test_warming_up_assumes_no_url_of_the_site():
    # make bench serves its framework ceiling with a URLconf of its own through the same wsgi.py.
    warm_up()
