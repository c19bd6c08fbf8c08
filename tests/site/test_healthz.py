"""/healthz: what an operator's monitor polls. 200 when all is well, 503 with the reason."""

from datetime import timedelta

import pytest
from django.test import Client, override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult, get_date_max

from booking.models import ConsultationRequest, Delivery


def _request(**fields: object) -> ConsultationRequest:
    now = timezone.now()
    values = {
        "name": "Тест",
        "consent_at": now,
        "consent_version": "v1",
        "due_at": now + timedelta(minutes=15),
    }
    return ConsultationRequest.objects.create(**{**values, **fields})


def _waiting_task(age: timedelta, *, delayed: bool = False) -> None:
    now = timezone.now()
    task = DBTaskResult.objects.create(
        args_kwargs={"args": [], "kwargs": {}},
        task_path="booking.tasks.notify",
        backend_name="default",
        queue_name="default",
        run_after=now - age if delayed else get_date_max(),
        exception_class_path="",
        traceback="",
    )
    DBTaskResult.objects.filter(pk=task.pk).update(enqueued_at=now - age)


@pytest.mark.django_db
def test_a_quiet_site_is_healthy(client: Client) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["database"] == "ok"
    assert body["task_queue"]["oldest_waiting_seconds"] is None
    assert body["notifications"]["oldest_pending_seconds"] is None
    assert body["overdue_requests"]["count"] == 0
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_a_fresh_task_in_the_queue_is_reported_but_healthy(client: Client) -> None:
    _waiting_task(timedelta(seconds=5))
    body = client.get("/healthz").json()
    assert body["status"] == "ok"
    assert 4 <= body["task_queue"]["oldest_waiting_seconds"] <= 60


@pytest.mark.django_db
@override_settings(HEALTH_MAX_QUEUE_AGE_SECONDS=120)
def test_a_task_waiting_too_long_means_the_worker_is_down(client: Client) -> None:
    _waiting_task(timedelta(minutes=5))
    response = client.get("/healthz")
    assert response.status_code == 503
    assert any("worker" in problem for problem in response.json()["problems"])


@pytest.mark.django_db
@override_settings(HEALTH_MAX_QUEUE_AGE_SECONDS=120)
def test_a_delayed_task_counts_from_when_it_became_due(client: Client) -> None:
    _waiting_task(timedelta(minutes=10), delayed=True)
    assert client.get("/healthz").status_code == 503


@pytest.mark.django_db
def test_a_task_scheduled_for_later_is_not_waiting(client: Client) -> None:
    _waiting_task(-timedelta(hours=1), delayed=True)
    assert client.get("/healthz").json()["task_queue"]["oldest_waiting_seconds"] is None


@pytest.mark.django_db
@override_settings(HEALTH_MAX_PENDING_DELIVERY_SECONDS=600)
def test_a_notification_undelivered_for_too_long_is_unhealthy(client: Client) -> None:
    request = _request()
    Delivery.objects.create(
        request=request,
        channel=Delivery.Channel.EMAIL,
        recipient="manager@clinic.example",
        created_at=timezone.now() - timedelta(minutes=30),
    )
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["notifications"]["oldest_pending_seconds"] >= 1800
    assert "manager@clinic.example" not in response.content.decode()


@pytest.mark.django_db
@override_settings(HEALTH_MAX_PENDING_DELIVERY_SECONDS=600)
def test_a_request_nobody_was_told_of_for_too_long_is_unhealthy(client: Client) -> None:
    long_ago = timezone.now() - timedelta(minutes=30)
    _request(created_at=long_ago, notifications_enqueued_at=long_ago)

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["notifications"]["oldest_pending_seconds"] >= 1800


@pytest.mark.django_db
def test_a_sent_notification_does_not_count(client: Client) -> None:
    request = _request()
    Delivery.objects.create(
        request=request,
        channel=Delivery.Channel.EMAIL,
        recipient="manager@clinic.example",
        status=Delivery.Status.SENT,
        created_at=timezone.now() - timedelta(hours=3),
    )
    assert client.get("/healthz").status_code == 200


@pytest.mark.django_db
@override_settings(HEALTH_MAX_OVERDUE_REQUESTS=1)
def test_overdue_requests_are_counted_and_alarm_only_above_the_limit(client: Client) -> None:
    _request(due_at=timezone.now() - timedelta(minutes=1))
    body = client.get("/healthz").json()
    assert body["overdue_requests"]["count"] == 1
    assert body["status"] == "ok"
    _request(due_at=timezone.now() - timedelta(minutes=2))
    response = client.get("/healthz")
    assert response.status_code == 503
    assert "2 requests are past their callback deadline" in response.json()["problems"]


@pytest.mark.django_db
def test_a_request_already_called_back_is_not_overdue(client: Client) -> None:
    _request(due_at=timezone.now() - timedelta(minutes=1), first_contact_at=timezone.now())
    assert client.get("/healthz").json()["overdue_requests"]["count"] == 0


@pytest.mark.django_db
def test_the_health_report_carries_no_personal_data(client: Client) -> None:
    _request(name="Анна Петровна", email="anna@example.com", due_at=timezone.now() - timedelta(minutes=1))
    page = client.get("/healthz").content.decode()
    assert "Анна" not in page and "anna@example.com" not in page


@pytest.mark.django_db
def test_an_unreachable_database_answers_503(client: Client, monkeypatch: pytest.MonkeyPatch) -> None:
    from django.db import OperationalError

    from clinic_site import health

    def broken() -> int:
        raise OperationalError("connection refused")

    monkeypatch.setattr(health, "overdue_requests", broken)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "unreachable"


@pytest.mark.django_db
@override_settings(STAFF_2FA_REQUIRED=True)
def test_healthz_needs_no_sign_in(client: Client) -> None:
    assert client.get("/healthz").status_code == 200


@pytest.mark.django_db
def test_with_https_on_pages_redirect_but_the_local_monitor_still_gets_healthz() -> None:
    with override_settings(SECURE_SSL_REDIRECT=True):
        client = Client()  # a new client builds its middleware with the setting on
        assert client.get("/ru/contacts/").status_code == 301
        assert client.get("/healthz").status_code == 200
