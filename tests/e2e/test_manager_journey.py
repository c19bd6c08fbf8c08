"""A manager finds a fresh request at the top of the admin, claims it and records the call;
the supervisor's report counts it as called back within the promise."""

import re
from datetime import timedelta

from django.utils import timezone
from playwright.sync_api import Browser, expect

from booking.models import ConsultationRequest
from booking.submission import create_consultation_request
from tests.conftest import _staff_user
from tests.e2e.conftest import DESKTOP, new_page, save_screenshot, sign_in


def patients_request() -> ConsultationRequest:
    return create_consultation_request(
        name="Мария Иванова",
        phone="+74991234567",
        channel=ConsultationRequest.Channel.CALL,
        requester=ConsultationRequest.Requester.PATIENT,
        call_now=True,
        preferred_time=None,
        language="ru",
        source_page="/ru/treatments/radioembolization/",
    ).request


def a_later_request() -> ConsultationRequest:
    return create_consultation_request(
        name="Пётр Сергеев",
        phone="+74997654321",
        channel=ConsultationRequest.Channel.WHATSAPP,
        requester=ConsultationRequest.Requester.RELATIVE,
        call_now=False,
        preferred_time=timezone.now() + timedelta(hours=3),
    ).request


def test_a_manager_claims_the_newest_request_records_the_call_and_the_report_counts_it(
    browser: Browser, site: str
) -> None:
    _staff_user("manager", ("Managers",), first_name="Анна", last_name="Смирнова")
    _staff_user("supervisor", ("Supervisors",), first_name="Ольга", last_name="Кузнецова")
    a_later_request()
    request = patients_request()

    page = new_page(browser, DESKTOP)
    sign_in(page, site, "manager")
    page.goto(site + "/admin/booking/consultationrequest/")
    first_row = page.locator("#result_list tbody tr").first
    expect(first_row).to_contain_text(request.reference)
    countdown = first_row.locator("time.countdown")
    expect(countdown).to_be_visible()
    expect(countdown).to_have_text(re.compile(r"\d"))
    save_screenshot(page, "journey-manager-list-1366")

    first_row.get_by_role("link", name=request.reference).click()
    page.get_by_role("button", name="Взять себе").click()
    expect(page.get_by_text("Заявка ваша.")).to_be_visible()
    page.get_by_role("button", name="Дозвонились").click()
    expect(page.get_by_text("Звонок записан.")).to_be_visible()
    save_screenshot(page, "journey-manager-request-1366")
    page.context.close()

    request.refresh_from_db()
    assert request.assigned_to is not None and request.assigned_to.username == "manager"
    assert request.first_contact_at is not None and request.first_contact_at <= request.due_at

    report = new_page(browser, DESKTOP)
    sign_in(report, site, "supervisor")
    report.goto(site + "/admin/booking/consultationrequest/report/")
    within = report.locator(".report-figures div").filter(has_text="Связались в срок")
    expect(within).to_contain_text("100")
    expect(within).to_contain_text("1 из 1")
    save_screenshot(report, "journey-supervisor-report-1366")
    report.context.close()
