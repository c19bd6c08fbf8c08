"""Erasing the personal data of requests whose work ended long ago.

The figures of the callback report (times, status, manager) stay; the
person behind them goes.
"""

from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q, QuerySet
from django.db.models.functions import Coalesce
from django.utils import timezone

from booking.models import ConsultationRequest, Delivery, RequestEvent

ERASED_NAME = "—"
BATCH = 500
Kind = RequestEvent.Kind
# Timeline entries whose text the software wrote itself; any other text
# (a manager's note, what a patient sent again) may describe a person.
SYSTEM_TEXT_KINDS = [
    Kind.VIEWED,
    Kind.CLAIMED,
    Kind.CALL_ATTEMPT,
    Kind.STATUS,
    Kind.ESCALATED,
    Kind.OVERDUE,
    Kind.EXPORTED,
    Kind.ERASED,
]


def retention_cutoff(now: datetime) -> datetime:
    return now - timedelta(days=settings.BOOKING_RETENTION_DAYS)


def erasable(now: datetime) -> QuerySet[ConsultationRequest]:
    """Requests out of the open statuses whose work ended before the cutoff, not yet erased.

    The work ends when the request is closed; one left at "contacted" without a
    closing time counts from its first contact.
    """
    ended_at = Coalesce("closed_at", "first_contact_at", "created_at")
    return (
        ConsultationRequest.objects.exclude(status__in=ConsultationRequest.OPEN_STATUSES)
        .filter(personal_data_erased_at__isnull=True)
        .alias(ended_at=ended_at)
        .filter(Q(ended_at__lt=retention_cutoff(now)))
    )


def _erase_batch(ids: list[int], now: datetime) -> None:
    with transaction.atomic():
        ConsultationRequest.objects.filter(id__in=ids).update(
            name=ERASED_NAME,
            phone="",
            email="",
            message="",
            patient_name="",
            relationship="",
            ip_hash="",
            personal_data_erased_at=now,
        )
        RequestEvent.objects.filter(request_id__in=ids).exclude(kind__in=SYSTEM_TEXT_KINDS).update(text="")
        # The confirmation went to the patient's own address.
        Delivery.objects.filter(request_id__in=ids, purpose=Delivery.Purpose.CONFIRMATION).update(
            recipient=ERASED_NAME, last_error=""
        )
        RequestEvent.objects.bulk_create(
            RequestEvent(request_id=request_id, kind=Kind.ERASED, at=now) for request_id in ids
        )


def purge_personal_data(now: datetime | None = None, dry_run: bool = False) -> int:
    """Erase what is due; return how many requests were (or, dry, would be) erased."""
    now = now or timezone.now()
    ids = list(erasable(now).order_by("id").values_list("id", flat=True))
    if dry_run:
        return len(ids)
    for start in range(0, len(ids), BATCH):
        _erase_batch(ids[start : start + BATCH], now)
    return len(ids)
