from django.conf import settings
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from django.views.decorators.http import require_safe

from clinic_site.context_processors import main_clinic
from services import seo
from services.models import (
    ClinicLocation,
    Doctor,
    MedicalOrganisation,
    PriceItem,
    Treatment,
    TreatmentCategory,
)


def _home_crumb() -> tuple[str, str]:
    return (_("Главная"), reverse("home"))


@require_safe
def treatment_list(request: HttpRequest) -> HttpResponse:
    categories = [
        category
        for category in TreatmentCategory.objects.prefetch_related(
            Prefetch("treatments", queryset=Treatment.objects.published(), to_attr="published_treatments")
        )
        if category.published_treatments
    ]
    breadcrumbs = [_home_crumb(), (pgettext("navigation", "Лечение"), reverse("services:treatments"))]
    return render(
        request,
        "services/treatment_list.html",
        {
            "categories": categories,
            "page_title": _("Лечение опухолей печени"),
            "page_description": _(
                "Радиоэмболизация и химиоэмболизация опухолей печени в Клинике Лядова: "
                "кому подходит, как проходит, подготовка и восстановление."
            ),
            "breadcrumbs": breadcrumbs,
            "structured_data": seo.graph(seo.breadcrumbs_data(breadcrumbs)),
        },
    )


@require_safe
def treatment_detail(request: HttpRequest, slug: str) -> HttpResponse:
    treatment = get_object_or_404(
        Treatment.objects.published()
        .select_related("category", "reviewer", "cost")
        .prefetch_related(
            Prefetch("prices", queryset=PriceItem.objects.published()),
            "steps",
            "preparation",
            "follow_up",
            "faqs",
            "references",
            "procedure_day",
            "warning_signs",
            "questions_to_ask",
            Prefetch("doctors", queryset=Doctor.objects.published()),
        ),
        slug=slug,
    )
    breadcrumbs = [
        _home_crumb(),
        (pgettext("navigation", "Лечение"), reverse("services:treatments")),
        (treatment.title, treatment.get_absolute_url()),
    ]
    return render(
        request,
        "services/treatment_detail.html",
        {
            "treatment": treatment,
            "page_title": treatment.seo_title or treatment.title,
            "page_description": treatment.seo_description or treatment.summary,
            "og_type": "article",
            "og_image": (treatment.hero_renditions or {}).get("src"),
            "breadcrumbs": breadcrumbs,
            "structured_data": seo.graph(
                seo.medical_web_page_data(treatment),
                seo.procedure_data(treatment),
                seo.faq_data(treatment),
                seo.breadcrumbs_data(breadcrumbs),
            ),
        },
    )


@require_safe
def doctor_list(request: HttpRequest) -> HttpResponse:
    doctors = Doctor.objects.published()
    breadcrumbs = [_home_crumb(), (_("Врачи"), reverse("services:doctors"))]
    return render(
        request,
        "services/doctor_list.html",
        {
            "doctors": doctors,
            "page_title": _("Врачи клиники"),
            "page_description": _(
                "Врачи Клиники Лядова, которые проводят радиоэмболизацию и химиоэмболизацию "
                "опухолей печени: опыт, регалии, запись на консультацию."
            ),
            "breadcrumbs": breadcrumbs,
            "structured_data": seo.graph(seo.breadcrumbs_data(breadcrumbs)),
        },
    )


@require_safe
def doctor_detail(request: HttpRequest, slug: str) -> HttpResponse:
    doctor = get_object_or_404(
        Doctor.objects.published().prefetch_related(
            "education", "qualifications", Prefetch("treatments", queryset=Treatment.objects.published())
        ),
        slug=slug,
    )
    breadcrumbs = [
        _home_crumb(),
        (_("Врачи"), reverse("services:doctors")),
        (doctor.name, doctor.get_absolute_url()),
    ]
    description = f"{doctor.name}, {doctor.position}. {doctor.short_bio}"
    return render(
        request,
        "services/doctor_detail.html",
        {
            "doctor": doctor,
            "page_title": f"{doctor.name} — {doctor.position}",
            "page_description": description[:300],
            "og_type": "profile",
            "og_image": (doctor.photo_renditions or {}).get("src"),
            "breadcrumbs": breadcrumbs,
            "structured_data": seo.graph(
                seo.physician_data(doctor, main_clinic(request)), seo.breadcrumbs_data(breadcrumbs)
            ),
        },
    )


@require_safe
def contacts(request: HttpRequest) -> HttpResponse:
    locations = ClinicLocation.objects.prefetch_related("extra_phones", "hours", "routes")
    breadcrumbs = [_home_crumb(), (_("Контакты"), reverse("services:contacts"))]
    clinic = main_clinic(request)
    address = f" {clinic.address}." if clinic else ""
    return render(
        request,
        "services/contacts.html",
        {
            "locations": locations,
            "page_title": _("Контакты и как добраться"),
            "page_description": _("Адрес, телефоны, часы работы и проезд на общественном транспорте.")
            + address,
            "breadcrumbs": breadcrumbs,
            "structured_data": seo.graph(seo.clinic_data(clinic), seo.breadcrumbs_data(breadcrumbs)),
        },
    )


@require_safe
def privacy(request: HttpRequest) -> HttpResponse:
    breadcrumbs = [_home_crumb(), (_("Политика обработки персональных данных"), reverse("services:privacy"))]
    return render(
        request,
        "services/privacy.html",
        {
            "page_title": _("Политика обработки персональных данных"),
            "page_description": _(
                "Как Клиника Лядова собирает, хранит и защищает персональные данные пациентов "
                "по Федеральному закону № 152-ФЗ."
            ),
            "breadcrumbs": breadcrumbs,
            "structured_data": seo.graph(seo.breadcrumbs_data(breadcrumbs)),
            "retention_days": settings.BOOKING_RETENTION_DAYS,
            "organisation": MedicalOrganisation.objects.first(),
        },
    )
