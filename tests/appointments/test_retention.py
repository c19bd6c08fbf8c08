"""The addresses kept with the patient's messages are erased with the request's personal data."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from appointments.models import PatientMessage
from appointments.retention import erase_for_requests
from tests.appointments.builders import make_appointment, make_request, make_schedule

pytestmark = pytest.mark.django_db


def test_erasing_a_request_erases_the_addresses_its_messages_went_to() -> None:
    doctor = make_schedule().doctor
    erased = make_appointment(doctor, start=datetime(2026, 12, 7, 10, tzinfo=ZoneInfo("Europe/Moscow")))
    kept = make_appointment(
        doctor,
        start=datetime(2026, 12, 7, 11, tzinfo=ZoneInfo("Europe/Moscow")),
        request=make_request(phone="+74994601562"),
    )
    for appointment in (erased, kept):
        PatientMessage.objects.create(
            appointment=appointment, purpose="booked", channel="email", recipient="maria@example.test"
        )
    assert erase_for_requests([erased.request_id]) == 1
    recipients = dict(PatientMessage.objects.values_list("appointment_id", "recipient"))
    assert recipients == {erased.pk: "—", kept.pk: "maria@example.test"}
