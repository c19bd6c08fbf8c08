"""The one place where a consultation request comes into being, with all its side effects."""

import hashlib
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import partial

from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from booking import tasks
from booking.models import ConsultationRequest, RequestEvent, new_reference
from services.models import Doctor, Treatment

REFERENCE_TRIES = 5


@dataclass(frozen=True)
class Submission:
    request: ConsultationRequest
    duplicate: bool


def create_consultation_request(
    *,
    name: str,
    phone: str,
    channel: str,
    requester: str,
    call_now: bool,
    preferred_time: datetime | None,
    patient_name: str = "",
    relationship: str = "",
    callback_person: str = ConsultationRequest.CallbackPerson.REQUESTER,
    treatment: Treatment | None = None,
    doctor: Doctor | None = None,
    message: str = "",
    email: str = "",
    language: str = "ru",
    source_page: str = "",
    ip_hash: str = "",
) -> Submission:
    """Save a request, or return the open one this phone sent a moment ago.

    Notifications and deadline checks are enqueued only after the commit, so a
    worker never sees a request that is not in the database yet.
    """
    now = timezone.now()
    request = ConsultationRequest(
        name=name,
        phone=phone,
        email=email,
        channel=channel,
        requester=requester,
        patient_name=patient_name,
        relationship=relationship,
        callback_person=callback_person,
        call_now=call_now,
        preferred_time=None if call_now else preferred_time,
        treatment=treatment,
        doctor=doctor,
        message=message,
        language=language,
        source_page=source_page[:300],
        ip_hash=ip_hash,
        consent_at=now,
        consent_version=settings.CONSENT_POLICY_VERSION,
        created_at=now,
        due_at=callback_deadline(now, call_now, preferred_time),
        notifications_enqueued_at=now,
    )
    request.full_clean(exclude=["reference"], validate_unique=False, validate_constraints=False)
    for _ in range(REFERENCE_TRIES - 1):
        try:
            return _save_unless_duplicate(request, now)
        except IntegrityError:
            # A random reference another request already has: so rare that the whole (short)
            # transaction is tried again rather than paying for a savepoint every time.
            request.reference = new_reference()
    return _save_unless_duplicate(request, now)


def _save_unless_duplicate(request: ConsultationRequest, now: datetime) -> Submission:
    with transaction.atomic():
        _lock_phone(str(request.phone))
        existing = ConsultationRequest.objects.recent_open_for_phone(request.phone, now).first()
        if existing is not None:
            RequestEvent.objects.create(request=existing, kind=RequestEvent.Kind.DUPLICATE, at=now)
            return Submission(existing, duplicate=True)
        request.save(force_insert=True)
        RequestEvent.objects.create(request=request, kind=RequestEvent.Kind.CREATED, at=now)
        # Who is told is decided by the worker with the staff and settings of that moment. If the
        # enqueue is lost (the queue down, the process killed after the commit), the request keeps
        # notifications_enqueued_at and the sweeper (booking_sweep) enqueues it again.
        transaction.on_commit(partial(tasks.send_new_request.enqueue, request.pk), robust=True)
    return Submission(request, duplicate=False)


def callback_deadline(now: datetime, call_now: bool, preferred_time: datetime | None) -> datetime:
    promise = now + timedelta(minutes=settings.BOOKING_CALLBACK_MINUTES)
    if call_now or preferred_time is None:
        return promise
    # A chosen time sooner than the promise cannot make the promise shorter.
    return max(preferred_time, promise)


def _lock_phone(phone: str) -> None:
    """Serialise submissions of one phone so two quick clicks cannot make two requests."""
    if connection.vendor == "postgresql":
        digest = hashlib.blake2b(phone.encode(), digest_size=8).digest()
        with connection.cursor() as cursor:
            # A transaction-scoped advisory lock has no ORM equivalent; it is released at commit.
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [int.from_bytes(digest, "big", signed=True)])
    # SQLite: the settings open every transaction with BEGIN IMMEDIATE, which already
    # lets only one writer in at a time.
