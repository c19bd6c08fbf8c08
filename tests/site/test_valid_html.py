"""Every page a visitor can reach is valid HTML with unique ids, in both languages.

html5lib implements the WHATWG parsing algorithm and reports each parse error (a stray end
tag, a duplicate attribute, an unclosed element...), which is what "valid HTML" means for the
markup a browser reads. Ids are checked separately: a duplicate id breaks labels, skip links
and aria references, and the parser does not report it.
"""

from collections import Counter
from pathlib import Path

import html5lib
import pytest
from django.core import signing
from django.test import Client
from django.urls import reverse
from django.utils import translation

from booking.models import ConsultationRequest
from booking.views import THANKS_SALT
from tests.builders import make_site
from tests.site.pages import public_page_urls

LANGUAGES = ("ru", "en")


@pytest.fixture(autouse=True)
def _no_page_cache(settings: object) -> None:
    settings.PAGE_CACHE_SECONDS = 0  # type: ignore[attr-defined]


@pytest.fixture
def demo(db: None, media_root: Path) -> None:
    make_site()


def problems(html: str) -> list[str]:
    parser = html5lib.HTMLParser(tree=html5lib.getTreeBuilder("etree"), namespaceHTMLElements=False)
    document = parser.parse(html)
    lines = html.splitlines()
    found = [
        f"line {line}:{column} {code} {data or ''}: {lines[line - 1].strip()[:120] if line else ''}"
        for (line, column), code, data in parser.errors
    ]
    ids = Counter(element.get("id") for element in document.iter() if element.get("id"))
    found += [f"id {name!r} is used {count} times" for name, count in ids.items() if count > 1]
    return found


def page_urls(language: str) -> list[str]:
    # The not-found page too: a visitor reaches it.
    return [*public_page_urls(language), f"/{language}/no-such-page/"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_public_page_parses_without_errors_and_has_unique_ids(
    client: Client, demo: None, language: str
) -> None:
    failures = []
    for url in page_urls(language):
        response = client.get(url)
        assert response.status_code in (200, 404), url
        failures += [f"{url}: {problem}" for problem in problems(response.content.decode())]

    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_form_with_errors_and_the_thanks_page_are_valid_html(
    client: Client, demo: None, make_consultation: object, language: str
) -> None:
    consultation: ConsultationRequest = make_consultation(email="patient@example.test")  # type: ignore[operator]
    token = signing.dumps({"ref": consultation.reference, "dup": 0}, salt=THANKS_SALT)
    with translation.override(language):
        form_url = reverse("booking:request")
        thanks_url = reverse("booking:thanks", args=[token])

    with_errors = client.post(form_url, {"name": "", "phone": "12"}, HTTP_ORIGIN="http://testserver")
    thanks = client.get(thanks_url)

    assert with_errors.status_code in (200, 400) and thanks.status_code == 200
    assert problems(with_errors.content.decode()) == []
    assert problems(thanks.content.decode()) == []


def test_the_checker_notices_a_stray_end_tag_and_a_repeated_id() -> None:
    found = problems('<!doctype html><html lang="en"><title>t</title><p id="a">x</div><p id="a">y</p></html>')

    assert any("end-tag-too-early" in problem for problem in found)
    assert any("'a' is used 2 times" in problem for problem in found)
