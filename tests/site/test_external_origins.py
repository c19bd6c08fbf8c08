"""No byte of a public page comes from another origin: rendered pages and static files."""

from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from clinic_site.lib.origins import (
    SCANNED_STATIC_SUFFIXES,
    external_loads_in_html,
    external_loads_in_tree,
    html_loads,
    is_external,
)
from tests.builders import make_site
from tests.site.pages import public_page_urls

LANGUAGES = [code for code, _name in settings.LANGUAGES]
OWN_ORIGINS = [settings.SITE_URL, "http://testserver"]


@pytest.fixture
def demo_site(db: None) -> None:
    make_site()


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_no_public_page_loads_anything_from_another_origin(
    client: Client, demo_site: None, language: str
) -> None:
    urls = public_page_urls(language)
    assert len(urls) >= 10  # the demo's treatments and doctors are in the list
    found = []
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        found += external_loads_in_html(response.content.decode(), url, OWN_ORIGINS)
    assert found == []


@pytest.mark.django_db
def test_the_not_found_page_loads_nothing_from_another_origin(client: Client, demo_site: None) -> None:
    response = client.get("/ru/no-such-page/")
    assert response.status_code == 404
    assert external_loads_in_html(response.content.decode(), "404", OWN_ORIGINS) == []


@pytest.mark.django_db
def test_the_pages_do_load_their_own_stylesheet_so_the_scan_sees_something(
    client: Client, demo_site: None
) -> None:
    loads = html_loads(client.get("/ru/").content.decode())
    assert any(element == "link" and url.startswith(settings.STATIC_URL) for element, url in loads)


@pytest.mark.django_db
def test_the_contacts_page_links_to_a_map_service_without_embedding_it(
    client: Client, demo_site: None
) -> None:
    page = client.get(reverse("services:contacts")).content.decode()
    links = [line for line in page.split("<a ")[1:] if 'href="http' in line.split(">")[0]]
    assert links, "the contacts page has a plain link to a map service"
    assert "<iframe" not in page


def test_the_static_files_refer_to_no_other_origin() -> None:
    found = []
    for directory in settings.STATICFILES_DIRS:
        found += external_loads_in_tree(Path(directory), SCANNED_STATIC_SUFFIXES, OWN_ORIGINS)
    assert found == []


def test_the_static_scan_covers_css_js_and_svg() -> None:
    scanned = {
        path.suffix
        for directory in settings.STATICFILES_DIRS
        for path in Path(directory).rglob("*")
        if path.suffix in SCANNED_STATIC_SUFFIXES
    }
    assert ".css" in scanned


@pytest.mark.parametrize(
    "html",
    [
        '<script src="https://cdn.example.com/a.js"></script>',
        '<link rel="stylesheet" href="//fonts.example.com/css">',
        '<link rel="preconnect" href="https://fonts.example.com">',
        '<img src="https://tracker.example.com/pixel.gif" alt="">',
        '<img srcset="/a.jpg 1x, https://img.example.com/b.jpg 2x" alt="">',
        '<picture><source srcset="https://img.example.com/b.webp"></picture>',
        '<iframe src="https://maps.example.com/embed"></iframe>',
        '<form action="https://forms.example.com/submit"></form>',
        '<div style="background: url(https://img.example.com/bg.png)"></div>',
        "<style>@import 'https://fonts.example.com/x.css';</style>",
        '<svg><use href="https://icons.example.com/s.svg#i"></use></svg>',
        '<video poster="https://img.example.com/p.jpg"></video>',
    ],
)
def test_the_scanner_finds_every_kind_of_third_party_load(html: str) -> None:
    assert len(external_loads_in_html(html, "sample", OWN_ORIGINS)) == 1


@pytest.mark.parametrize(
    "html",
    [
        '<a href="https://yandex.ru/maps/?text=Химки">Карта</a>',
        '<a href="https://pubmed.ncbi.nlm.nih.gov/123/">Источник</a>',
        '<link rel="canonical" href="https://clinic.example/ru/">',
        '<svg xmlns="http://www.w3.org/2000/svg"></svg>',
        '<img src="data:image/gif;base64,R0lGOD" alt="">',
        '<img src="/media/photo.jpg" alt="">',
        '<a href="tel:+74994601561">Позвонить</a>',
        '<script type="application/ld+json">{"@context": "https://schema.org"}</script>',
        f'<img src="{settings.SITE_URL}/static/logo.svg" alt="">',
    ],
)
def test_the_scanner_allows_links_namespaces_and_own_files(html: str) -> None:
    assert external_loads_in_html(html, "sample", OWN_ORIGINS) == []


def test_protocol_relative_urls_are_other_origins() -> None:
    assert is_external("//cdn.example.com/x.js")
    assert not is_external("/static/x.js")
