"""A stored page is answered before the work that only one visitor needs, with every header."""

import time
from unittest import mock

import pytest
import time_machine
from django.core.cache import cache
from django.test import Client

from clinic_site.cache import VERSION_KEY
from services.models import Treatment
from tests.builders import make_clinic, make_doctor, make_treatment
from tests.site.test_headers import _assert_security_headers

pytestmark = pytest.mark.django_db

URL = "/ru/treatments/radioembolization/"
# Headers made afresh for each answer; everything else is the stored answer's.
FRESH = {"Date", "X-Request-ID", "Content-Length"}


@pytest.fixture
def treatment() -> Treatment:
    make_clinic()
    return make_treatment(doctors=[make_doctor(slug="petrov", name_ru="Иван Петров", name_en="Ivan Petrov")])


def refuse(*args: object, **kwargs: object) -> None:
    raise AssertionError("a stored page went through the per-visitor middleware")


def test_a_stored_page_is_answered_before_any_other_middleware_runs(treatment: Treatment) -> None:
    assert Client().get(URL).status_code == 200

    with (
        mock.patch("django.middleware.security.SecurityMiddleware.process_request", refuse),
        mock.patch("csp.middleware.CSPMiddleware.process_response", refuse),
        mock.patch("whitenoise.middleware.WhiteNoiseMiddleware.__call__", refuse),
        mock.patch("django.contrib.sessions.middleware.SessionMiddleware.process_request", refuse),
        mock.patch("django.contrib.auth.middleware.AuthenticationMiddleware.process_request", refuse),
        mock.patch("django.middleware.csrf.CsrfViewMiddleware.process_view", refuse),
        mock.patch("django.middleware.locale.LocaleMiddleware.process_request", refuse),
        mock.patch("django_otp.middleware.OTPMiddleware.__call__", refuse),
    ):
        stored = Client().get(URL)

    assert stored.status_code == 200
    assert "Иван Петров".encode() in stored.content


def test_a_stored_answer_carries_the_same_security_headers_as_a_fresh_one(treatment: Treatment) -> None:
    fresh = Client().get(URL)
    stored = Client().get(URL)

    _assert_security_headers(stored)
    assert {name: value for name, value in stored.items() if name not in FRESH} == {
        name: value for name, value in fresh.items() if name not in FRESH
    }
    assert stored["Content-Language"] == "ru"


def test_each_stored_answer_has_a_request_id_of_its_own(treatment: Treatment) -> None:
    first = Client().get(URL)
    second = Client().get(URL)
    third = Client().get(URL, headers={"X-Request-ID": "from-nginx-1234"})

    assert len({first["X-Request-ID"], second["X-Request-ID"], third["X-Request-ID"]}) == 3
    assert third["X-Request-ID"] == "from-nginx-1234"


def test_with_https_on_a_plain_request_for_a_stored_page_is_sent_to_https(
    treatment: Treatment, settings: object
) -> None:
    settings.SECURE_SSL_REDIRECT = True  # type: ignore[attr-defined]
    assert Client().get(URL, secure=True).status_code == 200

    plain = Client().get(URL)

    assert plain.status_code == 301
    assert plain["Location"] == f"https://testserver{URL}"
    assert Client().get(URL, secure=True).status_code == 200


def test_an_edit_saved_by_another_process_shows_within_a_second(treatment: Treatment) -> None:
    assert Client().get(URL).status_code == 200
    Treatment.objects.filter(pk=treatment.pk).update(title_ru="Новое название")  # no signal: same version
    assert "Новое название" not in Client().get(URL).content.decode()

    cache.set(VERSION_KEY, "replaced-by-another-worker", timeout=None)

    with time_machine.travel(time.time() + 1.1):
        assert "Новое название" in Client().get(URL).content.decode()


def test_an_edit_saved_in_this_process_shows_at_once(treatment: Treatment) -> None:
    assert Client().get(URL).status_code == 200

    treatment.title_ru = "Новое название"
    treatment.save()

    assert "Новое название" in Client().get(URL).content.decode()


def test_a_process_keeps_a_page_no_longer_than_the_shared_cache_would(
    treatment: Treatment, settings: object
) -> None:
    settings.PAGE_CACHE_SECONDS = 60  # type: ignore[attr-defined]
    assert Client().get(URL).status_code == 200
    Treatment.objects.filter(pk=treatment.pk).update(title_ru="Новое название")  # no signal: same version
    version = cache.get(VERSION_KEY)
    cache.clear()  # the shared copy has expired; the content version has not changed
    cache.set(VERSION_KEY, version, timeout=None)

    with time_machine.travel(time.time() + 61):
        page = Client().get(URL).content.decode()

    assert "Новое название" in page
