"""Booking, moving and cancelling appointments: the one place with their side effects.

Each function checks the slot against the schedule of now, writes in one transaction, records
the step in the request's timeline and, after the commit, has the patient told.
"""

from datetime import datetime
from functools import partial

from django.contrib.auth.models import User
from django.db import IntegrityError, transaction
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from appointments import messages, tasks
from appointments.models import Appointment, AppointmentStatus, Kind, PatientChange
from appointments.slots import MOSCOW, Slot, bookable_schedules, free_slots, lead_time
from booking import notifications
from booking import tasks as booking_tasks
from booking.models import ConsultationRequest, RequestEvent
from services.models import Doctor

Actor = User | None


OUTCOME_NOTES: dict[str, str] = {
    AppointmentStatus.ATTENDED: "Пациент пришёл на приём",
    AppointmentStatus.NO_SHOW: "Пациент не пришёл",
}


class BookingError(Exception):
    """A slot that cannot be booked, with the reason for the manager; nothing was changed."""


class SlotTaken(BookingError):
    pass


def check_slot(
    doctor: Doctor, kind: str, start: datetime, now: datetime, ignore: Appointment | None = None
) -> Slot:
    """The slot the schedule offers at `start`, or BookingError saying why not."""
    schedules = bookable_schedules([doctor.pk])
    if not schedules:
        raise BookingError(
            _("Этот врач сейчас не принимает записи: он скрыт с сайта или его расписание закрыто.")
        )
    if start <= now:
        raise BookingError(_("Это время уже прошло. Выберите другое."))
    if start < now + lead_time():
        minutes = int(lead_time().total_seconds() // 60)
        raise BookingError(
            _("До этого времени меньше %(minutes)s минут: записать уже нельзя.") % {"minutes": minutes}
        )
    schedule = schedules[0]
    day = start.astimezone(MOSCOW).date()
    offered = free_slots(
        doctor_id=doctor.pk,
        slot_minutes=schedule.slot_minutes,
        hours=list(schedule.hours.all()),
        breaks=list(schedule.breaks.all()),
        exceptions=list(schedule.exceptions.all()),
        busy=[],
        now=now,
        lead=lead_time(),
        first_day=day,
        days=1,
    )
    slot = next((slot for slot in offered if slot.start == start and slot.kind == kind), None)
    if slot is None:
        raise BookingError(
            _("Врач не принимает в это время: выходной, отпуск или перерыв. Выберите другое время.")
        )
    if is_taken(slot, ignore):
        raise SlotTaken(_("Это время только что заняли. Выберите другое — ниже свободное время на сейчас."))
    return slot


def is_taken(slot: Slot, ignore: Appointment | None = None) -> bool:
    overlapping = Appointment.objects.active().filter(
        doctor_id=slot.doctor_id, start__lt=slot.end, end__gt=slot.start
    )
    if ignore is not None:
        overlapping = overlapping.exclude(pk=ignore.pk)
    return overlapping.exists()


def describe(appointment: Appointment) -> str:
    """A line for the timeline, in Russian like the rest of the call centre's console."""
    with translation.override("ru"):
        when = formats.date_format(appointment.start.astimezone(MOSCOW), "d.m.Y H:i")
        return f"{appointment.doctor}, {Kind(appointment.kind).label}, {when} (МСК)"


def lock_diary(doctor: Doctor) -> None:
    """Make bookings of one doctor wait for each other until the transaction ends.

    Without it, two managers inserting overlapping times at once can make PostgreSQL's exclusion
    constraint check deadlock, and one of them would see a database error instead of "taken".
    The constraint stays as the last word; SQLite's write transactions are serial already.
    """
    Doctor.objects.select_for_update().filter(pk=doctor.pk).exists()


def _insert(appointment: Appointment) -> Appointment:
    try:
        with transaction.atomic():
            appointment.save(force_insert=True)
    except IntegrityError as exc:
        # Another manager booked an overlapping time between our check and our insert; the
        # database constraint decided.
        raise SlotTaken(
            _("Это время только что заняли. Выберите другое — ниже свободное время на сейчас.")
        ) from exc
    return appointment


def book_appointment(
    *,
    consultation: ConsultationRequest,
    doctor: Doctor,
    kind: str,
    start: datetime,
    actor: Actor,
    now: datetime | None = None,
    video_link: str = "",
) -> Appointment:
    """Book the slot; `video_link` (video consultations only) overrides the doctor's usual link."""
    now = now or timezone.now()
    if consultation.status == ConsultationRequest.Status.SPAM:
        raise BookingError(_("Заявка отмечена как спам: записать по ней нельзя."))
    user = actor
    with transaction.atomic():
        lock_diary(doctor)
        slot = check_slot(doctor, kind, start, now)
        appointment = _insert(
            Appointment(
                request=consultation,
                doctor=doctor,
                kind=kind,
                start=slot.start,
                end=slot.end,
                video_link=video_link if kind == Kind.VIDEO else "",
                booked_by=user,
                created_at=now,
            )
        )
        consultation.change_status(ConsultationRequest.Status.BOOKED, user, now=now)
        consultation.record_event(
            RequestEvent.Kind.APPOINTMENT, user, f"Записан на приём: {describe(appointment)}", at=now
        )
        on_commit_tell_patient(appointment, now)
    return appointment


def move_appointment(
    appointment: Appointment,
    *,
    start: datetime,
    actor: Actor,
    kind: str | None = None,
    doctor: Doctor | None = None,
    now: datetime | None = None,
    video_link: str | None = None,
) -> Appointment:
    """Book the new time and mark the old one moved; the new row keeps the calendar UID, and the
    video link unless a new one is given."""
    now = now or timezone.now()
    if appointment.status != AppointmentStatus.BOOKED:
        raise BookingError(
            _("Перенести можно только предстоящий приём, а этот уже %(status)s.")
            % {"status": appointment.get_status_display().lower()}
        )
    doctor = doctor or appointment.doctor
    kind = kind or appointment.kind
    if video_link is None:
        video_link = appointment.video_link or ""
    user = actor
    with transaction.atomic():
        lock_diary(doctor)
        slot = check_slot(doctor, kind, start, now, ignore=appointment)
        moved = Appointment.objects.filter(pk=appointment.pk, status=AppointmentStatus.BOOKED).update(
            status=AppointmentStatus.MOVED, changed_at=now
        )
        if not moved:
            raise BookingError(_("Этот приём уже изменили. Обновите страницу."))
        new = _insert(
            Appointment(
                request=appointment.request,
                doctor=doctor,
                kind=kind,
                start=slot.start,
                end=slot.end,
                video_link=video_link if kind == Kind.VIDEO else "",
                uid=appointment.uid,
                sequence=appointment.sequence + 1,
                booked_by=user,
                created_at=now,
            )
        )
        appointment.request.record_event(
            RequestEvent.Kind.APPOINTMENT,
            user,
            f"Приём перенесён: {describe(appointment)} → {describe(new)}",
            at=now,
        )
        on_commit_tell_patient(new, now)
    appointment.status = AppointmentStatus.MOVED
    return new


def cancel_appointment(
    appointment: Appointment, *, actor: Actor, now: datetime | None = None, by_patient: bool = False
) -> None:
    now = now or timezone.now()
    user = actor
    with transaction.atomic():
        cancelled = Appointment.objects.filter(pk=appointment.pk, status=AppointmentStatus.BOOKED).update(
            status=AppointmentStatus.CANCELLED, changed_at=now, sequence=appointment.sequence + 1
        )
        if not cancelled:
            raise BookingError(_("Отменить можно только предстоящий приём."))
        appointment.refresh_from_db()
        consultation = appointment.request
        who = "пациентом по ссылке" if by_patient else ""
        consultation.record_event(
            RequestEvent.Kind.APPOINTMENT,
            user,
            f"Приём отменён{' ' + who if who else ''}: {describe(appointment)}",
            at=now,
        )
        # With nothing booked any more the request is no longer "consultation booked". A manager
        # who cancelled has spoken to the patient; a patient who cancelled by the link is to be
        # called back, so the request returns to the open ones.
        if (
            consultation.status == ConsultationRequest.Status.BOOKED
            and not Appointment.objects.filter(request=consultation)
            .filter(status=AppointmentStatus.BOOKED)
            .exists()
        ):
            after = (
                ConsultationRequest.Status.IN_PROGRESS if by_patient else ConsultationRequest.Status.CONTACTED
            )
            consultation.change_status(after, user, now=now)
        on_commit_tell_patient(appointment, now)
        if by_patient:
            on_commit_tell_managers(appointment, PatientChange.What.CANCELLED, now)


def ask_to_move(appointment: Appointment, now: datetime | None = None) -> None:
    """The patient asks, by the link, for another time: the request returns to the managers' queue
    and the managers are told. Asking again about the same appointment changes nothing."""
    now = now or timezone.now()
    if appointment.status != AppointmentStatus.BOOKED:
        raise BookingError(_("Перенести можно только предстоящий приём."))
    if appointment.move_requested:
        return
    consultation = appointment.request
    with transaction.atomic():
        consultation.record_event(
            RequestEvent.Kind.APPOINTMENT,
            None,
            f"Пациент по ссылке просит перенести приём: {describe(appointment)}",
            at=now,
        )
        if consultation.status != ConsultationRequest.Status.IN_PROGRESS:
            consultation.change_status(ConsultationRequest.Status.IN_PROGRESS, None, now=now)
        on_commit_tell_managers(appointment, PatientChange.What.MOVE_REQUESTED, now)


def record_outcome(
    appointment: Appointment, status: str, *, actor: Actor, now: datetime | None = None
) -> None:
    """Attended or did not come: set by the manager once the appointment has begun."""
    now = now or timezone.now()
    if status not in (AppointmentStatus.ATTENDED, AppointmentStatus.NO_SHOW):
        raise BookingError(_("Неизвестный исход приёма."))
    if appointment.status not in Appointment.ACTIVE_STATUSES:
        raise BookingError(_("Этот приём отменён или перенесён."))
    if appointment.start > now:
        raise BookingError(_("Приём ещё не начался: отметить, пришёл ли пациент, можно после его начала."))
    user = actor
    with transaction.atomic():
        Appointment.objects.filter(pk=appointment.pk).update(status=status, changed_at=now)
        appointment.status = status
        appointment.request.record_event(
            RequestEvent.Kind.APPOINTMENT,
            user,
            f"{OUTCOME_NOTES[status]}: {describe(appointment)}",
            at=now,
        )


def on_commit_tell_patient(appointment: Appointment, now: datetime) -> None:
    """Record the patient's message now, in the caller's transaction, and send it after the commit.

    If the enqueue is lost, the pending row stays and the sweeper (appointments.tasks.sweep)
    enqueues it again.
    """
    purpose = messages.purpose_for(appointment)
    message_ids = messages.plan(appointment, purpose)
    transaction.on_commit(partial(tasks.enqueue, message_ids), robust=True)
    if purpose != messages.Purpose.CANCELLED:
        reminders = messages.plan_reminders(appointment, now)
        transaction.on_commit(partial(tasks.enqueue_reminders, reminders), robust=True)


def on_commit_tell_managers(appointment: Appointment, what: str, now: datetime) -> None:
    """Record the patient's change and the managers' deliveries in the caller's transaction; send
    them after the commit. A lost enqueue leaves pending rows that booking's sweeper resends."""
    change = PatientChange.objects.create(appointment=appointment, what=what, at=now)
    delivery_ids = notifications.plan_patient_change(appointment.request, change.pk)
    booking_tasks.enqueue_deliveries_on_commit(delivery_ids)
