"""Nothing is lost when the mail server, the messenger, the CRM or the worker is down."""

import hashlib
import hmac
import json
from datetime import timedelta

import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from booking import notifications
from booking.models import ConsultationRequest, Delivery
from tests.booking.fake_servers import FakeHTTPServer, FakeSMTPServer, free_port
from tests.booking.submitting import plan_notifications, run_worker, run_worker_until, submit

pytestmark = pytest.mark.django_db


@pytest.fixture
def quick_retries(settings):
    # The first retry waits a moment instead of 15 s, so the test sees it without a long wait.
    settings.BOOKING_RETRY_FIRST_SECONDS = 0.2


@pytest.fixture
def smtp_settings(settings):
    port = free_port()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    settings.EMAIL_TIMEOUT = 5
    settings.BOOKING_NOTIFY_EMAILS = ["callcentre@clinic.test"]
    return port


def sent(delivery: Delivery) -> bool:
    delivery.refresh_from_db()
    return delivery.status == Delivery.Status.SENT


def test_mail_server_down_then_up(client, smtp_settings, quick_retries, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        submit(client)
    request = ConsultationRequest.objects.get()

    # One task only: a slow run would otherwise already reach the quick retry.
    run_worker(max_tasks=1)  # nobody listens on the port yet

    delivery = Delivery.objects.get()
    assert delivery.status == Delivery.Status.PENDING
    assert delivery.attempts == 1
    assert "Connection refused" in delivery.last_error
    assert "callcentre" not in delivery.last_error
    assert delivery.next_attempt_at > delivery.created_at

    with FakeSMTPServer(smtp_settings) as server:
        assert run_worker_until(lambda: sent(delivery))

    assert delivery.attempts == 2
    assert delivery.last_error == ""
    [message] = server.messages
    assert message["To"] == "callcentre@clinic.test"
    assert request.reference in message["Subject"]


def test_telegram_answering_500_then_200(client, settings, quick_retries, django_capture_on_commit_callbacks):
    with FakeHTTPServer(statuses=[500]) as telegram:
        settings.TELEGRAM_API_URL = telegram.url
        settings.TELEGRAM_BOT_TOKEN = "123:secret-token"
        settings.TELEGRAM_CHAT_ID = "-1001"
        settings.TELEGRAM_INCLUDE_DETAILS = True
        with django_capture_on_commit_callbacks(execute=True):
            submit(client, name="<b>Иван</b>", message="<script>x</script>")

        run_worker(max_tasks=1)
        delivery = Delivery.objects.get(channel=Delivery.Channel.TELEGRAM)
        assert delivery.status == Delivery.Status.PENDING
        assert delivery.last_error == "HTTP 500"
        assert "secret-token" not in delivery.last_error

        assert run_worker_until(lambda: sent(delivery))

    assert delivery.attempts == 2
    assert len(telegram.received) == 2
    last = telegram.received[-1]
    assert last["path"] == "/bot123:secret-token/sendMessage"
    payload = json.loads(last["body"])
    assert payload["chat_id"] == "-1001"
    assert ConsultationRequest.objects.get().reference in payload["text"]
    assert "&lt;b&gt;Иван&lt;/b&gt;" in payload["text"]
    assert "&lt;script&gt;" in payload["text"]
    assert "<script>" not in payload["text"]


class VerifyingWebhook(FakeHTTPServer):
    """A CRM that accepts only bodies signed with the shared secret."""

    secret = b"shared-secret"

    def answer(self, path: str, headers: dict[str, str], body: bytes) -> int:
        expected = "sha256=" + hmac.new(self.secret, body, hashlib.sha256).hexdigest()
        signed = hmac.compare_digest(headers.get("X-Signature", ""), expected)
        return 200 if signed and headers.get("X-Timestamp", "").isdigit() else 401


def test_the_webhook_is_signed_and_the_crm_accepts_it(client, settings, django_capture_on_commit_callbacks):
    with VerifyingWebhook() as crm:
        settings.BOOKING_WEBHOOK_URL = f"{crm.url}/hooks/clinic"
        settings.BOOKING_WEBHOOK_SECRET = "shared-secret"
        with django_capture_on_commit_callbacks(execute=True):
            submit(client)
        run_worker()

    delivery = Delivery.objects.get(channel=Delivery.Channel.WEBHOOK)
    assert delivery.status == Delivery.Status.SENT, delivery.last_error
    body = json.loads(crm.received[0]["body"])
    assert body["event"] == "request.created"
    assert body["request"]["reference"] == ConsultationRequest.objects.get().reference
    assert body["request"]["phone"] == "+74994601561"


def test_a_webhook_with_the_wrong_secret_is_refused_and_retried(
    client, settings, django_capture_on_commit_callbacks
):
    with VerifyingWebhook() as crm:
        settings.BOOKING_WEBHOOK_URL = crm.url
        settings.BOOKING_WEBHOOK_SECRET = "not-the-shared-secret"
        with django_capture_on_commit_callbacks(execute=True):
            submit(client)
        run_worker()

    delivery = Delivery.objects.get(channel=Delivery.Channel.WEBHOOK)
    assert delivery.status == Delivery.Status.PENDING
    assert delivery.last_error == "HTTP 401"


def test_the_worker_not_running_at_submit_time_loses_nothing(
    client, manager, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = submit(client)

    # The patient is answered; the request and the task that will tell the managers wait in
    # the database.
    assert response.status_code == 302
    assert ConsultationRequest.objects.get().notifications_enqueued_at is not None
    assert DBTaskResult.objects.filter(task_path="booking.tasks.send_new_request").count() == 1
    assert mailoutbox == []

    run_worker()  # the worker starts later

    assert [m.to for m in mailoutbox] == [[manager.email]]


def test_a_lost_task_is_enqueued_again_by_the_sweeper(
    client, manager, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        submit(client)
    DBTaskResult.objects.all().delete()  # say the queue was wiped while the worker was down
    run_worker()
    assert mailoutbox == []

    call_command("booking_sweep", grace=0, verbosity=0)
    run_worker()

    assert [m.to for m in mailoutbox] == [[manager.email]]
    assert Delivery.objects.get().attempts == 1


def test_a_worker_that_dies_between_planning_and_sending_loses_nothing(client, manager, mailoutbox):
    submit(client)
    request = ConsultationRequest.objects.get()
    # The worker decided who is told and claimed the deliveries, then died before sending.
    notifications.plan_new_request(request.pk, claim_until=timezone.now() + notifications.CLAIM)
    DBTaskResult.objects.filter(task_path="booking.tasks.send_new_request").delete()

    # While the claim lasts, neither another worker nor the sweeper sends them a second time.
    call_command("booking_sweep", grace=0, verbosity=0)
    run_worker()
    assert mailoutbox == []

    # The claim runs out (a minute later): the sweeper hands them to a live worker.
    Delivery.objects.update(next_attempt_at=timezone.now() - notifications.CLAIM)
    call_command("booking_sweep", grace=0, verbosity=0)
    run_worker()
    assert [m.to for m in mailoutbox] == [[manager.email]]
    assert Delivery.objects.get().status == Delivery.Status.SENT


def test_a_worker_that_dies_before_scheduling_the_deadline_check_still_gets_supervisors_told(
    client, manager, supervisor, mailoutbox
):
    submit(client)
    request = ConsultationRequest.objects.get()
    # The plan is committed; the worker died before it scheduled the request's deadline check.
    notifications.plan_new_request(request.pk)
    DBTaskResult.objects.all().delete()

    # Nobody has called by the escalation time: the sweeper notices without a check task.
    lead = timedelta(minutes=settings.BOOKING_CALLBACK_MINUTES - settings.BOOKING_ESCALATE_AFTER_MINUTES)
    ConsultationRequest.objects.update(due_at=timezone.now() + lead - timedelta(seconds=1))
    call_command("booking_sweep", grace=0, verbosity=0)
    run_worker()

    request.refresh_from_db()
    assert request.escalated_at is not None
    escalation = Delivery.objects.get(purpose=Delivery.Purpose.ESCALATION)
    assert (escalation.recipient, escalation.status) == (supervisor.email, Delivery.Status.SENT)
    assert [supervisor.email] in [m.to for m in mailoutbox]


def test_the_sweeper_leaves_a_request_whose_task_is_still_waiting_alone(
    client, manager, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        submit(client)

    call_command("booking_sweep", grace=60, verbosity=0)

    assert DBTaskResult.objects.count() == 1


def test_a_delivery_is_given_up_after_the_maximum_age(client, smtp_settings, settings, quick_retries):
    settings.BOOKING_DELIVERY_MAX_AGE_HOURS = 0
    submit(client)
    plan_notifications()
    delivery = Delivery.objects.get()

    call_command("booking_sweep", grace=0, verbosity=0)
    run_worker()

    delivery.refresh_from_db()
    assert delivery.status == Delivery.Status.FAILED
    assert delivery.attempts == 1
    assert delivery.last_error


def test_a_failed_submit_leaves_no_delivery_and_no_request(client, settings):
    submit(client, phone="not a phone")

    assert ConsultationRequest.objects.count() == 0
    assert Delivery.objects.count() == 0
