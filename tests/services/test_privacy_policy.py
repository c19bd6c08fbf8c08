"""The personal-data policy and the consent text: what a patient (or a relative) agrees to."""

import re

import pytest
from django.conf import settings
from django.test import Client

from services.legal import MedicalOrganisation
from services.models import ClinicLocation
from tests.builders import make_organisation

pytestmark = pytest.mark.django_db


def shown(address: str) -> str:
    response = Client().get(address)
    assert response.status_code == 200
    main = response.content.decode().split('<main id="main"', 1)[1].split("</main>", 1)[0]
    return " ".join(re.sub(r"<[^>]+>", " ", main).split())


@pytest.fixture
def organisation(clinic: ClinicLocation) -> MedicalOrganisation:
    return make_organisation()


def test_the_policy_shows_its_date_operator_responsible_person_and_registry_number(
    organisation: MedicalOrganisation,
) -> None:
    policy = shown("/ru/privacy/")
    assert "Редакция от 20 ноября 2026" in policy
    assert "Общество с ограниченной ответственностью «Клиника Лядова»" in policy
    assert "ОГРН 1115047000123, ИНН 5047123456" in policy
    assert (
        "Ответственный за организацию обработки персональных данных: Петрова Анна Ивановна, юрист" in policy
    )
    assert "privacy@clinic.test" in policy
    assert "реестре операторов персональных данных Роскомнадзора: 50-21-012345" in policy


def test_the_english_policy_shows_them_too(organisation: MedicalOrganisation) -> None:
    policy = shown("/en/privacy/")
    assert "Version of 20 November 2026" in policy
    assert "Anna I. Petrova, lawyer" in policy
    assert "Roskomnadzor's register of personal-data operators: 50-21-012345" in policy


def test_the_policy_says_what_choosing_a_messenger_means_and_covers_cookies(
    organisation: MedicalOrganisation,
) -> None:
    russian, english = shown("/ru/privacy/"), shown("/en/privacy/")
    assert (
        "Если в заявке вы выбрали WhatsApp или Telegram, мы свяжемся с вами через этот мессенджер." in russian
    )
    assert (
        "If you chose WhatsApp or Telegram in your request, we will contact you through that messenger."
        in english
    )
    assert "Файлы cookie" in russian and "Cookies" in english
    assert "особой категории персональных данных (статья 10 Закона № 152-ФЗ)" in russian


def test_without_the_organisation_the_policy_leaves_out_what_it_does_not_know(clinic: ClinicLocation) -> None:
    policy = shown("/ru/privacy/")
    assert "Редакция от" not in policy and "Роскомнадзора:" not in policy and "Ответственный" not in policy
    assert "ООО «Клиника Лядова»" in policy  # the operator, from the clinic's location


@pytest.mark.parametrize(
    ("language", "facts"),
    [
        (
            "ru",
            [
                "статья 10 Закона № 152-ФЗ",
                "Если я обращаюсь за другого человека",
                "с его ведома и согласия или как его законный представитель",
                "отправляю врачу медицинские документы",
                "Если я выбрал WhatsApp или Telegram, клиника свяжется со мной через этот мессенджер.",
            ],
        ),
        (
            "en",
            [
                "article 10 of Law No. 152-FZ",
                "If I ask on behalf of another person",
                "with the patient's knowledge and consent, or as their legal representative",
                "later send the doctor medical documents",
                "If I chose WhatsApp or Telegram, the clinic will contact me through that messenger.",
            ],
        ),
    ],
)
def test_the_consent_covers_health_data_relatives_documents_and_messengers(
    clinic: ClinicLocation, language: str, facts: list[str]
) -> None:
    consent = shown(f"/{language}/consent/")
    for fact in facts:
        assert fact in consent


def test_the_consent_version_moved_with_the_new_text() -> None:
    assert settings.CONSENT_POLICY_VERSION >= "2026-12-04"
