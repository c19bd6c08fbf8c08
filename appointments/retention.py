"""Erasure of the patient's addresses kept with their appointment messages.

booking's erase_personal_data() erases a request's name and contacts; the message rows here
keep a copy of the e-mail or phone they went to, and are to be erased with it:
booking should call erase_for_requests(ids) in the same transaction.
"""

from collections.abc import Iterable
from datetime import datetime

from django.db.models import F

from appointments.models import Appointment, PatientMessage
from booking.models import ERASED


def erase_for_requests(request_ids: Iterable[int]) -> int:
    return PatientMessage.objects.filter(appointment__request_id__in=list(request_ids)).update(
        recipient=ERASED, last_error=""
    )


def stop_for_requests(request_ids: Iterable[int], now: datetime) -> int:
    """Cancel these requests' upcoming appointments without a word to the patient and skip every
    message not yet sent (the patient withdrew consent: their contacts are being erased).
    Returns how many appointments were cancelled."""
    ids = list(request_ids)
    upcoming = Appointment.objects.filter(request_id__in=ids).upcoming(now)
    cancelled = upcoming.update(
        status=Appointment.Status.CANCELLED, changed_at=now, sequence=F("sequence") + 1
    )
    PatientMessage.objects.filter(
        appointment__request_id__in=ids, status=PatientMessage.Status.PENDING
    ).update(status=PatientMessage.Status.SKIPPED)
    return cancelled
