"""How the form wakes the worker: one sender task waiting at a time, and no request left behind."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from booking import notifications, tasks
from booking.models import ConsultationRequest
from tests.booking.submitting import run_worker, submit

pytestmark = pytest.mark.django_db

SENDER = "booking.tasks.send_new_requests"


def waiting_senders() -> int:
    return DBTaskResult.objects.filter(task_path=SENDER, status=TaskResultStatus.READY).count()


def told_references(mailoutbox) -> list[str]:
    """The references of the requests the managers were told of, in the order they were told."""
    references = dict(ConsultationRequest.objects.values_list("reference", "pk"))
    return [reference for message in mailoutbox for reference in references if reference in message.subject]


def submit_phones(client, capture, *phones: str) -> list[str]:
    for phone in phones:
        with capture(execute=True):
            assert submit(client, phone=phone).status_code == 302
    return list(ConsultationRequest.objects.order_by("pk").values_list("reference", flat=True))


def test_requests_sent_while_the_worker_is_away_wait_in_one_task_and_are_all_told(
    client, manager, mailoutbox, django_capture_on_commit_callbacks
):
    references = submit_phones(
        client, django_capture_on_commit_callbacks, "+79160000001", "+79160000002", "+79160000003"
    )
    assert waiting_senders() == 1
    assert mailoutbox == []

    run_worker()

    assert told_references(mailoutbox) == references  # each once, oldest first
    assert waiting_senders() == 0
    assert not ConsultationRequest.objects.filter(notifications_enqueued_at__isnull=False).exists()


def test_a_request_that_arrives_while_the_sender_runs_wakes_another(
    client, manager, mailoutbox, django_capture_on_commit_callbacks
):
    first, *_ = submit_phones(client, django_capture_on_commit_callbacks, "+79160000001")
    # A worker has taken the waiting task and already looked for new requests (it found the
    # first one) when the second is committed.
    DBTaskResult.objects.filter(task_path=SENDER).update(status=TaskResultStatus.RUNNING)
    tasks.tell_of_new_request(ConsultationRequest.objects.get(reference=first).pk)
    first, second = submit_phones(client, django_capture_on_commit_callbacks, "+79160000002")

    assert waiting_senders() == 1  # the running one might not see the second: another waits
    DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING).update(status=TaskResultStatus.SUCCESSFUL)
    run_worker()

    assert told_references(mailoutbox) == [first, second]


def test_a_long_queue_is_taken_in_turns_with_the_other_tasks(
    client, manager, mailoutbox, django_capture_on_commit_callbacks, monkeypatch
):
    monkeypatch.setattr(tasks, "NEW_REQUESTS_PER_RUN", 2)
    references = submit_phones(
        client, django_capture_on_commit_callbacks, "+79160000001", "+79160000002", "+79160000003"
    )

    run_worker(max_tasks=1)

    # The run stopped after two and put itself back in line behind the tasks queued meanwhile
    # (here the two requests' deadline checks, due later).
    assert told_references(mailoutbox) == references[:2]
    assert waiting_senders() == 1

    run_worker()
    assert told_references(mailoutbox) == references


def test_the_sender_check_means_what_the_querysets_say():
    def agrees() -> bool:
        expected = DBTaskResult.objects.ready().filter(task_path=SENDER).exists()
        assert tasks.sender_waiting() == expected
        return expected

    assert not agrees()  # an empty queue
    tasks.check_deadlines.enqueue(1)
    tasks.send_delivery.enqueue(1)
    assert not agrees()  # other tasks waiting
    tasks.send_new_requests.using(run_after=timezone.now() + timedelta(hours=1)).enqueue()
    assert not agrees()  # a sender, but not due yet (the site never enqueues one like this)
    DBTaskResult.objects.all().delete()
    tasks.send_new_requests.enqueue()
    assert agrees()
    for status in (TaskResultStatus.RUNNING, TaskResultStatus.SUCCESSFUL, TaskResultStatus.FAILED):
        DBTaskResult.objects.update(status=status)
        assert not agrees()


def test_a_request_that_cannot_be_planned_holds_back_none_after_it(
    client, manager, mailoutbox, django_capture_on_commit_callbacks, monkeypatch, caplog
):
    broken, fine = submit_phones(client, django_capture_on_commit_callbacks, "+79160000001", "+79160000002")
    broken_id = ConsultationRequest.objects.get(reference=broken).pk
    plan = notifications.plan_new_request

    def plan_or_fail(request_id, **kwargs):
        if request_id == broken_id:
            raise RuntimeError("a bug that only this request meets")
        return plan(request_id, **kwargs)

    monkeypatch.setattr(notifications, "plan_new_request", plan_or_fail)
    run_worker()

    assert told_references(mailoutbox) == [fine]
    assert f"new request {broken_id} failed" in caplog.text
    # Still marked, so the sweeper wakes the sender for it again; once it can be planned, it is.
    assert ConsultationRequest.objects.get(pk=broken_id).notifications_enqueued_at is not None
    monkeypatch.setattr(notifications, "plan_new_request", plan)
    ConsultationRequest.objects.filter(pk=broken_id).update(
        notifications_enqueued_at=timezone.now() - timedelta(minutes=2)
    )
    tasks.sweep()
    run_worker()
    assert told_references(mailoutbox) == [fine, broken]
