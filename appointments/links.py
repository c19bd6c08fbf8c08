"""The patient's signed link to their appointment: no login, not guessable, dead after the visit.

The token names the calendar UID, not a row: a moved appointment is a new row with the same
UID, so the link from the first e-mail shows the current time.
"""

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import translation

from appointments.models import Appointment

SALT = "appointments.patient-link"


def token_for(appointment: Appointment) -> str:
    return signing.dumps({"uid": appointment.uid}, salt=SALT, compress=True)


def url_for(appointment: Appointment, language: str) -> str:
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    with translation.override(language):
        path = reverse("appointments:appointment", args=[token_for(appointment)])
    return f"{settings.SITE_URL}{path}"


def appointment_for(token: str) -> Appointment | None:
    """The latest version of the appointment the token names, or None for a tampered token."""
    try:
        data = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        return None
    uid = data.get("uid") if isinstance(data, dict) else None
    if not isinstance(uid, str):
        return None
    return (
        Appointment.objects.filter(uid=uid)
        .select_related("doctor", "request", "doctor__schedule")
        .order_by("-sequence", "-pk")
        .first()
    )
