from datetime import timedelta
from unittest import mock

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from booking.forms import ConsultationForm
from booking.models import ConsultationRequest
from tests.booking.submitting import form_data, moscow_in, request_url, stamp_in, submit
from tests.builders import make_clinic, make_doctor, make_treatment

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("8 (499) 460-15-61", "+74994601561"),
        ("+7 499 460 15 61", "+74994601561"),
        ("84994601561", "+74994601561"),
        ("+7 (916) 123-45-67", "+79161234567"),
        ("8-916-123-45-67", "+79161234567"),
        ("+44 20 7946 0958", "+442079460958"),
        ("+49 30 901820", "+4930901820"),
    ],
)
def test_the_ways_people_write_numbers_are_stored_as_e164(typed, stored):
    form = ConsultationForm(form_data(phone=typed))

    assert form.is_valid(), form.errors
    assert str(form.cleaned_data["phone"]) == stored


@pytest.mark.parametrize("typed", ["12345", "8 (499) 460", "телефон", "+7 000 000 00 00"])
def test_it_rejects_unparseable_phone(typed):
    form = ConsultationForm(form_data(phone=typed))

    assert not form.is_valid()
    assert "phone" in form.errors


def test_the_stored_phone_is_shown_nationally_formatted(client):
    submit(client, phone="+7 499 460 15 61")

    assert ConsultationRequest.objects.get().phone_display == "8 (499) 460-15-61"


def test_errors_are_polite_in_russian_next_to_the_field_and_in_the_summary(client):
    response = submit(client, name="", phone="123", consent="")

    page = response.content.decode()
    assert response.status_code == 200
    assert "Пожалуйста, проверьте форму" in page
    assert "Напишите, пожалуйста, как к вам обращаться." in page
    assert "Похоже, в номере ошибка." in page
    assert "Без согласия на обработку персональных данных мы не можем принять заявку." in page
    assert 'href="#id_phone"' in page
    assert 'id="id_phone_error"' in page
    assert 'aria-describedby="id_phone_error id_phone_helptext"' in page
    assert ConsultationRequest.objects.count() == 0


def test_errors_are_in_english_on_the_english_page(client):
    response = submit(client, language="en", name="", phone="123")

    page = response.content.decode()
    assert "Please check the form" in page
    assert "Please tell us your name." in page
    assert "This number does not look right." in page


def test_what_was_typed_is_kept_after_an_error(client):
    response = submit(client, name="Мария", phone="123", message="Метастазы в печени", consent="")

    page = response.content.decode()
    assert 'value="Мария"' in page
    assert 'value="123"' in page
    assert "Метастазы в печени</textarea>" in page


def test_the_form_page_is_prefilled_from_a_treatment_and_a_doctor(client):
    treatment, doctor = make_treatment(), make_doctor()

    page = client.get(f"{request_url()}?treatment={treatment.slug}&doctor={doctor.slug}").content.decode()

    assert f'name="treatment" value="{treatment.slug}"  id="id_treatment_1" checked>' in page
    assert f'<option value="{doctor.slug}" selected>' in page


def test_the_form_page_shows_an_edit_at_once_and_gives_each_visitor_a_fresh_stamp():
    treatment = make_treatment()
    url = f"{request_url()}?treatment={treatment.slug}"
    first = Client().get(url).content.decode()
    treatment.title_ru = "Радиоэмболизация микросферами"
    treatment.save()
    with mock.patch("django.utils.timezone.now", return_value=timezone.now() + timedelta(seconds=1)):
        second = Client().get(url).content.decode()

    assert f'value="{treatment.slug}"  id="id_treatment_1" checked>' in second
    assert "Радиоэмболизация микросферами" in second
    assert stamp_in(first) != stamp_in(second)


def test_unpublished_treatments_are_neither_offered_nor_accepted(client):
    hidden = make_treatment(slug="hidden", published=False)

    page = client.get(f"{request_url()}?treatment=hidden").content.decode()
    form = ConsultationForm(form_data(treatment=hidden.slug))

    assert 'value="hidden"' not in page
    assert not form.is_valid()
    assert "treatment" in form.errors


def test_a_treatment_published_after_a_form_was_shown_is_offered_and_accepted_at_once():
    make_treatment(slug="first")
    shown = ConsultationForm()
    assert 'value="first"' in str(shown["treatment"])

    make_treatment(slug="second")
    # Forms share their fields' declared queryset: nothing the first form read may be reused.
    assert 'value="second"' in str(ConsultationForm()["treatment"])
    assert 'value="second"' in str(shown["treatment"])
    assert ConsultationForm(form_data(treatment="second")).is_valid()


