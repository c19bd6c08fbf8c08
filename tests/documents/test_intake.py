import hashlib
import io
from pathlib import Path

import pytest
from django.conf import settings

from booking.models import ConsultationRequest
from documents.intake import take_document
from documents.models import Document
from documents.recognition import Refusal
from tests.documents import samples
from tests.documents.conftest import stored_files


def take(consultation: ConsultationRequest, content: bytes, name: str = "scan.pdf") -> Document:
    return take_document(consultation, io.BytesIO(content), name, len(content))


def test_a_file_is_stored_privately_under_a_random_name(
    consultation: ConsultationRequest, documents_root: Path
) -> None:
    document = take(consultation, samples.PDF, "Выписка Петрова.pdf")

    [path] = stored_files(documents_root)
    assert path.read_bytes() == samples.PDF
    assert "Петров" not in str(path) and not path.suffix
    assert not path.is_relative_to(Path(settings.MEDIA_ROOT))
    document.refresh_from_db()
    assert document.original_name == "Выписка Петрова.pdf"
    assert document.kind == Document.Kind.PDF
    assert document.size == len(samples.PDF)
    assert document.sha256 == hashlib.sha256(samples.PDF).hexdigest()
    assert document.status == Document.Status.WAITING
    assert not document.can_be_opened


def test_a_refused_file_leaves_nothing_behind(
    consultation: ConsultationRequest, documents_root: Path
) -> None:
    with pytest.raises(Refusal):
        take(consultation, samples.EXECUTABLE, "report.pdf")

    assert stored_files(documents_root) == []
    assert not Document.objects.exists()


def test_the_total_per_request_is_kept(
    consultation: ConsultationRequest, documents_root: Path, settings: object
) -> None:
    settings.DOCUMENT_REQUEST_MAX_MB = 1  # type: ignore[attr-defined]
    half = samples.PDF + b"\x00" * 600 * 1024
    take(consultation, half)

    with pytest.raises(Refusal, match="вместе они не могут весить больше 1 МБ"):
        take(consultation, half)
    assert len(stored_files(documents_root)) == 1
    assert consultation.documents.count() == 1


@pytest.mark.parametrize("status", [ConsultationRequest.Status.CLOSED, ConsultationRequest.Status.SPAM])
def test_a_closed_request_takes_no_files(
    make_consultation: object, documents_root: Path, status: str
) -> None:
    consultation = make_consultation(status=status)  # type: ignore[operator]

    with pytest.raises(Refusal, match="заявка уже закрыта"):
        take(consultation, samples.PDF)
    assert stored_files(documents_root) == []


def test_a_booked_consultation_still_takes_files(make_consultation: object) -> None:
    consultation = make_consultation(status=ConsultationRequest.Status.BOOKED)  # type: ignore[operator]

    assert take(consultation, samples.PDF).pk is not None
