import xml.etree.ElementTree as ET

import pytest
from django.test import Client

from services.models import Treatment
from tests.builders import make_clinic, make_doctor, make_treatment

SITE = "https://clinic.example"
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


@pytest.fixture(autouse=True)
def _public_address(settings: object) -> None:
    settings.SITE_URL = SITE  # type: ignore[attr-defined]


@pytest.fixture
def content(db: None) -> None:
    make_clinic()
    make_treatment(doctors=[make_doctor()])


def sitemap_entries(client: Client) -> dict[str, dict[str, str]]:
    """{page address: {hreflang: alternate address}}"""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    return {
        url.findtext("s:loc", namespaces=NS): {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)
        }
        for url in root.findall("s:url", NS)
    }


def test_sitemap_lists_every_public_page_in_both_languages(client: Client, content: None) -> None:
    entries = sitemap_entries(client)

    for path in ["", "treatments/", "treatments/radioembolization/", "doctors/", "doctors/lyadov/"]:
        for lang in ("ru", "en"):
            assert f"{SITE}/{lang}/{path}" in entries
    assert f"{SITE}/ru/contacts/" in entries
    assert f"{SITE}/en/privacy/" in entries
    assert f"{SITE}/ru/consent/" in entries


def test_each_sitemap_entry_names_its_alternates(client: Client, content: None) -> None:
    alternates = sitemap_entries(client)[f"{SITE}/en/treatments/radioembolization/"]

    assert alternates == {
        "ru": f"{SITE}/ru/treatments/radioembolization/",
        "en": f"{SITE}/en/treatments/radioembolization/",
        "x-default": f"{SITE}/treatments/radioembolization/",
    }


def test_sitemap_leaves_out_unpublished_treatments(client: Client, content: None) -> None:
    Treatment.objects.update(published=False)

    assert f"{SITE}/ru/treatments/radioembolization/" not in sitemap_entries(client)


def test_robots_txt_points_to_the_sitemap_and_keeps_the_admin_address_private(
    client: Client, db: None, settings: object
) -> None:
    settings.ADMIN_URL = "staff-only-9f3/"  # type: ignore[attr-defined]

    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    body = response.content.decode()
    assert "User-agent: *" in body
    assert f"Sitemap: {SITE}/sitemap.xml" in body
    assert "staff-only-9f3" not in body
