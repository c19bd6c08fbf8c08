from datetime import timedelta
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from booking.models import ConsultationRequest
from documents import links
from documents.models import Document
from tests.builders import make_clinic
from tests.documents import samples
from tests.documents.conftest import stored_files


def upload_path(consultation: ConsultationRequest) -> str:
    return links.upload_url(consultation).removeprefix("http://127.0.0.1:8000")


def send(client: Client, path: str, *files: tuple[str, bytes]) -> object:
    """Post as a browser does: the page first (for its CSRF cookie), then the form with the token."""
    page = client.get(path)
    token = (
        page.cookies["csrftoken"].value if "csrftoken" in page.cookies else client.cookies["csrftoken"].value
    )
    uploads = [SimpleUploadedFile(name, content) for name, content in files]
    return client.post(path, {"csrfmiddlewaretoken": token, "uploads": uploads})


@pytest.fixture
def browser() -> Client:
    return Client(enforce_csrf_checks=True)


def test_the_link_opens_a_plain_upload_form_without_login(
    browser: Client, consultation: ConsultationRequest
) -> None:
    response = browser.get(upload_path(consultation))

    assert response.status_code == 200
    page = response.content.decode()
    assert "Документы для врача" in page
    assert 'enctype="multipart/form-data"' in page
    assert 'name="csrfmiddlewaretoken"' in page
    assert consultation.reference in page
    assert "Иван" not in page and "4994601561" not in page
    assert "no-cache" in response["Cache-Control"] and "private" in response["Cache-Control"]


def test_the_link_names_the_request_not_the_patient(consultation: ConsultationRequest) -> None:
    link = links.upload_url(consultation)

    assert "Иван" not in link and "4994601561" not in link and str(consultation.pk) not in link.split("/")


def test_the_link_is_in_the_patients_language(make_consultation: object) -> None:
    consultation = make_consultation(language="en")  # type: ignore[operator]

    assert "/en/documents/" in links.upload_url(consultation)


def test_a_small_file_is_received_and_shown_as_being_scanned(
    browser: Client, consultation: ConsultationRequest, documents_root: Path
) -> None:
    path = upload_path(consultation)
    response = send(browser, path, ("Выписка.pdf", samples.PDF), ("КТ.zip", samples.dicom_study()))

    assert response.status_code == 302  # type: ignore[attr-defined]
    page = browser.get(response["Location"]).content.decode()  # type: ignore[index]
    assert "Файлы получены: 2." in page
    assert "Выписка.pdf" in page and "КТ.zip" in page
    assert "Проверяем файл на вирусы" in page
    assert len(stored_files(documents_root)) == 2
    assert set(consultation.documents.values_list("kind", flat=True)) == {"pdf", "dicom_zip"}


def test_a_post_without_the_csrf_token_stores_nothing(
    browser: Client, consultation: ConsultationRequest, documents_root: Path
) -> None:
    response = browser.post(upload_path(consultation), {"uploads": SimpleUploadedFile("a.pdf", samples.PDF)})

    assert response.status_code == 403
    assert stored_files(documents_root) == []


def test_a_refused_file_is_explained_in_english_and_the_good_one_kept(
    browser: Client, make_consultation: object, documents_root: Path
) -> None:
    consultation = make_consultation(language="en")  # type: ignore[operator]
    response = send(
        browser, upload_path(consultation), ("report.pdf", samples.EXECUTABLE), ("ok.pdf", samples.PDF)
    )

    assert response.status_code == 400  # type: ignore[attr-defined]
    page = response.content.decode()  # type: ignore[attr-defined]
    assert "report.pdf" in page and "we only accept PDF" in page
    assert "ok.pdf" in page
    assert list(consultation.documents.values_list("original_name", flat=True)) == ["ok.pdf"]
    assert len(stored_files(documents_root)) == 1


def test_an_empty_file_is_refused_politely(
    browser: Client, consultation: ConsultationRequest, documents_root: Path
) -> None:
    response = send(browser, upload_path(consultation), ("empty.pdf", b""))

    assert "Файл пустой" in response.content.decode()  # type: ignore[attr-defined]
    assert stored_files(documents_root) == []


def test_an_expired_link_says_so_and_stores_nothing(
    browser: Client, consultation: ConsultationRequest, documents_root: Path, settings: object
) -> None:
    path = upload_path(consultation)
    csrf = browser.get(path).cookies["csrftoken"].value
    settings.DOCUMENT_LINK_DAYS = 1  # type: ignore[attr-defined]
    later = timezone.now() + timedelta(days=2)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("time.time", lambda: later.timestamp())
        page = browser.get(path)
        posted = browser.post(
            path, {"csrfmiddlewaretoken": csrf, "uploads": SimpleUploadedFile("a.pdf", samples.PDF)}
        )

    assert page.status_code == 410
    assert "Срок действия ссылки истёк" in page.content.decode()
    assert posted.status_code == 410
    assert stored_files(documents_root) == [] and not Document.objects.exists()


def test_a_tampered_link_says_so_and_stores_nothing(
    client: Client, consultation: ConsultationRequest, documents_root: Path
) -> None:
    path = upload_path(consultation)
    token = path.rstrip("/").rsplit("/", 1)[1]
    forged = path.replace(token, token[:-2] + ("bb" if token.endswith("aa") else "aa"))

    page = client.get(forged)
    posted = client.post(forged, {"uploads": SimpleUploadedFile("a.pdf", samples.PDF)})

    assert page.status_code == 404
    assert "Ссылка не работает" in page.content.decode()
    assert posted.status_code == 404
    assert stored_files(documents_root) == []


def test_an_upload_after_the_request_was_closed_is_refused(
    browser: Client, consultation: ConsultationRequest, documents_root: Path
) -> None:
    path = upload_path(consultation)
    page = browser.get(path)
    consultation.status = ConsultationRequest.Status.CLOSED
    consultation.save()

    response = browser.post(
        path,
        {
            "csrfmiddlewaretoken": page.cookies["csrftoken"].value,
            "uploads": SimpleUploadedFile("a.pdf", samples.PDF),
        },
    )

    assert "заявка уже закрыта" in response.content.decode()
    assert 'type="file"' not in response.content.decode()
    assert stored_files(documents_root) == []


def test_on_phones_the_page_offers_a_call_and_no_second_booking(
    browser: Client, consultation: ConsultationRequest
) -> None:
    clinic = make_clinic()

    page = browser.get(upload_path(consultation)).content.decode()

    bar = page[page.index('<nav class="action-bar"') :]
    bar = bar[: bar.index("</nav>")]
    assert f'href="{clinic.phone_href}"' in bar
    assert "Записаться" not in bar and "action-book" not in bar
