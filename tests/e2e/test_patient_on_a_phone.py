"""A patient on a phone: the header is small, call and book stay in reach, the form shows what applies."""

import re

from playwright.sync_api import Browser, Page, expect

from tests.e2e.conftest import PHONE, new_page, save_screenshot

NARROW = {"width": 360, "height": 740}


def test_call_and_book_stay_on_screen_down_a_long_treatment_page(phone_page: Page, site: str) -> None:
    page = phone_page
    page.goto(site + "/ru/treatments/radioembolization/")

    header = page.locator(".site-header").bounding_box()
    assert header is not None and header["height"] <= 0.15 * PHONE["height"]
    page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight / 2)")
    assert page.evaluate("window.scrollY") > 4000

    bar = page.get_by_role("navigation", name="Позвонить или записаться")
    expect(bar.get_by_role("link", name=re.compile("^Позвонить"))).to_be_in_viewport()
    expect(bar.get_by_role("link", name="Записаться")).to_be_in_viewport()
    box = bar.bounding_box()
    assert box is not None and round(box["y"] + box["height"]) == PHONE["height"]
    save_screenshot(page, "phone-treatment-scrolled-action-bar-390")

    bar.get_by_role("link", name="Записаться").click()
    embedded_form = page.locator("#consultation form.booking-form")
    expect(embedded_form.get_by_label("Как к вам обращаться")).to_be_in_viewport()


def test_the_footer_is_not_hidden_under_the_bar(phone_page: Page, site: str) -> None:
    page = phone_page
    page.goto(site + "/ru/")
    page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")

    note = page.locator(".footer-note").bounding_box()
    bar = page.locator(".action-bar").bounding_box()
    assert note is not None and bar is not None
    assert note["y"] + note["height"] <= bar["y"]


def test_nothing_overflows_sideways_at_360_pixels(browser: Browser, site: str) -> None:
    page = new_page(browser, NARROW)
    for path in ("/ru/", "/en/", "/ru/treatments/radioembolization/", "/ru/consultation/", "/ru/contacts/"):
        page.goto(site + path)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{path} is {overflow}px wider than the screen"
    page.context.close()


def test_day_and_time_and_the_relatives_questions_show_only_when_chosen(phone_page: Page, site: str) -> None:
    page = phone_page
    page.goto(site + "/ru/consultation/")
    form = page.locator("form.booking-form")
    day = form.get_by_label("День", exact=True)
    relationship = form.get_by_label("Кем вы приходитесь пациенту")

    expect(day).to_be_hidden()
    expect(relationship).to_be_hidden()
    form.get_by_label("В выбранный день и час").check()
    form.get_by_label("Я родственник или близкий пациента").check()
    expect(day).to_be_visible()
    expect(form.get_by_label("Время")).to_be_visible()
    expect(relationship).to_be_visible()
    expect(form.get_by_label("Имя пациента (необязательно)")).to_be_visible()
    save_screenshot(page, "phone-form-later-relative-390")

    form.get_by_label("Как можно скорее").check()
    form.get_by_label("Я пациент", exact=True).check()
    expect(day).to_be_hidden()
    expect(relationship).to_be_hidden()


def test_a_relative_books_and_sees_the_number_we_will_call(phone_page: Page, site: str) -> None:
    page = phone_page
    page.goto(site + "/ru/consultation/")
    form = page.locator("form.booking-form")
    form.get_by_label("Как к вам обращаться").fill("Ольга")
    form.get_by_label(re.compile("Телефон")).fill("8 916 123 45 67")
    form.get_by_label("Я родственник или близкий пациента").check()
    form.get_by_label("Кем вы приходитесь пациенту").fill("дочь")
    form.get_by_role("checkbox", name=re.compile("согласие")).check()
    form.get_by_role("button", name="Отправить заявку").click()

    page.wait_for_url(re.compile(r"/ru/consultation/thanks/"))
    expect(page.locator(".callback-number")).to_contain_text("Мы позвоним на номер 8 (916) 123-45-67")
    expect(page.get_by_role("link", name="Отправьте заявку ещё раз")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    save_screenshot(page, "phone-thanks-number-390")
