"""The virus scan of each stored document, by clamd, before anyone may open it.

While clamd is down a document waits, unopenable, and its scan is tried again later;
/healthz reports documents that have waited too long (clinic_site/health.py).
"""

import logging
from datetime import datetime, timedelta

from django.conf import settings
from django.utils import timezone

from documents import clamd, dicom
from documents.models import Document

log = logging.getLogger(__name__)

CHUNK = 256 * 1024


def scan_document(document_id: int, now: datetime | None = None) -> datetime | None:
    """Scan one waiting document; return when to try again if clamd gave no verdict."""
    document = Document.objects.waiting_for_scan().filter(pk=document_id).first()
    if document is None:
        return None
    try:
        with document.file.open("rb") as file:
            verdict = clamd.scan(
                iter(lambda: file.read(CHUNK), b""), settings.CLAMD_ADDRESS, settings.CLAMD_TIMEOUT
            )
    except clamd.ClamdUnavailable as exc:
        return postpone(document, str(exc), now or timezone.now())
    now = now or timezone.now()
    if verdict.infected:
        # The bytes stay where they are for the operator to examine; no view serves them.
        status, result = Document.Status.INFECTED, verdict.signature
        log.warning("document %s quarantined: %s", document.pk, verdict.signature)
    else:
        status, result = Document.Status.CLEAN, "OK"
    Document.objects.waiting_for_scan().filter(pk=document.pk).update(
        status=status, scan_result=result[:200], scanned_at=now, next_scan_at=None
    )
    # Only a clean file is parsed: pydicom reads what the patient sent.
    if status == Document.Status.CLEAN and document.kind in (Document.Kind.DICOM, Document.Kind.DICOM_ZIP):
        dicom.record_study_facts(document)
    return None


def postpone(document: Document, error: str, now: datetime) -> datetime:
    attempts = document.scan_attempts + 1
    delay = min(settings.DOCUMENT_SCAN_RETRY_SECONDS * 2 ** (attempts - 1), 600)
    retry_at = now + timedelta(seconds=delay)
    Document.objects.filter(pk=document.pk).update(
        scan_attempts=attempts, scan_result=error[:200], next_scan_at=retry_at
    )
    log.warning(
        "document %s not scanned (attempt %s), again at %s: %s", document.pk, attempts, retry_at, error
    )
    return retry_at


def overdue_scans(now: datetime, grace_seconds: float) -> list[int]:
    """Waiting documents whose next scan is long past: their task was lost."""
    due = Document.objects.waiting_for_scan().filter(next_scan_at__lte=now - timedelta(seconds=grace_seconds))
    ids = list(due.order_by("pk").values_list("pk", flat=True)[:500])
    # Moving the time on keeps the next sweep from enqueueing the same ones again at once.
    Document.objects.filter(pk__in=ids).update(next_scan_at=now)
    return ids
