"""Senders: e-mail, Telegram, a signed webhook, SMS. Each raises on failure; the caller records it."""

import hashlib
import hmac
import html
import json
import time
import urllib.request

from django.conf import settings
from django.utils import timezone

from booking import emails
from booking.models import Delivery

HTTP_TIMEOUT_SECONDS = 5
# Keyed by the stored purpose string, which is what a Delivery row holds.
TELEGRAM_HEADINGS: dict[str, str] = {
    Delivery.Purpose.NEW_REQUEST: "Новая заявка",
    Delivery.Purpose.ESCALATION: "⚠️ Никто ещё не связался с пациентом",
    Delivery.Purpose.OVERDUE: "❗ Заявка просрочена",
}
WEBHOOK_EVENTS: dict[str, str] = {
    Delivery.Purpose.NEW_REQUEST: "request.created",
    Delivery.Purpose.ESCALATION: "request.escalated",
    Delivery.Purpose.OVERDUE: "request.overdue",
}
# A patient's change by the link (appointments.PatientChange.What), for the managers.
CHANGE_HEADINGS: dict[str, str] = {
    "cancelled": "Пациент отменил приём",
    "move_requested": "Пациент просит перенести приём",
}
CHANGE_EVENTS: dict[str, str] = {
    "cancelled": "appointment.cancelled_by_patient",
    "move_requested": "appointment.move_requested",
}


class NotConfigured(Exception):
    pass


class Refused(Exception):
    """The service answered but did not take the message; the text names its code, no personal data."""


def send(delivery: Delivery) -> None:
    if delivery.channel == Delivery.Channel.EMAIL:
        emails.message_for(delivery).send()
    elif delivery.channel == Delivery.Channel.TELEGRAM:
        send_telegram(delivery)
    elif delivery.channel == Delivery.Channel.WEBHOOK:
        send_webhook(delivery)
    elif delivery.channel == Delivery.Channel.SMS:
        send_sms(delivery)
    else:
        raise NotConfigured(f"unknown channel {delivery.channel}")


def send_telegram(delivery: Delivery) -> None:
    if not settings.TELEGRAM_BOT_TOKEN:
        raise NotConfigured("Telegram bot token is not set")
    url = f"{settings.TELEGRAM_API_URL.rstrip('/')}/bot{settings.TELEGRAM_BOT_TOKEN}/sendMessage"
    body = {
        "chat_id": delivery.recipient,
        "text": telegram_text(delivery),
        "parse_mode": "HTML",
        "disable_web_page_preview": True,
    }
    post_json(url, json.dumps(body).encode(), {})


def telegram_text(delivery: Delivery) -> str:
    if delivery.patient_change is not None:
        return change_telegram_text(delivery)
    request = delivery.request
    due = timezone.localtime(request.due_at).strftime("%d.%m %H:%M")
    lines = [
        f"<b>{html.escape(TELEGRAM_HEADINGS.get(delivery.purpose, 'Заявка'))} {request.reference}</b>",
        f"Перезвонить до {due} (МСК)",
        f"Имя: {html.escape(request.name)}",
        f"Телефон: {html.escape(request.phone_display)}",
        f"Связь: {html.escape(emails.STAFF_CHANNELS.get(request.channel, request.channel))}",
    ]
    # Telegram's servers are a third party: what the patient wrote and the treatment they ask
    # about are health data, left to the admin page unless the clinic has chosen otherwise.
    if settings.TELEGRAM_INCLUDE_DETAILS:
        if request.treatment:
            lines.append(f"Лечение: {html.escape(request.treatment.title)}")
        if request.doctor:
            lines.append(f"Врач: {html.escape(request.doctor.name)}")
        if request.message:
            lines.append(f"Сообщение: {html.escape(request.message)}")
    lines.append(html.escape(request.get_admin_url()))
    return "\n".join(lines)[:4000]


