"""The staff admin pages (managers, supervisors, content editors) pass axe-core in both languages,
and the strict CSP refuses nothing on them."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, ConsoleMessage, Page

from booking.models import ConsultationRequest, Delivery
from services.models import Doctor, Treatment
from tests.conftest import _staff_user
from tests.e2e.conftest import DESKTOP, axe_report, new_page, sign_in


def signed_in(browser: Browser, site: str, username: str, locale: str) -> tuple[Page, list[str]]:
    """A desktop tab signed in to the admin, and the list its console errors are collected in."""
    page = new_page(browser, DESKTOP, locale=locale)
    errors: list[str] = []

    def keep_error(message: ConsoleMessage) -> None:
        if message.type == "error":
            errors.append(message.text)

    page.on("console", keep_error)
    sign_in(page, site, username)
    return page, errors


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

    page, errors = signed_in(browser, site, "supervisor", locale)
    for path in pages:
        errors.clear()
        page.goto(site + path, wait_until="load")
        # Checked before axe runs: axe's own probes trip the CSP too, and they are not the site's.
        assert errors == [], f"{path}: {errors}"
        assert axe_report(page) == "", path
    page.context.close()


@pytest.mark.parametrize("locale", ["ru-RU", "en-US"])
def test_content_admin_pages_have_no_axe_violations_and_no_blocked_styles(
    browser: Browser, site: str, locale: str
) -> None:
    _staff_user("editor", ("Content editors",))
    treatment = Treatment.objects.get(slug="radioembolization")
    pages = [
        "/admin/",
        "/admin/services/doctor/",
        f"/admin/services/treatment/{treatment.pk}/change/",
        f"/admin/services/doctor/{Doctor.objects.get(slug='lyadov').pk}/change/",
        "/admin/services/cliniclocation/",
    ]

    page, errors = signed_in(browser, site, "editor", locale)
    for path in pages:
        errors.clear()
        page.goto(site + path, wait_until="load")
        assert errors == [], f"{path}: {errors}"
        assert axe_report(page) == "", path
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px"
    page.context.close()
