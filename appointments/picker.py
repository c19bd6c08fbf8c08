"""What the slot picker shows: a request's candidate doctors and their free slots, by day."""

from dataclasses import dataclass, field
from datetime import date, datetime
from itertools import groupby

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy

from appointments.models import Kind, Schedule
from appointments.slots import MOSCOW, Slot, bookable_schedules, slots_for
from booking.models import ConsultationRequest
from services.models import Doctor

ALL_DOCTORS = "all"


# On the slot buttons, under the time: short enough for a row of buttons.
SHORT_KINDS: dict[str, str | Promise] = {
    Kind.IN_PERSON: gettext_lazy("в клинике"),
    Kind.VIDEO: gettext_lazy("видео"),
    Kind.DOCUMENTS: gettext_lazy("заочно"),
}


@dataclass(frozen=True)
class ShownSlot:
    slot: Slot
    short_kind: str


@dataclass
class DoctorSlots:
    doctor: Doctor
    slots: list[ShownSlot] = field(default_factory=list)


@dataclass
class Day:
    day: date
    doctors: list[DoctorSlots]


def candidate_schedules(consultation: ConsultationRequest) -> list[Schedule]:
    """The doctors who may see this patient: the treatment's doctors, or every bookable doctor."""
    schedules = bookable_schedules()
    if consultation.treatment is not None:
        treating = {doctor.pk for doctor in consultation.treatment.doctors.all()}
        for_treatment = [schedule for schedule in schedules if schedule.doctor_id in treating]
        if for_treatment:
            return for_treatment
    return schedules


def chosen_schedules(
    schedules: list[Schedule], wanted: str, consultation: ConsultationRequest
) -> list[Schedule]:
    """The doctor asked for in the query, else the request's own doctor, else all candidates."""
    if wanted == ALL_DOCTORS:
        return schedules
    default = str(consultation.doctor_id or "")
    chosen = [schedule for schedule in schedules if str(schedule.doctor_id) == (wanted or default)]
    return chosen or schedules


def by_day(slots: list[Slot], doctors: dict[int, Doctor]) -> list[Day]:
    days = []
    for day, day_slots in groupby(sorted(slots), key=lambda slot: slot.local_start.date()):
        per_doctor: dict[int, DoctorSlots] = {}
        for slot in day_slots:
            shown = ShownSlot(slot, str(SHORT_KINDS.get(slot.kind, slot.kind)))
            per_doctor.setdefault(slot.doctor_id, DoctorSlots(doctors[slot.doctor_id])).slots.append(shown)
        # Each doctor keeps their row from day to day: easier to scan during a call.
        ordered = sorted(per_doctor.values(), key=lambda group: (group.doctor.order, group.doctor.pk))
        days.append(Day(day, ordered))
    return days


def free_days(schedules: list[Schedule], kind: str, now: datetime | None = None) -> list[Day]:
    doctors = {schedule.doctor_id: schedule.doctor for schedule in schedules}
    return by_day(slots_for(schedules, now=now, kind=kind), doctors)


def parse_slot_key(key: str) -> tuple[int, str, datetime] | None:
    """(doctor id, kind, start) from a slot button's value, or None if it was tampered with."""
    try:
        doctor_id, kind, start = key.split("|")
        moment = datetime.fromisoformat(start)
        return (
            int(doctor_id),
            kind,
            moment.astimezone(MOSCOW) if moment.tzinfo else moment.replace(tzinfo=MOSCOW),
        )
    except ValueError:
        return None
