"""Free consultation slots, computed from a schedule; never stored one row per slot.

free_slots() is pure: it sees the schedule's rows, the busy periods and the moment `now`, and
touches no database, so every rule (midnight, breaks, days off, the lead time) is tested on
plain objects. slots_for() is the thin part that reads the database.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone

from appointments.models import Break, Schedule, ScheduleException, WeeklyHours

# The clinic works in Moscow time whatever the server's TIME_ZONE says.
MOSCOW = ZoneInfo("Europe/Moscow")
DEFAULT_LEAD_MINUTES = 120
DAYS_OFFERED = 14


@dataclass(frozen=True, order=True)
class Slot:
    start: datetime
    end: datetime
    doctor_id: int
    kind: str

    @property
    def local_start(self) -> datetime:
        return self.start.astimezone(MOSCOW)

    @property
    def local_end(self) -> datetime:
        return self.end.astimezone(MOSCOW)

    @property
    def key(self) -> str:
        """What a slot button posts: enough to find the same slot again."""
        return f"{self.doctor_id}|{self.kind}|{self.start.astimezone(MOSCOW).isoformat()}"


def lead_time() -> timedelta:
    return timedelta(minutes=getattr(settings, "APPOINTMENT_LEAD_MINUTES", DEFAULT_LEAD_MINUTES))


def moscow_today(now: datetime) -> date:
    return now.astimezone(MOSCOW).date()


def at(day: date, moment: time) -> datetime:
    """A wall-clock time of a Moscow day; 00:00 as an end is the midnight that closes the day."""
    return datetime.combine(day, moment, tzinfo=MOSCOW)


def period(day: date, starts: time, ends: time) -> tuple[datetime, datetime]:
    end_day = day + timedelta(days=1) if ends == time(0) else day
    return at(day, starts), at(end_day, ends)


@dataclass(frozen=True)
class Period:
    kind: str
    start: datetime
    end: datetime
    slot_minutes: int


def minutes_per_kind(hours: Iterable[WeeklyHours]) -> dict[str, int]:
    """The slot length the weekly hours give a kind, for the kinds that have one."""
    lengths: dict[str, int] = {}
    for row in hours:
        if row.slot_minutes:
            lengths.setdefault(row.kind, row.slot_minutes)
    return lengths


def day_periods(
    day: date,
    hours: Sequence[WeeklyHours],
    exceptions: Sequence[ScheduleException],
    slot_minutes: int,
) -> list[Period]:
    """One day's working periods: weekly hours unless a day off, plus extra hours.

    Weekly hours may set their own slot length; extra hours take the one the weekly hours give
    their kind, and either falls back to the schedule's.
    """
    todays = [exception for exception in exceptions if exception.covers(day)]
    if any(exception.type == ScheduleException.Type.DAY_OFF for exception in todays):
        return []
    lengths = minutes_per_kind(hours)
    periods = [
        Period(row.kind, *period(day, row.starts, row.ends), row.slot_minutes or slot_minutes)
        for row in hours
        if row.weekday == day.isoweekday()
    ]
    for extra in todays:
        if extra.starts is not None and extra.ends is not None and extra.kind:
            length = lengths.get(extra.kind, slot_minutes)
            periods.append(Period(extra.kind, *period(day, extra.starts, extra.ends), length))
    return periods


def cut(
    start: datetime, end: datetime, holes: Iterable[tuple[datetime, datetime]]
) -> list[tuple[datetime, datetime]]:
    """The parts of [start, end) that no hole covers."""
    pieces = [(start, end)]
    for hole_start, hole_end in holes:
        kept = []
        for piece_start, piece_end in pieces:
            if hole_end <= piece_start or hole_start >= piece_end:
                kept.append((piece_start, piece_end))
                continue
            if piece_start < hole_start:
                kept.append((piece_start, hole_start))
            if hole_end < piece_end:
                kept.append((hole_end, piece_end))
        pieces = kept
    return pieces


def free_slots(
    *,
    doctor_id: int,
    slot_minutes: int,
    hours: Sequence[WeeklyHours],
    breaks: Sequence[Break],
    exceptions: Sequence[ScheduleException],
    busy: Sequence[tuple[datetime, datetime]],
    now: datetime,
    lead: timedelta,
    first_day: date,
    days: int,
) -> list[Slot]:
    """Every free slot of the doctor on `days` Moscow days from `first_day`, in time order.

    Each working period (after its breaks are cut out) is divided into slots of its kind's
    length (`slot_minutes` unless its weekly hours set one) from its own start; a slot that
    would run into a break, past the end or over a booked appointment is not offered, and
    neither is one starting before now + lead.
    """
    earliest = now + lead
    found: set[Slot] = set()
    for offset in range(days):
        day = first_day + timedelta(days=offset)
        day_breaks = [period(day, item.starts, item.ends) for item in breaks if item.applies_to(day)]
        for working in day_periods(day, hours, exceptions, slot_minutes):
            length = timedelta(minutes=working.slot_minutes)
            for piece_start, piece_end in cut(working.start, working.end, day_breaks):
                moment = piece_start
                while moment + length <= piece_end:
                    slot_end = moment + length
                    taken = any(busy_start < slot_end and moment < busy_end for busy_start, busy_end in busy)
                    if moment >= earliest and not taken:
                        found.add(Slot(moment, slot_end, doctor_id, working.kind))
                    moment = slot_end
    return sorted(found)


def bookable_schedules(doctor_ids: Iterable[int] | None = None) -> list[Schedule]:
    """Open schedules of published doctors, with their rows in memory."""
    schedules = Schedule.objects.filter(is_active=True, doctor__published=True).select_related("doctor")
    if doctor_ids is not None:
        schedules = schedules.filter(doctor_id__in=list(doctor_ids))
    return list(schedules.prefetch_related("hours", "breaks", "exceptions"))


def slots_for(
    schedules: Iterable[Schedule],
    now: datetime | None = None,
    days: int = DAYS_OFFERED,
    kind: str = "",
) -> list[Slot]:
    """Free slots of these schedules for the next `days` days (today included), by time."""
    from appointments.models import Appointment

    now = now or timezone.now()
    first_day = moscow_today(now)
    window_end = at(first_day + timedelta(days=days + 1), time(0))
    found: list[Slot] = []
    for schedule in schedules:
        busy = list(
            Appointment.objects.active()
            .filter(doctor_id=schedule.doctor_id, end__gt=now, start__lt=window_end)
            .values_list("start", "end")
        )
        found += free_slots(
            doctor_id=schedule.doctor_id,
            slot_minutes=schedule.slot_minutes,
            hours=list(schedule.hours.all()),
            breaks=list(schedule.breaks.all()),
            exceptions=list(schedule.exceptions.all()),
            busy=busy,
            now=now,
            lead=lead_time(),
            first_day=first_day,
            days=days,
        )
    if kind:
        found = [slot for slot in found if slot.kind == kind]
    return sorted(found)
