"""How a request's fields look in the admin: phone, countdown, badges, timeline lines."""

from django.db import models
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from booking.admin.countdown import time_left
from booking.models import ConsultationRequest, RequestEvent

Status = ConsultationRequest.Status


def describe(event: RequestEvent) -> str:
    """The event's text for people: status codes and call outcomes in the page's language."""
    if event.kind == RequestEvent.Kind.STATUS and " → " in event.text:
        old, new = event.text.split(" → ", 1)
        return f"{_label(Status, old)} → {_label(Status, new)}"
    if event.kind == RequestEvent.Kind.CALL_ATTEMPT:
        return _label(ConsultationRequest.CallOutcome, event.text)
    return event.text


def _label(choices: type[models.TextChoices], value: str) -> str:
    try:
        return str(choices(value).label)
    except ValueError:
        return value


def phone_link(consultation: ConsultationRequest) -> SafeString | str:
    if not consultation.phone:
        return "—"
    return format_html('<a href="tel:{}">{}</a>', consultation.phone.as_e164, consultation.phone_display)


def countdown(consultation: ConsultationRequest) -> SafeString | str:
    """Time left to call back, or the overdue badge; plain text for requests already handled."""
    if not consultation.is_open or consultation.first_contact_at is not None:
        if consultation.first_contact_at is None:
            return "—"
        on_time = consultation.first_contact_at <= consultation.due_at
        return format_html(
            '<span class="callback-done {}">{}</span>',
            "is-on-time" if on_time else "is-late",
            _("связались в срок") if on_time else _("связались с опозданием"),
        )
    text, overdue = time_left(consultation.due_at, timezone.now())
    return format_html(
        '<time class="countdown{}" datetime="{}" data-deadline="{}" title="{}">{}</time>',
        " is-overdue" if overdue else "",
        consultation.due_at.isoformat(),
        consultation.due_at.isoformat(),
        _("Перезвонить до {time}").format(
            time=timezone.localtime(consultation.due_at).strftime("%d.%m.%Y %H:%M")
        ),
        text,
    )


def reference_and_time(consultation: ConsultationRequest) -> SafeString:
    received = timezone.localtime(consultation.created_at)
    return format_html(
        '<span class="request-reference">{}</span> <time class="request-received" datetime="{}">{}</time>',
        consultation.reference,
        received.isoformat(),
        received.strftime("%d.%m %H:%M"),
    )


def asker(consultation: ConsultationRequest) -> SafeString:
    """The name, and whether the patient or a relative is asking."""
    relative = consultation.requester == ConsultationRequest.Requester.RELATIVE
    return format_html(
        '{} <span class="asker is-{}">{}</span>',
        consultation.name,
        consultation.requester,
        _("родственник") if relative else _("пациент"),
    )


def contact(consultation: ConsultationRequest) -> SafeString:
    """The phone to dial and the way the patient asked to be reached."""
    return format_html(
        '{} <span class="channel is-{}">{}</span>',
        phone_link(consultation),
        consultation.channel,
        consultation.get_channel_display(),
    )
