"""Every public page in both languages, on a phone and on a laptop, in a real browser.

One browser tab visits all pages of a (language, screen) pair and collects every
problem, so one run reports all of them at once.
"""

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import Browser, Page

from clinic_site.sitemaps import LEGAL_PAGES
from services.models import Doctor, Treatment
from tests.e2e.conftest import DESKTOP, PHONE, axe_report, new_page, save_screenshot

STYLESHEETS_LOADED = """
    [...document.querySelectorAll('link[rel="stylesheet"]')].every(
        (link) => link.sheet !== null && link.sheet.cssRules.length > 0
    ) && document.styleSheets.length > 0
"""
SPILLING = """
    [...document.querySelectorAll(':is(h1, h2, h3, .badge):not(.visually-hidden)')].filter((heading) => {
        const box = heading.closest('.card, .panel, .cta-band, .wrap');
        if (!box) return false;
        const style = getComputedStyle(box);
        const limit = box.getBoundingClientRect().right - parseFloat(style.paddingRight)
            - parseFloat(style.borderRightWidth);
        const text = document.createRange();
        text.selectNodeContents(heading);
        return text.getBoundingClientRect().right > limit + 1
            || heading.scrollWidth > heading.clientWidth + 1;
    }).map((heading) => `${heading.tagName.toLowerCase()}: ${heading.textContent.trim().slice(0, 40)}`)
"""
WARNING = {"ru": "Имеются противопоказания", "en": "contraindications"}


def public_pages(language: str) -> list[tuple[str, str, int]]:
    """(name, path, expected status) of every public page in the language."""
    with translation.override(language):
        pages = [
            ("home", reverse("home"), 200),
            ("treatments", reverse("services:treatments"), 200),
            ("doctors", reverse("services:doctors"), 200),
            ("contacts", reverse("services:contacts"), 200),
            ("privacy", reverse("services:privacy"), 200),
            ("consultation", reverse("booking:request"), 200),
            ("not-found", f"/{language}/no-such-page/", 404),
        ]
        pages += [(name.replace("services:", ""), reverse(name), 200) for name in LEGAL_PAGES]
        pages += [
            (f"treatment-{slug}", reverse("services:treatment", args=[slug]), 200)
            for slug in Treatment.objects.published().values_list("slug", flat=True)
        ]
        pages += [
            (f"doctor-{slug}", reverse("services:doctor", args=[slug]), 200)
            for slug in Doctor.objects.published().values_list("slug", flat=True)
        ]
    return pages


def problems_on(page: Page, site: str, path: str, status: int, language: str) -> list[str]:
    response = page.goto(site + path, wait_until="load")
    found = []
    if response is None or response.status != status:
        found.append(f"status {response.status if response else 'none'}, expected {status}")
    if page.evaluate("document.documentElement.lang") != language:
        found.append(f"<html lang> is not {language!r}")
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    if overflow > 0:
        found.append(f"scrolls sideways by {overflow}px")
    # A long Russian word ("интервенционный") must wrap inside its card or heading, not run past it.
    for spill in page.evaluate(SPILLING):
        found.append(f"runs out of its box: {spill}")
    warning = page.get_by_text(WARNING[language], exact=False)
    if warning.count() == 0 or not warning.first.is_visible():
        found.append(f"the warning {WARNING[language]!r} is not visible")
    if not page.evaluate(STYLESHEETS_LOADED):
        found.append("a stylesheet did not load")
    report = axe_report(page)
    if report:
        found.append(report)
    return found


@pytest.mark.parametrize("language", ["ru", "en"])
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_every_public_page_is_accessible_and_fits_the_screen(
    browser: Browser, site: str, language: str, viewport: dict[str, int]
) -> None:
    page = new_page(browser, viewport)
    failures = []
    try:
        for name, path, status in public_pages(language):
            for problem in problems_on(page, site, path, status, language):
                failures.append(f"{path}: {problem}")
            save_screenshot(page, f"{name}-{language}-{viewport['width']}")
    finally:
        page.context.close()
    assert not failures, "\n".join(failures)


def test_the_stylesheet_loads_from_the_collected_static_files(browser: Browser, site: str) -> None:
    page = new_page(browser, PHONE)
    stylesheets = []
    page.on(
        "response",
        lambda response: stylesheets.append(response.status) if response.url.endswith(".css") else None,
    )
    page.goto(site + "/ru/")
    page.context.close()
    assert stylesheets and all(status == 200 for status in stylesheets)


def test_the_first_tab_reaches_a_visible_skip_link_to_the_content(phone_page: Page, site: str) -> None:
    phone_page.goto(site + "/ru/treatments/")
    phone_page.keyboard.press("Tab")
    focused = phone_page.locator(":focus")
    assert focused.get_attribute("href") == "#main"
    assert focused.is_visible()
    box = focused.bounding_box()
    # Skip links are often parked off-screen until focused: it must come into view.
    assert box is not None and box["x"] >= 0 and box["y"] >= 0
    assert box["x"] + box["width"] <= PHONE["width"] and box["height"] > 0

    phone_page.keyboard.press("Enter")
    assert phone_page.evaluate("document.activeElement.id") == "main"
