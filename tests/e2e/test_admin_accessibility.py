"""The managers' and supervisors' admin pages pass axe-core, in both languages."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, expect

from booking.models import ConsultationRequest, Delivery
from tests.conftest import _staff_user
from tests.e2e.conftest import DESKTOP, axe_report, new_page


@pytest.mark.parametrize("locale", ["ru-RU", "en-US"])
def test_console_report_and_delivery_log_have_no_axe_violations(
    browser: Browser, site: str, locale: str
) -> None:
    _staff_user("supervisor", ("Supervisors",), first_name="Ольга", last_name="Кузнецова")
    now = timezone.now()
    consultation = ConsultationRequest.objects.create(
        name="Мария Иванова",
        phone="+74991234567",
        consent_at=now,
        consent_version="test",
        created_at=now - timedelta(minutes=20),
        due_at=now - timedelta(minutes=5),
    )
    Delivery.objects.create(
        request=consultation,
        channel="telegram",
        recipient="chat",
        status="failed",
        attempts=5,
        last_error="HTTP 500",
    )
    admin = "/admin/booking/"
    pages = [
        f"{admin}consultationrequest/",
        f"{admin}consultationrequest/{consultation.pk}/change/",
        f"{admin}consultationrequest/report/",
        f"{admin}delivery/",
    ]

    page = new_page(browser, DESKTOP, locale=locale)
    page.goto(site + "/admin/login/")
    page.locator("#id_username").fill("supervisor")
    page.locator("#id_password").fill("a-long-test-password")
    page.locator("#login-form [type=submit]").click()
    expect(page.locator("#login-form")).to_have_count(0)
    for path in pages:
        page.goto(site + path)
        assert axe_report(page) == "", path
    page.context.close()
