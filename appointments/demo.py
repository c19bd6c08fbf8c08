"""Consultation schedules for the demo doctors, so the slot picker has something to show."""

from datetime import time

from appointments.models import Break, Kind, Schedule, WeeklyHours
from services.models import Doctor

# (weekday, from, to, kind) per doctor slug; Monday is 1.
DEMO_HOURS: dict[str, list[tuple[int, time, time, Kind]]] = {
    "lyadov": [
        (1, time(10), time(14), Kind.IN_PERSON),
        (3, time(10), time(14), Kind.IN_PERSON),
        (3, time(16), time(18), Kind.VIDEO),
        (5, time(12), time(15), Kind.DOCUMENTS),
    ],
    "demo-interventional-radiologist": [(day, time(9), time(13), Kind.IN_PERSON) for day in (1, 2, 4)]
    + [(2, time(15), time(18), Kind.VIDEO), (6, time(10), time(13), Kind.IN_PERSON)],
    "demo-nuclear-medicine-specialist": [
        (2, time(11), time(15), Kind.IN_PERSON),
        (4, time(14), time(19), Kind.VIDEO),
        (5, time(9), time(12), Kind.DOCUMENTS),
    ],
}
LUNCH = (time(13), time(13, 30))


def load_demo_schedules() -> None:
    """Replace the demo doctors' weekly hours and breaks; safe to run again."""
    for slug, hours in DEMO_HOURS.items():
        doctor = Doctor.objects.filter(slug=slug).first()
        if doctor is None:
            continue
        schedule, _ = Schedule.objects.update_or_create(
            doctor=doctor,
            defaults={"slot_minutes": 30, "video_link": "https://video.example.org/lyadov-clinic"},
        )
        schedule.hours.all().delete()
        schedule.breaks.all().delete()
        WeeklyHours.objects.bulk_create(
            WeeklyHours(schedule=schedule, weekday=day, starts=starts, ends=ends, kind=kind)
            for day, starts, ends, kind in hours
        )
        Break.objects.create(schedule=schedule, starts=LUNCH[0], ends=LUNCH[1])
