"""The slot picker in the admin: a manager books, moves and cancels during the call."""

from collections.abc import Callable
from datetime import time, timedelta

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from appointments.models import Appointment, Kind, Schedule
from appointments.slots import slots_for
from booking.models import ConsultationRequest, RequestEvent
from tests.appointments.builders import (
    ensure_appointment_roles,
    make_appointment,
    make_request,
    make_schedule,
)
from tests.builders import make_doctor, make_treatment

Login = Callable[[User], Client]
ALL_DAY = [(weekday, time(0), time(0), Kind.IN_PERSON) for weekday in range(1, 8)]


@pytest.fixture(autouse=True)
def _roles(db: None, settings: object) -> None:
    ensure_appointment_roles()
    settings.APPOINTMENT_LEAD_MINUTES = 60  # type: ignore[attr-defined]


@pytest.fixture
def schedule() -> Schedule:
    return make_schedule(weekly=ALL_DAY, slot_minutes=60)


@pytest.fixture
def consultation(schedule: Schedule) -> ConsultationRequest:
    return make_request(doctor=schedule.doctor)


def book_url(consultation: ConsultationRequest) -> str:
    return reverse("admin:appointments_appointment_book", args=[consultation.pk])


def slots_for_key(key: str) -> object:
    from appointments.picker import parse_slot_key

    parsed = parse_slot_key(key)
    assert parsed is not None
    return parsed[2]


def first_slot(schedule: Schedule) -> str:
    return slots_for([schedule])[0].key


def test_the_manager_sees_the_patient_and_free_times_by_day(
    login: Login, manager: User, consultation: ConsultationRequest
) -> None:
    response = login(manager).get(book_url(consultation))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Иван Петров" in page and consultation.reference in page
    assert page.count('name="slot"') > 24 * 12  # hourly slots for 14 days from today, less the lead time
    assert "Время московское" in page


def test_picking_a_time_books_it_and_returns_to_the_request(
    login: Login, manager: User, schedule: Schedule, consultation: ConsultationRequest
) -> None:
    key = first_slot(schedule)
    response = login(manager).post(book_url(consultation), {"slot": key})
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:booking_consultationrequest_change", args=[consultation.pk])
    consultation.refresh_from_db()
    assert consultation.status == ConsultationRequest.Status.BOOKED
    appointment = Appointment.objects.get()
    assert appointment.booked_by == manager
    assert appointment.start == slots_for_key(key)
    note = consultation.events.filter(kind=RequestEvent.Kind.APPOINTMENT).get()
    assert note.actor == manager and "Записан на приём" in note.text


def test_a_time_taken_meanwhile_gets_a_clear_message_and_fresh_slots(
    login: Login, manager: User, schedule: Schedule, consultation: ConsultationRequest
) -> None:
    key = first_slot(schedule)
    taken = slots_for([schedule])[0]
    make_appointment(schedule.doctor, start=taken.start, minutes=60)
    response = login(manager).post(book_url(consultation), {"slot": key})
    page = response.content.decode()
    assert response.status_code == 409
    assert "только что заняли" in page
    assert f'value="{key}"' not in page
    assert page.count('name="slot"') > 20
    consultation.refresh_from_db()
    assert consultation.status == ConsultationRequest.Status.NEW


def test_a_tampered_or_past_slot_changes_nothing(
    login: Login, manager: User, schedule: Schedule, consultation: ConsultationRequest
) -> None:
    client = login(manager)
    assert client.post(book_url(consultation), {"slot": "nonsense"}).status_code == 400
    past = (timezone.localtime() - timedelta(hours=3)).replace(minute=0, second=0, microsecond=0)
    response = client.post(
        book_url(consultation), {"slot": f"{schedule.doctor_id}|in_person|{past.isoformat()}"}
    )
    assert response.status_code == 409
    assert "уже прошло" in response.content.decode()
    assert not Appointment.objects.exists()


def test_any_doctor_of_the_treatment_can_be_shown(login: Login, manager: User, schedule: Schedule) -> None:
    other = make_schedule(make_doctor("second", name_ru="Доктор Второй"), weekly=ALL_DAY)
    treatment = make_treatment(doctors=[schedule.doctor, other.doctor])
    consultation = make_request(treatment=treatment)
    page = login(manager).get(book_url(consultation), {"doctor": "all"}).content.decode()
    assert f'value="{other.doctor_id}|' in page and f'value="{schedule.doctor_id}|' in page
    only = login(manager).get(book_url(consultation), {"doctor": other.doctor_id}).content.decode()
    assert f'value="{schedule.doctor_id}|' not in only and f'value="{other.doctor_id}|' in only


