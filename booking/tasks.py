"""Background work on Django's Tasks API; the worker is `manage.py db_worker`."""

import logging
from datetime import datetime, timedelta
from functools import partial

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from booking import deadlines, notifications
from booking.models import ConsultationRequest, Delivery

log = logging.getLogger(__name__)


@task()
def send_new_request(request_id: int) -> None:
    """Decide who is told of a new request, schedule its deadline check, then tell them.

    Enqueued by the form POST after its commit, and again by the sweeper for a request whose
    task was lost; a second run finds the request planned and does nothing.
    """
    plan = notifications.plan_new_request(request_id, claim_until=timezone.now() + notifications.CLAIM)
    if plan is None:
        return
    schedule_next_check(plan.request)
    for delivery_id in plan.delivery_ids:
        retry_at = notifications.send_claimed(delivery_id)
        if retry_at is not None:
            send_delivery.using(run_after=retry_at).enqueue(delivery_id)


@task()
def send_delivery(delivery_id: int) -> None:
    retry_at = notifications.attempt_delivery(delivery_id)
    if retry_at is not None:
        send_delivery.using(run_after=retry_at).enqueue(delivery_id)


@task()
def check_deadlines(request_id: int) -> None:
    enqueue_deliveries(deadlines.check_deadlines(request_id))
    request = ConsultationRequest.objects.filter(pk=request_id).first()
    if request is not None:
        schedule_next_check(request)


def enqueue_deliveries(delivery_ids: list[int]) -> None:
    for delivery_id in delivery_ids:
        send_delivery.enqueue(delivery_id)


def enqueue_deliveries_on_commit(delivery_ids: list[int]) -> None:
    """Send rows planned in the caller's transaction once it commits; if the enqueue is lost, the
    pending rows stay and the sweeper sends them."""
    transaction.on_commit(partial(enqueue_deliveries, delivery_ids), robust=True)


def schedule_next_check(request: ConsultationRequest) -> None:
    """One check at a time: at the escalation time, and that check schedules the one at the deadline."""
    moment = request.next_deadline_check_at()
    if moment is not None:
        check_deadlines.using(run_after=moment).enqueue(request.pk)


def sweep(grace_seconds: float = 60) -> tuple[int, int]:
    """Catch what a lost task or a stopped worker missed: new requests nobody was told of,
    deadlines passed, deliveries due.

    Returns (requests checked or enqueued again, deliveries enqueued). Safe to run at any time
    and in parallel with the worker: every step it triggers is idempotent.
    """
    now = timezone.now()
    untold = enqueue_untold_requests(now - timedelta(seconds=grace_seconds), now)
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
    if checked or stale_ids or untold:
        log.info(
            "booking sweep: %s new requests enqueued again, %s requests checked, %s deliveries re-enqueued",
            untold,
            len(checked),
            len(stale_ids),
        )
    return untold + len(checked), len(new_ids) + len(stale_ids)


def enqueue_untold_requests(enqueued_before: datetime, now: datetime) -> int:
    """Enqueue again the new requests whose notifications nobody has planned since `enqueued_before`:
    their task was lost (a wiped queue, a failed enqueue, a process killed after the commit)."""
    waiting = ConsultationRequest.objects.filter(notifications_enqueued_at__lte=enqueued_before)
    request_ids = list(waiting.order_by("pk").values_list("pk", flat=True)[:500])
    # Moving the time to now keeps the next sweep from enqueueing the same ones again at once.
    ConsultationRequest.objects.filter(pk__in=request_ids).update(notifications_enqueued_at=now)
    for request_id in request_ids:
        send_new_request.enqueue(request_id)
    return len(request_ids)
