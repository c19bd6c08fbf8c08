"""The worker's part: send the patient's messages, retry failures, catch what was lost."""

import logging
from datetime import datetime, timedelta

from django.utils import timezone
from django_tasks import task

from appointments import messages
from appointments.models import PatientMessage

log = logging.getLogger(__name__)


@task()
def send_patient_message(message_id: int) -> None:
    retry_at = messages.attempt(message_id)
    if retry_at is not None:
        send_patient_message.using(run_after=retry_at).enqueue(message_id)


def enqueue(message_ids: list[int]) -> None:
    for message_id in message_ids:
        send_patient_message.enqueue(message_id)


def enqueue_reminders(planned: list[tuple[int, datetime]]) -> None:
    for message_id, due in planned:
        send_patient_message.using(run_after=due).enqueue(message_id)


def sweep(grace_seconds: float = 60) -> int:
    """Enqueue again the pending messages whose task was lost, reminders included (their
    next attempt is their due time); safe to run any time.

    Meant to be called by booking_sweep next to booking's own sweep.
    """
    now = timezone.now()
    stale = PatientMessage.objects.filter(
        status=PatientMessage.Status.PENDING, next_attempt_at__lte=now - timedelta(seconds=grace_seconds)
    )
    stale_ids = list(stale.order_by("pk").values_list("id", flat=True)[:500])
    # Moving the due time to now keeps the next sweep from enqueueing the same rows again at once.
    PatientMessage.objects.filter(pk__in=stale_ids).update(next_attempt_at=now)
    enqueue(stale_ids)
    if stale_ids:
        log.info("appointments sweep: %s patient messages re-enqueued", len(stale_ids))
    return len(stale_ids)
