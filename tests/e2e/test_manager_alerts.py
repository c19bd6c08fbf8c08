"""A manager keeps the request list open; a patient's request shows up on it without a reload."""

import re

from playwright.sync_api import Browser, expect

from booking.models import ConsultationRequest
from booking.submission import create_consultation_request
from tests.conftest import _staff_user
from tests.e2e.conftest import DESKTOP, PHONE, new_page, sign_in

REFERENCE = re.compile(r"[2-9A-HJ-NP-Z]{3}-[2-9A-HJ-NP-Z]{3}")

# The browser's notifications and sound, observed: a headless browser shows no desktop
# notification to click, so the page gets one it can click, and plays are counted.
OBSERVE = """
window.__notes = [];
window.__played = [];
class ObservedNotification extends EventTarget {
  static permission = "default";
  static requestPermission() {
    ObservedNotification.permission = "granted";
    return Promise.resolve("granted");
  }
  constructor(title, options) {
    super();
    this.title = title;
    this.options = options;
    window.__notes.push(this);
  }
  close() {}
}
window.Notification = ObservedNotification;
const play = HTMLMediaElement.prototype.play;
HTMLMediaElement.prototype.play = function () {
  if (!this.muted) window.__played.push(this.src);
  return play.call(this);
};
"""


def test_a_new_request_appears_on_the_open_list_within_five_seconds_with_sound_and_notification(
    browser: Browser, site: str
) -> None:
    _staff_user("manager", ("Managers",), first_name="Анна", last_name="Смирнова")
    already_listed = create_consultation_request(
        name="Пётр Сергеев",
        phone="+74997654321",
        channel=ConsultationRequest.Channel.WHATSAPP,
        requester=ConsultationRequest.Requester.RELATIVE,
        call_now=True,
        preferred_time=None,
    ).request
    manager = new_page(browser, DESKTOP)
    manager.context.add_init_script(OBSERVE)
    sign_in(manager, site, "manager")
    manager.goto(site + "/admin/booking/consultationrequest/")
    expect(manager).to_have_title(re.compile(r"^\(1\) Заявки на консультацию"))
    manager.get_by_role("button", name="Включить звук и уведомления").click()
    expect(manager.get_by_role("button", name="Включить звук и уведомления")).to_be_hidden()

    patient = new_page(browser, PHONE)
    patient.goto(site + "/ru/consultation/")
    form = patient.locator("form.booking-form")
    form.get_by_label("Как к вам обращаться").fill("Мария Иванова")
    form.get_by_label(re.compile("Телефон")).fill("8 (499) 123-45-67")
    form.get_by_role("checkbox", name=re.compile("согласие")).check()
    form.get_by_role("button", name="Отправить заявку").click()
    patient.wait_for_url(re.compile(r"/ru/consultation/thanks/"))
    reference = patient.locator(".reference").inner_text().strip()
    assert REFERENCE.fullmatch(reference)
    patient.context.close()

    fresh_row = manager.locator("#result_list tbody tr.is-fresh")
    expect(fresh_row).to_contain_text(reference, timeout=5_000)
    expect(fresh_row).to_have_count(1)
    expect(manager.locator("#result_list")).to_contain_text(already_listed.reference)
    expect(fresh_row).to_contain_text("Мария Иванова")
    expect(manager.locator(".request-alerts-status")).to_contain_text(f"Новая заявка {reference}")
    expect(manager).to_have_title(re.compile(r"^\(2\) Заявки на консультацию"))
    assert manager.evaluate("window.__played.filter(src => src.includes('new-request')).length") == 1
    assert manager.evaluate("window.__notes.map(note => note.title)") == [f"Новая заявка {reference}"]

    manager.evaluate("window.__notes[0].dispatchEvent(new Event('click'))")
    manager.wait_for_url(re.compile(r"/admin/booking/consultationrequest/\d+/change/"))
    expect(manager.locator("#content h2").first).to_have_text(reference)
    expect(manager.locator(".handling-status")).to_have_text("Новая")
    manager.context.close()


def test_a_patient_cancelling_by_the_link_is_announced_on_the_open_list(browser: Browser, site: str) -> None:
    from datetime import time

    from appointments.links import url_for
    from appointments.models import Kind
    from appointments.reservations import book_appointment
    from appointments.slots import slots_for
    from tests.appointments.builders import ensure_appointment_roles, make_request, make_schedule

    _staff_user("manager", ("Managers",), first_name="Анна", last_name="Смирнова")
    ensure_appointment_roles()
    schedule = make_schedule(weekly=[(day, time(0), time(0), Kind.IN_PERSON) for day in range(1, 8)])
    slot = slots_for([schedule])[0]
    appointment = book_appointment(
        consultation=make_request(name="Мария Иванова"),
        doctor=schedule.doctor,
        kind=slot.kind,
        start=slot.start,
        actor=None,
    )
    reference = appointment.request.reference
    manager = new_page(browser, DESKTOP)
    manager.context.add_init_script(OBSERVE)
    sign_in(manager, site, "manager")
    manager.goto(site + "/admin/booking/consultationrequest/")
    manager.get_by_role("button", name="Включить звук и уведомления").click()
    expect(manager.locator("#result_list")).to_contain_text("Записан на консультацию")

    patient = new_page(browser, PHONE)
    patient.goto(url_for(appointment, "ru").replace("http://127.0.0.1:8000", site))
    patient.get_by_role("button", name="Отменить запись").click()
    patient.get_by_role("button", name="Да, отменить запись").click()
    expect(patient.get_by_text("Запись отменена")).to_be_visible()
    patient.context.close()

    announced = f"Пациент отменил приём: заявка {reference}"
    expect(manager.locator(".request-alerts-status")).to_contain_text(announced, timeout=5_000)
    expect(manager.locator("#result_list tbody tr.is-fresh")).to_contain_text(reference)
    assert manager.evaluate("window.__notes.map(note => note.title)") == [announced]
    manager.context.close()
