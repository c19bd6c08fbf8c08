"""Compliance self-check, run by `manage.py check` (warnings) and `check --deploy` (errors).

A clinic's site must show its licence and legal details, the contraindication
warning, the personal-data policy and consent in every language, load nothing
from third parties, and escalate before the callback deadline, not after it.
"""

import re
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from types import FrameType
from typing import Any

from django.apps import AppConfig
from django.conf import settings
from django.core import checks
from django.db import DatabaseError
from django.template import TemplateDoesNotExist, engines
from django.template.backends.django import DjangoTemplates
from django.urls import Resolver404, resolve
from django.utils import translation

from clinic_site.lib.origins import SCANNED_STATIC_SUFFIXES, external_loads_in_tree

CONTRAINDICATION_WARNING = "Имеются противопоказания. Необходима консультация специалиста"
BASE_TEMPLATE = "base.html"
REQUIRED_DOCUMENTS = {"privacy": "the personal-data policy", "consent": "the consent document"}


def _problem(deploy: bool, number: int, msg: str, *, hint: str, obj: object = None) -> checks.CheckMessage:
    """An error under `check --deploy`, a warning otherwise, numbered clinic_site.E00n / W00n."""
    if deploy:
        return checks.Error(msg, hint=hint, obj=obj, id=f"clinic_site.E{number:03}")
    return checks.Warning(msg, hint=hint, obj=obj, id=f"clinic_site.W{number:03}")


def clinic_legal_details(deploy: bool) -> list[checks.CheckMessage]:
    from services.models import ClinicLocation

    try:
        locations = list(ClinicLocation.objects.all())
    except DatabaseError:
        return []  # not migrated yet: nothing to judge
    problems = []
    for location in locations:
        missing = [
            label
            for label, value in (
                ("licence number", location.licence_number),
                ("legal entity", location.legal_name),
                ("OGRN", location.ogrn),
                ("INN", location.inn),
            )
            if not (value or "").strip()
        ]
        if missing:
            problems.append(
                _problem(
                    deploy,
                    1,
                    f"Clinic location {location.pk} lacks: {', '.join(missing)}.",
                    hint="The law requires them on every page; fill them in the admin (Clinic locations).",
                    obj=location,
                )
            )
    return problems


def _template_with_includes(name: str, seen: set[str] | None = None) -> str:
    """The source of a template and, recursively, of every template it includes by name."""
    seen = set() if seen is None else seen
    if name in seen:
        return ""
    seen.add(name)
    backend = engines["django"]
    assert isinstance(backend, DjangoTemplates)
    source = backend.engine.get_template(name).source
    included = re.findall(r"""{%\s*(?:include|extends)\s+["']([^"']+)["']""", source)
    return source + "".join(_template_with_includes(child, seen) for child in included)


def contraindication_warning(deploy: bool) -> list[checks.CheckMessage]:
    try:
        source = _template_with_includes(BASE_TEMPLATE)
    except TemplateDoesNotExist:
        source = ""
    problems = []
    if CONTRAINDICATION_WARNING not in source:
        problems.append(
            _problem(
                deploy,
                2,
                f"The contraindication warning is missing from {BASE_TEMPLATE} and its includes.",
                hint=f"Every page must show «{CONTRAINDICATION_WARNING}.»",
            )
        )
    elif not _translated_to_every_language(_translated_msgid(source)):
        problems.append(
            _problem(
                deploy,
                3,
                "The contraindication warning has no translation for every language.",
                hint="Add its English text to locale/en/LC_MESSAGES/parts and run bin/build-messages.",
            )
        )
    return problems


def _translated_msgid(source: str) -> str:
    start = source.index(CONTRAINDICATION_WARNING)
    end = source.find('"', start)
    return source[start:end] if end != -1 else CONTRAINDICATION_WARNING


def _translated_to_every_language(msgid: str) -> bool:
    for code, _name in settings.LANGUAGES:
        if code == settings.LANGUAGE_CODE:
            continue
        with translation.override(code):
            if translation.gettext(msgid) == msgid:
                return False
    return True


def personal_data_documents(deploy: bool) -> list[checks.CheckMessage]:
    problems = []
    for code, _name in settings.LANGUAGES:
        for slug, title in REQUIRED_DOCUMENTS.items():
            path = f"/{code}/{slug}/"
            try:
                with translation.override(code):  # i18n_patterns match the active language only
                    resolve(path)
            except Resolver404:
                problems.append(
                    _problem(
                        deploy,
                        4,
                        f"{title.capitalize()} is missing in language {code!r}: {path} does not resolve.",
                        hint="Patients must be able to read it before they send a request.",
                    )
                )
    return problems


def third_party_origins(deploy: bool) -> list[checks.CheckMessage]:
    own = [settings.SITE_URL]
    found = []
    for directory in settings.TEMPLATES[0]["DIRS"]:
        found += external_loads_in_tree(Path(directory), {".html", ".svg"}, own, skip=("emails/",))
    for directory in settings.STATICFILES_DIRS:
        found += external_loads_in_tree(Path(directory), SCANNED_STATIC_SUFFIXES, own)
    return [
        _problem(
            deploy,
            5,
            f"A third-party origin would be loaded: {reference}.",
            hint="Serve the file from static/ instead; only <a href> links may point elsewhere.",
        )
        for reference in found
    ]


def escalation_before_deadline(deploy: bool) -> list[checks.CheckMessage]:
    escalate, deadline = settings.BOOKING_ESCALATE_AFTER_MINUTES, settings.BOOKING_CALLBACK_MINUTES
    if escalate < deadline:
        return []
    return [
        _problem(
            deploy,
            6,
            f"BOOKING_ESCALATE_AFTER_MINUTES ({escalate:g}) is not before "
            f"BOOKING_CALLBACK_MINUTES ({deadline:g}): supervisors would hear of a request only after "
            "the promise is already broken.",
            hint="Escalate before the deadline, e.g. 10 of 15 minutes.",
        )
    ]


COMPLIANCE_CHECKS: list[Callable[[bool], list[checks.CheckMessage]]] = [
    clinic_legal_details,
    contraindication_warning,
    personal_data_documents,
    third_party_origins,
    escalation_before_deadline,
]


def _deployment_checks_running() -> bool:
    """True inside `check --deploy`.

    Django does not tell a check which mode it runs in, and registering a second,
    deploy-only variant would report every problem twice (as a warning and as an
    error), so look for the flag on the registry's run_checks frame.
    """
    frame: FrameType | None = sys._getframe(1)
    while frame is not None:
        if frame.f_code.co_name == "run_checks" and "include_deployment_checks" in frame.f_locals:
            return bool(frame.f_locals["include_deployment_checks"])
        frame = frame.f_back
    return False


@checks.register("compliance")
def compliance(app_configs: Iterable[AppConfig] | None = None, **kwargs: Any) -> list[checks.CheckMessage]:
    deploy = _deployment_checks_running()
    problems: list[checks.CheckMessage] = []
    for check in COMPLIANCE_CHECKS:
        problems += check(deploy)
    return problems
