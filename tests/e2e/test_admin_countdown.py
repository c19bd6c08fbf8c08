"""The live countdown in the managers' list ticks and turns into the overdue badge."""

import re
from datetime import timedelta

from django.utils import timezone
from playwright.sync_api import Browser, expect

from booking.models import ConsultationRequest
from tests.conftest import _staff_user
from tests.e2e.conftest import DESKTOP, new_page, sign_in


def test_the_countdown_reaches_the_deadline_and_shows_overdue(browser: Browser, site: str) -> None:
    _staff_user("manager", ("Managers",))
    page = new_page(browser, DESKTOP)
    sign_in(page, site, "manager")
    # Created once signed in, so the deadline is still ahead when the list opens.
    now = timezone.now()
    ConsultationRequest.objects.create(
        name="Мария Иванова",
        phone="+74991234567",
        consent_at=now,
        consent_version="test",
        created_at=now - timedelta(minutes=14),
        due_at=now + timedelta(seconds=6),
    )

    page.goto(site + "/admin/booking/consultationrequest/")

    countdown = page.locator("time.countdown").first
    expect(countdown).to_have_text(re.compile(r"^осталось \d+ с$"))
    expect(countdown).to_have_text(re.compile(r"^просрочено на \d+ с$"), timeout=15_000)
    expect(countdown).to_have_class(re.compile(r"\bis-overdue\b"))
    page.context.close()
