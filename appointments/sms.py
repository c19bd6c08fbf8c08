"""SMS to patients through an HTTP gateway: one adapter per provider, SMS.RU implemented.

Texts are short, in the patient's language, and name no diagnosis, treatment or doctor: an SMS
passes through the operator and sits on a lock screen. All but a cancellation end with the link to
the patient's page, where an SMS-only patient joins the call, cancels or asks to move: three
Cyrillic SMS segments at most (tests/appointments/test_sms.py).
"""

import json
import urllib.parse
import urllib.request
from typing import Protocol

from django.conf import settings
from django.utils import formats, translation
from django.utils.translation import gettext as _

from appointments import links
from appointments.models import Appointment, Kind, PatientMessage
from appointments.slots import MOSCOW
from services.models import ClinicLocation

HTTP_TIMEOUT_SECONDS = 5


class GatewayRefused(Exception):
    """The gateway answered but did not take the message; the text is its code, no personal data."""


class Gateway(Protocol):
    def send(self, phone: str, text: str) -> None: ...


class SmsRu:
    """SMS.RU: POST <url>/sms/send with api_id, to, msg and json=1; "OK" for the number means taken."""

    def __init__(self, url: str, token: str) -> None:
        self.url = url.rstrip("/")
        self.token = token

    def send(self, phone: str, text: str) -> None:
        number = phone.lstrip("+")
        body = urllib.parse.urlencode({"api_id": self.token, "to": number, "msg": text, "json": 1}).encode()
        if not self.url.startswith(("http://", "https://")):
            raise GatewayRefused("SMS gateway URL must start with http:// or https://")
        outgoing = urllib.request.Request(  # noqa: S310 (scheme checked above)
            f"{self.url}/sms/send",
            data=body,
            headers={"Content-Type": "application/x-www-form-urlencoded"},
            method="POST",
        )
        with urllib.request.urlopen(outgoing, timeout=HTTP_TIMEOUT_SECONDS) as response:  # noqa: S310
            answer = json.loads(response.read() or b"{}")
        if answer.get("status") != "OK":
            raise GatewayRefused(f"SMS gateway refused: {answer.get('status_code', '?')}")
        result = answer.get("sms", {}).get(number, {})
        if result.get("status") != "OK":
            raise GatewayRefused(f"SMS gateway refused the number: {result.get('status_code', '?')}")


def gateway() -> Gateway | None:
    """The configured gateway, or None: then no SMS rows are planned at all."""
    url = getattr(settings, "SMS_GATEWAY_URL", "")
    token = getattr(settings, "SMS_GATEWAY_TOKEN", "")
    if not url or not token:
        return None
    return SmsRu(url, token)


def text(message: PatientMessage, clinic: ClinicLocation | None) -> str:
    appointment = message.appointment
    language = appointment.request.language if appointment.request.language in ("ru", "en") else "ru"
    with translation.override(language):
        when = formats.date_format(appointment.start.astimezone(MOSCOW), "j E, H:i")
        values = {"when": when, "how": how(appointment, clinic), "phone": clinic.phone if clinic else ""}
        purpose = message.purpose
        if purpose == PatientMessage.Purpose.CANCELLED:
            line = _("Клиника Лядова: консультация %(when)s отменена.") % values
        elif purpose == PatientMessage.Purpose.MOVED:
            line = _("Клиника Лядова: консультация перенесена на %(when)s МСК, %(how)s.") % values
        elif purpose == PatientMessage.Purpose.BOOKED:
            line = _("Клиника Лядова: вы записаны на консультацию %(when)s МСК, %(how)s.") % values
        else:
            line = _("Клиника Лядова: напоминаем о консультации %(when)s МСК, %(how)s.") % values
        if purpose == PatientMessage.Purpose.CANCELLED:
            return f"{line} {_('Тел. %(phone)s') % values}" if values["phone"] else line
        # The page has the clinic's phone too.
        if appointment.kind == Kind.VIDEO:
            action = _("Подключиться и изменить запись:")
        else:
            action = _("Изменить запись:")
        return f"{line}\n{action} {links.url_for(appointment, language)}"


def how(appointment: Appointment, clinic: ClinicLocation | None) -> str:
    if appointment.kind == Kind.VIDEO:
        return _("по видеосвязи")  # the link to join is on the patient's page
    if appointment.kind == Kind.DOCUMENTS:
        return _("заочно, без вашего участия")
    street = ((clinic.street_address or clinic.address) if clinic else "").rstrip(".")
    return _("в клинике, %(street)s") % {"street": street} if street else _("в клинике")


def send(message: PatientMessage) -> None:
    chosen = gateway()
    if chosen is None:
        raise GatewayRefused("SMS gateway is not configured")
    clinic = ClinicLocation.objects.filter(is_main=True).first()
    chosen.send(message.recipient, text(message, clinic))
