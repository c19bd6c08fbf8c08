"""The one place where a consultation request comes into being, with all its side effects."""

import hashlib
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from booking import tasks
from booking.inserts import PreparedInsert
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
    # Who is told is decided by the worker (booking.tasks.send_new_requests), with the staff and
    # settings of that moment: the transaction, which on SQLite holds the one write lock every
    # other writer waits for (clinic_site/sqlite_backend), does only what must be atomic, and
    # its two INSERTs are built before it starts.
    phone = str(request.phone)
    insert_request = PreparedInsert(request)
    insert_event = PreparedInsert(RequestEvent(kind=RequestEvent.Kind.CREATED, at=now))
    with transaction.atomic():
        _lock_phone(phone)
        existing = _recent_open_request(phone, now)
        if existing is not None:
            RequestEvent.objects.create(request=existing, kind=RequestEvent.Kind.DUPLICATE, at=now)
            return Submission(existing, duplicate=True)

        request.pk = insert_request.run()
        request._state.adding = False
        request._state.db = connection.alias
        insert_event.run(request_id=request.pk)
        # The worker is woken after the commit, so what it looks for is there. Usually a sender
        # task is already waiting and this is one small read; the enqueue, when needed, is done
        # after the commit so the queue library's Python (a third of a millisecond) does not run
        # while every other writer waits. If it is lost, the sweeper finds
        # notifications_enqueued_at still set and wakes the sender again.
        transaction.on_commit(tasks.wake_new_request_sender, robust=True)
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
        digest = hashlib.blake2b(str(phone).encode(), digest_size=8).digest()
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [int.from_bytes(digest, "big", signed=True)])
    # SQLite: the settings open every transaction with BEGIN IMMEDIATE, which already
    # lets only one writer in at a time.


# The duplicate check runs on every submission, inside the write transaction. Written out, it
# costs a hundredth of what building the same query with the ORM does on each call (measured:
# 0.35 ms against 0.01 ms); tests/booking/test_duplicates.py holds it to the ORM's meaning.
RECENT_OPEN_REQUEST_SQL = (
    "SELECT id FROM booking_consultationrequest WHERE phone = %s AND created_at >= %s"
    f" AND status IN ({', '.join(['%s'] * len(ConsultationRequest.OPEN_STATUSES))})"
    " ORDER BY created_at DESC LIMIT 1"
)


def _recent_open_request(phone: str, now: datetime) -> ConsultationRequest | None:
    since = now - timedelta(minutes=settings.BOOKING_DUPLICATE_WINDOW_MINUTES)
    # On the (phone, created_at) index; nearly always it finds nothing, so only the id is
    # fetched and the whole row is loaded in the rare case of a repeat.
    with connection.cursor() as cursor:
        cursor.execute(
            RECENT_OPEN_REQUEST_SQL,
            [phone, connection.ops.adapt_datetimefield_value(since), *ConsultationRequest.OPEN_STATUSES],
        )
        found = cursor.fetchone()
    return ConsultationRequest.objects.get(pk=found[0]) if found else None
