"""A new request's notification task: enqueued after the commit, run once, never lost."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from booking import notifications, tasks
from booking.models import ConsultationRequest
from tests.booking.submitting import run_worker, submit

pytestmark = pytest.mark.django_db

SENDER = "booking.tasks.send_new_request"


def told_references(mailoutbox) -> list[str]:
    """The references of the requests the managers were told of, in the order they were told."""
    references = ConsultationRequest.objects.values_list("reference", flat=True)
    return [reference for message in mailoutbox for reference in references if reference in message.subject]


def submit_phones(client, capture, *phones: str) -> list[str]:
    for phone in phones:
        with capture(execute=True):
            assert submit(client, phone=phone).status_code == 302
    return list(ConsultationRequest.objects.order_by("pk").values_list("reference", flat=True))


def test_the_task_is_enqueued_only_once_the_request_is_committed(
    client, manager, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        submit(client)

    assert not DBTaskResult.objects.filter(task_path=SENDER).exists()
    for callback in callbacks:
        callback()
    request = ConsultationRequest.objects.get()
    assert list(DBTaskResult.objects.filter(task_path=SENDER).values_list("args_kwargs", flat=True)) == [
        {"args": [request.pk], "kwargs": {}}
    ]


def test_requests_sent_while_the_worker_is_away_are_all_told_once(
    client, manager, mailoutbox, django_capture_on_commit_callbacks
):
    references = submit_phones(
        client, django_capture_on_commit_callbacks, "+79160000001", "+79160000002", "+79160000003"
    )
    assert DBTaskResult.objects.filter(task_path=SENDER, status=TaskResultStatus.READY).count() == 3
    assert mailoutbox == []

    run_worker()

    assert sorted(told_references(mailoutbox)) == sorted(references)
    assert not ConsultationRequest.objects.filter(notifications_enqueued_at__isnull=False).exists()


def test_a_task_run_twice_tells_the_managers_once(client, manager, mailoutbox):
    submit(client)
    request = ConsultationRequest.objects.get()

    tasks.send_new_request.call(request.pk)
    tasks.send_new_request.call(request.pk)

    assert told_references(mailoutbox) == [request.reference]


def test_a_request_that_could_not_be_planned_is_told_once_the_sweeper_tries_again(
    client, manager, mailoutbox, django_capture_on_commit_callbacks, monkeypatch
):
    (reference,) = submit_phones(client, django_capture_on_commit_callbacks, "+79160000001")
    plan = notifications.plan_new_request

    def fail(request_id, **kwargs):
        raise RuntimeError("the database went away mid-plan")

    monkeypatch.setattr(notifications, "plan_new_request", fail)
    run_worker()
    assert mailoutbox == []
    # Still marked as untold, so the sweeper finds it once its grace time has passed.
    request = ConsultationRequest.objects.get()
    assert request.notifications_enqueued_at is not None

    monkeypatch.setattr(notifications, "plan_new_request", plan)
    ConsultationRequest.objects.update(notifications_enqueued_at=timezone.now() - timedelta(minutes=2))
    assert tasks.sweep() == (1, 0)
    run_worker()

    assert told_references(mailoutbox) == [reference]
