"""Load once, before gunicorn forks its workers, what each worker's first requests would load.

Django fills several things in on first use: the URLconf and its reverse lookups (once per
language, because of i18n_patterns), the compiled URL patterns, the translation catalogues, the
compiled templates (the cached loader) and the phone numbering plan. A worker that starts
cold, at boot or when gunicorn recycles it (max_requests), took 50 ms for its first form POST
instead of 3 (17 with this; one process, measured 2026-11-27), while the requests queued
behind it waited.
With preload_app (gunicorn.conf.py) the application is imported in the arbiter, so what is
loaded here is there in every worker it forks.

Nothing here may touch the database: a connection opened in the arbiter would be shared by
every forked worker (tests/site/test_warmup.py runs this with database access forbidden).
"""

from pathlib import Path

import phonenumbers
from django.conf import settings
from django.template import TemplateDoesNotExist, TemplateSyntaxError
from django.template.loader import get_template
from django.urls import URLResolver, get_resolver
from django.utils import translation

# Rendered by the task worker, not by the web server.
NOT_SERVED_BY_THE_WEB = ("emails/",)


def warm_up() -> None:
    resolver = get_resolver()
    for language, _name in settings.LANGUAGES:
        with translation.override(language):  # loads the language's catalogues
            resolver.reverse_dict  # noqa: B018 (fills the reverse lookups for this language)
            _compile_patterns(resolver)
    for number in ("+74994601561", "+79161234567"):  # the numbering plan (its patterns compile on use)
        phonenumbers.is_valid_number(phonenumbers.parse(number))
    for name in project_templates():
        try:
            get_template(name)
        except (TemplateDoesNotExist, TemplateSyntaxError):
            continue  # a broken template shows up where it is used, not at start


def _compile_patterns(resolver: URLResolver) -> None:
    for pattern in resolver.url_patterns:
        pattern.pattern.regex  # noqa: B018 (compiled on first access, per language)
        if isinstance(pattern, URLResolver):
            _compile_patterns(pattern)


def project_templates() -> list[str]:
    names = []
    for directory in settings.TEMPLATES[0]["DIRS"]:
        root = Path(directory)
        for path in sorted(root.rglob("*.html")):
            name = path.relative_to(root).as_posix()
            if not name.startswith(NOT_SERVED_BY_THE_WEB):
                names.append(name)
    return names
