"""The patient's confirmation comes from the clinic, named in the patient's language."""

import pytest

from booking import notifications
from booking.models import Delivery
from tests.booking.submitting import plan_notifications, submit

pytestmark = pytest.mark.django_db


def confirmation_from(client, mailoutbox, language: str) -> tuple[str, str]:
    submit(client, language=language, email="patient@example.ru")
    plan_notifications()
    delivery = Delivery.objects.get(purpose=Delivery.Purpose.CONFIRMATION)
    notifications.attempt_delivery(delivery.pk)
    [mail] = [sent for sent in mailoutbox if sent.to == ["patient@example.ru"]]
    return mail.from_email, str(mail.message()["From"])


@pytest.mark.parametrize(("language", "name"), [("ru", "Клиника Лядова"), ("en", "Lyadov Clinic")])
def test_the_sender_is_the_clinic_in_the_patients_language(client, settings, mailoutbox, language, name):
    settings.DEFAULT_FROM_EMAIL = "Клиника Лядова <noreply@clinic.example>"

    from_email, header = confirmation_from(client, mailoutbox, language)

    assert from_email == f"{name} <noreply@clinic.example>"
    assert header.endswith("<noreply@clinic.example>")


def test_a_setting_names_the_sender(client, settings, mailoutbox):
    settings.DEFAULT_FROM_EMAIL = "noreply@clinic.example"
    settings.BOOKING_FROM_NAME_EN = "Lyadov Clinic, Khimki"

    from_email, _ = confirmation_from(client, mailoutbox, "en")

    assert from_email == '"Lyadov Clinic, Khimki" <noreply@clinic.example>'
