import threading
from datetime import timedelta

import pytest
from django.db import connection, connections
from django.test import Client
from django.utils import timezone

from booking.models import ConsultationRequest, Delivery, RequestEvent
from tests.booking.submitting import run_worker, submit

pytestmark = pytest.mark.django_db


def test_the_same_phone_again_makes_no_second_request_and_no_second_notification(
    client, manager, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        first = submit(client, phone="8 (916) 123-45-67")
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        again = submit(client, phone="+7 916 123 45 67", name="Иван")
    run_worker()

    request = ConsultationRequest.objects.get()
    assert [m.to for m in mailoutbox] == [[manager.email]]
    assert Delivery.objects.count() == 1
    assert callbacks == []
    assert list(request.events.values_list("kind", flat=True)) == [
        RequestEvent.Kind.CREATED,
        RequestEvent.Kind.DUPLICATE,
    ]
    page = client.get(again["Location"]).content.decode()
    assert "Ваша заявка уже у менеджера" in page
    assert request.reference in page
    assert first["Location"] != again["Location"]


def test_the_same_phone_after_the_window_makes_a_new_request(client, settings):
    settings.BOOKING_DUPLICATE_WINDOW_MINUTES = 30
    submit(client)
    ConsultationRequest.objects.update(created_at=timezone.now() - timedelta(minutes=31))

    submit(client)

    assert ConsultationRequest.objects.count() == 2


def test_the_same_phone_after_its_request_was_closed_makes_a_new_request(client):
    submit(client)
    ConsultationRequest.objects.update(status=ConsultationRequest.Status.CONTACTED)

    submit(client)

    assert ConsultationRequest.objects.count() == 2


def test_a_different_phone_is_a_different_request(client):
    submit(client, phone="+7 916 000 00 01")
    submit(client, phone="+7 916 000 00 02")

    assert ConsultationRequest.objects.count() == 2


@pytest.mark.django_db(transaction=True)
def test_the_same_phone_submitted_concurrently_makes_one_request(settings):
    settings.BOOKING_RATE_LIMIT = 0
    if connection.vendor == "sqlite":
        pytest.skip("SQLite serialises writers with BEGIN IMMEDIATE; the race needs PostgreSQL")
    start = threading.Barrier(6)
    statuses: list[int] = []

    def send() -> None:
        try:
            start.wait()
            statuses.append(submit(Client(), phone="+7 916 555 44 33").status_code)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=send) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert statuses == [302] * 6
    request = ConsultationRequest.objects.get()
    assert request.events.filter(kind=RequestEvent.Kind.DUPLICATE).count() == 5


def test_the_duplicate_check_finds_the_phones_latest_open_request_within_the_window(
    make_consultation, settings
):
    settings.BOOKING_DUPLICATE_WINDOW_MINUTES = 30
    now, phone = timezone.now(), "+79161234567"

    def made(minutes_ago: int, **fields: object) -> ConsultationRequest:
        fields = {"phone": phone, **fields}
        return make_consultation(created_at=now - timedelta(minutes=minutes_ago), **fields)

    made(40)  # before the window
    made(2, status=ConsultationRequest.Status.CONTACTED)  # no longer open
    made(1, phone="+79160000000")  # another phone
    made(25)
    latest_open = made(20, status=ConsultationRequest.Status.IN_PROGRESS)

    recent = ConsultationRequest.objects.recent_open_for_phone
    assert recent(phone, now).first() == latest_open
    assert recent("+79169999999", now).first() is None
