"""The managers hear when a patient cancels or asks to move by the signed link: e-mail, Telegram
and the CRM webhook, sent by the worker after the commit, retried like every delivery."""

import json
from datetime import datetime, time

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from appointments import links
from appointments.models import Appointment, Kind, PatientChange, Schedule
from appointments.reservations import book_appointment, cancel_appointment
from appointments.slots import slots_for
from booking import tasks
from booking.models import ConsultationRequest, Delivery
from tests.appointments.builders import make_request, make_schedule
from tests.booking.fake_servers import FakeHTTPServer
from tests.booking.submitting import run_worker

ALL_DAY = [(weekday, time(0), time(0), Kind.IN_PERSON) for weekday in range(1, 8)]

UPDATES = reverse("admin:booking_consultationrequest_updates")

pytestmark = pytest.mark.django_db


@pytest.fixture
def schedule() -> Schedule:
    return make_schedule(weekly=ALL_DAY, slot_minutes=60)


@pytest.fixture
def appointment(schedule: Schedule, django_capture_on_commit_callbacks: object) -> Appointment:
    consultation = make_request(name="Мария Иванова", message="Метастазы в печени, КТ от 1 декабря")
    slot = slots_for([schedule])[0]
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        return book_appointment(
            consultation=consultation, doctor=schedule.doctor, kind=slot.kind, start=slot.start, actor=None
        )


@pytest.fixture
def told(settings: object, manager: User) -> object:
    settings.BOOKING_NOTIFY_EMAILS = ["callcentre@clinic.test"]  # type: ignore[attr-defined]
    with FakeHTTPServer() as telegram:
        settings.TELEGRAM_API_URL = telegram.url  # type: ignore[attr-defined]
        settings.TELEGRAM_BOT_TOKEN = "123:secret-token"  # type: ignore[attr-defined]
        settings.TELEGRAM_CHAT_ID = "-1001"  # type: ignore[attr-defined]
        yield telegram


def page_url(appointment: Appointment) -> str:
    return links.url_for(appointment, "ru").removeprefix("http://127.0.0.1:8000")


def when(appointment: Appointment) -> str:
    return f"{timezone.localtime(appointment.start):%d.%m %H:%M}"


def staff_mail(mailoutbox: list) -> list:
    return [message for message in mailoutbox if "patient@example.test" not in message.to]


def test_a_patients_cancellation_reaches_every_manager_channel(
    client: Client,
    appointment: Appointment,
    told: FakeHTTPServer,
    manager: User,
    mailoutbox: list,
    django_capture_on_commit_callbacks: object,
) -> None:
    run_worker()
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        client.post(page_url(appointment), {"action": "cancel", "confirm": "yes"})
    assert staff_mail(mailoutbox) == []  # the worker tells, not the patient's click

    run_worker()

    mails = staff_mail(mailoutbox)
    assert sorted(address for message in mails for address in message.to) == [
        "callcentre@clinic.test",
        manager.email,
    ]
    message = mails[0]
    reference = appointment.request.reference
    assert message.subject == f"Пациент отменил приём {when(appointment)} (МСК): заявка {reference}"
    assert "Мария Иванова" in message.body and appointment.doctor.name in message.body
    assert f"/booking/consultationrequest/{appointment.request_id}/change/" in message.body
    (sent,) = told.received
    text = json.loads(sent["body"])["text"]
    assert text.startswith(f"<b>Пациент отменил приём {reference}</b>")
    assert f"Приём: {when(appointment)} (МСК), в клинике" in text
    # Telegram is a third party: no diagnosis, no doctor unless the clinic allows details.
    assert "Метастазы" not in text and appointment.doctor.name not in text
    assert set(Delivery.objects.values_list("purpose", "status")) == {
        (Delivery.Purpose.PATIENT_CHANGE, Delivery.Status.SENT)
    }


def test_asking_to_move_tells_the_managers_once(
    client: Client,
    appointment: Appointment,
    told: FakeHTTPServer,
    mailoutbox: list,
    django_capture_on_commit_callbacks: object,
) -> None:
    run_worker()
    mailoutbox.clear()
    for _ in range(2):
        with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
            client.post(page_url(appointment), {"action": "move"})
    run_worker()

    subjects = {message.subject for message in staff_mail(mailoutbox)}
    assert subjects == {
        f"Пациент просит перенести приём {when(appointment)} (МСК): заявка {appointment.request.reference}"
    }
    assert "подберите другое время" in staff_mail(mailoutbox)[0].body
    assert len(told.received) == 1
    assert "Пациент просит перенести приём" in json.loads(told.received[0]["body"])["text"]
    assert PatientChange.objects.get().what == PatientChange.What.MOVE_REQUESTED


def test_a_manager_cancelling_tells_no_manager(
    appointment: Appointment, told: FakeHTTPServer, django_capture_on_commit_callbacks: object
) -> None:
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        cancel_appointment(appointment, actor=None)
    assert not Delivery.objects.filter(purpose=Delivery.Purpose.PATIENT_CHANGE).exists()


def test_the_crm_hears_which_appointment_and_what_happened(
    client: Client, appointment: Appointment, settings: object, django_capture_on_commit_callbacks: object
) -> None:
    with FakeHTTPServer() as crm:
        settings.BOOKING_WEBHOOK_URL = crm.url + "/hook"  # type: ignore[attr-defined]
        settings.BOOKING_WEBHOOK_SECRET = "shared"  # type: ignore[attr-defined]
        with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
            client.post(page_url(appointment), {"action": "move"})
            client.post(page_url(appointment), {"action": "cancel", "confirm": "yes"})
        run_worker()
    events = [json.loads(item["body"]) for item in crm.received]
    assert [event["event"] for event in events] == [
        "appointment.move_requested",
        "appointment.cancelled_by_patient",
    ]
    assert datetime.fromisoformat(events[0]["appointment"]["start"]) == appointment.start
    assert events[0]["appointment"]["doctor"] == appointment.doctor.slug
    assert events[1]["request"]["reference"] == appointment.request.reference


def test_a_lost_enqueue_is_sent_by_the_sweeper(
    client: Client, appointment: Appointment, told: FakeHTTPServer, mailoutbox: list
) -> None:
    mailoutbox.clear()
    # The on-commit callbacks never run: as if the process died right after the commit.
    client.post(page_url(appointment), {"action": "cancel", "confirm": "yes"})
    run_worker()
    assert staff_mail(mailoutbox) == [] and told.received == []
    assert ConsultationRequest.objects.get().status == ConsultationRequest.Status.IN_PROGRESS

    tasks.sweep(grace_seconds=0)
    run_worker()

    assert len(staff_mail(mailoutbox)) == 2 and len(told.received) == 1
    assert not Delivery.objects.filter(status=Delivery.Status.PENDING).exists()


def test_the_open_list_feed_names_the_request_a_patient_changed(
    client: Client, appointment: Appointment, manager: User, login: object
) -> None:
    before = timezone.now()
    client.post(page_url(appointment), {"action": "move"})
    staff = login(manager)  # type: ignore[operator]

    data = staff.get(UPDATES, {"since": before.isoformat()}).json()

    assert data["changed"] == [
        {
            "reference": appointment.request.reference,
            "url": reverse("admin:booking_consultationrequest_change", args=[appointment.request_id]),
            "what": "move_requested",
        }
    ]
    html = staff.get(reverse("admin:booking_consultationrequest_changelist")).content.decode()
    assert 'data-move-requested-one="Пациент просит перенести приём: заявка {reference}"' in html
