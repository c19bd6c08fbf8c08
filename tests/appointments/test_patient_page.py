"""The patient's signed link: the appointment, how to get there or join, cancel or ask to move;
a tampered, cancelled or past link says so and changes nothing."""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.test import Client

from appointments import links
from appointments.models import Appointment, Kind, Schedule
from appointments.reservations import book_appointment, move_appointment
from booking.models import ConsultationRequest, RequestEvent
from tests.appointments.builders import make_request, make_schedule
from tests.builders import make_clinic

MOSCOW = ZoneInfo("Europe/Moscow")
NOW = datetime(2026, 12, 7, 8, tzinfo=MOSCOW)  # Monday
TUESDAY_TEN = datetime(2026, 12, 8, 10, tzinfo=MOSCOW)

pytestmark = pytest.mark.django_db


@pytest.fixture
def clock() -> object:
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture
def schedule(clock: object) -> Schedule:
    make_clinic()
    return make_schedule(
        weekly=[(2, time(9), time(13), Kind.IN_PERSON), (2, time(15), time(17), Kind.VIDEO)],
        video_link="https://video.example.test/room-7",
    )


@pytest.fixture
def appointment(schedule: Schedule) -> Appointment:
    return book_appointment(
        consultation=make_request(email="maria@example.test"),
        doctor=schedule.doctor,
        kind=Kind.IN_PERSON,
        start=TUESDAY_TEN,
        actor=None,
    )


def page_url(appointment: Appointment, language: str = "ru") -> str:
    return links.url_for(appointment, language).removeprefix("http://127.0.0.1:8000")


def test_the_link_shows_the_appointment_and_the_way_to_the_clinic(
    client: Client, appointment: Appointment
) -> None:
    response = client.get(page_url(appointment))
    page = response.content.decode()
    assert response.status_code == 200
    assert "вторник, 8 декабря 2026, 10:00" in page.lower()
    assert "Как добраться" in page and "Панфилова" in page and "Речной вокзал" in page
    assert "Что подготовить" in page and "Попросить перенести" in page
    assert response["Cache-Control"].startswith("max-age=0") or "no-cache" in response["Cache-Control"]


def test_a_video_appointment_shows_how_to_join(client: Client, schedule: Schedule) -> None:
    video = book_appointment(
        consultation=make_request(email="x@example.test"),
        doctor=schedule.doctor,
        kind=Kind.VIDEO,
        start=datetime(2026, 12, 8, 15, tzinfo=MOSCOW),
        actor=None,
    )
    page = client.get(page_url(video)).content.decode()
    assert "https://video.example.test/room-7" in page and "Как добраться" not in page


def test_the_page_is_in_the_patients_language(client: Client, appointment: Appointment) -> None:
    page = client.get(page_url(appointment, "en")).content.decode()
    assert "Your consultation" in page and "How to get there" in page


def test_a_tampered_link_changes_nothing(client: Client, appointment: Appointment) -> None:
    url = page_url(appointment)
    tampered = url[:-3] + ("A" if url[-3] != "A" else "B") + url[-2:]
    assert client.get(tampered).status_code == 404
    response = client.post(tampered, {"action": "cancel", "confirm": "yes"})
    assert response.status_code == 404
    assert "Ссылка не работает" in response.content.decode()
    appointment.refresh_from_db()
    assert appointment.status == Appointment.Status.BOOKED


def test_cancelling_asks_first_then_cancels_and_tells_the_manager(
    client: Client, appointment: Appointment, django_capture_on_commit_callbacks: object
) -> None:
    url = page_url(appointment)
    confirm = client.post(url, {"action": "cancel"})
    assert "Да, отменить запись" in confirm.content.decode()
    appointment.refresh_from_db()
    assert appointment.status == Appointment.Status.BOOKED
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        done = client.post(url, {"action": "cancel", "confirm": "yes"}, follow=True)
    assert "Запись отменена" in done.content.decode()
    appointment.refresh_from_db()
    consultation = appointment.request
    assert appointment.status == Appointment.Status.CANCELLED
    assert consultation.status == ConsultationRequest.Status.IN_PROGRESS
    assert consultation.events.filter(
        kind=RequestEvent.Kind.APPOINTMENT, text__contains="пациентом по ссылке"
    ).exists()


def test_a_cancelled_appointments_link_says_so_and_offers_no_buttons(
    client: Client, appointment: Appointment
) -> None:
    url = page_url(appointment)
    client.post(url, {"action": "cancel", "confirm": "yes"})
    page = client.get(url).content.decode()
    assert "Консультация отменена" in page and "Попросить перенести" not in page
    assert client.post(url, {"action": "move"}).status_code == 400


def test_asking_to_move_returns_the_request_to_the_managers(client: Client, appointment: Appointment) -> None:
    response = client.post(page_url(appointment), {"action": "move"}, follow=True)
    assert "передали вашу просьбу менеджеру" in response.content.decode()
    consultation = ConsultationRequest.objects.get()
    assert consultation.status == ConsultationRequest.Status.IN_PROGRESS
    assert consultation.events.filter(text__contains="просит перенести").exists()
    appointment.refresh_from_db()
    assert appointment.status == Appointment.Status.BOOKED


def test_the_first_link_follows_a_move(client: Client, appointment: Appointment) -> None:
    url = page_url(appointment)
    move_appointment(appointment, start=datetime(2026, 12, 8, 12, tzinfo=MOSCOW), actor=None)
    assert "12:00" in client.get(url).content.decode()


def test_the_link_stops_working_after_the_appointment(
    client: Client, appointment: Appointment, clock: time_machine.Traveller
) -> None:
    url = page_url(appointment)
    clock.move_to(TUESDAY_TEN + timedelta(hours=1))
    response = client.get(url)
    assert response.status_code == 410
    assert "Срок ссылки истёк" in response.content.decode()


def test_the_confirmation_email_carries_the_link(appointment: Appointment) -> None:
    from appointments import messages
    from appointments.models import PatientMessage

    confirmation = messages.email(PatientMessage.objects.get(purpose="booked"))
    assert page_url(appointment) in confirmation.body


def test_the_short_link_fits_an_sms_and_the_first_e_mails_links_still_open(
    client: Client, appointment: Appointment
) -> None:
    from django.core import signing

    short = page_url(appointment)
    assert len(short) <= len("/ru/a/") + 38 + 1
    first_style = signing.dumps({"uid": appointment.uid}, salt=links.SALT, compress=True)
    response = client.get(f"/ru/appointment/{first_style}/")
    assert response.status_code == 200 and "Ваша консультация" in response.content.decode()
    assert client.get(f"/ru/a/{first_style[:-2]}xx/").status_code == 404


def test_after_asking_to_move_the_page_says_so_and_offers_only_cancelling(
    client: Client, appointment: Appointment
) -> None:
    url = page_url(appointment)
    client.post(url, {"action": "move"})
    page = client.get(url).content.decode()
    assert "Вы попросили перенести эту запись" in page
    assert "Попросить перенести" not in page and "Отменить запись" in page
    assert 'class="action-book"' not in page  # the phone bar only calls: this patient is booked
