"""What managers do to a request in the admin, each step recorded in its timeline."""

from datetime import datetime, timedelta

from django.contrib.auth.models import User
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from booking.models import ConsultationRequest, RequestEvent

Status = ConsultationRequest.Status
Kind = RequestEvent.Kind

# Reaching the patient is the first contact the 15-minute promise is about.
CONTACT_STATUSES = {Status.CONTACTED, Status.BOOKED}
# The request's work is over: the retention period counts from here.
FINAL_STATUSES = {Status.BOOKED, Status.CLOSED, Status.SPAM}
# Reopening a page now and then is normal; one line per visit would bury the timeline.
VIEW_QUIET_MINUTES = 5


class CallOutcome(models.TextChoices):
    NO_ANSWER = "no_answer", _("Не отвечает")
    BUSY = "busy", _("Занято")
    REACHED = "reached", _("Дозвонились")


def record_event(
    consultation: ConsultationRequest,
    kind: str,
    actor: User | None,
    text: str = "",
    at: datetime | None = None,
) -> RequestEvent:
    return RequestEvent.objects.create(
        request=consultation, kind=kind, actor=actor, text=text, at=at or timezone.now()
    )


def claim(consultation: ConsultationRequest, manager: User) -> bool:
    """Assign to `manager` unless another manager has it already; False then."""
    with transaction.atomic():
        # A conditional UPDATE: of two managers clicking at once, one wins.
        taken = (
            ConsultationRequest.objects.filter(pk=consultation.pk)
            .filter(Q(assigned_to__isnull=True) | Q(assigned_to=manager))
            .update(assigned_to=manager)
        )
        if not taken:
            return False
        consultation.assigned_to = manager
        record_event(consultation, Kind.CLAIMED, manager)
        if consultation.status == Status.NEW:
            change_status(consultation, Status.IN_PROGRESS, manager)
    return True


def record_assignment(consultation: ConsultationRequest, actor: User, previous: User | None) -> None:
    """Log an assignment made in the form; the form has already saved it."""
    text = f"{_name(previous)} → {_name(consultation.assigned_to)}"
    record_event(consultation, Kind.CLAIMED, actor, text)


def _name(user: User | None) -> str:
    if user is None:
        return "—"
    return user.get_full_name() or user.get_username()


def change_status(
    consultation: ConsultationRequest,
    status: str,
    actor: User | None,
    now: datetime | None = None,
) -> None:
    old = consultation.status
    if status == old:
        return
    now = now or timezone.now()
    consultation.status = status
    if status in CONTACT_STATUSES and consultation.first_contact_at is None:
        consultation.first_contact_at = now
    if status in FINAL_STATUSES:
        consultation.closed_at = consultation.closed_at or now
    else:
        consultation.closed_at = None
    with transaction.atomic():
        consultation.save(update_fields=["status", "first_contact_at", "closed_at"])
        record_event(consultation, Kind.STATUS, actor, f"{old} → {status}", at=now)


def record_call_attempt(
    consultation: ConsultationRequest,
    outcome: str,
    actor: User,
    now: datetime | None = None,
) -> None:
    now = now or timezone.now()
    with transaction.atomic():
        record_event(consultation, Kind.CALL_ATTEMPT, actor, outcome, at=now)
        if outcome != CallOutcome.REACHED:
            return
        if consultation.first_contact_at is None:
            consultation.first_contact_at = now
            consultation.save(update_fields=["first_contact_at"])
        if consultation.is_open:
            change_status(consultation, Status.CONTACTED, actor, now=now)


def add_note(consultation: ConsultationRequest, text: str, actor: User) -> None:
    record_event(consultation, Kind.NOTE, actor, text.strip())


def record_view(consultation: ConsultationRequest, viewer: User, now: datetime | None = None) -> bool:
    """Note who opened the request, at most once per viewer every few minutes."""
    now = now or timezone.now()
    recently = RequestEvent.objects.filter(
        request=consultation,
        actor=viewer,
        kind=Kind.VIEWED,
        at__gte=now - timedelta(minutes=VIEW_QUIET_MINUTES),
    )
    if recently.exists():
        return False
    record_event(consultation, Kind.VIEWED, viewer, at=now)
    return True


def describe(event: RequestEvent) -> str:
    """The event's text for people: status codes and call outcomes in the page's language."""
    if event.kind == Kind.STATUS and " → " in event.text:
        old, new = event.text.split(" → ", 1)
        return f"{_label(Status, old)} → {_label(Status, new)}"
    if event.kind == Kind.CALL_ATTEMPT:
        return str(_label(CallOutcome, event.text))
    return event.text


def _label(choices: type[models.TextChoices], value: str) -> str:
    try:
        return str(choices(value).label)
    except ValueError:
        return value
