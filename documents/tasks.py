"""Background work of the documents app, on Django's Tasks API (the worker is `manage.py db_worker`)."""

from django.utils import timezone
from django_tasks import task

from documents import scanning


@task()
def scan_document(document_id: int) -> None:
    retry_at = scanning.scan_document(document_id)
    if retry_at is not None:
        scan_document.using(run_after=retry_at).enqueue(document_id)


def sweep(grace_seconds: float = 120) -> int:
    """Enqueue again the scans a lost task or a stopped worker missed; return how many."""
    ids = scanning.overdue_scans(timezone.now(), grace_seconds)
    for document_id in ids:
        scan_document.enqueue(document_id)
    return len(ids)
