"""Erasing patients' documents with the rest of their personal data.

Called by the request's erasure (retention, or the patient withdrawing consent) inside its
transaction: the rows go with it, the bytes once it has committed, so a rollback loses nothing.
"""

from collections.abc import Iterable

from django.db import transaction

from documents import tus
from documents.models import DoctorReview, Document, PartialUpload


def erase_documents(request_ids: Iterable[int]) -> int:
    """Delete the documents and unfinished uploads of these requests and blank the doctors'
    notes about them; return how many documents were deleted."""
    ids = list(request_ids)
    documents = Document.objects.filter(request_id__in=ids)
    storage = Document._meta.get_field("file").storage
    names = [name for name in documents.values_list("file", flat=True) if name]
    deleted, _ = documents.delete()
    partials = PartialUpload.objects.filter(request_id__in=ids)
    pieces = [tus.partial_path(upload) for upload in partials]
    partials.delete()
    DoctorReview.objects.filter(request_id__in=ids).update(note="")

    def delete_files() -> None:
        for name in names:
            storage.delete(name)
        for path in pieces:
            path.unlink(missing_ok=True)

    transaction.on_commit(delete_files)
    return deleted
