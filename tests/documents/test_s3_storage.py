"""The documents storage on an S3-compatible server (django-storages), here moto's on loopback."""

import io
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from booking.models import ConsultationRequest, RequestEvent
from documents.erasure import erase_documents
from documents.intake import take_document
from documents.models import DoctorReview, Document
from tests.documents import samples

boto3 = pytest.importorskip("boto3", reason="boto3 (django-storages' S3 backend) is not installed")
moto_server = pytest.importorskip(
    "moto.server", reason="moto[server] is not installed (requirements-dev.txt)"
)
S3Storage = pytest.importorskip("storages.backends.s3").S3Storage

BUCKET = "clinic-documents"
KEYS = {"aws_access_key_id": "test", "aws_secret_access_key": "test", "region_name": "us-east-1"}


@pytest.fixture(scope="module")
def s3_endpoint() -> Iterator[str]:
    server = moto_server.ThreadedMotoServer(ip_address="127.0.0.1", port=0)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture
def bucket(s3_endpoint: str, monkeypatch: pytest.MonkeyPatch, settings: object) -> Iterator[object]:
    client = boto3.client("s3", endpoint_url=s3_endpoint, **KEYS)
    client.create_bucket(Bucket=BUCKET)
    storage = S3Storage(
        bucket_name=BUCKET,
        endpoint_url=s3_endpoint,
        access_key="test",
        secret_key="test",
        region_name="us-east-1",
        **settings.DOCUMENTS_S3_OPTIONS,  # type: ignore[attr-defined]  # as production sets it up
    )
    monkeypatch.setattr(Document._meta.get_field("file"), "storage", storage)
    yield client
    for item in client.list_objects_v2(Bucket=BUCKET).get("Contents", []):
        client.delete_object(Bucket=BUCKET, Key=item["Key"])
    client.delete_bucket(Bucket=BUCKET)


def keys(client: object) -> list[str]:
    return [item["Key"] for item in client.list_objects_v2(Bucket=BUCKET).get("Contents", [])]  # type: ignore[attr-defined]


def test_an_upload_lands_in_the_bucket_under_a_random_private_name(
    bucket: object, consultation: ConsultationRequest
) -> None:
    document = take_document(consultation, io.BytesIO(samples.PDF), "Выписка.pdf", len(samples.PDF))

    [key] = keys(bucket)
    assert key == f"documents/{document.file.name}" and "Выписка" not in key
    body = bucket.get_object(Bucket=BUCKET, Key=key)["Body"].read()  # type: ignore[attr-defined]
    assert body == samples.PDF
    grants = bucket.get_object_acl(Bucket=BUCKET, Key=key)["Grants"]  # type: ignore[attr-defined]
    assert all("AllUsers" not in str(grant) for grant in grants)


def test_the_doctor_opens_a_file_from_the_bucket(
    bucket: object,
    s3_endpoint: str,
    consultation: ConsultationRequest,
    doctor_user: User,
    login: Callable[[User], Client],
) -> None:
    document = take_document(consultation, io.BytesIO(samples.PDF), "Выписка.pdf", len(samples.PDF))
    Document.objects.filter(pk=document.pk).update(status=Document.Status.CLEAN)
    DoctorReview.objects.create(request=consultation, doctor=doctor_user)

    response = login(doctor_user).get(reverse("admin:documents_document_open", args=[document.pk]))

    # The browser is sent to the private object by a link signed for a minute, not relayed.
    assert response.status_code == 302
    link = urllib.parse.urlsplit(response["Location"])
    query = urllib.parse.parse_qs(link.query)
    assert f"{link.scheme}://{link.netloc}" == s3_endpoint
    assert query["X-Amz-Expires"] == ["60"]
    assert "no-store" in response["Cache-Control"]  # the signed link is not kept by the browser
    with urllib.request.urlopen(response["Location"], timeout=10) as answer:
        assert answer.read() == samples.PDF
        assert answer.headers["Content-Type"] == "application/pdf"
        assert "attachment" in answer.headers["Content-Disposition"]
    assert RequestEvent.objects.filter(request=consultation, kind=RequestEvent.Kind.VIEWED).exists()
    # The same link without its signature is refused: the bucket is not public.
    unsigned = f"{link.scheme}://{link.netloc}{link.path}"
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(unsigned, timeout=10)
    assert refused.value.code == 403


def test_where_browsers_cannot_reach_the_bucket_django_relays_the_file(
    bucket: object,
    consultation: ConsultationRequest,
    doctor_user: User,
    login: Callable[[User], Client],
    settings: object,
) -> None:
    settings.DOCUMENTS_S3_DIRECT = False  # type: ignore[attr-defined]
    document = take_document(consultation, io.BytesIO(samples.PDF), "Выписка.pdf", len(samples.PDF))
    Document.objects.filter(pk=document.pk).update(status=Document.Status.CLEAN)
    DoctorReview.objects.create(request=consultation, doctor=doctor_user)

    response = login(doctor_user).get(reverse("admin:documents_document_open", args=[document.pk]))

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == samples.PDF  # type: ignore[attr-defined]


def test_erasure_deletes_the_object(
    bucket: object, consultation: ConsultationRequest, django_capture_on_commit_callbacks: object
) -> None:
    take_document(consultation, io.BytesIO(samples.PDF), "Выписка.pdf", len(samples.PDF))

    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        erase_documents([consultation.pk])

    assert keys(bucket) == []
