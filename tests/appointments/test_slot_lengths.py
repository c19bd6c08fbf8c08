"""A slot length per kind of consultation: weekly hours may set their own, overriding the schedule's,
in the free slots, in the check before booking and in the picker."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from appointments.models import Appointment, Kind, ScheduleException, WeeklyHours
from appointments.reservations import BookingError, book_appointment
from appointments.slots import free_slots, slots_for
from tests.appointments.builders import ensure_appointment_roles, make_request, make_schedule

MOSCOW = ZoneInfo("Europe/Moscow")
MONDAY = date(2026, 12, 7)


def msk(hour: int, minute: int = 0, day: date = MONDAY) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=MOSCOW)


def row(starts: time, ends: time, kind: str, minutes: int | None = None) -> WeeklyHours:
    return WeeklyHours(weekday=1, kind=kind, starts=starts, ends=ends, slot_minutes=minutes)


def shown(**overrides: object) -> list[str]:
    arguments: dict = {
        "doctor_id": 1,
        "slot_minutes": 30,
        "hours": [],
        "breaks": [],
        "exceptions": [],
        "busy": [],
        "now": msk(0),
        "lead": timedelta(0),
        "first_day": MONDAY,
        "days": 1,
    } | overrides
    return [
        f"{slot.local_start:%H:%M}-{slot.local_end:%H:%M} {slot.kind}" for slot in free_slots(**arguments)
    ]


def test_in_person_40_minutes_and_documents_20_minutes_on_the_same_day() -> None:
    day = [row(time(9), time(11), Kind.IN_PERSON, 40), row(time(11), time(12), Kind.DOCUMENTS, 20)]
    assert shown(hours=day) == [
        "09:00-09:40 in_person",
        "09:40-10:20 in_person",
        "10:20-11:00 in_person",
        "11:00-11:20 documents",
        "11:20-11:40 documents",
        "11:40-12:00 documents",
    ]


def test_hours_without_a_length_keep_the_schedules() -> None:
    day = [row(time(9), time(10), Kind.IN_PERSON), row(time(15), time(16), Kind.VIDEO, 20)]
    assert shown(hours=day, slot_minutes=60) == [
        "09:00-10:00 in_person",
        "15:00-15:20 video",
        "15:20-15:40 video",
        "15:40-16:00 video",
    ]


def test_extra_hours_take_the_length_of_their_kind() -> None:
    saturday = MONDAY + timedelta(days=5)
    extra = ScheduleException(
        type=ScheduleException.Type.EXTRA,
        first_day=saturday,
        kind=Kind.IN_PERSON,
        starts=time(9),
        ends=time(10),
    )
    week = [row(time(9), time(11), Kind.IN_PERSON, 40)]
    assert shown(hours=week, exceptions=[extra], first_day=saturday) == [
        "09:00-09:40 in_person",
    ]


@pytest.fixture
def schedule(db: None) -> object:
    schedule = make_schedule(slot_minutes=30)
    WeeklyHours.objects.create(
        schedule=schedule, weekday=1, kind=Kind.IN_PERSON, starts=time(9), ends=time(11), slot_minutes=40
    )
    WeeklyHours.objects.create(
        schedule=schedule, weekday=1, kind=Kind.DOCUMENTS, starts=time(11), ends=time(12), slot_minutes=20
    )
    return schedule


def test_booking_checks_the_kinds_own_grid(schedule: object) -> None:
    consultation = make_request()
    doctor = schedule.doctor  # type: ignore[attr-defined]
    now = msk(7)
    with pytest.raises(BookingError):
        book_appointment(
            consultation=consultation,
            doctor=doctor,
            kind=Kind.IN_PERSON,
            start=msk(9, 30),
            actor=None,
            now=now,
        )
    booked = book_appointment(
        consultation=consultation, doctor=doctor, kind=Kind.IN_PERSON, start=msk(9, 40), actor=None, now=now
    )
    assert (booked.start, booked.end) == (msk(9, 40), msk(10, 20))
    review = book_appointment(
        consultation=make_request(),
        doctor=doctor,
        kind=Kind.DOCUMENTS,
        start=msk(11, 20),
        actor=None,
        now=now,
    )
    assert review.end == msk(11, 40)
    free = [f"{slot.local_start:%H:%M}" for slot in slots_for([schedule], now=now, days=1)]  # type: ignore[list-item]
    assert free == ["09:00", "10:20", "11:00", "11:40"]


def test_the_schedule_page_shows_the_length_of_each_row(
    schedule: object, superuser: User, login: object
) -> None:
    url = reverse("admin:appointments_schedule_change", args=[schedule.pk])  # type: ignore[attr-defined]
    page = login(superuser).get(url).content.decode()  # type: ignore[operator]
    assert 'name="hours-0-slot_minutes" value="40"' in page
    assert 'name="hours-1-slot_minutes" value="20"' in page


def test_the_picker_offers_each_kind_at_its_length(
    schedule: object, manager: User, login: object, settings: object
) -> None:
    import time_machine

    ensure_appointment_roles()
    settings.APPOINTMENT_LEAD_MINUTES = 0  # type: ignore[attr-defined]
    consultation = make_request(doctor=schedule.doctor)  # type: ignore[attr-defined]
    with time_machine.travel(msk(7), tick=False):
        client: Client = login(manager)  # type: ignore[operator]
        page = client.get(
            reverse("admin:appointments_appointment_book", args=[consultation.pk])
        ).content.decode()
    assert "09:40" in page and "10:20" in page and "09:30" not in page
    assert "11:20" in page and "11:40" in page and "11:30" not in page
    assert not Appointment.objects.exists()
