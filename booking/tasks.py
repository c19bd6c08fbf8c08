"""Background work on Django's Tasks API; the worker is `manage.py db_worker`."""

import logging
from datetime import timedelta

from django.utils import timezone
from django_tasks import task

from booking import deadlines, notifications
from booking.models import ConsultationRequest, Delivery

log = logging.getLogger(__name__)


@task()
def send_delivery(delivery_id: int) -> None:
    retry_at = notifications.attempt_delivery(delivery_id)
    if retry_at is not None:
        send_delivery.using(run_after=retry_at).enqueue(delivery_id)


@task()
def send_new_request(request_id: int) -> None:
    """Send a new request's notifications, then schedule its deadline check.

    The form POST enqueues only this task; everything else happens here, in the worker.
    """
    for delivery_id in notifications.due_deliveries(request_id, timezone.now()):
        retry_at = notifications.attempt_delivery(delivery_id)
        if retry_at is not None:
            send_delivery.using(run_after=retry_at).enqueue(delivery_id)
    schedule_deadline_check(request_id)


@task()
def check_deadlines(request_id: int) -> None:
    enqueue_deliveries(deadlines.check_deadlines(request_id))
    schedule_deadline_check(request_id)


def enqueue_new_request(request_id: int) -> None:
    send_new_request.enqueue(request_id)


def enqueue_deliveries(delivery_ids: list[int]) -> None:
    for delivery_id in delivery_ids:
        send_delivery.enqueue(delivery_id)


def schedule_deadline_check(request_id: int) -> None:
    """One check at a time: at the escalation time, and that check schedules the one at the deadline."""
    request = ConsultationRequest.objects.filter(pk=request_id).first()
    moment = deadlines.next_check_at(request) if request is not None else None
    if moment is not None:
        check_deadlines.using(run_after=moment).enqueue(request_id)


def sweep(grace_seconds: float = 60) -> tuple[int, int]:
    """Catch what a lost task or a stopped worker missed: deadlines passed, deliveries due.

    Returns (requests checked, deliveries enqueued). Safe to run at any time and in parallel
    with the worker: every step it triggers is idempotent.
    """
    now = timezone.now()
    checked = deadlines.requests_past_a_deadline(now)
    new_ids: list[int] = []
    for request_id in checked:
        new_ids += deadlines.check_deadlines(request_id, now)
    stale = Delivery.objects.filter(
        status=Delivery.Status.PENDING, next_attempt_at__lte=now - timedelta(seconds=grace_seconds)
    ).exclude(pk__in=new_ids)
    stale_ids = list(stale.values_list("id", flat=True)[:500])
    # Moving the due time to now keeps the next sweep from enqueueing the same rows again at once.
    Delivery.objects.filter(pk__in=stale_ids).update(next_attempt_at=now)
    enqueue_deliveries(new_ids + stale_ids)
    if checked or stale_ids:
        log.info(
            "booking sweep: %s requests checked, %s deliveries re-enqueued", len(checked), len(stale_ids)
        )
    return len(checked), len(new_ids) + len(stale_ids)
