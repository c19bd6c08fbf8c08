"""What /healthz reports: the database, the task queue, notifications, overdue requests,
documents waiting for their virus scan."""

from datetime import datetime
from typing import Any

from django.conf import settings
from django.db import DatabaseError, connection
from django.utils import timezone


def _age_seconds(since: datetime | None, now: datetime) -> int | None:
    return None if since is None else max(0, int((now - since).total_seconds()))


def oldest_waiting_task(now: datetime) -> datetime | None:
    """When the longest-waiting runnable task became runnable (None if the queue is empty)."""
    from django_tasks_db.models import DBTaskResult, get_date_max

    ready = DBTaskResult.objects.ready()
    # run_after is "the end of time" for tasks that may run at once: their wait starts at enqueue.
    immediate = ready.filter(run_after=get_date_max()).order_by("enqueued_at").first()
    delayed = ready.exclude(run_after=get_date_max()).order_by("run_after").first()
    starts = [t.enqueued_at for t in [immediate] if t] + [t.run_after for t in [delayed] if t]
    return min(starts, default=None)


def oldest_pending_delivery() -> datetime | None:
    """When the oldest notification still to be sent was due: a pending delivery, or a new
    request whose deliveries the worker has not planned yet."""
    from booking.models import ConsultationRequest, Delivery

    pending = Delivery.objects.filter(status=Delivery.Status.PENDING).order_by("created_at").first()
    untold = (
        ConsultationRequest.objects.filter(notifications_enqueued_at__isnull=False)
        .order_by("created_at")
        .first()
    )
    return min((row.created_at for row in (pending, untold) if row is not None), default=None)


def overdue_requests() -> int:
    from booking.models import ConsultationRequest

    return ConsultationRequest.objects.overdue().count()


def oldest_unscanned_document() -> datetime | None:
    """When the document that has waited longest for its virus scan was uploaded."""
    from documents.models import Document

    return (
        Document.objects.waiting_for_scan()
        .order_by("uploaded_at")
        .values_list("uploaded_at", flat=True)
        .first()
    )


def report() -> tuple[bool, dict[str, Any]]:
    """(healthy, details); details never carry personal data."""
    now = timezone.now()
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        queue_age = _age_seconds(oldest_waiting_task(now), now)
        delivery_age = _age_seconds(oldest_pending_delivery(), now)
        overdue = overdue_requests()
        unscanned_age = _age_seconds(oldest_unscanned_document(), now)
    except DatabaseError:
        return False, {"status": "fail", "database": "unreachable", "problems": ["database unreachable"]}

    problems = []
    if queue_age is not None and queue_age > settings.HEALTH_MAX_QUEUE_AGE_SECONDS:
        problems.append(f"a task has waited {queue_age} s: is the worker (db_worker) running?")
    if delivery_age is not None and delivery_age > settings.HEALTH_MAX_PENDING_DELIVERY_SECONDS:
        problems.append(f"a notification has been undelivered for {delivery_age} s")
    if unscanned_age is not None and unscanned_age > settings.HEALTH_MAX_UNSCANNED_SECONDS:
        problems.append(f"a document has waited {unscanned_age} s for its virus scan: is clamd running?")
    if overdue > settings.HEALTH_MAX_OVERDUE_REQUESTS:
        problems.append(f"{overdue} requests are past their callback deadline")
    details = {
        "status": "fail" if problems else "ok",
        "database": "ok",
        "task_queue": {
            "oldest_waiting_seconds": queue_age,
            "limit_seconds": settings.HEALTH_MAX_QUEUE_AGE_SECONDS,
        },
        "notifications": {
            "oldest_pending_seconds": delivery_age,
            "limit_seconds": settings.HEALTH_MAX_PENDING_DELIVERY_SECONDS,
        },
        "documents": {
            "oldest_unscanned_seconds": unscanned_age,
            "limit_seconds": settings.HEALTH_MAX_UNSCANNED_SECONDS,
        },
        "overdue_requests": {"count": overdue, "limit": settings.HEALTH_MAX_OVERDUE_REQUESTS},
        "problems": problems,
        "checked_at": now.isoformat(timespec="seconds"),
    }
    return not problems, details
