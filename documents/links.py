"""The signed, expiring link a patient sends documents with: no login, and it names the
request by its random reference, never the patient."""

import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from booking.models import ConsultationRequest

SALT = "documents-upload-link"


@dataclass(frozen=True)
class Link:
    consultation: ConsultationRequest
    expires_at: datetime


class LinkExpired(Exception):
    pass


class LinkInvalid(Exception):
    pass


def upload_token(consultation: ConsultationRequest) -> str:
    # "at" only tells the patient until when the link works; max_age is what enforces it.
    return signing.dumps({"ref": consultation.reference, "at": int(time.time())}, salt=SALT)


def upload_path(consultation: ConsultationRequest) -> str:
    """The link's path, in the language the patient wrote in."""
    with translation.override(consultation.language or settings.LANGUAGE_CODE):
        return reverse("documents:upload", kwargs={"token": upload_token(consultation)})


def upload_url(consultation: ConsultationRequest) -> str:
    """The absolute link, for messages and for staff to copy."""
    return f"{settings.SITE_URL}{upload_path(consultation)}"


def link_expiry() -> datetime:
    """Until when a link made now works."""
    return timezone.now() + timedelta(days=settings.DOCUMENT_LINK_DAYS)


def sms_text(consultation: ConsultationRequest) -> str:
    """Short, in the patient's language, naming the request only: an SMS sits on a lock screen."""
    language = consultation.language if consultation.language in ("ru", "en") else "ru"
    with translation.override(language):
        return _("Клиника Лядова: документы к заявке %(reference)s можно отправить врачу здесь: %(url)s") % {
            "reference": consultation.reference,
            "url": upload_url(consultation),
        }


def open_link(token: str) -> Link:
    """The request a link names; LinkExpired or LinkInvalid otherwise."""
    lifetime = timedelta(days=settings.DOCUMENT_LINK_DAYS)
    try:
        found = signing.loads(token, salt=SALT, max_age=lifetime)
        consultation = ConsultationRequest.objects.get(reference=str(found["ref"]))
        issued_at = datetime.fromtimestamp(int(found["at"]), tz=UTC)
    except signing.SignatureExpired as exc:
        raise LinkExpired from exc
    except (signing.BadSignature, ConsultationRequest.DoesNotExist, KeyError, TypeError, ValueError) as exc:
        raise LinkInvalid from exc
    return Link(consultation, issued_at + lifetime)
