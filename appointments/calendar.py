"""Calendar invitations (RFC 5545/5546): one event per appointment, updated in place on a move.

The UID stays for the life of the appointment (a move keeps it) and SEQUENCE grows with each
change, so the patient's calendar replaces its event; METHOD:CANCEL with the same UID removes it.
"""

from datetime import date, datetime
from email.utils import parseaddr

from django.conf import settings
from django.utils import timezone, translation
from icalendar import Calendar, Event, vCalAddress, vText

from appointments.models import Appointment, Kind
from appointments.slots import MOSCOW
from services.models import ClinicLocation

PRODID = "-//Lyadov Clinic//Appointments//RU"


def location(appointment: Appointment, clinic: ClinicLocation | None) -> str:
    if appointment.kind == Kind.VIDEO:
        return appointment.call_link
    if appointment.kind == Kind.IN_PERSON and clinic is not None:
        return clinic.address
    return ""


def summary(appointment: Appointment) -> str:
    return f"{translation.gettext('Консультация')}: {appointment.doctor}"


def invitation(
    appointment: Appointment, clinic: ClinicLocation | None, language: str, now: datetime | None = None
) -> bytes:
    """The .ics for the appointment's current state: a request, or a cancellation once cancelled."""
    cancelled = appointment.status == Appointment.Status.CANCELLED
    with translation.override(language):
        calendar = Calendar()
        calendar.add("prodid", PRODID)
        calendar.add("version", "2.0")
        calendar.add("method", "CANCEL" if cancelled else "REQUEST")
        event = Event()
        event.add("uid", appointment.uid)
        event.add("sequence", appointment.sequence)
        event.add("dtstamp", (now or timezone.now()).astimezone(MOSCOW))
        event.add("dtstart", appointment.start.astimezone(MOSCOW))
        event.add("dtend", appointment.end.astimezone(MOSCOW))
        event.add("summary", summary(appointment))
        event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
        event.add("description", str(Kind(appointment.kind).label))
        where = location(appointment, clinic)
        if where:
            event.add("location", where)
        if appointment.kind == Kind.VIDEO and where:
            event.add("url", where)
        organizer = vCalAddress(f"mailto:{parseaddr(settings.DEFAULT_FROM_EMAIL)[1]}")
        organizer.params["cn"] = vText(str(clinic) if clinic else translation.gettext("Клиника Лядова"))
        event.add("organizer", organizer)
        if appointment.request.email:
            attendee = vCalAddress(f"mailto:{appointment.request.email}")
            attendee.params["role"] = vText("REQ-PARTICIPANT")
            event.add("attendee", attendee)
        calendar.add_component(event)
        # Moscow has kept UTC+3 since 2014; a short VTIMEZONE from the year before is enough.
        calendar.add_missing_timezones(first_date=date(appointment.start.year - 1, 1, 1))
    return calendar.to_ical()
