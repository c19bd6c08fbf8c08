"""How a request's fields look in the admin: phone, countdown, badges."""

from django.contrib.auth.models import User
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from booking.admin.countdown import time_left
from booking.models import ConsultationRequest


def staff_name(user: User | None) -> str:
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()


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
