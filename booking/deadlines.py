"""The callback promise: tell supervisors before the deadline, mark the request overdue at it."""

from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from booking import notifications
from booking.models import ConsultationRequest, Delivery, RequestEvent


def check_deadlines(request_id: int, now: datetime | None = None) -> list[int]:
    """Escalate and mark overdue as the clock says; idempotent. Returns new Delivery ids to send."""
    now = now or timezone.now()
    new_deliveries: list[int] = []
    with transaction.atomic():
        request = ConsultationRequest.objects.select_for_update().filter(pk=request_id).first()
        if request is None or not request.is_open or request.first_contact_at is not None:
            return []
        if request.escalated_at is None and now >= request.escalate_at:
            request.escalated_at = now
            request.save(update_fields=["escalated_at"])
            RequestEvent.objects.create(request=request, kind=RequestEvent.Kind.ESCALATED, at=now)
            new_deliveries += notifications.plan_deliveries(request, Delivery.Purpose.ESCALATION)
        if request.overdue_at is None and now >= request.due_at:
            request.overdue_at = now
            request.save(update_fields=["overdue_at"])
            RequestEvent.objects.create(request=request, kind=RequestEvent.Kind.OVERDUE, at=now)
            new_deliveries += notifications.plan_deliveries(request, Delivery.Purpose.OVERDUE)
    return new_deliveries


def next_check_at(request: ConsultationRequest) -> datetime | None:
    """When check_deadlines has something left to do for this request, or None."""
    if not request.is_open or request.first_contact_at is not None or request.overdue_at is not None:
        return None
    return request.escalate_at if request.escalated_at is None else request.due_at


def requests_past_a_deadline(now: datetime) -> list[int]:
    lead = timedelta(
        minutes=max(settings.BOOKING_CALLBACK_MINUTES - settings.BOOKING_ESCALATE_AFTER_MINUTES, 0)
    )
    waiting = ConsultationRequest.objects.awaiting_first_contact()
    missed = waiting.filter(
        Q(escalated_at__isnull=True, due_at__lte=now + lead) | Q(overdue_at__isnull=True, due_at__lte=now)
    )
    return list(missed.values_list("id", flat=True))
