"""A patient calls and withdraws consent: the manager records it on the request page, and the
request's personal data and documents are gone at once, its appointments and messages stopped."""

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from appointments.models import Appointment, PatientMessage
from booking.models import ERASED, ConsultationRequest, Delivery, RequestEvent
from services.models import Doctor
from tests.appointments.builders import make_appointment
from tests.booking.submitting import run_worker
from tests.documents.conftest import clean_document, stored_files

Login = Callable[[User], Client]


@pytest.fixture
def patient(make_consultation: Callable[..., ConsultationRequest]) -> ConsultationRequest:
    return make_consultation(email="ivan@example.org", message="Метастазы в печени, нужна консультация")


def withdraw_url(consultation: ConsultationRequest) -> str:
    return reverse("admin:booking_consultationrequest_withdraw_consent", args=[consultation.pk])


def change_url(consultation: ConsultationRequest) -> str:
    return reverse("admin:booking_consultationrequest_change", args=[consultation.pk])


def test_the_request_page_offers_the_step_and_asks_to_confirm(
    patient: ConsultationRequest, manager: User, login: Login
) -> None:
    clean_document(patient)
    client = login(manager)

    assert withdraw_url(patient) in client.get(change_url(patient)).content.decode()
    confirmation = client.get(withdraw_url(patient)).content.decode()

    assert "Пациент отозвал согласие на обработку данных?" in confirmation
    assert "будут удалены присланные пациентом документы: 1" in confirmation
    assert "Да, удалить данные пациента" in confirmation
    patient.refresh_from_db()
    assert patient.personal_data_erased_at is None and patient.name == "Иван Петров"


def test_confirming_erases_the_data_and_the_files_at_once(
    patient: ConsultationRequest,
    manager: User,
    doctor: Doctor,
    login: Login,
    documents_root: Path,
    django_capture_on_commit_callbacks: object,
) -> None:
    clean_document(patient)
    clean_document(patient)
    assert len(stored_files(documents_root)) == 2
    now = timezone.now()
    upcoming = make_appointment(doctor, now + timedelta(days=2), request=patient)
    reminder = PatientMessage.objects.create(
        appointment=upcoming,
        purpose=PatientMessage.Purpose.REMINDER_DAY,
        channel=PatientMessage.Channel.EMAIL,
        recipient=patient.email,
    )
    client = login(manager)

    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        response = client.post(withdraw_url(patient), follow=True)
    run_worker()

    assert "Отзыв согласия записан" in response.content.decode()
    assert stored_files(documents_root) == []
    assert not patient.documents.exists()  # type: ignore[attr-defined]
    patient.refresh_from_db()
    assert patient.personal_data_erased_at is not None
    assert (patient.name, patient.email, str(patient.phone), patient.message) == (ERASED, "", "", "")
    assert patient.status == ConsultationRequest.Status.CLOSED
    upcoming.refresh_from_db()
    reminder.refresh_from_db()
    assert upcoming.status == Appointment.Status.CANCELLED
    assert reminder.status == PatientMessage.Status.SKIPPED and reminder.recipient == ERASED
    assert not PatientMessage.objects.filter(purpose=PatientMessage.Purpose.CANCELLED).exists()
    assert not mail.outbox
    erased = RequestEvent.objects.get(request=patient, kind=RequestEvent.Kind.ERASED)
    assert erased.actor == manager
    assert erased.text.startswith("Пациент отозвал согласие на обработку персональных данных")
    assert "отменено приёмов: 1" in erased.text
    for event in RequestEvent.objects.filter(request=patient):
        assert "Петров" not in event.text and "ivan@" not in event.text and "Метастазы" not in event.text
    page = client.get(change_url(patient)).content.decode()
    assert "Пациент отозвал согласие на обработку персональных данных" in page
    assert withdraw_url(patient) not in page


def test_an_upload_link_not_yet_sent_is_never_sent(
    patient: ConsultationRequest, manager: User, login: Login, django_capture_on_commit_callbacks: object
) -> None:
    client = login(manager)
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        client.post(reverse("admin:documents_document_send_link", args=[patient.pk]), {"channel": "email"})
        client.post(withdraw_url(patient))
    run_worker()

    assert not mail.outbox
    delivery = Delivery.objects.get(purpose=Delivery.Purpose.UPLOAD_LINK)
    assert delivery.status == Delivery.Status.FAILED and delivery.recipient == ERASED


def test_an_erased_request_cannot_be_erased_again(
    patient: ConsultationRequest, supervisor: User, login: Login
) -> None:
    client = login(supervisor)
    client.post(withdraw_url(patient))

    again = client.post(withdraw_url(patient), follow=True).content.decode()

    assert "уже удалены" in again
    assert RequestEvent.objects.filter(request=patient, kind=RequestEvent.Kind.ERASED).count() == 1


def test_only_staff_handling_requests_may_record_it(
    patient: ConsultationRequest,
    content_editor: User,
    outsider: User,
    doctor_user: User,
    login: Login,
    documents_root: Path,
) -> None:
    clean_document(patient)
    for user in (content_editor, outsider, doctor_user):
        assert login(user).post(withdraw_url(patient)).status_code == 403

    patient.refresh_from_db()
    assert patient.personal_data_erased_at is None
    assert len(stored_files(documents_root)) == 1


def test_the_consent_text_says_how_to_withdraw_and_that_documents_go_too(
    client: Client, clinic: object
) -> None:
    with translation.override("ru"):
        russian = client.get(reverse("booking:consent")).content.decode()
    with translation.override("ru"):
        privacy = client.get(reverse("services:privacy")).content.decode()
    with translation.override("en"):
        english = client.get(reverse("booking:consent")).content.decode()
    with translation.override("en"):
        english_privacy = client.get(reverse("services:privacy")).content.decode()

    assert "Как отозвать согласие" in russian and "вместе с присланными медицинскими документами" in russian
    assert "How to withdraw consent" in english and "together with any medical documents" in english
    assert "удалим ваши данные и присланные медицинские документы" in privacy
    assert "we delete your data and the medical documents you sent" in english_privacy
