"""What the patient gets: an e-mail with a calendar invitation that a move updates and a
cancellation removes, sent by the worker after the commit, recorded and retried."""

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.utils import timezone
from icalendar import Calendar

from appointments import messages
from appointments.models import Appointment, Kind, PatientMessage, Schedule
from appointments.reservations import book_appointment, cancel_appointment, move_appointment
from appointments.tasks import sweep
from booking.models import ConsultationRequest
from tests.appointments.builders import make_request, make_schedule
from tests.booking.submitting import run_worker
from tests.builders import make_clinic

MOSCOW = ZoneInfo("Europe/Moscow")
MONDAY = date(2026, 12, 7)
NOW = datetime(2026, 12, 7, 8, tzinfo=MOSCOW)

pytestmark = pytest.mark.django_db


def msk(hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 12, 7, hour, minute, tzinfo=MOSCOW)


@pytest.fixture
def schedule() -> Schedule:
    make_clinic()
    return make_schedule(
        weekly=[(1, time(10), time(13), Kind.IN_PERSON), (1, time(15), time(17), Kind.VIDEO)],
        video_link="https://video.example.test/room-7",
    )


@pytest.fixture
def consultation() -> ConsultationRequest:
    return make_request(email="maria@example.test", name="Мария Иванова")


def book(
    schedule: Schedule, consultation: ConsultationRequest, capture: object, **overrides: object
) -> Appointment:
    values: dict = {
        "consultation": consultation,
        "doctor": schedule.doctor,
        "kind": Kind.IN_PERSON,
        "start": msk(10),
        "actor": None,
        "now": NOW,
    } | overrides
    with capture(execute=True):  # type: ignore[operator]
        return book_appointment(**values)


def sent_invitation(message: mail.EmailMultiAlternatives) -> Calendar:
    (attachment,) = [item for item in message.attachments if item[0] == "invite.ics"]
    return Calendar.from_ical(attachment[1])


def event_of(calendar: Calendar) -> dict:
    (event,) = calendar.walk("VEVENT")
    return event


def test_booking_sends_an_email_with_a_calendar_invitation_after_the_commit(
    schedule: Schedule,
    consultation: ConsultationRequest,
    django_capture_on_commit_callbacks: object,
    mailoutbox: list,
) -> None:
    book(schedule, consultation, django_capture_on_commit_callbacks)
    assert mailoutbox == []  # the worker sends, not the manager's click
    run_worker()
    (message,) = mailoutbox
    assert message.to == ["maria@example.test"]
    assert "вы записаны на консультацию 7 декабря, 10:00" in message.subject
    assert "Химки" in message.body and "по московскому времени" in message.body
    calendar = sent_invitation(message)
    event = event_of(calendar)
    assert str(calendar["method"]) == "REQUEST"
    assert event["dtstart"].dt == msk(10)
    assert str(event["dtstart"].params["TZID"]) == "Europe/Moscow"
    assert [tz["tzid"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Moscow"]
    assert "Панфилова" in str(event["location"])
    row = PatientMessage.objects.get(purpose="booked")
    assert (row.status, row.attempts) == (PatientMessage.Status.SENT, 1)


def test_a_video_consultation_carries_the_link_instead_of_the_address(
    schedule: Schedule,
    consultation: ConsultationRequest,
    django_capture_on_commit_callbacks: object,
    mailoutbox: list,
) -> None:
    book(schedule, consultation, django_capture_on_commit_callbacks, kind=Kind.VIDEO, start=msk(15))
    run_worker()
    (message,) = mailoutbox
    assert "https://video.example.test/room-7" in message.body
    assert str(event_of(sent_invitation(message))["location"]) == "https://video.example.test/room-7"


def test_a_move_updates_the_same_calendar_event_and_a_cancellation_removes_it(
    schedule: Schedule,
    consultation: ConsultationRequest,
    django_capture_on_commit_callbacks: object,
    mailoutbox: list,
) -> None:
    first = book(schedule, consultation, django_capture_on_commit_callbacks)
    run_worker()
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        moved = move_appointment(first, start=msk(11), actor=None, now=NOW)
    run_worker()
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        cancel_appointment(moved, actor=None, now=NOW)
    run_worker()
    calendars = [sent_invitation(message) for message in mailoutbox]
    events = [event_of(calendar) for calendar in calendars]
    assert [str(calendar["method"]) for calendar in calendars] == ["REQUEST", "REQUEST", "CANCEL"]
    assert {str(event["uid"]) for event in events} == {first.uid}
    assert [event["sequence"] for event in events] == [0, 1, 2]
    assert [event["dtstart"].dt for event in events] == [msk(10), msk(11), msk(11)]
    assert "перенесена на 7 декабря, 11:00" in mailoutbox[1].subject
    assert "отменена" in mailoutbox[2].subject


def test_the_confirmation_of_a_booking_cancelled_before_sending_is_not_sent(
    schedule: Schedule,
    consultation: ConsultationRequest,
    django_capture_on_commit_callbacks: object,
    mailoutbox: list,
) -> None:
    appointment = book(schedule, consultation, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        cancel_appointment(appointment, actor=None, now=NOW)
    run_worker()
    assert [message.subject for message in mailoutbox] == [
        "Клиника Лядова: консультация 7 декабря, 10:00 отменена"
    ]
    skipped = PatientMessage.objects.get(purpose="booked")
    assert skipped.status == PatientMessage.Status.SKIPPED


def test_the_patient_is_written_to_in_their_language(
    schedule: Schedule, django_capture_on_commit_callbacks: object, mailoutbox: list
) -> None:
    consultation = make_request(email="john@example.test", name="John Smith", language="en")
    book(schedule, consultation, django_capture_on_commit_callbacks)
    run_worker()
    (message,) = mailoutbox
    assert "booked" in message.subject.lower()
    assert "Hello, John Smith!" in message.body


def test_no_email_address_means_no_message(
    schedule: Schedule, django_capture_on_commit_callbacks: object, mailoutbox: list
) -> None:
    book(schedule, make_request(email=""), django_capture_on_commit_callbacks)
    run_worker()
    assert mailoutbox == [] and not PatientMessage.objects.exists()


def test_a_failed_send_is_recorded_and_retried(
    schedule: Schedule,
    consultation: ConsultationRequest,
    django_capture_on_commit_callbacks: object,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def refuse(message: PatientMessage) -> None:
        raise ConnectionRefusedError(111, "Connection refused")

    monkeypatch.setattr(messages, "send", refuse)
    book(schedule, consultation, django_capture_on_commit_callbacks)
    run_worker(max_tasks=1)
    row = PatientMessage.objects.get(purpose="booked")
    assert row.status == PatientMessage.Status.PENDING
    assert row.attempts == 1 and "ConnectionRefusedError" in row.last_error
    assert row.next_attempt_at > timezone.now()  # tried again a little later


def test_the_sweeper_enqueues_a_message_whose_task_was_lost(
    schedule: Schedule,
    consultation: ConsultationRequest,
    django_capture_on_commit_callbacks: object,
    mailoutbox: list,
) -> None:
    # The commit callbacks are dropped: the enqueue never happened.
    with django_capture_on_commit_callbacks(execute=False):  # type: ignore[operator]
        book_appointment(
            consultation=consultation,
            doctor=schedule.doctor,
            kind=Kind.IN_PERSON,
            start=msk(10),
            actor=None,
            now=NOW,
        )
    run_worker()
    assert mailoutbox == []
    assert sweep(grace_seconds=-3600) == 1
    run_worker()
    assert len(mailoutbox) == 1
