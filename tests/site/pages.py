"""The public pages a visitor can reach, for the tests that go through all of them."""

from django.urls import reverse
from django.utils import translation

from clinic_site.sitemaps import LEGAL_PAGES
from services.models import Doctor, Treatment


def public_page_urls(language: str) -> list[str]:
    """Every public page in one language: the fixed ones and each published treatment and doctor."""
    with translation.override(language):
        urls = [
            reverse("home"),
            reverse("services:treatments"),
            reverse("services:doctors"),
            reverse("services:contacts"),
            reverse("services:privacy"),
            reverse("booking:request"),
            reverse("booking:consent"),
            *(reverse(name) for name in LEGAL_PAGES),
        ]
        urls += [reverse("services:treatment", args=[t.slug]) for t in Treatment.objects.published()]
        urls += [reverse("services:doctor", args=[d.slug]) for d in Doctor.objects.published()]
    return urls
