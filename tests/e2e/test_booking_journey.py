"""A patient on a phone, in Russian, asks for a consultation from the treatment page."""

import re

from django.conf import settings
from playwright.sync_api import Page, expect

from booking.models import ConsultationRequest
from tests.e2e.conftest import axe_report, save_screenshot

REFERENCE = re.compile(r"[2-9A-HJ-NP-Z]{3}-[2-9A-HJ-NP-Z]{3}")


def test_a_patient_books_from_the_treatment_page_and_sees_the_reference(phone_page: Page, site: str) -> None:
    page = phone_page
    page.goto(site + "/ru/treatments/radioembolization/")
    page.get_by_role("link", name="Записаться на консультацию").first.click()

    form = page.locator("form.booking-form")
    expect(form.get_by_label("Как к вам обращаться")).to_be_in_viewport()
    form.get_by_label("Как к вам обращаться").fill("Мария Иванова")
    form.get_by_label(re.compile("Телефон")).fill("8 (499) 123-45-67")
    form.get_by_role("checkbox", name=re.compile("согласие")).check()
    save_screenshot(page, "journey-booking-form-ru-390")
    form.get_by_role("button", name="Отправить заявку").click()

    page.wait_for_url(re.compile(r"/ru/consultation/thanks/"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Спасибо, заявка принята")
    reference = page.locator(".reference").inner_text().strip()
    assert REFERENCE.fullmatch(reference), f"{reference!r} is not a reference code"
    minutes = int(settings.BOOKING_CALLBACK_MINUTES)
    expect(page.get_by_text(f"Менеджер позвонит вам в течение {minutes} минут")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    assert axe_report(page) == ""
    save_screenshot(page, "journey-booking-thanks-ru-390")

    stored = ConsultationRequest.objects.get(reference=reference)
    assert str(stored.phone) == "+74991234567"
    assert stored.treatment is not None and stored.treatment.slug == "radioembolization"
    assert stored.language == "ru" and stored.call_now
