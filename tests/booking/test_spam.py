import time

import pytest
from django.core import signing
from django.core.cache import cache

from booking.forms import new_form_stamp
from booking.models import ConsultationRequest, Delivery
from tests.booking.submitting import form_data, request_url, submit

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


def nothing_stored() -> bool:
    return ConsultationRequest.objects.count() == 0 and Delivery.objects.count() == 0


def test_a_filled_honeypot_gets_a_calm_page_and_nothing_is_stored(client):
    response = submit(client, website="http://spam.example")

    assert response.status_code == 200
    assert "Заявка не отправлена" in response.content.decode()
    assert nothing_stored()


def test_the_honeypot_is_hidden_from_people_and_screen_readers(client):
    page = client.get(request_url()).content.decode()

    assert 'aria-hidden="true"' in page
    assert 'name="website"' in page
    assert 'tabindex="-1"' in page
    assert "Оставьте это поле пустым" in page


def test_a_form_sent_faster_than_a_person_can_type_is_returned_with_the_data_kept(client, settings):
    settings.BOOKING_MIN_FILL_SECONDS = 3
    response = submit(client, stamp=new_form_stamp(), name="Мария")

    page = response.content.decode()
    assert response.status_code == 200
    assert "Форма отправлена слишком быстро" in page
    assert 'value="Мария"' in page
    assert nothing_stored()


def test_a_form_without_a_valid_stamp_is_not_accepted_when_the_minimum_time_is_on(client, settings):
    settings.BOOKING_MIN_FILL_SECONDS = 3

    submit(client, stamp="forged")
    submit(client, stamp="")

    assert nothing_stored()


def stamp_from(seconds_ago: float) -> str:
    return signing.dumps(time.time() - seconds_ago, salt="booking-form")


def test_a_form_filled_slowly_enough_is_accepted(client, settings):
    settings.BOOKING_MIN_FILL_SECONDS = 3

    assert submit(client, stamp=stamp_from(10)).status_code == 302
    assert ConsultationRequest.objects.count() == 1


def test_a_stale_stamp_from_a_cached_page_is_fine(client, settings):
    settings.BOOKING_MIN_FILL_SECONDS = 3

    assert submit(client, stamp=stamp_from(86400)).status_code == 302


def test_the_rate_limit_per_ip_refuses_calmly_and_stores_nothing_more(client, settings):
    settings.BOOKING_RATE_LIMIT_IP = 2
    submit(client, phone="+7 916 000 00 01")
    submit(client, phone="+7 916 000 00 02")

    response = submit(client, phone="+7 916 000 00 03")

    assert response.status_code == 429
    assert "слишком много заявок" in response.content.decode()
    assert ConsultationRequest.objects.count() == 2


def test_the_rate_limit_per_phone_holds_across_addresses(client, settings):
    settings.BOOKING_RATE_LIMIT = 2
    for address in ("10.0.0.1", "10.0.0.2"):
        client.post(request_url(), form_data(phone="+7 916 000 00 01"), REMOTE_ADDR=address)

    response = client.post(request_url(), form_data(phone="+7 916 000 00 01"), REMOTE_ADDR="10.0.0.3")

    assert response.status_code == 429


def test_a_rate_limit_of_zero_turns_it_off(client, settings):
    settings.BOOKING_RATE_LIMIT = 0
    settings.BOOKING_RATE_LIMIT_IP = 0
    for number in range(8):
        submit(client, phone=f"+7 916 000 00 1{number}", name=f"Пациент {number}")
    for _ in range(3):
        submit(client, phone="+7 916 000 00 10", message="ещё раз")

    assert ConsultationRequest.objects.count() == 8
    assert submit(client, phone="+7 916 000 00 10").status_code == 302


def test_behind_a_trusted_proxy_the_limit_counts_the_forwarded_address(client, settings):
    settings.BOOKING_RATE_LIMIT_IP = 1
    settings.TRUST_X_FORWARDED_FOR = True
    first = client.post(request_url(), form_data(phone="+7 916 000 00 01"), HTTP_X_FORWARDED_FOR="1.1.1.1")
    second = client.post(request_url(), form_data(phone="+7 916 000 00 02"), HTTP_X_FORWARDED_FOR="2.2.2.2")

    assert (first.status_code, second.status_code) == (302, 302)


def test_a_post_from_another_site_is_refused(client):
    response = client.post(request_url(), form_data(), HTTP_ORIGIN="https://evil.example")

    assert response.status_code == 403
    assert "не со страницы нашего сайта" in response.content.decode()
    assert nothing_stored()


def test_a_referer_from_another_site_is_refused_when_there_is_no_origin(client):
    response = client.post(request_url(), form_data(), HTTP_REFERER="https://evil.example/form")

    assert response.status_code == 403
    assert nothing_stored()


def test_a_post_from_this_site_is_accepted(client):
    response = client.post(request_url(), form_data(), HTTP_ORIGIN="http://testserver")

    assert response.status_code == 302
