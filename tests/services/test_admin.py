from collections.abc import Callable
from datetime import date, timedelta
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models.fields.files import FieldFile
from django.http import HttpResponse
from django.test import Client
from PIL import Image
from pytest_django.fixtures import Settings

from services.models import ClinicLocation, Doctor, Treatment

ADMIN = f"/{settings.ADMIN_URL}"

Login = Callable[[User], Client]


def change_form_data(response: HttpResponse) -> dict[str, Any]:
    """What the browser would send back for an unchanged admin change form, inlines included."""
    forms = [response.context["adminform"].form]
    for inline in response.context["inline_admin_formsets"]:
        forms.append(inline.formset.management_form)
        forms.extend(inline.formset.forms)
    data: dict[str, Any] = {}
    for form in forms:
        for name in form.fields:
            value = form[name].value()
            if value is None or value is False or isinstance(value, FieldFile):
                continue
            if value is True:
                value = "on"
            elif isinstance(value, list | tuple):
                value = [str(item) for item in value]
            data[form.add_prefix(name)] = value
    return data


def jpeg(width: int, height: int, *, noise: bool = False) -> bytes:
    image = (
        Image.effect_noise((width, height), 80).convert("RGB") if noise else Image.new("RGB", (width, height))
    )
    exif = Image.Exif()
    exif[0x010F] = "Phone maker"
    output = BytesIO()
    image.save(output, "JPEG", quality=95, exif=exif.tobytes())
    return output.getvalue()


def post_hero(client: Client, treatment: Treatment, content: bytes, name: str = "photo.jpg") -> HttpResponse:
    url = f"{ADMIN}services/treatment/{treatment.pk}/change/"
    data = change_form_data(client.get(url))
    data["hero_image"] = SimpleUploadedFile(name, content, content_type="image/jpeg")
    return client.post(url, data)


