"""One way to say "N minutes" of the callback promise, with the catalogues' plural forms."""

import re

import pytest
from django.test import Client
from django.utils import translation

from booking import notifications
from booking.models import Delivery
from clinic_site.templatetags.site_tags import minutes
from tests.booking.submitting import plan_notifications, submit
from tests.builders import make_clinic

pytestmark = pytest.mark.django_db

# The genitive after «в течение»; a fraction takes the genitive singular, as Russian grammar has it.
RUSSIAN = {1: "1 минуты", 2: "2 минут", 5: "5 минут", 11: "11 минут", 21: "21 минуты", 1.5: "1,5 минуты"}
ENGLISH = {1: "1 minute", 2: "2 minutes", 5: "5 minutes", 11: "11 minutes", 21: "21 minutes"}
ENGLISH[1.5] = "1.5 minutes"


def words(response: object) -> str:
    return re.sub(r"\s+", " ", response.content.decode())  # type: ignore[attr-defined]


@pytest.mark.parametrize("value", RUSSIAN)
def test_the_phrase_takes_the_plural_form_of_each_language(value):
    with translation.override("ru"):
        russian = minutes(value)
    with translation.override("en"):
        english = minutes(value)

    assert (russian, english) == (RUSSIAN[value], ENGLISH[value])


@pytest.mark.parametrize("value", RUSSIAN)
def test_the_home_page_the_form_and_the_thank_you_page_say_it_alike(client: Client, settings, value):
    settings.BOOKING_CALLBACK_MINUTES = value
    make_clinic()
    phrase = f"в течение {RUSSIAN[value]}"

    home = words(client.get("/ru/"))
    form = words(client.get("/ru/consultation/"))
    thanks = words(client.get(submit(client).url))

    assert f"перезвонит в течение {RUSSIAN[value]}." in home
    assert phrase in form
    assert f"Менеджер позвонит вам {phrase}." in thanks


@pytest.mark.parametrize("value", [2, 21, 1.5])
def test_the_english_pages_say_it_in_english(client: Client, settings, value):
    settings.BOOKING_CALLBACK_MINUTES = value

    assert f"within {ENGLISH[value]}" in words(client.get("/en/"))
    assert f"within {ENGLISH[value]}" in words(client.get("/en/consultation/"))


MAILS = [(2, "ru", "в течение 2 минут."), (21, "en", "21 minutes")]


@pytest.mark.parametrize(("value", "language", "phrase"), MAILS)
def test_the_confirmation_mail_says_it_alike(client: Client, settings, mailoutbox, value, language, phrase):
    settings.BOOKING_CALLBACK_MINUTES = value
    submit(client, language=language, email="patient@example.ru")
    plan_notifications()
    for delivery in Delivery.objects.filter(purpose=Delivery.Purpose.CONFIRMATION):
        notifications.attempt_delivery(delivery.pk)

    [mail] = mailoutbox
    assert phrase in mail.body
