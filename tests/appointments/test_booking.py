"""Booking, moving and cancelling: the request's status and timeline follow, bad input changes nothing."""

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import User

from appointments.models import Appointment, Kind, Schedule
from appointments.reservations import (
    BookingError,
    SlotTaken,
    book_appointment,
    cancel_appointment,
    move_appointment,
    record_outcome,
)
from booking.models import ConsultationRequest, RequestEvent
from tests.appointments.builders import make_appointment, make_request, make_schedule

MOSCOW = ZoneInfo("Europe/Moscow")
MONDAY = date(2026, 12, 7)
NOW = datetime(2026, 12, 7, 8, tzinfo=MOSCOW)

pytestmark = pytest.mark.django_db


def msk(hour: int, minute: int = 0, day: date = MONDAY) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=MOSCOW)


@pytest.fixture
def schedule() -> Schedule:
    return make_schedule(
        weekly=[(1, time(10), time(13), Kind.IN_PERSON), (1, time(15), time(16), Kind.VIDEO)],
        video_link="https://video.example.test/room",
    )


@pytest.fixture
def consultation() -> ConsultationRequest:
    return make_request()


def notes(consultation: ConsultationRequest) -> list[str]:
    return list(consultation.events.filter(kind=RequestEvent.Kind.APPOINTMENT).values_list("text", flat=True))


def book(
    schedule: Schedule, consultation: ConsultationRequest, manager: User, **overrides: object
) -> Appointment:
    values: dict = {
        "consultation": consultation,
        "doctor": schedule.doctor,
        "kind": Kind.IN_PERSON,
        "start": msk(10),
        "actor": manager,
        "now": NOW,
    } | overrides
    return book_appointment(**values)


def test_booking_makes_the_request_booked_and_notes_who_booked_what(
    schedule: Schedule, consultation: ConsultationRequest, manager: User
) -> None:
    appointment = book(schedule, consultation, manager)
    consultation.refresh_from_db()
    assert consultation.status == ConsultationRequest.Status.BOOKED
    assert consultation.first_contact_at == NOW
    assert (appointment.start, appointment.end) == (msk(10), msk(10, 30))
    assert appointment.booked_by == manager
    assert appointment.sequence == 0 and appointment.uid
    note = consultation.events.get(kind=RequestEvent.Kind.APPOINTMENT)
    assert note.actor == manager
    assert "Записан на приём" in note.text and "07.12.2026 10:00 (МСК)" in note.text
    assert "Лично в клинике" in note.text


def test_a_booked_slot_cannot_be_booked_again(
    schedule: Schedule, consultation: ConsultationRequest, manager: User
) -> None:
    book(schedule, consultation, manager)
    with pytest.raises(SlotTaken, match="только что заняли"):
        book(schedule, make_request(phone="+74994601562"), manager)
    assert Appointment.objects.count() == 1


@pytest.mark.parametrize(
    ("start", "message"),
    [
        (msk(7), "уже прошло"),
        (msk(9), "меньше 120 минут"),
        (msk(13), "не принимает в это время"),
        (msk(10, 15), "не принимает в это время"),
    ],
    ids=["past", "within-lead-time", "after-hours", "off-the-grid"],
)
def test_a_slot_the_schedule_does_not_offer_is_refused_and_nothing_changes(
    schedule: Schedule, consultation: ConsultationRequest, manager: User, start: datetime, message: str
) -> None:
    with pytest.raises(BookingError, match=message):
        book(schedule, consultation, manager, start=start)
    consultation.refresh_from_db()
    assert consultation.status == ConsultationRequest.Status.NEW
    assert not Appointment.objects.exists()
    assert not consultation.events.exists()


def test_a_doctor_on_leave_cannot_be_booked(
    schedule: Schedule, consultation: ConsultationRequest, manager: User
) -> None:
    schedule.exceptions.create(type="day_off", first_day=MONDAY, note="Отпуск")
    with pytest.raises(BookingError, match="выходной, отпуск"):
        book(schedule, consultation, manager)
    assert not Appointment.objects.exists()


