from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from services.models import ClinicLocation, Doctor, Treatment, TreatmentCategory


@require_GET
def treatment_list(request: HttpRequest) -> HttpResponse:
    categories = TreatmentCategory.objects.prefetch_related(
        Prefetch("treatments", queryset=Treatment.objects.published(), to_attr="published_treatments")
    )
    return render(request, "services/treatment_list.html", {"categories": categories})


@require_GET
def treatment_detail(request: HttpRequest, slug: str) -> HttpResponse:
    treatment = get_object_or_404(
        Treatment.objects.published()
        .select_related("category", "reviewer")
        .prefetch_related(
            "steps",
            "preparation",
            "follow_up",
            "faqs",
            "references",
            Prefetch("doctors", queryset=Doctor.objects.published()),
        ),
        slug=slug,
    )
    return render(request, "services/treatment_detail.html", {"treatment": treatment})


@require_GET
def doctor_list(request: HttpRequest) -> HttpResponse:
    doctors = Doctor.objects.published()
    return render(request, "services/doctor_list.html", {"doctors": doctors})


@require_GET
def doctor_detail(request: HttpRequest, slug: str) -> HttpResponse:
    doctor = get_object_or_404(
        Doctor.objects.published().prefetch_related(
            Prefetch("treatments", queryset=Treatment.objects.published())
        ),
        slug=slug,
    )
    return render(request, "services/doctor_detail.html", {"doctor": doctor})


@require_GET
def contacts(request: HttpRequest) -> HttpResponse:
    locations = ClinicLocation.objects.prefetch_related("extra_phones", "hours", "routes")
    return render(request, "services/contacts.html", {"locations": locations})


@require_GET
def privacy(request: HttpRequest) -> HttpResponse:
    return render(request, "services/privacy.html")
