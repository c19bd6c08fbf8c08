"""In the browser: a manager on the phone opens the slot picker, books, and is back on the request."""

from datetime import time

import pytest
from playwright.sync_api import Browser, expect

from appointments.models import Appointment, Kind
from booking.models import ConsultationRequest
from tests.appointments.builders import ensure_appointment_roles, make_request, make_schedule
from tests.conftest import _staff_user
from tests.e2e.conftest import (
    CHROMIUM,
    DESKTOP,
    new_page,
    save_screenshot,
    sign_in,
)

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} is missing"),
]


def test_a_manager_books_a_slot_with_one_click_during_the_call(browser: Browser, site: str) -> None:
    _staff_user("manager", ("Managers",), first_name="Анна", last_name="Смирнова")
    ensure_appointment_roles()
    schedule = make_schedule(weekly=[(day, time(0), time(0), Kind.IN_PERSON) for day in range(1, 8)])
    consultation = make_request(name="Мария Иванова", doctor=schedule.doctor)

    page = new_page(browser, DESKTOP)
    sign_in(page, site, "manager")
    page.goto(f"{site}/admin/appointments/appointment/book/{consultation.pk}/")
    expect(page.get_by_role("heading", name="Мария Иванова")).to_be_visible()
    save_screenshot(page, "appointments-picker-1366")
    first_slot = page.locator("button.slot").first
    first_slot.click()
    expect(page.get_by_text("Пациент записан.")).to_be_visible()
    assert f"/admin/booking/consultationrequest/{consultation.pk}/" in page.url
    page.context.close()

    consultation.refresh_from_db()
    assert consultation.status == ConsultationRequest.Status.BOOKED
    assert Appointment.objects.get().booked_by is not None
