"""Every error the booking form can show is a polite sentence in the page's language."""

from datetime import timedelta

import pytest

from booking.models import ConsultationRequest
from tests.booking.submitting import moscow_in, submit

pytestmark = pytest.mark.django_db

YESTERDAY = moscow_in(-timedelta(days=1)).strftime("%Y-%m-%d")
# What Django says by itself, in either language: none of it may reach a patient.
DJANGO_WORDING = (
    "Ensure this value",
    "Enter a valid",
    "This field is required",
    "Убедитесь, что",
    "Обязательное поле",
)

CASES = {
    "required": ({"name": ""}, "Напишите, пожалуйста, как к вам обращаться.", "Please tell us your name."),
    "name too long": (
        {"name": "Я" * 121},
        "Имя получилось длиннее 120 знаков. Сократите его, пожалуйста: достаточно имени и отчества.",
        "The name is longer than 120 characters. Please shorten it: your first name is enough.",
    ),
    "message too long": (
        {"message": "а" * 1001},
        "Сообщение длиннее 1000 знаков (сейчас 1001).",
        "The message is longer than 1000 characters (it has 1001).",
    ),
    "e-mail too long": (
        {"email": "a" * 250 + "@example.ru"},
        "Адрес почты длиннее 254 знаков. Проверьте его, пожалуйста.",
        "The e-mail address is longer than 254 characters. Please check it.",
    ),
    "invalid phone": ({"phone": "123"}, "Похоже, в номере ошибка.", "This number does not look right."),
    "invalid e-mail": (
        {"email": "name@"},
        "Проверьте адрес почты, например: name@example.ru.",
        "Please check the e-mail address",
    ),
    "invalid date": (
        {"when": "later", "preferred_date": "31.02.2027", "preferred_time": "12:00"},
        "Укажите день в виде ДД.ММ.ГГГГ, например 05.12.2026.",
        "Please give the day as DD.MM.YYYY, for example 05.12.2026.",
    ),
    "date in the past": (
        {"when": "later", "preferred_date": YESTERDAY, "preferred_time": "12:00"},
        "Этот день уже прошёл. Выберите сегодняшний или более поздний.",
        "That day has passed. Please choose today or a later day.",
    ),
    "relationship too long": (
        {"requester": "relative", "relationship": "д" * 61},
        "Напишите короче, не больше 60 знаков: например, «дочь» или «муж».",
        "Please keep it within 60 characters, for example “daughter” or “husband”.",
    ),
    "unknown choice": (
        {"channel": "pigeon"},
        "Такого варианта нет в списке.",
        "That is not one of the options. Please choose from the list.",
    ),
}


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("language", ["ru", "en"])
def test_each_kind_of_error_is_explained_politely_in_the_page_language(client, case, language):
    overrides, russian, english = CASES[case]

    response = submit(client, language=language, **overrides)

    page = response.content.decode()
    assert response.status_code == 200
    assert (russian if language == "ru" else english) in page
    assert not any(wording in page for wording in DJANGO_WORDING)
    assert ConsultationRequest.objects.count() == 0
