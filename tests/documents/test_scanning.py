import io
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from booking.models import ConsultationRequest
from documents import scanning, tasks
from documents.intake import take_document
from documents.models import Document
from tests.documents import samples
from tests.documents.conftest import Clamd

SCAN_TASK = "documents.tasks.scan_document"


def stored(consultation: ConsultationRequest, content: bytes) -> Document:
    """A document as the upload leaves it, whatever its content (the EICAR file is no PDF)."""
    document = Document(
        request=consultation, original_name="file.pdf", kind="pdf", size=len(content), sha256="-"
    )
    document.file.save("file.pdf", ContentFile(content))
    return document


def status_of(document: Document) -> str:
    document.refresh_from_db()
    return document.status


def test_the_eicar_file_is_quarantined(running_clamd: Clamd, consultation: ConsultationRequest) -> None:
    document = stored(consultation, samples.EICAR)

    scanning.scan_document(document.pk)

    document.refresh_from_db()
    assert document.status == Document.Status.INFECTED
    assert document.scan_result.startswith("Eicar-Test-Signature")
    assert document.scanned_at is not None
    assert not document.can_be_opened


def test_a_clean_pdf_becomes_clean(
    running_clamd: Clamd, consultation: ConsultationRequest, django_capture_on_commit_callbacks: object
) -> None:
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        document = take_document(consultation, io.BytesIO(samples.PDF), "report.pdf", len(samples.PDF))
    assert DBTaskResult.objects.filter(task_path=SCAN_TASK, args_kwargs__args=[document.pk]).exists()

    tasks.scan_document.call(document.pk)

    assert status_of(document) == Document.Status.CLEAN
    assert Document.objects.get(pk=document.pk).can_be_opened


def test_with_clamd_down_the_file_waits_unopenable_and_is_scanned_when_back(
    running_clamd: Clamd, consultation: ConsultationRequest, client: Client, settings: object
) -> None:
    document = stored(consultation, samples.PDF)
    running_clamd.stop()

    tasks.scan_document.call(document.pk)

    document.refresh_from_db()
    assert document.status == Document.Status.WAITING and not document.can_be_opened
    assert document.scan_attempts == 1
    assert "cannot reach clamd" in document.scan_result
    retry = DBTaskResult.objects.get(task_path=SCAN_TASK, args_kwargs__args=[document.pk])
    assert retry.run_after > timezone.now()

    settings.HEALTH_MAX_UNSCANNED_SECONDS = 60  # type: ignore[attr-defined]
    Document.objects.filter(pk=document.pk).update(uploaded_at=timezone.now() - timedelta(minutes=5))
    health = client.get("/healthz")
    assert health.status_code == 503
    assert "virus scan: is clamd running?" in " ".join(health.json()["problems"])

    running_clamd.start()
    tasks.scan_document.call(document.pk)

    assert status_of(document) == Document.Status.CLEAN
    assert client.get("/healthz").json()["documents"]["oldest_unscanned_seconds"] is None


def test_the_patient_sees_a_quarantined_file_in_plain_words(
    running_clamd: Clamd, consultation: ConsultationRequest, django_capture_on_commit_callbacks: object
) -> None:
    from documents.links import upload_url

    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        document = take_document(
            consultation, io.BytesIO(samples.INFECTED_PDF), "анализы.pdf", len(samples.INFECTED_PDF)
        )
    tasks.scan_document.call(document.pk)

    page = Client().get(upload_url(consultation).removeprefix("http://127.0.0.1:8000")).content.decode()
    assert status_of(document) == Document.Status.INFECTED
    assert "анализы.pdf" in page
    assert "нашёл в этом файле вирус" in page
    assert "никто его не откроет" in page


def test_the_sweep_enqueues_again_a_scan_whose_task_was_lost(consultation: ConsultationRequest) -> None:
    document = stored(consultation, samples.PDF)
    Document.objects.filter(pk=document.pk).update(next_scan_at=timezone.now() - timedelta(minutes=10))
    fresh = stored(consultation, samples.PDF)

    assert tasks.sweep(grace_seconds=120) == 1

    enqueued = DBTaskResult.objects.filter(task_path=SCAN_TASK).values_list("args_kwargs", flat=True)
    assert [entry["args"] for entry in enqueued] == [[document.pk]]
    assert tasks.sweep(grace_seconds=120) == 0
    assert fresh.status == Document.Status.WAITING


@pytest.mark.parametrize(
    ("reply", "infected", "signature"),
    [("stream: OK", False, ""), ("stream: Win.Test.EICAR_HDB-1 FOUND", True, "Win.Test.EICAR_HDB-1")],
)
def test_it_reads_clamds_verdicts(reply: str, infected: bool, signature: str) -> None:
    from documents.clamd import parse_reply

    verdict = parse_reply(reply)
    assert (verdict.infected, verdict.signature) == (infected, signature)


def test_a_refusal_by_clamd_gives_no_verdict(documents_root: Path) -> None:
    from documents.clamd import ClamdUnavailable, parse_reply

    with pytest.raises(ClamdUnavailable, match="size limit exceeded"):
        parse_reply("INSTREAM size limit exceeded. ERROR")
