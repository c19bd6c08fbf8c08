"""Two managers book the same slot at the same moment: the database lets one win."""

import threading
from collections.abc import Callable
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest
from django.db import IntegrityError, connection

from appointments import reservations
from appointments.models import Appointment, Kind
from booking.models import ConsultationRequest
from services.models import Doctor
from tests.appointments.builders import make_appointment, make_request, make_schedule

MOSCOW = ZoneInfo("Europe/Moscow")
MONDAY = date(2026, 12, 7)
NOW = datetime(2026, 12, 7, 8, tzinfo=MOSCOW)
TEN = datetime(2026, 12, 7, 10, tzinfo=MOSCOW)

needs_postgres = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the exclusion constraint exists on PostgreSQL only"
)


def run_together(actions: list[Callable[[], object]]) -> list[object]:
    """Run each action in its own thread and database connection, started at the same moment."""
    barrier = threading.Barrier(len(actions))
    results: list[object] = [None] * len(actions)

    def run(index: int) -> None:
        from django.db import connections

        try:
            barrier.wait()
            results[index] = actions[index]()
        except Exception as exc:  # the loser's error is the result under test
            results[index] = exc
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(index,)) for index in range(len(actions))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return results


def book_for(consultation: ConsultationRequest, doctor: Doctor) -> Callable[[], object]:
    return lambda: reservations.book_appointment(
        consultation=consultation, doctor=doctor, kind=Kind.IN_PERSON, start=TEN, actor=None, now=NOW
    )


@needs_postgres
@pytest.mark.django_db(transaction=True)
def test_two_managers_booking_one_slot_at_once_one_wins_the_other_is_told() -> None:
    schedule = make_schedule(weekly=[(1, time(10), time(12), Kind.IN_PERSON)])
    first, second = make_request(), make_request(phone="+74994601562")
    results = run_together([book_for(first, schedule.doctor), book_for(second, schedule.doctor)])
    winners = [result for result in results if isinstance(result, Appointment)]
    losers = [result for result in results if isinstance(result, reservations.SlotTaken)]
    assert len(winners) == 1 and len(losers) == 1, results
    assert "только что заняли" in str(losers[0])
    assert Appointment.objects.filter(start=TEN).count() == 1
    statuses = set(ConsultationRequest.objects.values_list("status", flat=True))
    assert statuses == {ConsultationRequest.Status.BOOKED, ConsultationRequest.Status.NEW}


@needs_postgres
@pytest.mark.django_db(transaction=True)
def test_when_both_checks_pass_the_exclusion_constraint_still_lets_only_one_in(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Both managers pass the check before either has saved: only the database can decide.
    monkeypatch.setattr(reservations, "is_taken", lambda slot, ignore=None: False)
    schedule = make_schedule(weekly=[(1, time(10), time(12), Kind.IN_PERSON)])
    first, second = make_request(), make_request(phone="+74994601562")
    results = run_together([book_for(first, schedule.doctor), book_for(second, schedule.doctor)])
    assert sorted(type(result).__name__ for result in results) == ["Appointment", "SlotTaken"], results
    assert Appointment.objects.count() == 1


@needs_postgres
@pytest.mark.django_db
def test_postgresql_refuses_overlapping_appointments_that_start_at_different_times() -> None:
    schedule = make_schedule(weekly=[])
    make_appointment(schedule.doctor, start=TEN, minutes=30)
    with pytest.raises(IntegrityError):
        make_appointment(schedule.doctor, start=datetime(2026, 12, 7, 10, 15, tzinfo=MOSCOW))


@needs_postgres
@pytest.mark.django_db
def test_a_cancelled_appointment_does_not_hold_its_time() -> None:
    schedule = make_schedule(weekly=[])
    make_appointment(schedule.doctor, start=TEN, status=Appointment.Status.CANCELLED)
    make_appointment(schedule.doctor, start=TEN)
    assert Appointment.objects.count() == 2
