"""What the patient is sent about an appointment: planned as recorded rows, sent by the worker.

One builder per channel; each e-mail is a template trio emails/appointment_<purpose>_* with
the calendar invitation attached, in the patient's language.
"""

import logging
from datetime import datetime, timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db.models import F
from django.template.loader import render_to_string
from django.utils import timezone, translation

from appointments import calendar, links, sms
from appointments.models import Appointment, Kind, PatientMessage
from booking.models import ERASED
from booking.notifications import CLAIM, describe_error, retry_delay
from services.models import ClinicLocation

log = logging.getLogger(__name__)
Purpose = PatientMessage.Purpose

# A reminder for an appointment that is no longer booked would send the patient to a wrong time.
NEEDS_BOOKED = {Purpose.BOOKED, Purpose.MOVED, Purpose.REMINDER_DAY, Purpose.REMINDER_HOURS}


def purpose_for(appointment: Appointment) -> str:
    if appointment.status == Appointment.Status.CANCELLED:
        return Purpose.CANCELLED
    return Purpose.MOVED if appointment.sequence > 0 else Purpose.BOOKED


def plan(appointment: Appointment, purpose: str, due: datetime | None = None) -> list[int]:
    """Create the pending rows for the channels the patient gave; the ids of new pending ones."""
    request = appointment.request
    rows = []
    if request.email and request.email != ERASED:
        rows.append(
            PatientMessage(
                appointment=appointment,
                purpose=purpose,
                channel=PatientMessage.Channel.EMAIL,
                recipient=request.email,
                next_attempt_at=due or timezone.now(),
            )
        )
    if request.phone and sms.gateway() is not None:
        rows.append(
            PatientMessage(
                appointment=appointment,
                purpose=purpose,
                channel=PatientMessage.Channel.SMS,
                recipient=str(request.phone),
                next_attempt_at=due or timezone.now(),
            )
        )
    PatientMessage.objects.bulk_create(rows, ignore_conflicts=True)
    return list(
        PatientMessage.objects.filter(
            appointment=appointment, purpose=purpose, status=PatientMessage.Status.PENDING, attempts=0
        ).values_list("id", flat=True)
    )


REMINDERS = {Purpose.REMINDER_DAY: timedelta(hours=24), Purpose.REMINDER_HOURS: timedelta(hours=2)}
# A reminder due sooner than this after the booking would only repeat the confirmation.
REMINDER_MIN_AHEAD = timedelta(minutes=30)


def plan_reminders(appointment: Appointment, now: datetime) -> list[tuple[int, datetime]]:
    """Pending reminder rows due 24 h and 2 h before the start; (id, due) of the new ones."""
    planned = []
    for purpose, before in REMINDERS.items():
        due = appointment.start - before
        if due < now + REMINDER_MIN_AHEAD:
            continue
        planned += [(message_id, due) for message_id in plan(appointment, purpose, due=due)]
    return planned


def context(appointment: Appointment, clinic: ClinicLocation | None) -> dict:
    return {
        "appointment": appointment,
        "req": appointment.request,
        "clinic": clinic,
        "doctor": appointment.doctor,
        "kind_label": Kind(appointment.kind).label,
        "is_video": appointment.kind == Kind.VIDEO,
        "is_in_person": appointment.kind == Kind.IN_PERSON,
        "video_link": appointment.call_link,
        "site_url": settings.SITE_URL,
        "manage_url": links.url_for(appointment, appointment.request.language),
    }


def email(message: PatientMessage) -> EmailMultiAlternatives:
    appointment = message.appointment
    language = appointment.request.language if appointment.request.language in ("ru", "en") else "ru"
    clinic = ClinicLocation.objects.filter(is_main=True).first()
    template = "cancelled" if message.purpose == Purpose.CANCELLED else message.purpose
    if template.startswith("reminder"):
        template = "reminder"
    name = f"emails/appointment_{template}"
    with translation.override(language):
        data = context(appointment, clinic)
        subject = render_to_string(f"{name}_subject.txt", data)
        text = render_to_string(f"{name}_body.txt", data)
        html = render_to_string(f"{name}_body.html", data)
    mail = EmailMultiAlternatives(
        " ".join(subject.split()), text, settings.DEFAULT_FROM_EMAIL, [message.recipient]
    )
    mail.attach_alternative(html, "text/html")
    method = "CANCEL" if appointment.status == Appointment.Status.CANCELLED else "REQUEST"
    mail.attach(
        "invite.ics", calendar.invitation(appointment, clinic, language), f"text/calendar; method={method}"
    )
    return mail


def send(message: PatientMessage) -> None:
    if message.channel == PatientMessage.Channel.EMAIL:
        email(message).send()
    elif message.channel == PatientMessage.Channel.SMS:
        sms.send(message)
    else:
        raise ValueError(f"unknown channel {message.channel}")


def still_relevant(message: PatientMessage, now: datetime) -> bool:
    appointment = message.appointment
    if message.purpose in NEEDS_BOOKED and appointment.status != Appointment.Status.BOOKED:
        return False
    if message.purpose in REMINDERS:
        return appointment.start > now
    return appointment.end > now


def attempt(message_id: int, now: datetime | None = None) -> datetime | None:
    """Send one due message; return when to try again after a failure, else None.

    Does nothing if the row is sent, given up, not yet due or being sent by another worker.
    """
    now = now or timezone.now()
    claimed = PatientMessage.objects.filter(
        pk=message_id, status=PatientMessage.Status.PENDING, next_attempt_at__lte=now
    ).update(next_attempt_at=now + CLAIM)
    if not claimed:
        return None
    message = PatientMessage.objects.select_related("appointment__request", "appointment__doctor").get(
        pk=message_id
    )
    if not still_relevant(message, now):
        PatientMessage.objects.filter(pk=message_id).update(status=PatientMessage.Status.SKIPPED)
        return None
    try:
        send(message)
    except Exception as exc:  # recorded and retried; none may lose the message
        return record_failure(message, exc, now)
    PatientMessage.objects.filter(pk=message_id).update(
        status=PatientMessage.Status.SENT, attempts=F("attempts") + 1, sent_at=timezone.now(), last_error=""
    )
    return None


def record_failure(message: PatientMessage, exc: Exception, now: datetime) -> datetime | None:
    message.attempts += 1
    message.last_error = str(exc)[:200] if isinstance(exc, sms.GatewayRefused) else describe_error(exc)
    retry_at = now + retry_delay(message.attempts)
    max_age = timedelta(hours=settings.BOOKING_DELIVERY_MAX_AGE_HOURS)
    gave_up = retry_at - message.created_at > max_age or retry_at >= message.appointment.start
    if gave_up:
        message.status = PatientMessage.Status.FAILED
    else:
        message.next_attempt_at = retry_at
    message.save(update_fields=["attempts", "last_error", "status", "next_attempt_at"])
    log.warning(
        "patient message %s (%s) failed, attempt %s: %s; %s",
        message.pk,
        message.channel,
        message.attempts,
        message.last_error,
        "gave up" if gave_up else "will retry",
    )
    return None if gave_up else retry_at
