from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.urls import reverse
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from clinic_site import health
from services.models import Doctor, Treatment


@require_GET
def language_redirect(request: HttpRequest) -> HttpResponse:
    language = translation.get_language_from_request(request)
    with translation.override(language):
        response = HttpResponseRedirect(reverse("home"))
    response["Vary"] = "Accept-Language, Cookie"
    return response


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    treatments = Treatment.objects.published().select_related("category")
    doctors = list(Doctor.objects.published()[:3])
    return render(
        request,
        "home.html",
        {"treatments": treatments, "lead_doctor": doctors[0] if doctors else None, "doctors": doctors},
    )


@require_GET
def robots_txt(request: HttpRequest) -> HttpResponse:
    lines = [
        "User-agent: *",
        f"Disallow: /{settings.ADMIN_URL}",
        "Disallow: /ru/consultation/thanks/",
        "Disallow: /en/consultation/thanks/",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


@require_GET
@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    healthy, details = health.report()
    return JsonResponse(details, status=200 if healthy else 503)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    # Rendered without the database-backed context: the database may be the problem.
    template = loader.get_template("500.html")
    return HttpResponse(template.render({"clinic": None}), status=500)
