"""Resumable uploads against the rules of tus 1.0.0 (creation, expiration, termination)."""

import base64
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from booking.models import ConsultationRequest
from documents import links, tus
from documents.models import Document, PartialUpload
from tests.documents import samples
from tests.documents.conftest import stored_files

TUS = {"HTTP_TUS_RESUMABLE": "1.0.0"}
CONTENT = samples.PDF + bytes(range(256)) * 40


def endpoint(consultation: ConsultationRequest) -> str:
    return links.upload_url(consultation).removeprefix(settings.SITE_URL) + "tus/"


def metadata(name: str) -> str:
    encoded = base64.b64encode(name.encode()).decode()
    return f"filename {encoded},filetype {base64.b64encode(b'application/pdf').decode()}"


def create(
    client: Client, consultation: ConsultationRequest, length: int = len(CONTENT), name: str = "КТ.pdf"
):  # type: ignore[no-untyped-def]
    return client.post(
        endpoint(consultation), HTTP_UPLOAD_LENGTH=str(length), HTTP_UPLOAD_METADATA=metadata(name), **TUS
    )


def send(client: Client, url: str, offset: int, data: bytes, **extra: str):  # type: ignore[no-untyped-def]
    return client.generic(
        "PATCH",
        url,
        data=data,
        content_type=tus.OFFSET_CONTENT_TYPE,
        HTTP_UPLOAD_OFFSET=str(offset),
        **TUS,
        **extra,
    )


def offset_of(client: Client, url: str) -> int:
    return int(client.head(url, **TUS)["Upload-Offset"])


def test_options_tell_the_version_extensions_and_largest_file(
    client: Client, consultation: ConsultationRequest
) -> None:
    response = client.options(endpoint(consultation))

    assert response.status_code == 204
    assert response["Tus-Resumable"] == "1.0.0" and response["Tus-Version"] == "1.0.0"
    assert set(response["Tus-Extension"].split(",")) == {"creation", "expiration", "termination"}
    assert response["Tus-Max-Size"] == str(settings.DOCUMENT_MAX_MB * 1024 * 1024)


def test_a_request_without_the_tus_version_is_refused(
    client: Client, consultation: ConsultationRequest
) -> None:
    response = client.post(endpoint(consultation), HTTP_UPLOAD_LENGTH="10")

    assert response.status_code == 412
    assert response["Tus-Version"] == "1.0.0"
    assert not PartialUpload.objects.exists()


def test_an_upload_in_pieces_resumes_from_the_servers_offset_and_becomes_a_document(
    client: Client,
    consultation: ConsultationRequest,
    documents_root: Path,
    django_capture_on_commit_callbacks: object,
) -> None:
    created = create(client, consultation)
    assert created.status_code == 201
    url = created["Location"]
    assert url.startswith("/ru/documents/") and "/tus/" in url and "Upload-Expires" in created
    assert offset_of(client, url) == 0

    first = send(client, url, 0, CONTENT[:1000])
    assert first.status_code == 204 and first["Upload-Offset"] == "1000"
    # The connection broke; the client asks where to go on from.
    assert offset_of(client, url) == 1000
    assert client.head(url, **TUS)["Upload-Length"] == str(len(CONTENT))
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        last = send(client, url, 1000, CONTENT[1000:])

    assert last.status_code == 204 and last["Upload-Offset"] == str(len(CONTENT))
    document = Document.objects.get()
    assert (document.original_name, document.kind, document.size) == ("КТ.pdf", "pdf", len(CONTENT))
    assert document.status == Document.Status.WAITING
    with document.file.open("rb") as stored:
        assert stored.read() == CONTENT
    assert DBTaskResult.objects.filter(task_path="documents.tasks.scan_document").exists()
    assert not PartialUpload.objects.exists()
    assert list(Path(settings.DOCUMENT_PARTIAL_ROOT).iterdir()) == []
    assert client.head(url, **TUS).status_code == 404


def test_a_piece_at_the_wrong_offset_is_refused_with_409(
    client: Client, consultation: ConsultationRequest
) -> None:
    url = create(client, consultation)["Location"]
    send(client, url, 0, CONTENT[:100])

    response = send(client, url, 50, CONTENT[50:200])

    assert response.status_code == 409
    assert offset_of(client, url) == 100


def test_a_piece_must_be_sent_as_offset_octet_stream(
    client: Client, consultation: ConsultationRequest
) -> None:
    url = create(client, consultation)["Location"]

    response = client.generic(
        "PATCH",
        url,
        data=CONTENT[:10],
        content_type="application/octet-stream",
        HTTP_UPLOAD_OFFSET="0",
        **TUS,
    )

    assert response.status_code == 415
    assert offset_of(client, url) == 0


def test_bytes_past_the_declared_length_are_not_kept(
    client: Client, consultation: ConsultationRequest
) -> None:
    url = create(client, consultation, length=100)["Location"]

    response = send(client, url, 0, CONTENT[:99])
    assert response.status_code == 204
    response = send(client, url, 99, CONTENT[99:150])

    assert response.status_code == 400
    assert not Document.objects.exists()


