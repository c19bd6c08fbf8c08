import smtplib
import urllib.error
from datetime import timedelta

import pytest
from django.utils import timezone

from booking import channels, notifications
from booking.models import ConsultationRequest, Delivery
from tests.booking.submitting import plan_notifications, submit
from tests.builders import make_treatment

pytestmark = pytest.mark.django_db


def test_retries_back_off_from_15_seconds_to_at_most_10_minutes():
    delays = [notifications.retry_delay(attempt).total_seconds() for attempt in range(1, 9)]

    assert delays == [15, 30, 60, 120, 240, 480, 600, 600]


def test_managers_and_the_notify_list_each_get_one_delivery(client, manager, settings):
    settings.BOOKING_NOTIFY_EMAILS = ["callcentre@clinic.test", manager.email.upper()]
    submit(client)
    plan_notifications()

    recipients = sorted(Delivery.objects.values_list("recipient", flat=True))
    assert recipients == ["callcentre@clinic.test", manager.email]


def test_who_is_told_is_decided_when_the_worker_runs(client, manager, settings):
    settings.BOOKING_NOTIFY_EMAILS = []
    submit(client)
    # Between the submit and the worker, the call centre's shared mailbox is configured and
    # the manager leaves.
    settings.BOOKING_NOTIFY_EMAILS = ["callcentre@clinic.test"]
    manager.is_active = False
    manager.save()
    plan_notifications()

    assert list(Delivery.objects.values_list("recipient", flat=True)) == ["callcentre@clinic.test"]


def test_planning_a_request_twice_makes_no_second_delivery(client, manager, settings):
    submit(client)
    plan_notifications()
    settings.BOOKING_NOTIFY_EMAILS = ["callcentre@clinic.test"]
    plan_notifications()

    assert list(Delivery.objects.values_list("recipient", flat=True)) == [manager.email]
    assert ConsultationRequest.objects.get().notifications_enqueued_at is None


def test_every_configured_channel_gets_a_delivery(client, settings):
    settings.BOOKING_NOTIFY_EMAILS = ["callcentre@clinic.test"]
    settings.TELEGRAM_BOT_TOKEN, settings.TELEGRAM_CHAT_ID = "1:token", "-1001"
    settings.BOOKING_WEBHOOK_URL, settings.BOOKING_WEBHOOK_SECRET = "https://crm.clinic.test/hook", "s"
    submit(client)
    plan_notifications()

    channels = sorted(Delivery.objects.values_list("channel", flat=True))
    assert channels == [Delivery.Channel.EMAIL, Delivery.Channel.TELEGRAM, Delivery.Channel.WEBHOOK]
    assert "token" not in "".join(Delivery.objects.values_list("recipient", flat=True))


def test_a_webhook_without_a_secret_is_not_used(client, settings):
    settings.BOOKING_WEBHOOK_URL, settings.BOOKING_WEBHOOK_SECRET = "https://crm.clinic.test/hook", ""
    submit(client)
    plan_notifications()

    assert not Delivery.objects.filter(channel=Delivery.Channel.WEBHOOK).exists()


def test_without_the_managers_group_the_request_is_still_saved(client, settings):
    settings.BOOKING_NOTIFY_EMAILS = []
    submit(client)
    plan_notifications()

    assert ConsultationRequest.objects.count() == 1
    assert Delivery.objects.count() == 0


def test_running_a_delivery_twice_sends_it_once(client, manager, mailoutbox):
    submit(client)
    plan_notifications()
    delivery = Delivery.objects.get()

    notifications.attempt_delivery(delivery.pk)
    notifications.attempt_delivery(delivery.pk)

    assert len(mailoutbox) == 1
    delivery.refresh_from_db()
    assert delivery.attempts == 1


def test_a_delivery_is_not_sent_before_its_time(client, manager, mailoutbox):
    submit(client)
    plan_notifications()
    delivery = Delivery.objects.get()
    Delivery.objects.filter(pk=delivery.pk).update(next_attempt_at=timezone.now() + timedelta(minutes=1))

    assert notifications.attempt_delivery(delivery.pk) is None
    assert mailoutbox == []


@pytest.mark.parametrize(
    ("error", "shown"),
    [
        (ConnectionRefusedError(111, "Connection refused"), "ConnectionRefusedError: Connection refused"),
        (urllib.error.HTTPError("https://x/botSECRET/send", 502, "Bad Gateway", {}, None), "HTTP 502"),
        (smtplib.SMTPRecipientsRefused({"ivan@example.com": (550, b"no")}), "SMTP: recipient refused"),
        (smtplib.SMTPDataError(554, b"rejected for ivan@example.com"), "SMTP 554"),
        (TimeoutError(), "timed out"),
    ],
)
def test_errors_are_recorded_without_addresses_or_tokens(error, shown):
    assert notifications.describe_error(error) == shown


def test_the_managers_mail_has_the_details_and_a_link_to_the_admin(client, manager, mailoutbox, settings):
    settings.SITE_URL = "https://clinic.example"
    submit(client, channel="whatsapp", message="Вопрос о процедуре")
    plan_notifications()
    notifications.attempt_delivery(Delivery.objects.get().pk)

    [mail] = mailoutbox
    assert "WhatsApp" in mail.body
    assert "Вопрос о процедуре" in mail.body
    assert "https://clinic.example/" in mail.body
    assert "\n" not in mail.subject


def test_patient_input_is_escaped_in_the_html_mail(client, manager, mailoutbox):
    submit(client, name="<img src=x onerror=alert(1)> Иван")
    plan_notifications()
    notifications.attempt_delivery(Delivery.objects.get().pk)

    html = mailoutbox[0].alternatives[0][0]
    assert "<img src=x" not in html
    assert "&lt;img src=x onerror=alert(1)&gt; Иван" in html


@pytest.mark.parametrize("include_details", [False, True])
def test_staff_telegram_alerts_leave_health_details_out_unless_the_clinic_allows_them(
    make_consultation, settings, include_details
):
    settings.TELEGRAM_INCLUDE_DETAILS = include_details
    request = make_consultation(message="Метастазы в печени, КТ от марта", treatment=make_treatment())
    delivery = Delivery(request=request, channel=Delivery.Channel.TELEGRAM, recipient="-1001")

    text = channels.telegram_text(delivery)

    assert request.reference in text and "Иван Петров" in text and request.get_admin_url() in text
    assert ("Метастазы в печени" in text) is include_details
    assert (request.treatment.title in text) is include_details
