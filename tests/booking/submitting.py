"""Helpers for the booking form tests: a valid form, a worker run (content comes from tests/builders.py)."""

import re
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from unittest import mock
from zoneinfo import ZoneInfo

from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from booking import notifications
from booking.forms import new_form_stamp
from booking.models import ConsultationRequest

MOSCOW = ZoneInfo("Europe/Moscow")
STAMP = re.compile(r'name="stamp" value="([^"]*)"')


def form_data(**overrides: object) -> dict[str, object]:
    data: dict[str, object] = {
        "name": "Иван Петров",
        "phone": "8 (499) 460-15-61",
        "channel": "call",
        "when": "now",
        "preferred_date": "",
        "preferred_time": "",
        "treatment": "",
        "doctor": "",
        "message": "",
        "requester": "patient",
        "email": "",
        "consent": "on",
        "website": "",
        "stamp": new_form_stamp(),
        "source": "/ru/consultation/",
    }
    data.update(overrides)
    return data


def stamp_in(page: bytes | str) -> str:
    """The signed "form shown at" stamp of the booking form on a page."""
    found = STAMP.search(page if isinstance(page, str) else page.decode())
    assert found, "the page carries no booking form stamp"
    return found.group(1)


def request_url(language: str = "ru") -> str:
    with translation.override(language):
        return reverse("booking:request")


def submit(client: Client, language: str = "ru", **overrides: object):  # noqa: ANN201
    return client.post(request_url(language), form_data(**overrides))


def plan_notifications() -> None:
    """What the worker does first with a new request: decide who is told, without telling them."""
    for request_id in ConsultationRequest.objects.values_list("pk", flat=True):
        notifications.plan_new_request(request_id)


def moscow_in(delta: timedelta) -> datetime:
    return (timezone.now() + delta).astimezone(MOSCOW)


def run_worker(max_tasks: int | None = None) -> None:
    """What `manage.py db_worker --batch` does: run the tasks that are due, then stop."""
    # The worker drops "old" connections between tasks; inside a test's transaction on
    # PostgreSQL that would close the connection the test itself is using.
    with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
        call_command(
            "db_worker",
            batch=True,
            max_tasks=max_tasks,
            startup_delay=False,
            interval=0,
            reload=False,
            verbosity=0,
        )


def run_worker_until(done: Callable[[], bool], seconds: float = 15) -> bool:
    """Keep running the worker (retries are scheduled a moment ahead) until done() or time is up."""
    give_up = time.monotonic() + seconds
    while time.monotonic() < give_up:
        run_worker()
        if done():
            return True
        time.sleep(0.05)
    return done()
