"""The section "Сведения о медицинской организации": an index page and its longer sub-pages.

Every page shows only what an editor entered: a missing part leaves out its heading too.
"""

from itertools import groupby

from django.db.models import F
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_safe

from services import seo
from services.legal import LegalText, Licence, MedicalOrganisation, PriceItem, SupervisingBody
from services.models import ClinicLocation

SECTION_TITLE = gettext_lazy("Сведения о медицинской организации")
# (url name, title) of each sub-page, in the order of the section's menu.
SUBPAGES: list[tuple[str, Promise]] = [
    ("services:legal", gettext_lazy("Общие сведения")),
    ("services:legal_licences", gettext_lazy("Лицензии")),
    ("services:legal_prices", gettext_lazy("Цены на платные услуги")),
    ("services:legal_paid_services", gettext_lazy("Порядок оказания платных услуг")),
    ("services:legal_patients", gettext_lazy("Права и обязанности пациентов")),
    ("services:legal_supervision", gettext_lazy("Контролирующие органы")),
]


def organisation() -> MedicalOrganisation | None:
    return MedicalOrganisation.objects.first()


def by_treatment_of(item: PriceItem) -> object:
    return item.treatment


def texts_by_topic(*topics: str) -> dict[str, list[LegalText]]:
    """{topic: [rows]} for the topics that have rows: one query for a whole page."""
    rows = LegalText.objects.filter(topic__in=topics).order_by("topic", "order", "id")
    return {topic: list(group) for topic, group in groupby(rows, key=lambda row: row.topic)}


def render_section(
    request: HttpRequest, template: str, url_name: str, context: dict[str, object]
) -> HttpResponse:
    title = str(dict(SUBPAGES)[url_name]) if url_name != "services:legal" else str(SECTION_TITLE)
    breadcrumbs = [(_("Главная"), reverse("home")), (str(SECTION_TITLE), reverse("services:legal"))]
    if url_name != "services:legal":
        breadcrumbs.append((title, reverse(url_name)))
    menu = [(reverse(name), str(label), name == url_name) for name, label in SUBPAGES]
    return render(
        request,
        template,
        {
            "page_title": title,
            "page_description": _(
                "Сведения о медицинской организации, которые клиника публикует по закону: "
                "реквизиты, лицензии, цены, права пациентов, контролирующие органы."
            ),
            "breadcrumbs": breadcrumbs,
            "structured_data": seo.graph(seo.breadcrumbs_data(breadcrumbs)),
            "section_title": SECTION_TITLE,
            "section_menu": menu,
            **context,
        },
    )


@require_safe
def legal_index(request: HttpRequest) -> HttpResponse:
    texts = texts_by_topic(
        LegalText.Topic.STRUCTURE, LegalText.Topic.GUARANTEES, LegalText.Topic.ACCESSIBILITY
    )
    return render_section(
        request,
        "services/legal/index.html",
        "services:legal",
        {
            "organisation": organisation(),
            "locations": ClinicLocation.objects.prefetch_related("hours"),
            "licences": Licence.objects.all(),
            "structure": texts.get(LegalText.Topic.STRUCTURE, []),
            "guarantees": texts.get(LegalText.Topic.GUARANTEES, []),
            "accessibility": texts.get(LegalText.Topic.ACCESSIBILITY, []),
        },
    )


@require_safe
def legal_licences(request: HttpRequest) -> HttpResponse:
    return render_section(
        request,
        "services/legal/licences.html",
        "services:legal_licences",
        {"organisation": organisation(), "licences": Licence.objects.prefetch_related("works")},
    )


@require_safe
def legal_prices(request: HttpRequest) -> HttpResponse:
    # A treatment's prices first, in the order of the treatments; the rest (consultations...) last.
    by_treatment = F("treatment__order").asc(nulls_last=True)
    prices = list(
        PriceItem.objects.published()
        .select_related("treatment")
        .order_by(by_treatment, "treatment", "order", "id")
    )
    return render_section(
        request,
        "services/legal/prices.html",
        "services:legal_prices",
        {
            "organisation": organisation(),
            "price_groups": [
                (treatment, list(rows)) for treatment, rows in groupby(prices, key=by_treatment_of)
            ],
            "has_codes": any(item.code for item in prices),
            "has_demo_prices": any(item.is_demo for item in prices),
        },
    )


@require_safe
def legal_paid_services(request: HttpRequest) -> HttpResponse:
    texts = texts_by_topic(LegalText.Topic.PAID_SERVICES, LegalText.Topic.CONTRACT, LegalText.Topic.PAYMENT)
    return render_section(
        request,
        "services/legal/paid_services.html",
        "services:legal_paid_services",
        {
            "organisation": organisation(),
            "terms": texts.get(LegalText.Topic.PAID_SERVICES, []),
            "contract": texts.get(LegalText.Topic.CONTRACT, []),
            "payment": texts.get(LegalText.Topic.PAYMENT, []),
        },
    )


@require_safe
def legal_patients(request: HttpRequest) -> HttpResponse:
    texts = texts_by_topic(LegalText.Topic.RIGHTS, LegalText.Topic.DUTIES, LegalText.Topic.RULES)
    return render_section(
        request,
        "services/legal/patients.html",
        "services:legal_patients",
        {
            "organisation": organisation(),
            "rights": texts.get(LegalText.Topic.RIGHTS, []),
            "duties": texts.get(LegalText.Topic.DUTIES, []),
            "rules": texts.get(LegalText.Topic.RULES, []),
        },
    )


@require_safe
def legal_supervision(request: HttpRequest) -> HttpResponse:
    return render_section(
        request,
        "services/legal/supervision.html",
        "services:legal_supervision",
        {"organisation": organisation(), "bodies": SupervisingBody.objects.all()},
    )


@require_safe
def legal_contract_file(request: HttpRequest) -> FileResponse:
    found = organisation()
    if found is None or not found.contract_template:
        raise Http404
    return FileResponse(found.contract_template.open("rb"), as_attachment=True)
