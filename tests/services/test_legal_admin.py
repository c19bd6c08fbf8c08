"""Content editors keep the legal information in the admin; bad input gets a clear message."""

from collections.abc import Callable
from datetime import date, timedelta

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.test import Client

from services.legal import Licence, MedicalOrganisation, PriceItem
from services.models import Treatment
from tests.builders import make_licence, make_organisation, make_price
from tests.services.test_admin import change_form_data

ADMIN = f"/{settings.ADMIN_URL}services"
Login = Callable[[User], Client]

pytestmark = pytest.mark.django_db


def errors_of(response: object) -> str:
    assert response.status_code == 200, "the form was accepted"  # type: ignore[attr-defined]
    return response.content.decode()  # type: ignore[attr-defined]


def test_a_negative_price_is_refused_with_a_clear_message(
    content_editor: User, login: Login, treatment: Treatment
) -> None:
    editor = login(content_editor)
    response = editor.post(
        f"{ADMIN}/priceitem/add/",
        {"service_ru": "Радиоэмболизация", "price": "-100", "treatment": treatment.pk, "order": 0},
    )
    assert "Цена не может быть отрицательной." in errors_of(response)
    assert not PriceItem.objects.exists()


def test_the_database_refuses_a_negative_price_too(db: None) -> None:
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        make_price(price="-1")


def test_a_licence_dated_in_the_future_is_refused(content_editor: User, login: Login) -> None:
    editor = login(content_editor)
    tomorrow = date.today() + timedelta(days=1)
    response = editor.post(
        f"{ADMIN}/licence/add/",
        {
            "number": "Л041-01137-50/00999999",
            "issued_on": tomorrow.strftime("%d.%m.%Y"),
            "authority_ru": "Министерство здравоохранения Московской области",
            "order": 0,
            "works-TOTAL_FORMS": 0,
            "works-INITIAL_FORMS": 0,
        },
    )
    assert "Эта дата ещё не наступила: укажите дату, которая стоит в документе." in errors_of(response)
    assert not Licence.objects.exists()


def test_malformed_registration_numbers_are_refused(content_editor: User, login: Login) -> None:
    organisation = make_organisation()
    editor = login(content_editor)
    address = f"{ADMIN}/medicalorganisation/{organisation.pk}/change/"
    data = change_form_data(editor.get(address))
    data.update({"ogrn": "12345", "inn": "50471234", "kpp": "5047"})
    page = errors_of(editor.post(address, data))
    assert "В ОГРН 13 цифр" in page and "В ИНН организации 10 цифр" in page and "В КПП 9 знаков." in page


def test_a_second_organisation_is_refused(content_editor: User, login: Login) -> None:
    make_organisation()
    editor = login(content_editor)
    response = editor.post(
        f"{ADMIN}/medicalorganisation/add/", {"full_name_ru": "Вторая", "short_name_ru": "В"}
    )
    assert "Организация уже внесена" in errors_of(response)
    assert MedicalOrganisation.objects.count() == 1


def test_a_content_editor_edits_the_organisation_and_the_page_shows_it(
    content_editor: User, login: Login, client: Client
) -> None:
    organisation = make_organisation()
    editor = login(content_editor)
    address = f"{ADMIN}/medicalorganisation/{organisation.pk}/change/"
    data = change_form_data(editor.get(address))
    data["head_reception_ru"] = "Понедельник, 10:00–12:00"
    response = editor.post(address, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert "Понедельник, 10:00–12:00" in client.get("/ru/organisation/").content.decode()


def test_a_content_editor_adds_licensed_works_to_a_licence(content_editor: User, login: Login) -> None:
    licence = make_licence()
    editor = login(content_editor)
    address = f"{ADMIN}/licence/{licence.pk}/change/"
    data = change_form_data(editor.get(address))
    data.update(
        {
            "works-TOTAL_FORMS": "3",
            "works-2-text_ru": "Радиология",
            "works-2-text_en": "Radiology",
            "works-2-order": "2",
            "works-2-licence": str(licence.pk),
        }
    )
    response = editor.post(address, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert [work.text for work in licence.works.all()][-1] == "Радиология"


@pytest.mark.parametrize(
    "model", ["medicalorganisation", "legaltext", "licence", "supervisingbody", "priceitem", "treatmentcost"]
)
def test_managers_cannot_open_the_legal_information(manager: User, login: Login, model: str) -> None:
    assert login(manager).get(f"{ADMIN}/{model}/").status_code == 403


@pytest.mark.parametrize(
    "model", ["medicalorganisation", "legaltext", "licence", "supervisingbody", "priceitem", "treatmentcost"]
)
def test_content_editors_can_add_to_the_legal_information(
    content_editor: User, login: Login, model: str
) -> None:
    editor = login(content_editor)
    assert editor.get(f"{ADMIN}/{model}/").status_code == 200
    assert editor.get(f"{ADMIN}/{model}/add/").status_code == 200
