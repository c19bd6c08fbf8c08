"""The manager sends the patient's upload link from the request page, by e-mail or SMS; the
worker sends it after the commit, the timeline and the page show it."""

from collections.abc import Callable
from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from booking.models import ConsultationRequest, Delivery, RequestEvent
from documents import links
from tests.booking.fake_servers import FakeSmsRu
from tests.booking.submitting import run_worker
from tests.builders import make_treatment

Login = Callable[[User], Client]


@pytest.fixture
def no_sms_gateway(settings: object) -> None:
    settings.SMS_GATEWAY_URL = ""  # type: ignore[attr-defined]
    settings.SMS_GATEWAY_TOKEN = ""  # type: ignore[attr-defined]


@pytest.fixture
def patient(make_consultation: Callable[..., ConsultationRequest]) -> ConsultationRequest:
    return make_consultation(
        email="ivan@example.org", treatment=make_treatment(slug="tace"), message="Метастазы в печени"
    )


def send_url(consultation: ConsultationRequest) -> str:
    return reverse("admin:documents_document_send_link", args=[consultation.pk])


def page(client: Client, consultation: ConsultationRequest) -> str:
    url = reverse("admin:booking_consultationrequest_change", args=[consultation.pk])
    return client.get(url).content.decode()


def send(client: Client, consultation: ConsultationRequest, channel: str, capture: object) -> str:
    with capture(execute=True):  # type: ignore[operator]
        response = client.post(send_url(consultation), {"channel": channel}, follow=True)
    return response.content.decode()


def test_the_manager_sends_the_link_by_e_mail_and_the_worker_delivers_it(
    patient: ConsultationRequest,
    manager: User,
    login: Login,
    no_sms_gateway: None,
    django_capture_on_commit_callbacks: object,
) -> None:
    client = login(manager)
    assert "Отправить на e-mail" in page(client, patient)

    answer = send(client, patient, "email", django_capture_on_commit_callbacks)
    assert "Ссылка отправляется пациенту" in answer
    assert not mail.outbox  # nothing is sent on the manager's request, only by the worker
    run_worker()

    (message,) = mail.outbox
    assert message.to == ["ivan@example.org"]
    assert message.subject == f"Клиника Лядова: документы к заявке {patient.reference}"
    body = message.body
    assert "/ru/documents/" in body and patient.reference in body
    for private in ("Иван", "Петров", "Метастазы", "tace", "Радиоэмболизация"):
        assert private not in body and private not in message.subject
    token = body.split("/ru/documents/", 1)[1].split("/", 1)[0]
    assert links.open_link(token).consultation == patient
    delivery = Delivery.objects.get(purpose=Delivery.Purpose.UPLOAD_LINK)
    assert (delivery.channel, delivery.status) == (Delivery.Channel.EMAIL, Delivery.Status.SENT)
    event = RequestEvent.objects.get(request=patient, kind=RequestEvent.Kind.DOCUMENTS)
    assert event.actor == manager and event.text == "Ссылка для документов отправлена пациенту: e-mail"
    shown = page(client, patient)
    assert "Ссылку отправляли" in shown and "отправлено" in shown
    assert "Ссылка для документов отправлена пациенту: e-mail" in shown


def test_the_e_mail_is_in_the_patients_language(
    make_consultation: Callable[..., ConsultationRequest],
    manager: User,
    login: Login,
    django_capture_on_commit_callbacks: object,
) -> None:
    patient = make_consultation(email="john@example.org", language="en")

    send(login(manager), patient, "email", django_capture_on_commit_callbacks)
    run_worker()

    (message,) = mail.outbox
    assert message.subject == f"Lyadov Clinic: documents for request {patient.reference}"
    assert "/en/documents/" in message.body and "Please do not forward it" in message.body
    assert "/en/documents/" in message.alternatives[0][0]  # type: ignore[index]


