from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from clinic_site import views
from clinic_site.media import media_urlpatterns
from clinic_site.sitemaps import SITEMAPS

urlpatterns = [
    path("", views.language_redirect, name="root"),
    path("robots.txt", views.robots_txt, name="robots"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("healthz", views.healthz, name="healthz"),
    path("i18n/", include("django.conf.urls.i18n")),
    path(settings.ADMIN_URL, admin.site.urls),
    *media_urlpatterns(),
]

urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path("", include("services.urls")),
    path("", include("booking.urls")),
    path("", include("documents.urls")),
    path("", include("appointments.urls")),
    prefix_default_language=True,
)

handler404 = "clinic_site.views.page_not_found"
handler500 = "clinic_site.views.server_error"
