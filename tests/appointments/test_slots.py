"""Free slots: computed from weekly hours, breaks, exceptions, bookings and the lead time."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from appointments.models import Break, Kind, Schedule, ScheduleException, WeeklyHours
from appointments.slots import free_slots, slots_for
from tests.appointments.builders import make_appointment, make_schedule

MOSCOW = ZoneInfo("Europe/Moscow")
MONDAY = date(2026, 12, 7)


def msk(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=MOSCOW)


def hours(weekday: int, starts: time, ends: time, kind: str = Kind.IN_PERSON) -> WeeklyHours:
    return WeeklyHours(weekday=weekday, kind=kind, starts=starts, ends=ends)


def compute(**overrides: object) -> list[tuple[str, str]]:
    """Slots as (Moscow 'dd HH:MM', kind) pairs, easy to read in an assertion."""
    arguments: dict = {
        "doctor_id": 1,
        "slot_minutes": 30,
        "hours": [hours(1, time(10), time(12))],
        "breaks": [],
        "exceptions": [],
        "busy": [],
        "now": msk(MONDAY, 0),
        "lead": timedelta(0),
        "first_day": MONDAY,
        "days": 1,
    } | overrides
    return [(f"{slot.local_start:%d %H:%M}", slot.kind) for slot in free_slots(**arguments)]


def starts(**overrides: object) -> list[str]:
    return [start for start, _ in compute(**overrides)]


def test_weekly_hours_are_cut_into_slots_of_the_schedules_length() -> None:
    assert starts() == ["07 10:00", "07 10:30", "07 11:00", "07 11:30"]
    assert starts(slot_minutes=45) == ["07 10:00", "07 10:45"]


def test_only_the_weekday_of_the_hours_is_offered() -> None:
    assert starts(days=7) == ["07 10:00", "07 10:30", "07 11:00", "07 11:30"]
    assert starts(hours=[hours(3, time(10), time(11))], days=7) == ["09 10:00", "09 10:30"]


def test_each_kind_of_consultation_keeps_its_own_hours() -> None:
    result = compute(hours=[hours(1, time(10), time(11)), hours(1, time(15), time(16), Kind.VIDEO)])
    assert result == [
        ("07 10:00", Kind.IN_PERSON),
        ("07 10:30", Kind.IN_PERSON),
        ("07 15:00", Kind.VIDEO),
        ("07 15:30", Kind.VIDEO),
    ]


def test_hours_may_run_to_midnight_and_not_past_it() -> None:
    late = [hours(1, time(22), time(0))]
    assert starts(hours=late, days=2) == ["07 22:00", "07 22:30", "07 23:00", "07 23:30"]


def test_days_are_moscow_days_even_when_utc_is_still_on_the_day_before() -> None:
    # 22:30 UTC on Sunday is already 01:30 on Monday in Moscow.
    now = datetime(2026, 12, 6, 22, 30, tzinfo=ZoneInfo("UTC"))
    early = [hours(1, time(2), time(3))]
    assert starts(hours=early, now=now) == ["07 02:00", "07 02:30"]


def test_a_slot_that_would_run_into_a_break_is_not_offered() -> None:
    lunch = [Break(weekday=None, starts=time(11, 15), ends=time(11, 45))]
    # After the break the slots start again from its end.
    assert starts(hours=[hours(1, time(10), time(13))], breaks=lunch) == [
        "07 10:00",
        "07 10:30",
        "07 11:45",
        "07 12:15",
    ]


def test_a_break_of_another_weekday_changes_nothing() -> None:
    tuesday_break = [Break(weekday=2, starts=time(10), ends=time(11))]
    assert starts(breaks=tuesday_break) == ["07 10:00", "07 10:30", "07 11:00", "07 11:30"]


def test_a_day_off_removes_the_whole_day() -> None:
    holiday = [ScheduleException(type=ScheduleException.Type.DAY_OFF, first_day=MONDAY)]
    assert starts(exceptions=holiday) == []


def test_leave_covers_every_day_from_first_to_last() -> None:
    week = [hours(day, time(10), time(11)) for day in range(1, 8)]
    leave = [
        ScheduleException(
            type=ScheduleException.Type.DAY_OFF, first_day=MONDAY, last_day=MONDAY + timedelta(days=2)
        )
    ]
    assert starts(hours=week, exceptions=leave, days=5) == ["10 10:00", "10 10:30", "11 10:00", "11 10:30"]


def test_extra_hours_add_slots_on_a_day_without_weekly_hours() -> None:
    saturday = MONDAY + timedelta(days=5)
    extra = [
        ScheduleException(
            type=ScheduleException.Type.EXTRA,
            first_day=saturday,
            kind=Kind.DOCUMENTS,
            starts=time(9),
            ends=time(10),
        )
    ]
    result = compute(hours=[], exceptions=extra, days=7)
    assert result == [("12 09:00", Kind.DOCUMENTS), ("12 09:30", Kind.DOCUMENTS)]


def test_past_slots_and_those_within_the_lead_time_are_not_offered() -> None:
    assert starts(now=msk(MONDAY, 10, 1)) == ["07 10:30", "07 11:00", "07 11:30"]
    assert starts(now=msk(MONDAY, 9, 30), lead=timedelta(hours=1)) == ["07 10:30", "07 11:00", "07 11:30"]
    assert starts(now=msk(MONDAY, 11), lead=timedelta(hours=1)) == []


def test_a_booked_appointment_takes_every_slot_it_overlaps() -> None:
    busy = [(msk(MONDAY, 10, 15), msk(MONDAY, 11, 15))]
    assert starts(busy=busy) == ["07 11:30"]


def test_an_appointment_that_ends_as_a_slot_starts_leaves_the_slot_free() -> None:
    busy = [(msk(MONDAY, 10), msk(MONDAY, 10, 30))]
    assert starts(busy=busy) == ["07 10:30", "07 11:00", "07 11:30"]


def test_overlapping_hours_of_one_kind_give_each_slot_once() -> None:
    twice = [hours(1, time(10), time(11)), hours(1, time(10), time(11))]
    assert starts(hours=twice) == ["07 10:00", "07 10:30"]


# --- From the database --------------------------------------------------------


@pytest.fixture
def monday_morning() -> datetime:
    return msk(MONDAY, 8)


def test_slots_for_skips_the_time_of_an_active_appointment_but_not_a_cancelled_one(
    db: None, monday_morning: datetime, settings: object
) -> None:
    schedule = make_schedule(weekly=[(1, time(10), time(11), Kind.IN_PERSON)])
    make_appointment(schedule.doctor, start=msk(MONDAY, 10))
    make_appointment(schedule.doctor, start=msk(MONDAY, 10, 30), status="cancelled")
    found = slots_for([schedule], now=monday_morning, days=1)
    assert [f"{slot.local_start:%H:%M}" for slot in found] == ["10:30"]


def test_the_lead_time_comes_from_the_setting(db: None, monday_morning: datetime, settings: object) -> None:
    schedule = make_schedule(weekly=[(1, time(10), time(12), Kind.IN_PERSON)])
    settings.APPOINTMENT_LEAD_MINUTES = 180  # type: ignore[attr-defined]
    found = slots_for([schedule], now=monday_morning, days=1)
    assert [f"{slot.local_start:%H:%M}" for slot in found] == ["11:00", "11:30"]


def test_an_unpublished_doctor_or_a_closed_schedule_offers_nothing(db: None) -> None:
    from appointments.slots import bookable_schedules

    open_one = make_schedule(slug="open", weekly=[(1, time(10), time(11), Kind.IN_PERSON)])
    hidden = make_schedule(slug="hidden", weekly=[(1, time(10), time(11), Kind.IN_PERSON)])
    hidden.doctor.published = False
    hidden.doctor.save()
    closed = make_schedule(slug="closed", weekly=[(1, time(10), time(11), Kind.IN_PERSON)], is_active=False)
    schedules = bookable_schedules([open_one.doctor_id, hidden.doctor_id, closed.doctor_id])
    assert schedules == [open_one]
    assert isinstance(schedules[0], Schedule)
