from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from clinic_site import health
from clinic_site.context_processors import main_clinic
from services import seo
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
        {
            "treatments": treatments,
            "lead_doctor": doctors[0] if doctors else None,
            "doctors": doctors,
            "page_title": _("Лечение опухолей печени в Химках"),
            "page_description": _(
                "Радиоэмболизация иттрием-90 и химиоэмболизация опухолей печени в Клинике Лядова "
                "в Химках. Индивидуальный план лечения, консультация специалиста."
            ),
            "og_type": "website",
            "structured_data": seo.graph(seo.clinic_data(main_clinic(request))),
        },
    )


@require_GET
def robots_txt(request: HttpRequest) -> HttpResponse:
    lines = [
        # ADMIN_URL is left out on purpose: robots.txt is public and would reveal it.
        "User-agent: *",
        "Disallow: /ru/consultation/thanks/",
        "Disallow: /en/consultation/thanks/",
        "Disallow: /i18n/",
        f"Sitemap: {settings.SITE_URL}/sitemap.xml",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


@require_GET
@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    healthy, details = health.report()
    return JsonResponse(details, status=200 if healthy else 503)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "404.html", {"page_title": _("Страница не найдена"), "noindex": True}, status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    # Rendered without context processors or anything else that reads the database:
    # the database may be the very thing that failed.
    template = loader.get_template("500.html")
    context = {"clinic": None, "page_title": _("Ошибка на сервере"), "noindex": True}
    return HttpResponse(template.render(context), status=500)