def test_the_link_goes_by_sms_through_the_gateway(
    patient: ConsultationRequest,
    manager: User,
    login: Login,
    sms_gateway: FakeSmsRu,
    django_capture_on_commit_callbacks: object,
) -> None:
    client = login(manager)
    assert "Отправить по SMS" in page(client, patient)

    send(client, patient, "sms", django_capture_on_commit_callbacks)
    run_worker()

    (sent,) = sms_gateway.received
    assert sent["to"] == "74994601561"
    assert sent["msg"].startswith(f"Клиника Лядова: документы к заявке {patient.reference} можно отправить")
    assert "/ru/documents/" in sent["msg"] and "Петров" not in sent["msg"] and "tace" not in sent["msg"]
    delivery = Delivery.objects.get(purpose=Delivery.Purpose.UPLOAD_LINK)
    assert (delivery.channel, delivery.status) == (Delivery.Channel.SMS, Delivery.Status.SENT)
    assert not mail.outbox
    assert RequestEvent.objects.get(kind=RequestEvent.Kind.DOCUMENTS).text.endswith(": SMS")


def test_a_refused_sms_shows_on_the_page_and_is_retried(
    patient: ConsultationRequest,
    manager: User,
    login: Login,
    sms_gateway: FakeSmsRu,
    django_capture_on_commit_callbacks: object,
) -> None:
    sms_gateway.refusals = [220]
    client = login(manager)

    send(client, patient, "sms", django_capture_on_commit_callbacks)
    run_worker()

    delivery = Delivery.objects.get(purpose=Delivery.Purpose.UPLOAD_LINK)
    assert delivery.status == Delivery.Status.PENDING and delivery.attempts == 1
    assert delivery.last_error == "SMS gateway refused: 220"
    shown = page(client, patient)
    assert "ждёт отправки" in shown and "SMS gateway refused: 220" in shown


def test_channels_the_clinic_or_the_patient_lack_are_not_offered(
    make_consultation: Callable[..., ConsultationRequest],
    manager: User,
    login: Login,
    no_sms_gateway: None,
) -> None:
    patient = make_consultation(email="")
    client = login(manager)

    shown = page(client, patient)

    assert "Отправить на e-mail" not in shown and "Отправить по SMS" not in shown
    assert "скопируйте ссылку" in shown
    answer = client.post(send_url(patient), {"channel": "sms"}, follow=True).content.decode()
    assert "пациент не оставил такого контакта" in answer
    assert not Delivery.objects.filter(purpose=Delivery.Purpose.UPLOAD_LINK).exists()


def test_a_second_click_within_a_minute_sends_nothing_more(
    patient: ConsultationRequest,
    manager: User,
    login: Login,
    no_sms_gateway: None,
    django_capture_on_commit_callbacks: object,
) -> None:
    client = login(manager)

    send(client, patient, "email", django_capture_on_commit_callbacks)
    again = send(client, patient, "email", django_capture_on_commit_callbacks)
    run_worker()

    assert "меньше минуты назад" in again
    assert len(mail.outbox) == 1
    assert Delivery.objects.filter(purpose=Delivery.Purpose.UPLOAD_LINK).count() == 1
    # Later on, the manager may send it again: a new row each time.
    Delivery.objects.update(created_at=timezone.now() - timedelta(minutes=2))
    send(client, patient, "email", django_capture_on_commit_callbacks)
    run_worker()
    assert len(mail.outbox) == 2


def test_an_erased_request_gets_no_link(
    patient: ConsultationRequest, manager: User, login: Login, django_capture_on_commit_callbacks: object
) -> None:
    ConsultationRequest.objects.filter(pk=patient.pk).erase_personal_data(timezone.now())
    client = login(manager)

    assert "Отправить на e-mail" not in page(client, patient)
    answer = send(client, patient, "email", django_capture_on_commit_callbacks)
    run_worker()

    assert "данные пациента удалены" in answer
    assert not mail.outbox
    assert not Delivery.objects.filter(purpose=Delivery.Purpose.UPLOAD_LINK).exists()


def test_only_staff_handling_requests_may_send_it(
    patient: ConsultationRequest, content_editor: User, outsider: User, doctor_user: User, login: Login
) -> None:
    for user in (content_editor, outsider, doctor_user):
        assert login(user).post(send_url(patient), {"channel": "email"}).status_code == 403

    assert not Delivery.objects.filter(purpose=Delivery.Purpose.UPLOAD_LINK).exists()
