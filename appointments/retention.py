"""Erasure of the patient's addresses kept with their appointment messages.

booking's erase_personal_data() erases a request's name and contacts; the message rows here
keep a copy of the e-mail or phone they went to, and are to be erased with it:
booking should call erase_for_requests(ids) in the same transaction.
"""

from collections.abc import Iterable

from appointments.models import PatientMessage
from booking.models import ERASED


def erase_for_requests(request_ids: Iterable[int]) -> int:
    return PatientMessage.objects.filter(appointment__request_id__in=list(request_ids)).update(
        recipient=ERASED, last_error=""
    )
