"""Taking a patient's file: checked, stored in the private storage, recorded, sent to the scan."""

import hashlib
from typing import IO

from django.conf import settings
from django.core.files import File
from django.db import transaction
from django.db.models import Sum
from django.utils.translation import gettext as _

from booking.models import ConsultationRequest
from documents import tasks
from documents.models import Document
from documents.recognition import Refusal, human_size, recognise, sanitise_name

CHUNK = 1024 * 1024


def accepts_documents(consultation: ConsultationRequest) -> bool:
    """Documents are wanted until the request is closed (or was spam, or has been erased)."""
    return (
        consultation.status not in (ConsultationRequest.Status.CLOSED, ConsultationRequest.Status.SPAM)
        and consultation.personal_data_erased_at is None
    )


def take_document(consultation: ConsultationRequest, file: IO[bytes], name: str, size: int) -> Document:
    """Check and store one file for this request, or raise Refusal with a message for the patient;
    a refused file leaves nothing behind."""
    kind = recognise(file, size)
    check_room(consultation, size)
    original = sanitise_name(name)
    document = Document(
        request=consultation, original_name=original, kind=kind, size=size, sha256=sha256_of(file)
    )
    # The copy into the storage may take minutes for a CT study, so it is made before the
    # request is locked; whatever fails afterwards removes it again.
    document.file.save(original, File(file, name=original), save=False)
    try:
        with transaction.atomic():
            # Two uploads at once must not both fit in what is left of the allowance.
            locked = ConsultationRequest.objects.select_for_update().get(pk=consultation.pk)
            check_room(locked, size)
            document.save()
            transaction.on_commit(lambda: tasks.scan_document.enqueue(document.pk))
    except BaseException:
        document.file.storage.delete(document.file.name)
        raise
    return document


def check_room(consultation: ConsultationRequest, size: int) -> None:
    if not accepts_documents(consultation):
        raise Refusal(closed_message())
    used = (
        Document.objects.filter(request=consultation).counted_in_total().aggregate(total=Sum("size"))["total"]
        or 0
    )
    if used + size > settings.DOCUMENT_REQUEST_MAX_MB * 1024 * 1024:
        raise Refusal(
            _(
                "Для этой заявки уже загружено много файлов: вместе они не могут весить больше "
                "%(size)s. Позвоните нам, и мы подскажем, как передать остальное."
            )
            % {"size": human_size(settings.DOCUMENT_REQUEST_MAX_MB)}
        )


def sha256_of(file: IO[bytes]) -> str:
    file.seek(0)
    digest = hashlib.sha256()
    while chunk := file.read(CHUNK):
        digest.update(chunk)
    file.seek(0)
    return digest.hexdigest()


def closed_message() -> str:
    return _(
        "Эта заявка уже закрыта, поэтому загрузить документы по этой ссылке нельзя. "
        "Если вы хотите передать документы врачу, позвоните нам или оставьте новую заявку."
    )