def test_the_form_has_labels_autocomplete_and_a_consent_link(client):
    page = client.get(request_url()).content.decode()

    assert 'autocomplete="name"' in page
    assert 'autocomplete="tel"' in page and 'inputmode="tel"' in page
    assert 'autocomplete="email"' in page
    assert f'href="{reverse("booking:consent")}"' in page
    assert 'for="id_name"' in page and 'for="id_phone"' in page


def test_the_consent_link_is_in_the_language_of_the_page(client):
    # The label is built when the form is shown: the English page links the English document.
    english = client.get(request_url("en")).content.decode()
    russian = client.get(request_url("ru")).content.decode()

    assert '<a href="/en/consent/" target="_blank"' in english and "/ru/consent/" not in english
    assert '<a href="/ru/consent/" target="_blank"' in russian and "/en/consent/" not in russian


def test_the_consent_link_opens_in_a_new_tab_and_says_so(client):
    # What the patient has typed stays in the form's own tab.
    english = client.get(request_url("en")).content.decode()
    russian = client.get(request_url("ru")).content.decode()

    assert 'target="_blank" rel="noopener"' in russian
    assert "(текст согласия откроется в новой вкладке)" in russian
    assert "(the consent text opens in a new tab)" in english


def test_the_embedded_form_carries_no_csrf_token(client):
    page = client.get(request_url()).content.decode()

    assert "csrfmiddlewaretoken" not in page


def test_the_message_hint_asks_for_no_detailed_medical_history(client):
    page = client.get(request_url()).content.decode()

    assert "Подробную историю болезни" in page


def test_a_message_over_1000_characters_is_refused():
    form = ConsultationForm(form_data(message="а" * 1001))

    assert not form.is_valid()
    assert "message" in form.errors


def test_a_time_in_the_past_is_refused():
    past = moscow_in(timedelta(days=-1))

    form = ConsultationForm(
        form_data(when="later", preferred_date=past.date().isoformat(), preferred_time="10:00")
    )

    assert not form.is_valid()
    assert "Этот день уже прошёл." in str(form.errors["preferred_date"])


def test_a_time_more_than_14_days_ahead_is_refused():
    far = moscow_in(timedelta(days=15))

    form = ConsultationForm(
        form_data(when="later", preferred_date=far.date().isoformat(), preferred_time="10:00")
    )

    assert not form.is_valid()
    assert "preferred_date" in form.errors


def test_a_later_call_needs_a_day_and_a_time():
    form = ConsultationForm(form_data(when="later"))

    assert not form.is_valid()
    assert {"preferred_date", "preferred_time"} <= set(form.errors)


def test_a_date_typed_the_russian_way_is_understood():
    tomorrow = moscow_in(timedelta(days=1))

    form = ConsultationForm(
        form_data(when="later", preferred_date=tomorrow.strftime("%d.%m.%Y"), preferred_time="09.30")
    )

    assert form.is_valid(), form.errors
    assert form.cleaned_data["preferred_at"].strftime("%H:%M") == "09:30"


def test_the_consent_page_exists_in_both_languages_with_its_version(client, settings):
    settings.CONSENT_POLICY_VERSION = "2026-12-01"
    ru = client.get("/ru/consent/").content.decode()
    en = client.get("/en/consent/").content.decode()

    assert "152-ФЗ" in ru and "2026-12-01" in ru
    assert "152-FZ" in en and "2026-12-01" in en


def test_the_form_is_embedded_and_prefilled_on_treatment_and_doctor_pages(client):
    make_clinic()
    treatment, doctor = make_treatment(), make_doctor()

    treatment_page = client.get(treatment.get_absolute_url()).content.decode()
    doctor_page = client.get(doctor.get_absolute_url()).content.decode()

    for page in (treatment_page, doctor_page):
        assert 'name="phone"' in page
        assert 'aria-labelledby="consultation-title"' in page
    assert f'name="treatment" value="{treatment.slug}"  id="id_treatment_1" checked>' in treatment_page
    assert f'<option value="{doctor.slug}" selected>' in doctor_page


def test_the_form_is_on_the_contacts_page(client):
    make_clinic()

    page = client.get(reverse("services:contacts")).content.decode()

    assert 'name="phone"' in page
    assert f'action="{reverse("booking:request")}"' in page


def test_a_missing_consent_is_explained_under_the_checkbox(client):
    page = submit(client, consent="").content.decode()

    assert 'aria-describedby="id_consent_error"' in page
    assert 'id="id_consent_error"' in page
    assert 'class="form-check-input is-invalid"' in page
