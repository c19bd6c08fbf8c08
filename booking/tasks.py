"""Background work on Django's Tasks API; the worker is `manage.py db_worker`."""

import logging
from datetime import datetime, timedelta

from django.db import connection
from django.utils import timezone
from django_tasks import TaskResultStatus, task
from django_tasks_db.models import DBTaskResult, get_date_max

from booking import deadlines, notifications
from booking.models import ConsultationRequest, Delivery

log = logging.getLogger(__name__)


@task()
def send_delivery(delivery_id: int) -> None:
    retry_at = notifications.attempt_delivery(delivery_id)
    if retry_at is not None:
        send_delivery.using(run_after=retry_at).enqueue(delivery_id)


# How many new requests one run of send_new_requests takes before it makes way for the tasks
# queued meanwhile (deadline checks, retries) and enqueues itself again.
NEW_REQUESTS_PER_RUN = 100


@task()
def send_new_requests() -> None:
    """Tell staff (and the patient) of every new request not yet planned, oldest first.

    The form POST enqueues this only when none is waiting to start (wake_new_request_sender),
    so one run may take many requests; each is planned once only, however many runs overlap.
    """
    # One look suffices: the POST of a request committed after it found this run started, no
    # longer waiting, and so woke another.
    waiting = ConsultationRequest.objects.filter(notifications_enqueued_at__isnull=False).order_by("pk")
    request_ids = list(waiting.values_list("pk", flat=True)[:NEW_REQUESTS_PER_RUN])
    for request_id in request_ids:
        try:
            tell_of_new_request(request_id)
        except Exception:
            # One request that cannot be planned must not hold back the ones after it (it is the
            # oldest, so it would come first in every run). It keeps its mark: the sweeper wakes
            # the sender for it again, and each failure is logged.
            log.exception("telling staff of new request %s failed; the sweeper will try again", request_id)
    if len(request_ids) == NEW_REQUESTS_PER_RUN:
        wake_new_request_sender()  # more may wait: after what was queued meanwhile


def tell_of_new_request(request_id: int) -> None:
    """Decide who is told of a new request, schedule its deadline check, then tell them."""
    plan = notifications.plan_new_request(request_id, claim_until=timezone.now() + notifications.CLAIM)
    if plan is None:
        return  # planned by another run: that run sends, and the sweeper retries what it left
    # Once the plan is committed, outside its short transaction (the write lock on SQLite): a
    # worker stopped just before this leaves the check to the sweeper (booking_sweep), which
    # finds every request past a deadline.
    schedule_next_check(plan.request)
    for delivery_id in plan.delivery_ids:
        retry_at = notifications.send_claimed(delivery_id)
        if retry_at is not None:
            send_delivery.using(run_after=retry_at).enqueue(delivery_id)


@task()
def check_deadlines(request_id: int) -> None:
    enqueue_deliveries(deadlines.check_deadlines(request_id))
    schedule_deadline_check(request_id)


def wake_new_request_sender() -> None:
    """Enqueue send_new_requests unless one is already waiting to start.

    Called after the new request is committed: a run that has not started yet starts after that
    and finds the request; one already running may have looked before, so then another is
    enqueued. (The check, a read, costs a sixth of an enqueue's time, 0.04 ms against 0.26, and
    on SQLite it takes no turn at the write lock.)
    """
    if not sender_waiting():
        send_new_requests.enqueue()


# Written out because it runs on every form POST (building it with the ORM costs more than
# the check itself); it walks the queue library's index of waiting tasks, (status, priority,
# run_after, ...), to the tasks due at once. tests/booking/test_waking.py holds it to the
# ORM's meaning.
SENDER_WAITING_SQL = (
    f"SELECT 1 FROM {DBTaskResult._meta.db_table}"
    " WHERE status = %s AND priority = %s AND run_after = %s AND task_path = %s LIMIT 1"
)


def sender_waiting() -> bool:
    with connection.cursor() as cursor:
        cursor.execute(
            SENDER_WAITING_SQL,
            [
                TaskResultStatus.READY,
                send_new_requests.priority,
                connection.ops.adapt_datetimefield_value(get_date_max()),
                send_new_requests.module_path,
            ],
        )
        return cursor.fetchone() is not None


def enqueue_deliveries(delivery_ids: list[int]) -> None:
    for delivery_id in delivery_ids:
        send_delivery.enqueue(delivery_id)


def schedule_deadline_check(request_id: int) -> None:
    request = ConsultationRequest.objects.filter(pk=request_id).first()
    if request is not None:
        schedule_next_check(request)


def schedule_next_check(request: ConsultationRequest) -> None:
    """One check at a time: at the escalation time, and that check schedules the one at the deadline."""
    moment = deadlines.next_check_at(request)
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
    """New requests whose notifications the worker has not planned since `enqueued_before`:
    the task that was to take them was lost (a wiped queue, a failed enqueue), so the sender is
    woken again."""
    waiting = ConsultationRequest.objects.filter(notifications_enqueued_at__lte=enqueued_before)
    # Moving the time to now keeps the next sweep from counting the same ones again at once.
    untold = waiting.update(notifications_enqueued_at=now)
    if untold:
        wake_new_request_sender()
    return untold
