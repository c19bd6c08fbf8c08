from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from booking.deadlines import check_deadlines
from booking.models import ConsultationRequest, Delivery, RequestEvent
from tests.booking.submitting import moscow_in, run_worker, run_worker_until, submit

pytestmark = pytest.mark.django_db


def submitted(client, capture, **fields) -> ConsultationRequest:
    with capture(execute=True):
        submit(client, **fields)
    return ConsultationRequest.objects.get()


def test_the_deadline_is_the_promise_for_call_now(client, django_capture_on_commit_callbacks):
    request = submitted(client, django_capture_on_commit_callbacks)

    assert request.due_at - request.created_at == timedelta(minutes=15)
    assert request.escalate_at - request.created_at == timedelta(minutes=10)


def test_a_scheduled_call_escalates_the_same_time_before_its_deadline(
    client, django_capture_on_commit_callbacks
):
    later = moscow_in(timedelta(days=1)).replace(hour=11, minute=0, second=0, microsecond=0)
    request = submitted(
        client,
        django_capture_on_commit_callbacks,
        when="later",
        preferred_date=later.date().isoformat(),
        preferred_time="11:00",
    )

    assert request.due_at == later
    assert request.due_at - request.escalate_at == timedelta(minutes=5)


def test_nothing_happens_before_the_escalation_time(client, supervisor, django_capture_on_commit_callbacks):
    request = submitted(client, django_capture_on_commit_callbacks)

    assert check_deadlines(request.pk, now=request.created_at + timedelta(minutes=9)) == []

    request.refresh_from_db()
    assert request.escalated_at is None and request.overdue_at is None


def test_supervisors_are_told_when_nobody_called_by_the_escalation_time(
    client, manager, supervisor, mailoutbox, django_capture_on_commit_callbacks
):
    request = submitted(client, django_capture_on_commit_callbacks)
    at = request.created_at + timedelta(minutes=10)

    new = check_deadlines(request.pk, now=at)
    again = check_deadlines(request.pk, now=at + timedelta(minutes=1))

    request.refresh_from_db()
    assert request.escalated_at == at
    assert request.overdue_at is None
    assert again == []
    assert request.events.filter(kind=RequestEvent.Kind.ESCALATED).count() == 1
    escalation = Delivery.objects.get(pk__in=new)
    assert (escalation.purpose, escalation.recipient) == (Delivery.Purpose.ESCALATION, supervisor.email)


def test_at_the_deadline_the_request_is_marked_overdue_and_supervisors_hear_of_it(
    client, supervisor, django_capture_on_commit_callbacks
):
    request = submitted(client, django_capture_on_commit_callbacks)
    check_deadlines(request.pk, now=request.created_at + timedelta(minutes=10))

    new = check_deadlines(request.pk, now=request.due_at)
    check_deadlines(request.pk, now=request.due_at + timedelta(minutes=5))

    request.refresh_from_db()
    assert request.overdue_at == request.due_at
    assert request.events.filter(kind=RequestEvent.Kind.OVERDUE).count() == 1
    assert [d.purpose for d in Delivery.objects.filter(pk__in=new)] == [Delivery.Purpose.OVERDUE]


def test_a_first_contact_stops_escalation(client, supervisor, django_capture_on_commit_callbacks):
    request = submitted(client, django_capture_on_commit_callbacks)
    ConsultationRequest.objects.filter(pk=request.pk).update(first_contact_at=timezone.now())

    assert check_deadlines(request.pk, now=request.due_at + timedelta(minutes=1)) == []
    assert not Delivery.objects.filter(purpose=Delivery.Purpose.ESCALATION).exists()


def test_a_request_marked_spam_is_not_escalated(client, supervisor, django_capture_on_commit_callbacks):
    request = submitted(client, django_capture_on_commit_callbacks)
    ConsultationRequest.objects.filter(pk=request.pk).update(status=ConsultationRequest.Status.SPAM)

    assert check_deadlines(request.pk, now=request.due_at + timedelta(minutes=1)) == []


def test_without_supervisor_addresses_escalations_go_to_the_notify_list(
    client, settings, django_capture_on_commit_callbacks
):
    settings.BOOKING_NOTIFY_EMAILS = ["callcentre@clinic.test"]
    request = submitted(client, django_capture_on_commit_callbacks)

    new = check_deadlines(request.pk, now=request.escalate_at)

    assert list(Delivery.objects.filter(pk__in=new).values_list("recipient", flat=True)) == [
        "callcentre@clinic.test"
    ]


def test_escalation_and_overdue_with_fractional_minutes_through_the_worker(
    client, settings, supervisor, mailoutbox, django_capture_on_commit_callbacks
):
    settings.BOOKING_CALLBACK_MINUTES = 0.02  # 1.2 seconds
    settings.BOOKING_ESCALATE_AFTER_MINUTES = 0.01
    request = submitted(client, django_capture_on_commit_callbacks)

    def overdue_notice_sent() -> bool:
        return any("просрочена" in mail.subject for mail in mailoutbox)

    assert run_worker_until(overdue_notice_sent, seconds=15)

    request.refresh_from_db()
    assert request.escalated_at is not None
    assert request.overdue_at is not None
    subjects = [mail.subject for mail in mailoutbox if mail.to == [supervisor.email]]
    assert any("ждёт звонка" in subject for subject in subjects)
    assert any("просрочена" in subject for subject in subjects)
    kinds = list(request.events.values_list("kind", flat=True))
    assert kinds == [RequestEvent.Kind.CREATED, RequestEvent.Kind.ESCALATED, RequestEvent.Kind.OVERDUE]


def test_the_sweeper_catches_a_deadline_whose_task_was_lost(client, settings, supervisor, mailoutbox):
    submit(client)  # on-commit work never ran: no deadline task was scheduled
    request = ConsultationRequest.objects.get()
    ConsultationRequest.objects.filter(pk=request.pk).update(
        created_at=request.created_at - timedelta(minutes=20), due_at=request.due_at - timedelta(minutes=20)
    )

    call_command("booking_sweep", verbosity=0)
    call_command("booking_sweep", verbosity=0)
    run_worker()

    request.refresh_from_db()
    assert request.escalated_at is not None and request.overdue_at is not None
    assert request.events.filter(kind=RequestEvent.Kind.OVERDUE).count() == 1
    subjects = [mail.subject for mail in mailoutbox if mail.to == [supervisor.email]]
    assert len(subjects) == 2
    assert any("ждёт звонка" in subject for subject in subjects)
    assert any("просрочена" in subject for subject in subjects)


def test_escalations_use_the_same_channels_as_new_requests(client, settings, supervisor):
    settings.TELEGRAM_BOT_TOKEN, settings.TELEGRAM_CHAT_ID = "1:token", "-1001"
    settings.BOOKING_WEBHOOK_URL, settings.BOOKING_WEBHOOK_SECRET = "https://crm.clinic.test/hook", "s"
    submit(client)
    request = ConsultationRequest.objects.get()

    new = check_deadlines(request.pk, now=request.due_at)

    sent_through = sorted(Delivery.objects.filter(pk__in=new).values_list("purpose", "channel"))
    assert sent_through == sorted(
        (purpose, channel)
        for purpose in (Delivery.Purpose.ESCALATION, Delivery.Purpose.OVERDUE)
        for channel in (Delivery.Channel.EMAIL, Delivery.Channel.TELEGRAM, Delivery.Channel.WEBHOOK)
    )
