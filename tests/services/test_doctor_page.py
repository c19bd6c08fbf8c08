"""A doctor's page shows the credentials the law and patients expect, and only what an editor entered."""

import re
from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.test import Client
from django.utils import timezone

from services.models import Doctor, DoctorQualification
from tests.builders import make_qualification
from tests.services.test_admin import Login, change_form_data

ADMIN = f"/{settings.ADMIN_URL}"


@pytest.fixture(autouse=True)
def _no_page_cache(settings: object) -> None:
    settings.PAGE_CACHE_SECONDS = 0  # type: ignore[attr-defined]


def text_of(client: Client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return re.sub(r"\s+", " ", response.content.decode())


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "ru",
            [
                "Специальность",
                "Онкология",
                "Доктор медицинских наук",
                "присуждена: ВАК при Минобрнауки России",
                "Профессор",
                "Первый МГМУ им. И. М. Сеченова</strong>, 1985",
                "Лечебное дело",
                "Аккредитация специалиста</strong>: Онкология",
                "срок действия — до",
                "Вторник и четверг, 10:00–15:00",
                "Консультирует пациентов перед радиоэмболизацией.",
            ],
        ),
        (
            "en",
            [
                "Specialty",
                "Oncology",
                "Doctor of Medical Sciences",
                "awarded by the Higher Attestation Commission of Russia",
                "Professor",
                "Sechenov First Moscow State Medical University</strong>, 1985",
                "General medicine",
                "Specialist accreditation</strong>: Oncology",
                "valid until",
                "Tuesday and Thursday, 10:00–15:00",
                "Sees patients before radioembolization.",
            ],
        ),
    ],
)
def test_doctor_page_shows_education_qualification_degree_and_schedule(
    client: Client, clinic: object, doctor: Doctor, lang: str, expected: list[str]
) -> None:
    html = text_of(client, f"/{lang}/doctors/lyadov/")

    for fact in expected:
        assert fact in html, fact


def test_years_of_practice_are_counted_from_the_start_year(
    client: Client, clinic: object, doctor: Doctor
) -> None:
    Doctor.objects.filter(pk=doctor.pk).update(practice_since=timezone.localdate().year - 22)

    assert "22 года" in text_of(client, "/ru/doctors/lyadov/")
    assert "22 years" in text_of(client, "/en/doctors/lyadov/")
    assert "стаж 22 года" in text_of(client, "/ru/doctors/")


def test_a_doctor_with_no_credentials_entered_shows_no_empty_headings(
    client: Client, clinic: object, doctor: Doctor
) -> None:
    Doctor.objects.filter(pk=doctor.pk).update(
        specialty_ru="",
        specialty_en="",
        academic_degree_ru="",
        academic_degree_en="",
        academic_title_ru="",
        academic_title_en="",
        practice_since=None,
        clinic_work_ru="",
        clinic_work_en="",
        reception_schedule_ru="",
        reception_schedule_en="",
    )
    doctor.education.all().delete()
    doctor.qualifications.all().delete()

    html = text_of(client, "/ru/doctors/lyadov/")

    for heading in ("Образование и квалификация", "Приём пациентов", "Чем занимается в клинике", "Стаж"):
        assert heading not in html, heading
    assert "О враче" in html


def test_an_expired_accreditation_is_shown_as_expired_never_as_valid(
    client: Client, clinic: object, doctor: Doctor
) -> None:
    doctor.qualifications.all().delete()
    today = timezone.localdate()
    make_qualification(doctor, issued=today - timedelta(days=6 * 365), valid_until=today - timedelta(days=10))

    html = text_of(client, "/ru/doctors/lyadov/")

    assert "срок действия истёк" in html
    assert "срок действия — до" not in html
    assert "hasCredential" not in html  # search engines are not told of an expired credential


def test_the_booking_calls_on_a_doctor_page_carry_the_contraindications_warning(
    client: Client, clinic: object, doctor: Doctor
) -> None:
    html = text_of(client, "/ru/doctors/lyadov/")
    head = html[html.index('class="page-head"') : html.index("О враче")]
    consultation = html[html.index('id="consultation"') : html.index("<form")]

    for part in (head, consultation):
        assert "Имеются противопоказания. Необходима консультация специалиста." in part


def qualification_post(client: Client, doctor: Doctor, **row: str) -> str:
    url = f"{ADMIN}services/doctor/{doctor.pk}/change/"
    data = change_form_data(client.get(url))
    data.update({f"qualifications-0-{name}": value for name, value in row.items()})
    response = client.post(url, data)
    assert response.status_code == 200, "the admin accepted a document it should have refused"
    return re.sub(r"\s+", " ", response.content.decode())


def test_the_admin_refuses_an_expired_accreditation_with_a_clear_message(
    doctor: Doctor, superuser: User, login: Login
) -> None:
    past = timezone.localdate() - timedelta(days=1)

    html = qualification_post(login(superuser), doctor, valid_until=past.isoformat())

    assert f"Срок действия документа истёк {past:%d.%m.%Y}" in html
    assert "внесите новую аккредитацию или удалите эту строку" in html
    assert not DoctorQualification.objects.filter(valid_until=past).exists()


def test_the_admin_refuses_a_document_dated_in_the_future(
    doctor: Doctor, superuser: User, login: Login
) -> None:
    tomorrow = timezone.localdate() + timedelta(days=1)

    html = qualification_post(login(superuser), doctor, issued=tomorrow.isoformat())

    assert "Эта дата ещё не наступила. Укажите дату из документа." in html


def test_the_admin_asks_for_the_end_date_of_a_russian_accreditation(
    doctor: Doctor, superuser: User, login: Login
) -> None:
    html = qualification_post(login(superuser), doctor, valid_until="")

    assert "Укажите, до какой даты действует документ." in html


def test_the_admin_refuses_a_graduation_year_that_has_not_come(
    doctor: Doctor, superuser: User, login: Login
) -> None:
    url = f"{ADMIN}services/doctor/{doctor.pk}/change/"
    editor = login(superuser)
    data = change_form_data(editor.get(url))
    data["education-0-year"] = str(timezone.localdate().year + 1)

    response = editor.post(url, data)

    assert response.status_code == 200
    assert "Этот год ещё не наступил." in response.content.decode()
