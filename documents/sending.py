"""The manager sends the patient their upload link by e-mail or SMS from the request's page.

Each message is a Delivery row of purpose UPLOAD_LINK, sent by the worker after the commit and
retried like every other notification (booking/notifications.py); the link itself is signed when
the message is built, so it is valid for DOCUMENT_LINK_DAYS from the moment it leaves.
"""

from datetime import datetime, timedelta

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from appointments import sms
from booking import tasks
from booking.models import ConsultationRequest, Delivery, RequestEvent
from documents.intake import accepts_documents

# A second click soon after the first (a double click, a page sent again) sends nothing.
REPEAT_QUIET = timedelta(minutes=1)
CHANNEL_NAMES: dict[str, str] = {Delivery.Channel.EMAIL: "e-mail", Delivery.Channel.SMS: "SMS"}


class NotSent(Exception):
    """Why nothing was sent, in words for the manager."""


class SentRecently(NotSent):
    pass


def link_channels(consultation: ConsultationRequest) -> list[str]:
    """The channels the patient gave us that the clinic can send through."""
    found: list[str] = []
    if consultation.email:
        found.append(Delivery.Channel.EMAIL)
    if consultation.phone and sms.gateway() is not None:
        found.append(Delivery.Channel.SMS)
    return found


def recipient(consultation: ConsultationRequest, channel: str) -> str:
    if channel == Delivery.Channel.EMAIL:
        return consultation.email
    return consultation.phone.as_e164


def link_deliveries(consultation: ConsultationRequest) -> list[Delivery]:
    return list(
        Delivery.objects.filter(request=consultation, purpose=Delivery.Purpose.UPLOAD_LINK).order_by(
            "-created_at", "-id"
        )
    )


def send_upload_link(
    consultation: ConsultationRequest, channels: list[str], actor: User, now: datetime | None = None
) -> list[int]:
    """Record one delivery per chosen channel and a line in the timeline; the worker sends them
    after the commit. Returns the new rows' ids; raises NotSent when nothing may be sent."""
    now = now or timezone.now()
    with transaction.atomic():
        # Locked, so that of two clicks at once the second sees the first's rows.
        consultation = ConsultationRequest.objects.select_for_update().get(pk=consultation.pk)
        if not accepts_documents(consultation):
            raise NotSent(_("The link was not sent: the request is closed or its personal data erased."))
        chosen = [channel for channel in link_channels(consultation) if channel in channels]
        if not chosen:
            raise NotSent(_("The link was not sent: the patient left no such contact, or SMS is not set up."))
        recent = Delivery.objects.filter(
            request=consultation,
            purpose=Delivery.Purpose.UPLOAD_LINK,
            channel__in=chosen,
            created_at__gte=now - REPEAT_QUIET,
        )
        if recent.exists():
            raise SentRecently(
                _("The link was sent less than a minute ago and is not sent twice. See below if it arrived.")
            )
        rows = Delivery.objects.bulk_create(
            Delivery(
                request=consultation,
                channel=channel,
                purpose=Delivery.Purpose.UPLOAD_LINK,
                recipient=recipient(consultation, channel)[:300],
                created_at=now,
                next_attempt_at=now,
            )
            for channel in chosen
        )
        ids = [row.pk for row in rows]
        # Written by the software, in the staff's language, without the address it went to.
        names = ", ".join(CHANNEL_NAMES[channel] for channel in chosen)
        consultation.record_event(
            RequestEvent.Kind.DOCUMENTS, actor, f"Ссылка для документов отправлена пациенту: {names}", at=now
        )
        tasks.enqueue_deliveries_on_commit(ids)
    return ids