def test_an_unpublished_doctor_cannot_be_booked(
    schedule: Schedule, consultation: ConsultationRequest, manager: User
) -> None:
    schedule.doctor.published = False
    schedule.doctor.save()
    with pytest.raises(BookingError, match="не принимает записи"):
        book(schedule, consultation, manager)


def test_the_kind_must_match_the_hours(
    schedule: Schedule, consultation: ConsultationRequest, manager: User
) -> None:
    with pytest.raises(BookingError):
        book(schedule, consultation, manager, kind=Kind.VIDEO)
    assert book(schedule, consultation, manager, kind=Kind.VIDEO, start=msk(15)).kind == Kind.VIDEO


def test_moving_frees_the_old_time_and_keeps_the_calendar_uid(
    schedule: Schedule, consultation: ConsultationRequest, manager: User
) -> None:
    first = book(schedule, consultation, manager)
    second = move_appointment(first, start=msk(10, 30), actor=manager, now=NOW)
    first.refresh_from_db()
    assert first.status == Appointment.Status.MOVED
    assert (second.uid, second.sequence) == (first.uid, first.sequence + 1)
    assert "Приём перенесён" in notes(consultation)[-1]
    # The old time is free again for someone else.
    other = book(schedule, make_request(phone="+74994601562"), manager)
    assert other.start == msk(10)


def test_moving_to_a_taken_time_changes_nothing(
    schedule: Schedule, consultation: ConsultationRequest, manager: User
) -> None:
    first = book(schedule, consultation, manager)
    book(schedule, make_request(phone="+74994601562"), manager, start=msk(11))
    with pytest.raises(SlotTaken):
        move_appointment(first, start=msk(11), actor=manager, now=NOW)
    first.refresh_from_db()
    assert first.status == Appointment.Status.BOOKED
    assert Appointment.objects.count() == 2


def test_cancelling_frees_the_time_and_reopens_the_request_as_contacted(
    schedule: Schedule, consultation: ConsultationRequest, manager: User
) -> None:
    appointment = book(schedule, consultation, manager)
    cancel_appointment(appointment, actor=manager, now=NOW)
    appointment.refresh_from_db()
    consultation.refresh_from_db()
    assert appointment.status == Appointment.Status.CANCELLED
    assert appointment.sequence == 1
    assert consultation.status == ConsultationRequest.Status.CONTACTED
    assert "Приём отменён" in notes(consultation)[-1]
    assert book(schedule, make_request(phone="+74994601562"), manager).start == msk(10)


def test_a_cancelled_appointment_cannot_be_cancelled_or_moved_again(
    schedule: Schedule, consultation: ConsultationRequest, manager: User
) -> None:
    appointment = book(schedule, consultation, manager)
    cancel_appointment(appointment, actor=manager, now=NOW)
    appointment.refresh_from_db()
    with pytest.raises(BookingError):
        cancel_appointment(appointment, actor=manager, now=NOW)
    with pytest.raises(BookingError):
        move_appointment(appointment, start=msk(11), actor=manager, now=NOW)
    assert Appointment.objects.count() == 1


def test_no_show_is_set_only_after_the_start(
    schedule: Schedule, consultation: ConsultationRequest, manager: User
) -> None:
    appointment = book(schedule, consultation, manager)
    with pytest.raises(BookingError, match="ещё не начался"):
        record_outcome(appointment, Appointment.Status.NO_SHOW, actor=manager, now=NOW)
    record_outcome(appointment, Appointment.Status.NO_SHOW, actor=manager, now=msk(11))
    appointment.refresh_from_db()
    assert appointment.status == Appointment.Status.NO_SHOW
    assert "Пациент не пришёл" in notes(consultation)[-1]


def test_the_database_refuses_two_active_appointments_at_one_start(schedule: Schedule, manager: User) -> None:
    from django.db import IntegrityError

    make_appointment(schedule.doctor, start=msk(10))
    with pytest.raises(IntegrityError):
        make_appointment(schedule.doctor, start=msk(10))
