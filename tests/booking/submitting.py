"""Helpers for the booking form tests: content to refer to, a valid form, a worker run."""

import time
from collections.abc import Callable
from datetime import datetime, timedelta
from unittest import mock
from zoneinfo import ZoneInfo

from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from booking.forms import new_form_stamp
from services.models import ClinicLocation, Doctor, Treatment, TreatmentCategory

MOSCOW = ZoneInfo("Europe/Moscow")


def make_treatment(slug: str = "radioembolization", published: bool = True) -> Treatment:
    category, _ = TreatmentCategory.objects.get_or_create(slug="liver", defaults={"title": "Опухоли печени"})
    return Treatment.objects.create(
        title="Радиоэмболизация" if slug == "radioembolization" else f"Лечение {slug}",
        title_en="Radioembolization" if slug == "radioembolization" else f"Treatment {slug}",
        slug=slug,
        category=category,
        summary="Кратко",
        what_it_is="Что это",
        who_for="Кому",
        published=published,
    )


def make_doctor(slug: str = "lyadov", published: bool = True) -> Doctor:
    return Doctor.objects.create(
        name="Лядов Константин Викторович",
        name_en="Konstantin Lyadov",
        slug=slug,
        position="Руководитель центра",
        short_bio="Коротко",
        published=published,
    )


def make_clinic() -> ClinicLocation:
    return ClinicLocation.objects.create(
        name="Клиника Лядова", address="Химки, ул. Панфилова, 21/2", phone="+7 (499) 460-15-61", is_main=True
    )


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


def request_url(language: str = "ru") -> str:
    with translation.override(language):
        return reverse("booking:request")


def submit(client: Client, language: str = "ru", **overrides: object):  # noqa: ANN201
    return client.post(request_url(language), form_data(**overrides))


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
