"""Schedules and appointments for the appointment tests, made with the ORM."""

from datetime import datetime, time, timedelta

from appointments.models import Appointment, Kind, Schedule, WeeklyHours
from booking.models import ConsultationRequest
from services.models import Doctor
from tests.builders import make_doctor


def make_schedule(
    doctor: Doctor | None = None,
    weekly: list[tuple[int, time, time, str]] | None = None,
    slug: str = "scheduled",
    **fields: object,
) -> Schedule:
    schedule = Schedule.objects.create(doctor=doctor or make_doctor(slug), **fields)
    for weekday, starts, ends, kind in weekly or []:
        WeeklyHours.objects.create(schedule=schedule, weekday=weekday, starts=starts, ends=ends, kind=kind)
    return schedule


def make_request(**fields: object) -> ConsultationRequest:
    from django.utils import timezone

    now = timezone.now()
    values: dict[str, object] = {
        "name": "Иван Петров",
        "phone": "+74994601561",
        "email": "patient@example.test",
        "consent_at": now,
        "consent_version": "test",
        "created_at": now,
        "due_at": now + timedelta(minutes=15),
    }
    return ConsultationRequest.objects.create(**(values | fields))


def make_appointment(
    doctor: Doctor,
    start: datetime,
    minutes: int = 30,
    request: ConsultationRequest | None = None,
    **fields: object,
) -> Appointment:
    values: dict[str, object] = {"kind": Kind.IN_PERSON, "status": Appointment.Status.BOOKED}
    return Appointment.objects.create(
        request=request or make_request(),
        doctor=doctor,
        start=start,
        end=start + timedelta(minutes=minutes),
        **(values | fields),
    )


def ensure_appointment_roles() -> None:
    """The groups' appointment rights; a transactional test elsewhere may have flushed them."""
    from django.apps import apps

    from appointments.roles import ensure_roles

    ensure_roles(apps)
