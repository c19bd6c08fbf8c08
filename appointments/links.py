"""The patient's signed link to their appointment: no login, not guessable, dead after the visit.

The token names the calendar UID, not a row: a moved appointment is a new row with the same
UID, so the link from the first message shows the current time. It is short enough for an SMS:
the UID's random part and a keyed hash of it, 38 characters.
"""

import base64
import binascii
import uuid

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import translation
from django.utils.crypto import constant_time_compare, salted_hmac

from appointments.models import Appointment

SALT = "appointments.patient-link"
UID_DOMAIN = "@appointments.clinic"
# 96 bits of the HMAC: beside the UID's 122 random bits, far beyond guessing.
MAC_BYTES = 12
UID_CHARS = 22


def _encode(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _mac(raw: bytes) -> str:
    return _encode(salted_hmac(SALT, raw, algorithm="sha256").digest()[:MAC_BYTES])


def token_for(appointment: Appointment) -> str:
    raw = uuid.UUID(appointment.uid.removesuffix(UID_DOMAIN)).bytes
    return _encode(raw) + _mac(raw)


def url_for(appointment: Appointment, language: str) -> str:
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    with translation.override(language):
        path = reverse("appointments:appointment", args=[token_for(appointment)])
    return f"{settings.SITE_URL}{path}"


def uid_for(token: str) -> str | None:
    """The calendar UID a token names, or None for a tampered one."""
    if len(token) == UID_CHARS + len(_mac(b"")):
        try:
            raw = _decode(token[:UID_CHARS])
        except (binascii.Error, ValueError):
            return None
        if len(raw) == 16 and constant_time_compare(_mac(raw), token[UID_CHARS:]):
            return f"{uuid.UUID(bytes=raw)}{UID_DOMAIN}"
        return None
    # The longer signed tokens of the first e-mails still open their page.
    try:
        data = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        return None
    uid = data.get("uid") if isinstance(data, dict) else None
    return uid if isinstance(uid, str) else None


def appointment_for(token: str) -> Appointment | None:
    """The latest version of the appointment the token names, or None for a tampered token."""
    uid = uid_for(token)
    if uid is None:
        return None
    return (
        Appointment.objects.filter(uid=uid)
        .select_related("doctor", "request", "doctor__schedule")
        .order_by("-sequence", "-pk")
        .first()
    )
