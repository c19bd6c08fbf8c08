"""Browser tests: a live Django server driven by Debian's Chromium through Playwright.

Every test in this folder is marked `e2e` and the folder is skipped, with the reason
printed, when /usr/bin/chromium is missing (`.ci/run` installs it).
"""

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.db import connections
from django.test.testcases import LiveServerThread
from playwright.sync_api import Browser, Page, expect, sync_playwright

from tests.builders import make_site
from tests.conftest import STAFF_PASSWORD

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"
SCREENS = ARTIFACTS / "screens"
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    # Nothing but the live server on loopback may be reached.
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1",
]
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}

# Playwright's sync API keeps an asyncio loop running in the test thread, so Django
# would refuse the test's own ORM calls (SynchronousOnlyOperation). Nothing here is
# really asynchronous: the loop only talks to the browser process.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    skip = pytest.mark.skip(reason=f"{CHROMIUM} is missing: `apt-get install chromium` runs these tests")
    for item in items:
        if here in item.path.parents:
            item.add_marker(pytest.mark.e2e)
            if not CHROMIUM.exists():
                item.add_marker(skip)


class SiteServer:
    """A threaded WSGI server running the whole site, static files through WhiteNoise.

    pytest-django's `live_server` puts Django's StaticFilesHandler in front, which looks
    files up with the finders and so answers 404 for the hashed names that the manifest
    storage makes the pages link. Here the site serves its own collected files, as in
    production.
    """

    def __init__(self) -> None:
        in_memory = {
            conn.alias: conn
            for conn in connections.all()
            if conn.vendor == "sqlite" and conn.is_in_memory_db()
        }
        for conn in in_memory.values():
            conn.inc_thread_sharing()
        self.thread = LiveServerThread("127.0.0.1", _no_static_handler, connections_override=in_memory)
        self.thread.daemon = True
        self.thread.start()
        self.thread.is_ready.wait()
        if self.thread.error:
            raise self.thread.error

    @property
    def url(self) -> str:
        return f"http://{self.thread.host}:{self.thread.port}"

    def stop(self) -> None:
        self.thread.terminate()
        for conn in self.thread.connections_override.values():
            conn.dec_thread_sharing()


def _no_static_handler(application: object) -> object:
    return application


@pytest.fixture(scope="session")
def site_server(_collected_static: None, django_db_setup: None) -> Iterator[SiteServer]:
    server = SiteServer()
    yield server
    server.stop()


@pytest.fixture
def site(site_server: SiteServer, transactional_db: None) -> str:
    """The live site's base URL, with a whole small site built in both languages."""
    make_site()
    return site_server.url


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def sign_in(page: Page, site: str, username: str) -> None:
    """Sign a staff member made by tests/conftest.py in to the admin through its login form."""
    page.goto(site + "/admin/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(STAFF_PASSWORD)
    page.locator("#login-form [type=submit]").click()
    expect(page.locator("#login-form")).to_have_count(0)


def new_page(browser: Browser, viewport: dict[str, int], locale: str = "ru-RU") -> Page:
    context = browser.new_context(viewport=viewport, locale=locale)
    context.set_default_timeout(15_000)
    return context.new_page()


@pytest.fixture
def phone_page(browser: Browser) -> Iterator[Page]:
    page = new_page(browser, PHONE)
    yield page
    page.context.close()


@pytest.fixture
def desktop_page(browser: Browser) -> Iterator[Page]:
    page = new_page(browser, DESKTOP)
    yield page
    page.context.close()


def axe_report(page: Page) -> str:
    """Run axe-core (shipped inside axe-playwright-python) on the page; '' when clean."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    if results.violations_count == 0:
        return ""
    return results.generate_report()


def save_screenshot(page: Page, name: str) -> Path:
    SCREENS.mkdir(parents=True, exist_ok=True)
    path = SCREENS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