def change_telegram_text(delivery: Delivery) -> str:
    request = delivery.request
    change = delivery.patient_change
    assert change is not None
    appointment = change.appointment
    when = timezone.localtime(appointment.start).strftime("%d.%m %H:%M")
    heading = CHANGE_HEADINGS.get(change.what, "Пациент изменил приём")
    lines = [
        f"<b>{html.escape(heading)} {request.reference}</b>",
        f"Приём: {when} (МСК), {html.escape(emails.STAFF_KINDS.get(appointment.kind, appointment.kind))}",
        f"Имя: {html.escape(request.name)}",
        f"Телефон: {html.escape(request.phone_display)}",
    ]
    # The doctor hints at the illness: on Telegram only if the clinic has chosen so (see above).
    if settings.TELEGRAM_INCLUDE_DETAILS:
        lines.append(f"Врач: {html.escape(appointment.doctor.name)}")
    lines.append(html.escape(request.get_admin_url()))
    return "\n".join(lines)


def send_sms(delivery: Delivery) -> None:
    """SMS to the patient through the appointments' gateway; only the upload link goes this way."""
    # Imported here: appointments and documents build on booking.
    from appointments.sms import GatewayRefused, gateway
    from documents.links import sms_text

    chosen = gateway()
    if chosen is None:
        raise NotConfigured("SMS gateway is not configured")
    if delivery.purpose != Delivery.Purpose.UPLOAD_LINK:
        raise NotConfigured(f"no SMS text for {delivery.purpose}")
    try:
        chosen.send(delivery.recipient, sms_text(delivery.request))
    except GatewayRefused as exc:
        raise Refused(str(exc)) from exc


def send_webhook(delivery: Delivery) -> None:
    secret = settings.BOOKING_WEBHOOK_SECRET
    if not secret:
        raise NotConfigured("webhook secret is not set")
    timestamp = str(int(time.time()))
    body = json.dumps(webhook_payload(delivery, timestamp), ensure_ascii=False).encode()
    post_json(
        delivery.recipient,
        body,
        {"X-Signature": f"sha256={sign(body, secret)}", "X-Timestamp": timestamp},
    )


def sign(body: bytes, secret: str) -> str:
    return hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def webhook_payload(delivery: Delivery, timestamp: str) -> dict:
    request = delivery.request
    payload = {
        "event": WEBHOOK_EVENTS.get(delivery.purpose, delivery.purpose),
        "sent_at": int(timestamp),
        "delivery_id": delivery.pk,
        "request": {
            "reference": request.reference,
            "name": request.name,
            "phone": str(request.phone),
            "email": request.email,
            "channel": request.channel,
            "requester": request.requester,
            "patient_name": request.patient_name,
            "relationship": request.relationship,
            "callback_person": request.callback_person,
            "treatment": request.treatment.slug if request.treatment else None,
            "doctor": request.doctor.slug if request.doctor else None,
            "message": request.message,
            "call_now": request.call_now,
            "preferred_time": request.preferred_time.isoformat() if request.preferred_time else None,
            "language": request.language,
            "created_at": request.created_at.isoformat(),
            "due_at": request.due_at.isoformat(),
            "status": request.status,
            "admin_url": request.get_admin_url(),
        },
    }
    change = delivery.patient_change
    if change is not None:
        appointment = change.appointment
        payload["event"] = CHANGE_EVENTS.get(change.what, change.what)
        payload["appointment"] = {
            "uid": appointment.uid,
            "doctor": appointment.doctor.slug,
            "kind": appointment.kind,
            "start": appointment.start.isoformat(),
            "end": appointment.end.isoformat(),
            "status": appointment.status,
            "changed_at": change.at.isoformat(),
        }
    return payload


def post_json(url: str, body: bytes, headers: dict[str, str]) -> None:
    if not url.startswith(("http://", "https://")):
        raise NotConfigured("the URL must start with http:// or https://")
    outgoing = urllib.request.Request(  # noqa: S310 (scheme checked above)
        url,
        data=body,
        headers={"Content-Type": "application/json; charset=utf-8", **headers},
        method="POST",
    )
    with urllib.request.urlopen(outgoing, timeout=HTTP_TIMEOUT_SECONDS) as response:  # noqa: S310
        response.read()
