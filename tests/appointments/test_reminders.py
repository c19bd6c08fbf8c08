"""Reminders 24 hours and 2 hours before: scheduled at booking, never for a cancelled or moved
appointment, and caught by the sweeper if their task was lost."""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine

from appointments.models import Appointment, Kind, PatientMessage, Schedule
from appointments.reservations import book_appointment, cancel_appointment, move_appointment
from appointments.tasks import sweep
from tests.appointments.builders import make_request, make_schedule
from tests.booking.submitting import run_worker
from tests.builders import make_clinic

MOSCOW = ZoneInfo("Europe/Moscow")
NOW = datetime(2026, 12, 7, 8, tzinfo=MOSCOW)  # Monday
TUESDAY_TEN = datetime(2026, 12, 8, 10, tzinfo=MOSCOW)

pytestmark = pytest.mark.django_db


@pytest.fixture
def clock() -> object:
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture
def schedule(clock: object) -> Schedule:
    make_clinic()
    return make_schedule(weekly=[(2, time(9), time(13), Kind.IN_PERSON)])


def book(schedule: Schedule, capture: object, start: datetime = TUESDAY_TEN) -> Appointment:
    with capture(execute=True):  # type: ignore[operator]
        return book_appointment(
            consultation=make_request(email="maria@example.test"),
            doctor=schedule.doctor,
            kind=Kind.IN_PERSON,
            start=start,
            actor=None,
        )


def reminders(mailoutbox: list) -> list[str]:
    return [message.subject for message in mailoutbox if "напоминаем" in message.subject]


def test_booking_schedules_reminders_a_day_and_two_hours_before(
    schedule: Schedule, django_capture_on_commit_callbacks: object
) -> None:
    appointment = book(schedule, django_capture_on_commit_callbacks)
    due = dict(
        appointment.messages.filter(purpose__startswith="reminder").values_list("purpose", "next_attempt_at")
    )
    assert due == {
        "reminder_24h": TUESDAY_TEN - timedelta(hours=24),
        "reminder_2h": TUESDAY_TEN - timedelta(hours=2),
    }


def test_each_reminder_is_sent_when_its_time_comes(
    schedule: Schedule,
    clock: time_machine.Traveller,
    django_capture_on_commit_callbacks: object,
    mailoutbox: list,
) -> None:
    book(schedule, django_capture_on_commit_callbacks)
    run_worker()
    assert reminders(mailoutbox) == []
    clock.move_to(TUESDAY_TEN - timedelta(hours=24, minutes=-1))
    run_worker()
    assert reminders(mailoutbox) == ["Клиника Лядова: напоминаем о консультации 8 декабря, 10:00"]
    clock.move_to(TUESDAY_TEN - timedelta(hours=2, minutes=-1))
    run_worker()
    assert len(reminders(mailoutbox)) == 2


def test_a_booking_less_than_a_day_ahead_gets_only_the_two_hour_reminder(
    schedule: Schedule, clock: time_machine.Traveller, django_capture_on_commit_callbacks: object
) -> None:
    clock.move_to(datetime(2026, 12, 7, 10, tzinfo=MOSCOW))
    appointment = book(
        schedule, django_capture_on_commit_callbacks, start=datetime(2026, 12, 8, 9, tzinfo=MOSCOW)
    )
    assert list(
        appointment.messages.filter(purpose__startswith="reminder").values_list("purpose", flat=True)
    ) == ["reminder_2h"]


def test_no_reminder_for_a_cancelled_appointment(
    schedule: Schedule,
    clock: time_machine.Traveller,
    django_capture_on_commit_callbacks: object,
    mailoutbox: list,
) -> None:
    appointment = book(schedule, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        cancel_appointment(appointment, actor=None)
    clock.move_to(TUESDAY_TEN - timedelta(minutes=30))
    run_worker()
    assert reminders(mailoutbox) == []
    assert set(
        appointment.messages.filter(purpose__startswith="reminder").values_list("status", flat=True)
    ) == {PatientMessage.Status.SKIPPED}


def test_a_moved_appointment_is_reminded_of_its_new_time_only(
    schedule: Schedule,
    clock: time_machine.Traveller,
    django_capture_on_commit_callbacks: object,
    mailoutbox: list,
) -> None:
    appointment = book(schedule, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        move_appointment(appointment, start=datetime(2026, 12, 8, 12, tzinfo=MOSCOW), actor=None)
    clock.move_to(datetime(2026, 12, 8, 11, tzinfo=MOSCOW))
    run_worker()
    assert reminders(mailoutbox) == [
        "Клиника Лядова: напоминаем о консультации 8 декабря, 12:00",
        "Клиника Лядова: напоминаем о консультации 8 декабря, 12:00",
    ]


def test_the_sweeper_sends_a_reminder_whose_task_was_lost(
    schedule: Schedule,
    clock: time_machine.Traveller,
    django_capture_on_commit_callbacks: object,
    mailoutbox: list,
) -> None:
    with django_capture_on_commit_callbacks(execute=False):  # type: ignore[operator]
        book_appointment(
            consultation=make_request(email="maria@example.test"),
            doctor=schedule.doctor,
            kind=Kind.IN_PERSON,
            start=TUESDAY_TEN,
            actor=None,
        )
    clock.move_to(TUESDAY_TEN - timedelta(hours=23))
    run_worker()
    assert mailoutbox == []
    assert sweep() == 2  # the confirmation and the day-before reminder
    run_worker()
    assert len(reminders(mailoutbox)) == 1
