"""The contacts page: messengers, the drive and parking, a map image and an entrance photo."""

import re
from io import BytesIO
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image

from services.images import make_renditions
from services.models import ClinicLocation
from tests.builders import make_clinic
from tests.services.test_admin import change_form_data

pytestmark = pytest.mark.django_db


def page_of(client: Client, language: str = "ru") -> str:
    return re.sub(r"\s+", " ", client.get(f"/{language}/contacts/").content.decode())


def picture_bytes() -> bytes:
    output = BytesIO()
    Image.new("RGB", (900, 600), (220, 230, 235)).save(output, "JPEG")
    return output.getvalue()


def with_pictures(clinic: ClinicLocation) -> ClinicLocation:
    clinic.map_image.save("map.jpg", ContentFile(picture_bytes()), save=True)
    clinic.entrance_photo.save("entrance.jpg", ContentFile(picture_bytes()), save=True)
    make_renditions(clinic, "map_image")
    make_renditions(clinic, "entrance_photo")
    return clinic


def test_whatsapp_and_telegram_are_links_where_the_page_says_to_write(client: Client):
    make_clinic(telegram="lyadov_clinic")

    page = page_of(client)

    assert "пишите в WhatsApp или Telegram" in page
    assert 'href="https://wa.me/74994601561"' in page
    assert 'href="https://t.me/lyadov_clinic"' in page and "Написать в Telegram" in page


def test_without_a_telegram_handle_the_page_does_not_offer_telegram(client: Client):
    make_clinic()

    page = page_of(client)

    assert "Telegram" not in page.split("<footer")[0].split('name="channel"')[0]
    assert "пишите в WhatsApp или оставьте заявку" in page


def test_the_drive_and_the_parking_are_shown_in_the_page_language(client: Client):
    make_clinic(
        car_directions_ru="С Ленинградского шоссе направо.",
        car_directions_en="Turn right off Leningradskoye shosse.",
        parking_ru="Бесплатная стоянка у входа.",
        parking_en="Free parking by the entrance.",
    )

    russian, english = page_of(client), page_of(client, "en")

    assert "На машине" in russian and "С Ленинградского шоссе направо." in russian
    assert "Где оставить машину" in russian and "Бесплатная стоянка у входа." in russian
    assert "By car" in english and "Free parking by the entrance." in english


def test_the_map_and_the_entrance_are_self_hosted_pictures_with_their_descriptions(
    client: Client, media_root: Path
):
    with_pictures(
        make_clinic(
            map_image_alt_ru="Схема: вход со стороны ул. Панфилова",
            entrance_photo_alt_ru="Стеклянные двери под вывеской клиники",
        )
    )

    page = page_of(client)

    assert 'alt="Схема: вход со стороны ул. Панфилова"' in page
    assert 'alt="Стеклянные двери под вывеской клиники"' in page
    assert 'type="image/webp" srcset="/media/contacts/renditions/' in page
    assert "Схема проезда" in page and "Вход в клинику" in page


def test_without_pictures_or_drive_the_page_has_no_empty_headings(client: Client):
    make_clinic()

    page = page_of(client)

    assert "<figure" not in page
    assert "На машине" not in page


def test_a_picture_needs_a_description_in_both_languages(media_root: Path):
    clinic = make_clinic()
    clinic.map_image.save("map.jpg", ContentFile(picture_bytes()), save=False)
    clinic.map_image_alt_ru = "Схема проезда"

    with pytest.raises(ValidationError) as caught:
        clinic.full_clean()

    assert set(caught.value.message_dict) == {"map_image_alt_en"}


def test_a_telegram_handle_is_checked():
    clinic = make_clinic(telegram="@lyadov")

    with pytest.raises(ValidationError) as caught:
        clinic.full_clean()

    assert "telegram" in caught.value.message_dict


def test_an_editor_uploads_a_map_in_the_admin_and_its_renditions_are_made(login, superuser, media_root: Path):
    clinic = make_clinic()
    editor = login(superuser)
    url = f"/admin/services/cliniclocation/{clinic.pk}/change/"
    data = change_form_data(editor.get(url))
    data["map_image"] = SimpleUploadedFile("map.jpg", picture_bytes(), content_type="image/jpeg")

    refused = editor.post(url, data)
    data["map_image"] = SimpleUploadedFile("map.jpg", picture_bytes(), content_type="image/jpeg")
    data |= {"map_image_alt_ru": "Схема проезда от МКАД", "map_image_alt_en": "Map from the MKAD"}
    accepted = editor.post(url, data)

    assert refused.status_code == 200
    assert "Опишите картинку для посетителей, которые её не видят." in refused.content.decode()
    assert accepted.status_code == 302
    clinic.refresh_from_db()
    assert [width for width, _ in clinic.map_renditions["webp"]] == [400, 800]
    assert clinic.map_renditions["preview"] in editor.get(url).content.decode()