def test_a_file_over_the_limit_is_refused_before_a_byte_is_sent(
    client: Client, consultation: ConsultationRequest, settings: object
) -> None:
    settings.DOCUMENT_MAX_MB = 1  # type: ignore[attr-defined]

    response = create(client, consultation, length=2 * 1024 * 1024)

    assert response.status_code == 413
    assert "слишком большой" in response.content.decode()
    assert create(client, consultation, length=0).status_code == 400
    assert not PartialUpload.objects.exists()


def test_a_finished_file_that_is_not_accepted_is_explained_and_dropped(
    client: Client, consultation: ConsultationRequest, documents_root: Path
) -> None:
    url = create(client, consultation, length=len(samples.EXECUTABLE), name="выписка.pdf")["Location"]

    response = send(client, url, 0, samples.EXECUTABLE)

    assert response.status_code == 422
    assert "принимаем только PDF" in response.content.decode()
    assert not Document.objects.exists() and not PartialUpload.objects.exists()
    assert stored_files(documents_root) == []
    assert list(Path(settings.DOCUMENT_PARTIAL_ROOT).iterdir()) == []


def test_an_upload_to_a_closed_request_is_refused(client: Client, make_consultation: object) -> None:
    consultation = make_consultation(status=ConsultationRequest.Status.CLOSED)  # type: ignore[operator]

    response = create(client, consultation)

    assert response.status_code == 403
    assert "заявка уже закрыта" in response.content.decode()


def test_an_unfinished_upload_expires(client: Client, consultation: ConsultationRequest) -> None:
    url = create(client, consultation)["Location"]
    send(client, url, 0, CONTENT[:100])
    upload = PartialUpload.objects.get()
    later = timezone.now() + timedelta(hours=settings.DOCUMENT_UPLOAD_EXPIRE_HOURS + 1)

    PartialUpload.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    assert client.head(url, **TUS).status_code == 404
    assert send(client, url, 100, CONTENT[100:200]).status_code == 404
    assert tus.expire(later) == 1

    assert not PartialUpload.objects.exists()
    assert not tus.partial_path(upload).exists()


def test_each_piece_moves_the_expiry_on(client: Client, consultation: ConsultationRequest) -> None:
    url = create(client, consultation)["Location"]
    PartialUpload.objects.update(expires_at=timezone.now() + timedelta(minutes=1))

    send(client, url, 0, CONTENT[:100])

    assert PartialUpload.objects.get().expires_at > timezone.now() + timedelta(hours=1)


def test_the_patient_can_give_up_an_upload(client: Client, consultation: ConsultationRequest) -> None:
    url = create(client, consultation)["Location"]

    assert client.delete(url, **TUS).status_code == 204

    assert not PartialUpload.objects.exists()
    assert client.head(url, **TUS).status_code == 404


def test_an_upload_is_reached_only_through_its_own_requests_link(
    client: Client, consultation: ConsultationRequest, make_consultation: object
) -> None:
    url = create(client, consultation)["Location"]
    other = make_consultation(phone="+79161234567")  # type: ignore[operator]
    foreign = endpoint(other) + url.rstrip("/").rsplit("/", 1)[1] + "/"

    assert client.head(foreign, **TUS).status_code == 404
    assert send(client, foreign, 0, CONTENT[:10]).status_code == 404


def test_pieces_need_the_pages_csrf_token(consultation: ConsultationRequest) -> None:
    browser = Client(enforce_csrf_checks=True)
    page = browser.get(links.upload_url(consultation).removeprefix(settings.SITE_URL))
    token = page.cookies["csrftoken"].value

    assert create(browser, consultation).status_code == 403
    created = browser.post(
        endpoint(consultation), HTTP_UPLOAD_LENGTH=str(len(CONTENT)), HTTP_X_CSRFTOKEN=token, **TUS
    )
    assert created.status_code == 201
    assert send(browser, created["Location"], 0, CONTENT[:10]).status_code == 403
    assert send(browser, created["Location"], 0, CONTENT[:10], HTTP_X_CSRFTOKEN=token).status_code == 204


@pytest.mark.parametrize("bad", ["../../etc/passwd", "not-a-uuid", "0" * 32])
def test_an_unknown_upload_id_is_404(client: Client, consultation: ConsultationRequest, bad: str) -> None:
    assert client.head(endpoint(consultation) + bad.replace("/", "%2F") + "/", **TUS).status_code == 404


def test_the_sweep_command_drops_expired_uploads(client: Client, consultation: ConsultationRequest) -> None:
    from io import StringIO

    from django.core.management import call_command

    create(client, consultation)
    PartialUpload.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    out = StringIO()

    call_command("documents_sweep", stdout=out)

    assert "1 unfinished uploads dropped" in out.getvalue()
    assert not PartialUpload.objects.exists()
