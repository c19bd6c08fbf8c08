"""Who is told about a request, and one attempt at telling them, recorded on its Delivery row."""

import logging
import smtplib
import socket
import urllib.error
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from booking import channels
from booking.models import ConsultationRequest, Delivery

log = logging.getLogger(__name__)

MANAGERS_GROUP = "Managers"
SUPERVISORS_GROUP = "Supervisors"
RETRY_CAP = timedelta(minutes=10)
# While one worker sends, nobody else may pick the same row; longer than any send can take.
CLAIM = timedelta(seconds=60)
STAFF_PURPOSES: dict[str, str] = {
    Delivery.Purpose.NEW_REQUEST: MANAGERS_GROUP,
    Delivery.Purpose.ESCALATION: SUPERVISORS_GROUP,
    Delivery.Purpose.OVERDUE: SUPERVISORS_GROUP,
    Delivery.Purpose.PATIENT_CHANGE: MANAGERS_GROUP,
}


def group_emails(group_name: str) -> list[str]:
    users = get_user_model().objects.filter(is_active=True, groups__name=group_name).exclude(email="")
    return list(users.values_list("email", flat=True).distinct())


def staff_email_recipients(purpose: str) -> list[str]:
    group = STAFF_PURPOSES[purpose]
    addresses = group_emails(group)
    if group == MANAGERS_GROUP or not addresses:
        # The shared call-centre mailboxes hear of every new request, and of escalations
        # too when no supervisor has an address: an escalation must never go nowhere.
        addresses += settings.BOOKING_NOTIFY_EMAILS
    unique: dict[str, str] = {}
    for address in addresses:
        unique.setdefault(address.strip().lower(), address.strip())
    return [address for address in unique.values() if address]


def recipients(request: ConsultationRequest, purpose: str) -> list[tuple[str, str]]:
    """(channel, recipient) pairs for one purpose, from the group and the settings of now."""
    if purpose == Delivery.Purpose.CONFIRMATION:
        return [(Delivery.Channel.EMAIL, request.email)] if request.email else []
    pairs: list[tuple[str, str]] = [
        (Delivery.Channel.EMAIL, address) for address in staff_email_recipients(purpose)
    ]
    if settings.TELEGRAM_BOT_TOKEN and settings.TELEGRAM_CHAT_ID:
        pairs.append((Delivery.Channel.TELEGRAM, settings.TELEGRAM_CHAT_ID))
    if settings.BOOKING_WEBHOOK_URL and settings.BOOKING_WEBHOOK_SECRET:
        pairs.append((Delivery.Channel.WEBHOOK, settings.BOOKING_WEBHOOK_URL))
    return pairs


def plan_deliveries(
    request: ConsultationRequest, purpose: str, claim_until: datetime | None = None
) -> list[int]:
    """Create the pending Delivery rows (once per recipient) and return the ids of the new ones.

    With claim_until, the new rows are the caller's to send until then: nobody else picks them
    up meanwhile (if the caller dies, the sweeper finds them after that).
    """
    due = {} if claim_until is None else {"next_attempt_at": claim_until}
    rows = [
        Delivery(request=request, channel=channel, purpose=purpose, recipient=recipient[:300], **due)
        for channel, recipient in dict.fromkeys(recipients(request, purpose))
    ]
    Delivery.objects.bulk_create(rows, ignore_conflicts=True)
    return list(
        Delivery.objects.filter(request=request, purpose=purpose, status=Delivery.Status.PENDING, attempts=0)
        .order_by("id")
        .values_list("id", flat=True)
    )


def plan_patient_change(request: ConsultationRequest, change_id: int) -> list[int]:
    """Pending rows telling the managers of one change a patient made by the link; their ids.

    Each change gets its own rows: a patient may ask to move and later cancel.
    """
    rows = [
        Delivery.objects.create(
            request=request,
            channel=channel,
            purpose=Delivery.Purpose.PATIENT_CHANGE,
            recipient=recipient[:300],
            patient_change_id=change_id,
        )
        for channel, recipient in dict.fromkeys(recipients(request, Delivery.Purpose.PATIENT_CHANGE))
    ]
    return [row.pk for row in rows]


@dataclass(frozen=True)
class Plan:
    request: ConsultationRequest
    delivery_ids: list[int]