def test_staff_without_the_booking_right_cannot_open_the_picker(
    login: Login, outsider: User, content_editor: User, consultation: ConsultationRequest
) -> None:
    assert login(outsider).get(book_url(consultation)).status_code == 403
    assert login(content_editor).get(book_url(consultation)).status_code == 403


def test_moving_from_the_admin_books_the_new_time_and_frees_the_old(
    login: Login, manager: User, schedule: Schedule, consultation: ConsultationRequest
) -> None:
    client = login(manager)
    slots = slots_for([schedule])
    client.post(book_url(consultation), {"slot": slots[0].key})
    old = Appointment.objects.get()
    move_url = reverse("admin:appointments_appointment_move", args=[old.pk])
    assert "Переносим приём" in client.get(move_url).content.decode()
    response = client.post(move_url, {"slot": slots[3].key})
    assert response.status_code == 302
    old.refresh_from_db()
    new = Appointment.objects.get(status=Appointment.Status.BOOKED)
    assert old.status == Appointment.Status.MOVED
    assert new.start == slots[3].start and new.uid == old.uid and new.sequence == 1


def test_cancelling_from_the_admin_asks_first_then_cancels(
    login: Login, manager: User, schedule: Schedule, consultation: ConsultationRequest
) -> None:
    client = login(manager)
    client.post(book_url(consultation), {"slot": first_slot(schedule)})
    appointment = Appointment.objects.get()
    cancel_url = reverse("admin:appointments_appointment_cancel", args=[appointment.pk])
    assert "Отменить приём" in client.get(cancel_url).content.decode()
    appointment.refresh_from_db()
    assert appointment.status == Appointment.Status.BOOKED
    client.post(cancel_url)
    appointment.refresh_from_db()
    assert appointment.status == Appointment.Status.CANCELLED
    timeline = list(consultation.events.values_list("text", flat=True))
    assert any("Приём отменён" in text for text in timeline)


def test_schedules_are_edited_by_content_editors_not_by_managers(
    login: Login, manager: User, content_editor: User
) -> None:
    url = reverse("admin:appointments_schedule_add")
    assert login(content_editor).get(url).status_code == 200
    assert login(manager).get(url).status_code == 403


def test_the_appointment_page_offers_move_cancel_and_outcome(
    login: Login, manager: User, schedule: Schedule, consultation: ConsultationRequest
) -> None:
    client = login(manager)
    client.post(book_url(consultation), {"slot": first_slot(schedule)})
    appointment = Appointment.objects.get()
    page = client.get(
        reverse("admin:appointments_appointment_change", args=[appointment.pk])
    ).content.decode()
    assert reverse("admin:appointments_appointment_move", args=[appointment.pk]) in page
    assert reverse("admin:appointments_appointment_cancel", args=[appointment.pk]) in page
    assert "Пациент не пришёл" not in page  # not before the start
    # Posted anyway before the start, the outcome is refused with the reason, and nothing changes.
    outcome_url = reverse("admin:appointments_appointment_outcome", args=[appointment.pk])
    answer = client.post(outcome_url, {"outcome": "no_show"}, follow=True).content.decode()
    assert "ещё не начался" in answer
    appointment.refresh_from_db()
    assert appointment.status == Appointment.Status.BOOKED


def test_appointments_are_not_added_or_deleted_by_hand(
    login: Login, superuser: User, schedule: Schedule, consultation: ConsultationRequest
) -> None:
    client = login(superuser)
    client.post(book_url(consultation), {"slot": first_slot(schedule)})
    appointment = Appointment.objects.get()
    assert client.get(reverse("admin:appointments_appointment_add")).status_code == 403
    assert (
        client.get(reverse("admin:appointments_appointment_delete", args=[appointment.pk])).status_code == 403
    )


def test_the_request_page_shows_the_appointment_and_what_the_patient_asked(
    login: Login, manager: User, schedule: Schedule, consultation: ConsultationRequest
) -> None:
    from appointments.reservations import ask_to_move, book_appointment

    slot = slots_for([schedule])[0]
    appointment = book_appointment(
        consultation=consultation, doctor=schedule.doctor, kind=slot.kind, start=slot.start, actor=manager
    )
    ask_to_move(appointment)
    url = reverse("admin:booking_consultationrequest_change", args=[consultation.pk])
    page = login(manager).get(url).content.decode()
    assert 'id="appointments-title">Приём<' in page
    assert timezone.localtime(slot.start).strftime("%H:%M") in page
    assert "Пациент просит перенести приём" in page
    assert reverse("admin:appointments_appointment_move", args=[appointment.pk]) in page
