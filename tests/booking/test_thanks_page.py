"""The thank-you page shows the number we will call, so a patient can catch a typo and put it right."""

import re

import pytest

from booking.models import ConsultationRequest
from tests.booking.submitting import form_data, request_url, submit
from tests.builders import make_clinic, make_treatment

pytestmark = pytest.mark.django_db


def thanks_page(client, language: str = "ru", **overrides: object) -> str:
    response = submit(client, language=language, **overrides)
    assert response.status_code == 302, response.content.decode()[:300]
    return client.get(response.url).content.decode()


def test_the_thank_you_page_shows_the_number_as_russians_write_it(client):
    make_clinic()

    page = thanks_page(client, phone="+7 916 123 45 67")

    assert "Мы позвоним на номер <strong" in page
    assert "8 (916) 123-45-67" in page
    assert "Номер с ошибкой?" in page and "Отправьте заявку ещё раз" in page
    assert 'или позвоните нам: <a href="tel:+74994601561">' in page


def test_a_message_channel_is_named_with_the_number(client):
    page = thanks_page(client, channel="telegram", phone="8 916 123-45-67")

    assert "Мы напишем в Telegram на номер" in page


def test_the_english_page_says_it_in_english(client):
    make_clinic()

    page = thanks_page(client, language="en", phone="+44 20 7946 0958")

    assert "We will call" in page and "+44 20 7946 0958" in page
    assert "Wrong number?" in page and "or call us" in page


def test_sending_again_with_the_corrected_number_makes_a_new_request(client):
    thanks_page(client, phone="8 (916) 123-45-76")

    corrected = thanks_page(client, phone="8 (916) 123-45-67")

    assert "Спасибо, заявка принята" in corrected
    assert "8 (916) 123-45-67" in corrected
    assert ConsultationRequest.objects.filter(phone="+79161234567").count() == 1
    assert ConsultationRequest.objects.count() == 2


def test_the_link_to_send_again_keeps_the_treatment(client):
    treatment = make_treatment()

    page = thanks_page(client, treatment=treatment.slug)

    assert f'href="{request_url()}?treatment={treatment.slug}"' in page


def test_the_same_number_again_is_still_recognised_as_sent(client):
    client.post(request_url(), form_data())

    page = thanks_page(client)

    assert "Ваша заявка уже у менеджера" in page
    assert "8 (499) 460-15-61" in page


@pytest.mark.parametrize(
    ("language", "offer"), [("ru", "отправить врачу заранее"), ("en", "send your documents to the doctor")]
)
def test_the_thank_you_page_offers_sending_documents_to_the_doctor_ahead(client, language, offer):
    page = thanks_page(client, language)

    link = re.search(r'<p class="upload-offer">.*?href="([^"]+)"', page, re.S)
    assert offer in page and link
    upload_page = client.get(link.group(1))
    assert upload_page.status_code == 200
    assert ConsultationRequest.objects.get().reference in upload_page.content.decode()