def test_an_edit_in_the_admin_shows_on_the_public_page(
    treatment: Treatment, superuser: User, login: Login, client: Client
) -> None:
    editor = login(superuser)
    url = f"{ADMIN}services/treatment/{treatment.pk}/change/"
    assert "Радиоэмболизация печени" in client.get("/ru/treatments/radioembolization/").content.decode()

    data = change_form_data(editor.get(url))
    data["summary_ru"] = "Новое короткое описание для пациентов."
    data["summary_en"] = "A new short description for patients."
    data["steps-0-duration_ru"] = "около трёх часов"
    response = editor.post(url, data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    russian = client.get("/ru/treatments/radioembolization/").content.decode()
    english = client.get("/en/treatments/radioembolization/").content.decode()
    assert "Новое короткое описание для пациентов." in russian
    assert "около трёх часов" in russian
    assert "A new short description for patients." in english


def test_a_content_editor_can_change_a_treatment(
    treatment: Treatment, content_editor: User, login: Login
) -> None:
    editor = login(content_editor)
    url = f"{ADMIN}services/treatment/{treatment.pk}/change/"

    data = change_form_data(editor.get(url))
    data["title_ru"] = "Радиоэмболизация опухолей печени"
    response = editor.post(url, data)

    assert response.status_code == 302
    treatment.refresh_from_db()
    assert treatment.title_ru == "Радиоэмболизация опухолей печени"


def test_the_change_form_shows_russian_and_english_fields_and_every_inline(
    treatment: Treatment, superuser: User, login: Login
) -> None:
    html = login(superuser).get(f"{ADMIN}services/treatment/{treatment.pk}/change/").content.decode()

    for name in ("title_ru", "title_en", "what_it_is_ru", "what_it_is_en", "steps-0-title_en"):
        assert f'name="{name}"' in html, name
    for name in ("preparation-0-text_ru", "follow_up-0-when_ru", "faqs-0-question_en", "references-0-url"):
        assert f'name="{name}"' in html, name
    assert f'href="{ADMIN}r/' in html  # "view on site", resolved through get_absolute_url


def test_the_treatment_list_flags_an_overdue_review(
    treatment: Treatment, superuser: User, login: Login
) -> None:
    treatment.next_review = date.today() - timedelta(days=1)
    treatment.save()

    html = login(superuser).get(f"{ADMIN}services/treatment/").content.decode()

    assert "⚠" in html
    overdue = login(superuser).get(f"{ADMIN}services/treatment/?review=overdue").content.decode()
    assert "Радиоэмболизация печени" in overdue


def test_the_clinic_form_has_phones_hours_and_routes_inlines(
    clinic: ClinicLocation, superuser: User, login: Login
) -> None:
    html = login(superuser).get(f"{ADMIN}services/cliniclocation/{clinic.pk}/change/").content.decode()

    for name in ("extra_phones-TOTAL_FORMS", "hours-0-opens", "routes-0-station_en", "routes-0-stop_ru"):
        assert f'name="{name}"' in html, name


def test_doctor_and_category_admins_open(
    doctor: Doctor, category: object, superuser: User, login: Login
) -> None:
    client = login(superuser)

    assert client.get(f"{ADMIN}services/doctor/{doctor.pk}/change/").status_code == 200
    assert client.get(f"{ADMIN}services/treatmentcategory/").status_code == 200
    assert client.get(f"{ADMIN}services/doctor/add/").status_code == 200


def test_an_uploaded_hero_image_is_cleaned_cut_into_renditions_and_previewed(
    treatment: Treatment, superuser: User, login: Login, media_root: Path
) -> None:
    editor = login(superuser)

    response = post_hero(editor, treatment, jpeg(1600, 1000))

    assert response.status_code == 302
    treatment.refresh_from_db()
    assert dict(Image.open(treatment.hero_image.path).getexif()) == {}
    assert [width for width, _ in treatment.hero_renditions["webp"]] == [400, 800, 1200]
    change_page = editor.get(f"{ADMIN}services/treatment/{treatment.pk}/change/").content.decode()
    assert treatment.hero_renditions["preview"] in change_page
    public_page = editor.get("/ru/treatments/radioembolization/").content.decode()
    assert 'type="image/webp"' in public_page


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (b"Just a note, not a picture.", "photo.jpg", "не похож на изображение"),
        (b"<!DOCTYPE html><html><script>alert(1)</script></html>", "photo.jpg", "не похож на изображение"),
        (
            b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
            "photo.jpg",
            "не похож на изображение",
        ),
    ],
    ids=["text", "html", "svg"],
)
def test_the_admin_refuses_files_that_are_not_images(
    treatment: Treatment,
    superuser: User,
    login: Login,
    media_root: Path,
    content: bytes,
    name: str,
    message: str,
) -> None:
    response = post_hero(login(superuser), treatment, content, name)

    assert response.status_code == 200
    assert message in response.content.decode()
    treatment.refresh_from_db()
    assert not treatment.hero_image
    assert not list(media_root.rglob("*.*"))


def test_the_admin_refuses_an_image_over_the_size_limit(
    treatment: Treatment, superuser: User, login: Login, media_root: Path, settings: Settings
) -> None:
    settings.IMAGE_MAX_UPLOAD_BYTES = 50_000

    response = post_hero(login(superuser), treatment, jpeg(800, 600, noise=True))

    assert response.status_code == 200
    assert "Файл слишком большой" in response.content.decode()
    assert "0.05 МБ" in response.content.decode() or "0,05 МБ" in response.content.decode()


def test_the_admin_refuses_a_decompression_bomb(
    treatment: Treatment, superuser: User, login: Login, media_root: Path
) -> None:
    output = BytesIO()
    Image.new("1", (10_000, 5_000)).save(output, "PNG")

    response = post_hero(login(superuser), treatment, output.getvalue(), "small.png")

    assert response.status_code == 200
    assert "слишком много точек" in response.content.decode()
    assert "40 мегапикселей" in response.content.decode()
