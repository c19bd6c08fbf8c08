from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from booking.models import ConsultationRequest, Delivery, RequestEvent
from booking.submission import create_consultation_request
from tests.booking.submitting import moscow_in, run_worker, submit
from tests.builders import make_clinic, make_doctor, make_treatment

pytestmark = pytest.mark.django_db


def test_a_good_request_is_saved_and_redirects_to_the_thanks_page(client):
    response = submit(client, message="Метастазы в печени")

    request = ConsultationRequest.objects.get()
    assert response.status_code == 302
    assert response["Location"].startswith("/ru/consultation/thanks/")
    assert str(request.phone) == "+74994601561"
    assert request.name == "Иван Петров"
    assert request.message == "Метастазы в печени"
    assert request.language == "ru"
    assert request.source_page == "/ru/consultation/"
    assert request.status == ConsultationRequest.Status.NEW
    assert list(request.events.values_list("kind", flat=True)) == [RequestEvent.Kind.CREATED]


def test_the_request_handed_back_is_the_row_stored_field_for_field():
    # Every field, the optional ones filled in, reaches the row as given.
    submission = create_consultation_request(
        name="Анна Смирнова",
        phone="+74994601561",
        channel=ConsultationRequest.Channel.WHATSAPP,
        requester=ConsultationRequest.Requester.RELATIVE,
        call_now=False,
        preferred_time=timezone.now() + timedelta(hours=3),
        treatment=make_treatment(),
        doctor=make_doctor(),
        message="Вопрос о радиоэмболизации",
        email="anna@example.ru",
        language="en",
        source_page="/en/treatments/radioembolization/",
        ip_hash="f00d",
    )

    stored = ConsultationRequest.objects.get()
    assert submission.request.pk == stored.pk
    for field in ConsultationRequest._meta.concrete_fields:
        assert getattr(submission.request, field.attname) == getattr(stored, field.attname), field.name
    assert stored.treatment is not None and stored.doctor is not None and stored.reference
    assert [(event.request_id, event.kind) for event in RequestEvent.objects.all()] == [
        (stored.pk, RequestEvent.Kind.CREATED)
    ]


def test_a_reference_another_request_already_has_is_replaced_and_the_request_still_saved(
    client, make_consultation, monkeypatch
):
    taken = make_consultation(reference="ABC-DEF")
    # The random reference the new request draws first happens to be taken.
    monkeypatch.setattr(ConsultationRequest._meta.get_field("reference"), "default", lambda: "ABC-DEF")

    response = submit(client, phone="+7 916 000-11-22")

    request = ConsultationRequest.objects.exclude(pk=taken.pk).get()
    assert response.status_code == 302
    assert request.reference != "ABC-DEF"
    assert request.reference in client.get(response["Location"]).content.decode()
    assert list(request.events.values_list("kind", flat=True)) == [RequestEvent.Kind.CREATED]


def test_the_thanks_page_shows_the_reference_the_promise_and_the_clinic_phone(client):
    make_clinic()
    response = submit(client)
    page = client.get(response["Location"])
    request = ConsultationRequest.objects.get()

    text = page.content.decode()
    assert page.status_code == 200
    assert request.reference in text
    assert "в течение 15 минут" in text
    assert "+7 (499) 460-15-61" in text
    assert "Иван" not in text and "460-15-61" not in request.reference


def test_the_promise_follows_the_callback_setting(client, settings):
    settings.BOOKING_CALLBACK_MINUTES = 30
    response = submit(client)
    request = ConsultationRequest.objects.get()

    assert "в течение 30 минут" in client.get(response["Location"]).content.decode()
    assert "в течение 30 минут" in client.get(reverse("booking:request")).content.decode()
    assert request.due_at - request.created_at == timedelta(minutes=30)


def test_the_english_thanks_page_is_in_english(client):
    response = submit(client, language="en")
    page = client.get(response["Location"]).content.decode()

    assert "within 15 minutes" in page
    assert ConsultationRequest.objects.get().language == "en"


def test_the_thanks_page_cannot_be_guessed_from_a_reference(client):
    submit(client)
    request = ConsultationRequest.objects.get()

    assert client.get(f"/ru/consultation/thanks/{request.pk}/").status_code == 404
    assert client.get(f"/ru/consultation/thanks/{request.reference}/").status_code == 404


