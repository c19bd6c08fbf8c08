from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from booking.models import ConsultationRequest
from booking.retention import purge_personal_data
from documents import tus
from documents.erasure import erase_documents
from documents.models import DoctorReview, Document, PartialUpload
from tests.documents.conftest import clean_document, stored_files


def test_erasing_a_request_removes_its_documents_bytes_and_notes(
    make_consultation: Callable[..., ConsultationRequest],
    doctor_user: User,
    documents_root: Path,
    django_capture_on_commit_callbacks: object,
) -> None:
    erased, kept = make_consultation(), make_consultation(phone="+79161234567")
    clean_document(erased)
    clean_document(erased)
    survivor = clean_document(kept)
    DoctorReview.objects.create(request=erased, doctor=doctor_user, note="Пациент Петров, 64 года")
    partial = PartialUpload.objects.create(
        request=erased, original_name="a.pdf", length=10, expires_at=erased.created_at
    )
    tus.partial_path(partial).parent.mkdir(parents=True, exist_ok=True)
    tus.partial_path(partial).write_bytes(b"12345")

    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        assert erase_documents([erased.pk]) == 2

    assert list(Document.objects.all()) == [survivor]
    assert stored_files(documents_root) == [Path(survivor.file.path)]
    assert DoctorReview.objects.get().note == ""
    assert not PartialUpload.objects.exists() and not tus.partial_path(partial).exists()


def test_a_rolled_back_erasure_keeps_the_files(
    consultation: ConsultationRequest, documents_root: Path, django_capture_on_commit_callbacks: object
) -> None:
    clean_document(consultation)

    with django_capture_on_commit_callbacks(execute=False) as callbacks:  # type: ignore[operator]
        try:
            with transaction.atomic():
                erase_documents([consultation.pk])
                raise RuntimeError("the erasure failed further on")
        except RuntimeError:
            pass

    assert callbacks == []
    assert Document.objects.count() == 1
    assert len(stored_files(documents_root)) == 1


def test_the_retention_purge_erases_a_closed_requests_documents_with_its_personal_data(
    make_consultation: Callable[..., ConsultationRequest],
    documents_root: Path,
    django_capture_on_commit_callbacks: object,
) -> None:
    long_ago = timezone.now() - timedelta(days=400)
    closed = make_consultation(
        created_at=long_ago, status=ConsultationRequest.Status.CLOSED, closed_at=long_ago
    )
    clean_document(closed)

    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        assert purge_personal_data() == 1

    assert not Document.objects.exists()
    assert stored_files(documents_root) == []
    assert ConsultationRequest.objects.get().phone == ""
