"""The booking pages that the public-page sweep does not reach: errors, consent."""

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import axe_report, save_screenshot


def test_the_form_with_errors_is_accessible_and_keeps_what_was_typed(phone_page: Page, site: str) -> None:
    page = phone_page
    page.goto(site + "/ru/consultation/")
    form = page.locator("form.booking-form")
    form.get_by_label("Как к вам обращаться").fill("Мария")
    form.get_by_role("textbox", name="Телефон").fill("12")
    form.get_by_role("button", name="Отправить заявку").click()

    summary = page.locator(".error-summary")
    expect(summary).to_contain_text("Похоже, в номере ошибка")
    expect(form.get_by_label("Как к вам обращаться")).to_have_value("Мария")
    summary.get_by_role("link", name="Похоже, в номере ошибка", exact=False).click()
    assert page.evaluate("document.activeElement.id") == "id_phone"
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    assert axe_report(page) == ""
    save_screenshot(page, "booking-form-errors-ru-390")


@pytest.mark.parametrize("language", ["ru", "en"])
def test_the_consent_document_is_accessible(phone_page: Page, site: str, language: str) -> None:
    phone_page.goto(f"{site}/{language}/consent/")

    expect(phone_page.get_by_role("heading", level=1)).to_be_visible()
    assert axe_report(phone_page) == ""