def test_a_chosen_time_becomes_the_deadline_and_shows_on_the_thanks_page(client):
    later = moscow_in(timedelta(days=2)).replace(hour=14, minute=30, second=0, microsecond=0)
    response = submit(client, when="later", preferred_date=later.date().isoformat(), preferred_time="14:30")

    request = ConsultationRequest.objects.get()
    assert request.call_now is False
    assert request.preferred_time == later
    assert request.due_at == later
    assert "14:30" in client.get(response["Location"]).content.decode()


def test_a_chosen_time_sooner_than_the_promise_keeps_the_promise_as_the_deadline(client):
    soon = moscow_in(timedelta(minutes=3))
    submit(
        client, when="later", preferred_date=soon.date().isoformat(), preferred_time=soon.strftime("%H:%M")
    )

    request = ConsultationRequest.objects.get()
    assert request.due_at >= request.created_at + timedelta(minutes=15)


def test_consent_is_recorded_with_its_time_and_policy_version(client, settings):
    settings.CONSENT_POLICY_VERSION = "2026-12-01"
    before = timezone.now()
    submit(client)

    request = ConsultationRequest.objects.get()
    assert request.consent_version == "2026-12-01"
    assert before <= request.consent_at <= timezone.now()


def test_the_ip_address_is_stored_only_as_a_keyed_hash(client):
    submit(client)  # the test client comes from 127.0.0.1

    request = ConsultationRequest.objects.get()
    assert len(request.ip_hash) == 64
    assert "127.0.0.1" not in request.ip_hash


def test_treatment_and_doctor_are_saved_when_chosen(client):
    treatment, doctor = make_treatment(), make_doctor()
    submit(client, treatment=treatment.slug, doctor=doctor.slug)

    request = ConsultationRequest.objects.get()
    assert request.treatment == treatment
    assert request.doctor == doctor


def test_managers_get_a_mail_once_the_worker_runs(
    client, manager, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        submit(client, message="<b>вопрос</b>")
    request = ConsultationRequest.objects.get()
    assert mailoutbox == []

    run_worker()

    assert [m.to for m in mailoutbox] == [[manager.email]]
    mail = mailoutbox[0]
    assert request.reference in mail.subject
    assert "8 (499) 460-15-61" in mail.body
    assert "Иван Петров" in mail.body
    html = mail.alternatives[0][0]
    assert "&lt;b&gt;вопрос&lt;/b&gt;" in html
    delivery = Delivery.objects.get()
    assert delivery.status == Delivery.Status.SENT
    assert delivery.attempts == 1
    assert delivery.sent_at is not None


def test_the_notify_list_gets_the_mail_too(client, settings, mailoutbox, django_capture_on_commit_callbacks):
    settings.BOOKING_NOTIFY_EMAILS = ["callcentre@clinic.test", "head@clinic.test"]
    with django_capture_on_commit_callbacks(execute=True):
        submit(client)
    run_worker()

    assert sorted(m.to[0] for m in mailoutbox) == ["callcentre@clinic.test", "head@clinic.test"]


def test_inactive_managers_get_no_mail(client, manager, mailoutbox, django_capture_on_commit_callbacks):
    manager.is_active = False
    manager.save()
    with django_capture_on_commit_callbacks(execute=True):
        submit(client)
    run_worker()

    assert mailoutbox == []


def test_the_patient_gets_a_confirmation_in_their_language(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    make_clinic()
    with django_capture_on_commit_callbacks(execute=True):
        submit(client, language="en", email="patient@example.com")
    run_worker()

    request = ConsultationRequest.objects.get()
    [mail] = mailoutbox
    assert mail.to == ["patient@example.com"]
    assert request.reference in mail.subject
    assert "within 15 minutes" in mail.body
    assert Delivery.objects.get().purpose == Delivery.Purpose.CONFIRMATION


def test_no_confirmation_without_an_email(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        submit(client)

    assert not Delivery.objects.filter(purpose=Delivery.Purpose.CONFIRMATION).exists()


@pytest.mark.parametrize(
    ("minutes", "russian", "english"),
    [(15, "15 минут", "15 minutes"), (21, "21 минуты", "21 minutes"), (0.5, "0,5 минуты", "0.5 minutes")],
)
def test_the_promise_is_worded_for_any_number_of_minutes(client, settings, minutes, russian, english):
    settings.BOOKING_CALLBACK_MINUTES = minutes

    assert f"в течение {russian}" in client.get("/ru/consultation/").content.decode()
    assert f"within {english}" in client.get("/en/consultation/").content.decode()
