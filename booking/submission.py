"""The one place where a consultation request comes into being, with all its side effects."""

import hashlib
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import partial

from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from booking import notifications, tasks
from booking.models import ConsultationRequest, Delivery, RequestEvent, new_reference
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
    with transaction.atomic():
        _lock_phone(phone)
        existing = _recent_open_request(phone, now)
        if existing is not None:
            RequestEvent.objects.create(request=existing, kind=RequestEvent.Kind.DUPLICATE, at=now)
            return Submission(existing, duplicate=True)

        request = ConsultationRequest(
            name=name,
            phone=phone,
            email=email,
            channel=channel,
            requester=requester,
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
        )
        request.full_clean(exclude=["reference"], validate_unique=False, validate_constraints=False)
        _save_with_unique_reference(request)
        RequestEvent.objects.create(request=request, kind=RequestEvent.Kind.CREATED, at=now)

        purposes: list[str] = [Delivery.Purpose.NEW_REQUEST]
        if request.email:
            purposes.append(Delivery.Purpose.CONFIRMATION)
        notifications.add_deliveries(request, purposes)
        # One task per request: it sends these deliveries and then schedules the deadline check,
        # so the request path pays for a single enqueue.
        transaction.on_commit(partial(tasks.enqueue_new_request, request.pk), robust=True)
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


def _recent_open_request(phone: str, now: datetime) -> ConsultationRequest | None:
    since = now - timedelta(minutes=settings.BOOKING_DUPLICATE_WINDOW_MINUTES)
    # One query on the (phone, created_at) index; nearly always it finds nothing, so only the
    # id is fetched and the whole row is loaded in the rare case of a repeat.
    found = list(
        ConsultationRequest.objects.open()
        .filter(phone=phone, created_at__gte=since)
        .order_by("-created_at")
        .values_list("pk", flat=True)[:1]
    )
    return ConsultationRequest.objects.get(pk=found[0]) if found else None


def _save_with_unique_reference(request: ConsultationRequest) -> None:
    for attempt in range(REFERENCE_TRIES):
        try:
            with transaction.atomic():
                request.save()
            return
        except IntegrityError:
            if attempt == REFERENCE_TRIES - 1:
                raise
            request.reference = new_reference()
