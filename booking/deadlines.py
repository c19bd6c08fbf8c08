"""The callback promise: tell supervisors before the deadline, mark the request overdue at it."""

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from booking import notifications
from booking.models import ConsultationRequest, Delivery


def check_deadlines(request_id: int, now: datetime | None = None) -> list[int]:
    """Escalate and mark overdue as the clock says; idempotent. Returns new Delivery ids to send."""
    now = now or timezone.now()
    new_deliveries: list[int] = []
    with transaction.atomic():
        request = ConsultationRequest.objects.select_for_update().filter(pk=request_id).first()
        if request is None:
            return []
        if request.escalate(now):
            new_deliveries += notifications.plan_deliveries(request, Delivery.Purpose.ESCALATION)
        if request.mark_overdue(now):
            new_deliveries += notifications.plan_deliveries(request, Delivery.Purpose.OVERDUE)
    return new_deliveries


def requests_past_a_deadline(now: datetime) -> list[int]:
    return list(ConsultationRequest.objects.past_a_deadline(now).values_list("id", flat=True))
