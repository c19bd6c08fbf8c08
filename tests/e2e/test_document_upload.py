"""The upload page in Chromium: files go in pieces by tus, with a progress bar each, and a
dropped connection costs nothing but a retry."""

import os
import re
from collections.abc import Callable, Iterator

import pytest
from django.conf import settings
from playwright.sync_api import Browser, Page, Route, expect

from booking.models import ConsultationRequest
from documents import links
from documents.models import Document
from tests.documents import samples
from tests.e2e.conftest import CHROMIUM, PHONE, SiteServer, axe_report, new_page

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} is missing: `apt-get install chromium`"),
]


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    page = new_page(browser, PHONE)
    yield page
    page.context.close()


@pytest.fixture
def upload_page_url(
    site_server: SiteServer,
    transactional_db: None,
    make_consultation: Callable[..., ConsultationRequest],
) -> str:
    consultation = make_consultation()
    return site_server.url + links.upload_url(consultation).removeprefix(settings.SITE_URL)


def test_a_large_file_goes_in_pieces_and_survives_a_dropped_connection(
    page: Page, upload_page_url: str
) -> None:
    content = samples.PDF + os.urandom(11 * 1024 * 1024)  # three pieces of 5 MB at most
    patches: list[str] = []

    def drop_the_second_piece(route: Route) -> None:
        if route.request.method != "PATCH":
            route.continue_()
            return
        patches.append(route.request.url)
        if len(patches) == 2:
            route.abort("connectionreset")
        else:
            route.continue_()

    page.route(re.compile(r"/tus/[0-9a-f]{32}/$"), drop_the_second_piece)
    page.goto(upload_page_url)
    page.get_by_label("Выберите один или несколько файлов").set_input_files(
        files=[{"name": "КТ грудной клетки.pdf", "mimeType": "application/pdf", "buffer": content}]
    )
    page.get_by_role("button", name="Отправить").click()

    page.wait_for_url(re.compile(r"\?sent=1$"), timeout=60_000)
    expect(page.get_by_text("Файл получен.")).to_be_visible()
    expect(page.get_by_text("КТ грудной клетки.pdf")).to_be_visible()
    document = Document.objects.get()
    with document.file.open("rb") as stored:
        assert stored.read() == content
    assert len(patches) >= 4  # three pieces and the one sent again


def test_a_refused_file_is_explained_beside_its_progress_bar(page: Page, upload_page_url: str) -> None:
    page.goto(upload_page_url)
    page.get_by_label("Выберите один или несколько файлов").set_input_files(
        files=[{"name": "анализы.pdf", "mimeType": "application/pdf", "buffer": samples.EXECUTABLE}]
    )
    page.get_by_role("button", name="Отправить").click()

    expect(page.locator(".progress-row.is-failed")).to_contain_text("принимаем только PDF")
    expect(page.get_by_role("progressbar", name="анализы.pdf")).to_be_visible()
    assert not Document.objects.exists()


def test_the_upload_page_is_accessible_and_fits_a_phone(page: Page, upload_page_url: str) -> None:
    page.goto(upload_page_url)

    assert axe_report(page) == ""
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    expect(page.get_by_role("button", name="Отправить")).to_be_visible()
