"""A video link per appointment: typed in the slot picker when booking or moving a video
consultation, else the doctor's usual one; the patient gets it in the e-mail, .ics and page."""

from collections.abc import Callable
from datetime import time

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from appointments import links
from appointments.models import Appointment, Kind, Schedule
from appointments.slots import slots_for
from tests.appointments.builders import ensure_appointment_roles, make_request, make_schedule
from tests.booking.submitting import run_worker

Login = Callable[[User], Client]
USUAL = "https://video.example.test/usual-room"
OWN = "https://telemost.example.test/j/123456"


@pytest.fixture(autouse=True)
def _roles(db: None, settings: object) -> None:
    ensure_appointment_roles()
    settings.APPOINTMENT_LEAD_MINUTES = 60  # type: ignore[attr-defined]


@pytest.fixture
def schedule() -> Schedule:
    weekly = [(day, time(0), time(0), Kind.VIDEO) for day in range(1, 8)]
    return make_schedule(weekly=weekly, slot_minutes=60, video_link=USUAL)


def book(client: Client, schedule: Schedule, link: str, slot_index: int = 0) -> object:
    consultation = make_request(doctor=schedule.doctor, email="maria@example.test")
    key = slots_for([schedule])[slot_index].key
    url = reverse("admin:appointments_appointment_book", args=[consultation.pk])
    return client.post(url, {"slot": key, "video_link": link})


def test_the_picker_offers_a_link_field_showing_the_doctors_usual_one(
    login: Login, manager: User, schedule: Schedule
) -> None:
    consultation = make_request(doctor=schedule.doctor)
    page = login(manager).get(reverse("admin:appointments_appointment_book", args=[consultation.pk]))
    html = page.content.decode()
    assert 'name="video_link"' in html and f'placeholder="{USUAL}"' in html
    assert "ссылку из расписания врача" in html


def test_a_link_typed_when_booking_reaches_the_patient(
    login: Login,
    manager: User,
    schedule: Schedule,
    mailoutbox: list,
    django_capture_on_commit_callbacks: object,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        assert book(login(manager), schedule, OWN).status_code == 302  # type: ignore[attr-defined]
    appointment = Appointment.objects.get()
    assert appointment.video_link == OWN and appointment.call_link == OWN
    run_worker()
    (message,) = mailoutbox
    assert OWN in message.body and USUAL not in message.body
    (invite,) = [item for item in message.attachments if item[0] == "invite.ics"]
    invitation = invite[1].decode() if isinstance(invite[1], bytes) else invite[1]
    assert OWN in invitation.replace("\r\n ", "")
    page = Client().get(links.url_for(appointment, "ru").removeprefix("http://127.0.0.1:8000"))
    assert OWN in page.content.decode()


def test_an_empty_field_means_the_doctors_usual_link(login: Login, manager: User, schedule: Schedule) -> None:
    book(login(manager), schedule, "")
    appointment = Appointment.objects.get()
    assert appointment.video_link == "" and appointment.call_link == USUAL


@pytest.mark.parametrize("link", ["javascript:alert(1)", "http://video.example.test/room", "not a link"])
def test_a_bad_link_books_nothing_and_says_why(
    login: Login, manager: User, schedule: Schedule, link: str
) -> None:
    response = book(login(manager), schedule, link)
    assert response.status_code == 400  # type: ignore[attr-defined]
    assert "Ссылка на видеосвязь" in response.content.decode()  # type: ignore[attr-defined]
    assert not Appointment.objects.exists()


def test_a_move_keeps_the_link_unless_the_manager_changes_it(
    login: Login, manager: User, schedule: Schedule
) -> None:
    client = login(manager)
    book(client, schedule, OWN)
    first = Appointment.objects.get()
    move_url = reverse("admin:appointments_appointment_move", args=[first.pk])
    assert f'value="{OWN}"' in client.get(move_url).content.decode()
    client.post(move_url, {"slot": slots_for([schedule])[1].key, "video_link": OWN})
    moved = Appointment.objects.get(status=Appointment.Status.BOOKED)
    assert moved.video_link == OWN and moved.uid == first.uid
    client.post(
        reverse("admin:appointments_appointment_move", args=[moved.pk]),
        {"slot": slots_for([schedule])[2].key, "video_link": "https://video.example.test/new"},
    )
    assert (
        Appointment.objects.get(status=Appointment.Status.BOOKED).call_link
        == "https://video.example.test/new"
    )
