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


ORGANISATION_FIELDS = {
    "full_name": "full name",
    "short_name": "short name",
    "legal_form": "legal form",
    "legal_address": "legal address",
    "postal_address": "postal address",
    "registration_date": "date of state registration",
    "ogrn": "OGRN",
    "inn": "INN",
    "kpp": "KPP",
    "founders": "founders",
    "head_name": "head's name",
    "head_reception": "head's reception hours",
    "head_phone": "head's reception phone",
    "prices_effective_from": "date the price list took effect",
    "privacy_policy_date": "date of the personal-data policy",
    "privacy_officer": "person responsible for personal data",
    "rkn_registry_number": "Roskomnadzor registry number",
}
REQUIRED_TEXTS = {
    "structure": "structure and management",
    "rights": "patients' rights",
    "duties": "patients' duties",
    "rules": "internal rules for patients",
    "guarantees": "state guarantees (OMS, VMP quotas)",
    "accessibility": "accessibility for disabled visitors",
    "paid_services": "order and terms of paid services",
    "payment": "payment methods",
}
SUPERVISING_BODIES = {
    "health_ministry": "the regional health ministry",
    "roszdravnadzor": "Roszdravnadzor's territorial body",
    "rospotrebnadzor": "Rospotrebnadzor's territorial body",
}
DEMO_VALUE = re.compile(r"\bDEMO\b|\bдемо", re.IGNORECASE)


def _is_demo(value: object) -> bool:
    return isinstance(value, str) and DEMO_VALUE.search(value) is not None


def legal_information(deploy: bool) -> list[checks.CheckMessage]:
    """Name each item of the legally required information that is empty or still a demo value.

    Errors under `check --deploy` unless CLINIC_DEMO says this is a demonstration site."""
    try:
        with translation.override(settings.LANGUAGE_CODE):  # the Russian text is the one the law asks for
            missing, demo = _legal_information_gaps()
    except DatabaseError:
        return []  # not migrated yet: nothing to judge
    strict = deploy and not settings.CLINIC_DEMO
    where = "the admin, Services: medical organisation, licences, supervising bodies, legal texts, price list"
    problems = []
    if missing:
        problems.append(
            _problem(
                strict,
                7,
                f"Legal information is missing: {'; '.join(missing)}.",
                hint=f"The law requires it on the site; enter it in {where}.",
            )
        )
    if demo:
        problems.append(
            _problem(
                strict,
                8,
                f"Legal information still holds demo values: {'; '.join(demo)}.",
                hint=f"Replace them in {where} (CLINIC_DEMO=true marks a demonstration site).",
            )
        )
    return problems


def _legal_information_gaps() -> tuple[list[str], list[str]]:
    from services.legal import LegalText, Licence, MedicalOrganisation, PriceItem, SupervisingBody

    missing: list[str] = []
    demo: list[str] = []
    organisation = MedicalOrganisation.objects.first()
    if organisation is None:
        missing.append("the medical organisation (name, addresses, registration, head)")
    else:
        if organisation.is_demo:
            demo.append("the medical organisation (marked as demo data)")
        for field, label in ORGANISATION_FIELDS.items():
            value = getattr(organisation, field)
            if value in (None, "") or (isinstance(value, str) and not value.strip()):
                missing.append(f"the organisation's {label}")
            elif _is_demo(value):
                demo.append(f"the organisation's {label}")
    if not organisation or not (
        organisation.contract_template or LegalText.objects.filter(topic="contract").exists()
    ):
        missing.append("the contract template for paid services")

    licences = list(Licence.objects.prefetch_related("works"))
    if not licences:
        missing.append("a medical licence")
    for licence in licences:
        if _is_demo(licence.number) or _is_demo(licence.authority):
            demo.append(f"licence {licence.number}")
        if not licence.works.all():
            missing.append(f"the licensed works and services of licence {licence.number}")

    bodies = list(SupervisingBody.objects.all())
    for kind, label in SUPERVISING_BODIES.items():
        if not any(body.kind == kind for body in bodies):
            missing.append(f"the contacts of {label}")
    for body in bodies:
        empty = [name for name in ("address", "phone") if not getattr(body, name).strip()]
        if empty:
            missing.append(f"the {' and '.join(empty)} of {body.name}")
        if any(_is_demo(getattr(body, name)) for name in ("name", "address", "phone", "email", "website")):
            demo.append(f"the contacts of {body.name}")

    texts = list(LegalText.objects.all())
    for topic, label in REQUIRED_TEXTS.items():
        rows = [row for row in texts if row.topic == topic]
        if not rows:
            missing.append(f"the text: {label}")
        elif any(_is_demo(row.heading) or _is_demo(row.text) for row in rows):
            demo.append(f"the text: {label}")

    prices = list(PriceItem.objects.published())
    if not prices:
        missing.append("the price list of paid services")
    demo += [f"the price of {item.service}" for item in prices if item.is_demo]
    return missing, demo


COMPLIANCE_CHECKS: list[Callable[[bool], list[checks.CheckMessage]]] = [
    clinic_legal_details,
    contraindication_warning,
    personal_data_documents,
    third_party_origins,
    escalation_before_deadline,
    legal_information,
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
