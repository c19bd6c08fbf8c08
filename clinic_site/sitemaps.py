from datetime import datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from services.models import Doctor, Treatment

LEGAL_PAGES = [
    "services:legal",
    "services:legal_licences",
    "services:legal_prices",
    "services:legal_paid_services",
    "services:legal_patients",
    "services:legal_supervision",
]


class _BilingualSitemap(Sitemap):
    """Every page in Russian and English, each naming the other and x-default.

    URLs are built from SITE_URL rather than the request's host, so that the
    sitemap names the public address even behind a proxy."""

    i18n = True
    alternates = True
    x_default = True

    def get_urls(self, page: int | str = 1, site: object = None, protocol: str | None = None) -> list[dict]:
        public = urlsplit(settings.SITE_URL)
        # The public get_urls() takes the domain from a Site object; this site has no sites framework.
        return self._urls(page, public.scheme, public.netloc)  # type: ignore[attr-defined]


class StaticPagesSitemap(_BilingualSitemap):
    changefreq = "monthly"

    def items(self) -> list[str]:
        return [
            "home",
            "services:treatments",
            "services:doctors",
            "services:contacts",
            "services:privacy",
            "booking:consent",
            *LEGAL_PAGES,
        ]

    def location(self, item: str) -> str:
        return reverse(item)

    def priority(self, item: str) -> float:
        return 1.0 if item == "home" else 0.6


class TreatmentSitemap(_BilingualSitemap):
    changefreq = "monthly"
    priority = 0.9

    def items(self) -> list[Treatment]:
        return list(Treatment.objects.published().only("slug", "updated_at"))

    def lastmod(self, item: Treatment) -> datetime:
        return item.updated_at


class DoctorSitemap(_BilingualSitemap):
    changefreq = "monthly"
    priority = 0.7

    def items(self) -> list[Doctor]:
        return list(Doctor.objects.published().only("slug", "updated_at"))

    def lastmod(self, item: Doctor) -> datetime:
        return item.updated_at


SITEMAPS = {"pages": StaticPagesSitemap, "treatments": TreatmentSitemap, "doctors": DoctorSitemap}