def plan_new_request(request_id: int, claim_until: datetime | None = None) -> Plan | None:
    """Create the pending rows that tell staff (and the patient, if they left an address) of a new
    request, with the recipients of now. None the second time, so a task run twice or enqueued
    again by the sweeper is harmless.
    """
    unplanned = ConsultationRequest.objects.filter(pk=request_id, notifications_enqueued_at__isnull=False)
    with transaction.atomic():
        # Planned once only: of two runs (a task enqueued again, two workers), the first to
        # clear the mark plans; the other finds it cleared (on PostgreSQL, after waiting for the
        # first to commit) and stops.
        if not unplanned.update(notifications_enqueued_at=None):
            return None
        request = ConsultationRequest.objects.get(pk=request_id)
        delivery_ids = plan_deliveries(request, Delivery.Purpose.NEW_REQUEST, claim_until)
        if request.email:
            delivery_ids += plan_deliveries(request, Delivery.Purpose.CONFIRMATION, claim_until)
    return Plan(request, delivery_ids)


def retry_delay(attempts: int) -> timedelta:
    first = timedelta(seconds=settings.BOOKING_RETRY_FIRST_SECONDS)
    return min(first * 2 ** max(attempts - 1, 0), RETRY_CAP)


def attempt_delivery(delivery_id: int, now: datetime | None = None) -> datetime | None:
    """Send one due delivery; return when to try again after a failure, else None.

    Does nothing if the row is sent, given up, not yet due, or being sent by
    another worker, so running it twice for one row is harmless.
    """
    now = now or timezone.now()
    claimed = Delivery.objects.filter(
        pk=delivery_id, status=Delivery.Status.PENDING, next_attempt_at__lte=now
    ).update(next_attempt_at=now + CLAIM)
    if not claimed:
        return None
    return send_claimed(delivery_id, now)


def send_claimed(delivery_id: int, now: datetime | None = None) -> datetime | None:
    """Send a delivery this worker has claimed (attempt_delivery, or plan_new_request's claim_until);
    return when to try again after a failure, else None."""
    now = now or timezone.now()
    delivery = Delivery.objects.select_related(
        "request__treatment", "request__doctor", "patient_change__appointment__doctor"
    ).get(pk=delivery_id)
    try:
        channels.send(delivery)
    except Exception as exc:  # any failure is recorded and retried; none may lose the notification
        return _record_failure(delivery, exc, now)
    Delivery.objects.filter(pk=delivery_id).update(
        status=Delivery.Status.SENT, attempts=F("attempts") + 1, sent_at=timezone.now(), last_error=""
    )
    return None


def _record_failure(delivery: Delivery, exc: Exception, now: datetime) -> datetime | None:
    delivery.attempts += 1
    delivery.last_error = describe_error(exc)
    max_age = timedelta(hours=settings.BOOKING_DELIVERY_MAX_AGE_HOURS)
    retry_at = now + retry_delay(delivery.attempts)
    gave_up = retry_at - delivery.created_at > max_age
    if gave_up:
        delivery.status = Delivery.Status.FAILED
    else:
        delivery.next_attempt_at = retry_at
    delivery.save(update_fields=["attempts", "last_error", "status", "next_attempt_at"])
    log.warning(
        "notification delivery %s (%s) failed, attempt %s: %s; %s",
        delivery.pk,
        delivery.channel,
        delivery.attempts,
        delivery.last_error,
        "gave up" if gave_up else "will retry",
    )
    return None if gave_up else retry_at


def describe_error(exc: BaseException) -> str:
    """A short reason for the admin, without addresses, tokens or anything a patient typed."""
    if isinstance(exc, urllib.error.HTTPError):
        reason = f"HTTP {exc.code}"
    elif isinstance(exc, urllib.error.URLError):
        reason = f"cannot connect: {describe_error(exc.reason) if isinstance(exc.reason, OSError) else 'URL'}"
    elif isinstance(exc, smtplib.SMTPResponseException):
        reason = f"SMTP {exc.smtp_code}"
    elif isinstance(exc, smtplib.SMTPRecipientsRefused):
        reason = "SMTP: recipient refused"
    elif isinstance(exc, socket.timeout | TimeoutError):
        reason = "timed out"
    elif isinstance(exc, OSError):
        reason = f"{type(exc).__name__}: {exc.strerror or 'network error'}"
    elif isinstance(exc, channels.NotConfigured | channels.Refused):
        reason = str(exc)
    else:
        reason = type(exc).__name__
    return reason[:200]
