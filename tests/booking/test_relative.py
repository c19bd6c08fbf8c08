"""A relative asks on the patient's behalf: who they are to the patient, the patient's name, whom to call."""

from datetime import timedelta

import pytest
from django.utils import timezone

from booking import channels, notifications
from booking.forms import ConsultationForm
from booking.models import ConsultationRequest, Delivery
from booking.retention import purge_personal_data
from tests.booking.submitting import form_data, plan_notifications, submit

pytestmark = pytest.mark.django_db

RELATIVE = {
    "requester": "relative",
    "relationship": "дочь",
    "patient_name": "Анна Сергеевна",
    "callback_person": "patient",
}


def test_a_relative_request_keeps_the_relationship_the_patient_and_whom_to_call(client):
    submit(client, **RELATIVE)

    stored = ConsultationRequest.objects.get()
    assert stored.requester == ConsultationRequest.Requester.RELATIVE
    assert stored.relationship == "дочь"
    assert stored.patient_name == "Анна Сергеевна"
    assert stored.callback_person == ConsultationRequest.CallbackPerson.PATIENT


def test_the_patient_name_is_optional_but_the_relationship_is_asked_for(client):
    without_name = ConsultationForm(form_data(**(RELATIVE | {"patient_name": ""})))
    without_relationship = submit(client, **(RELATIVE | {"relationship": " "}))

    assert without_name.is_valid(), without_name.errors
    assert "Напишите, кем вы приходитесь пациенту" in without_relationship.content.decode()
    assert ConsultationRequest.objects.count() == 0


def test_a_patient_who_first_chose_relative_leaves_no_relative_details(client):
    submit(client, **(RELATIVE | {"requester": "patient"}))

    stored = ConsultationRequest.objects.get()
    assert (stored.relationship, stored.patient_name) == ("", "")
    assert stored.callback_person == ConsultationRequest.CallbackPerson.REQUESTER


def test_the_relative_fields_are_on_the_form_under_a_note_for_browsers_without_has(client):
    page = client.get("/ru/consultation/").content.decode()

    assert 'name="relationship"' in page and 'name="patient_name"' in page
    assert 'name="callback_person"' in page
    assert "Если вы родственник или близкий пациента:" in page


def test_the_managers_mail_says_who_asks_for_whom_and_whom_to_call(client, manager, mailoutbox):
    submit(client, **RELATIVE)
    plan_notifications()
    notifications.attempt_delivery(Delivery.objects.get().pk)

    [mail] = mailoutbox
    html = mail.alternatives[0][0]
    for body in (mail.body, html):
        assert "родственник или близкий пациента" in body
        assert "дочь" in body and "Анна Сергеевна" in body
        assert "самому пациенту" in body


def test_the_managers_mail_of_a_patient_has_no_relative_lines(client, manager, mailoutbox):
    submit(client)
    plan_notifications()
    notifications.attempt_delivery(Delivery.objects.get().pk)

    assert "Кем приходится пациенту" not in mailoutbox[0].body


def test_the_relative_details_are_erased_with_the_rest_of_the_personal_data(client):
    submit(client, **RELATIVE)
    ConsultationRequest.objects.update(
        status=ConsultationRequest.Status.CLOSED, closed_at=timezone.now() - timedelta(days=3650)
    )

    assert purge_personal_data() == 1

    erased = ConsultationRequest.objects.get()
    assert (erased.patient_name, erased.relationship) == ("", "")


def test_the_crm_webhook_says_who_is_asking_for_whom(client):
    submit(client, **RELATIVE)
    delivery = Delivery(
        request=ConsultationRequest.objects.get(), channel=Delivery.Channel.WEBHOOK, recipient="http://crm"
    )

    payload = channels.webhook_payload(delivery, "0")["request"]

    assert payload["requester"] == "relative"
    assert payload["relationship"] == "дочь"
    assert payload["patient_name"] == "Анна Сергеевна"
    assert payload["callback_person"] == "patient"
