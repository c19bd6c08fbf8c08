"""A consultation request: what the patient sent, its deadlines, the steps staff take on it."""

import secrets
from datetime import datetime, timedelta

import phonenumbers
from django.conf import settings
from django.contrib.auth.models import User
from django.db import models, transaction
from django.db.models.functions import Coalesce
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from phonenumber_field.modelfields import PhoneNumberField

from booking.models.deliveries import PATIENT_PURPOSES, Delivery
from booking.models.timeline import RequestEvent

# No 0/O, 1/I/L: a code read aloud over the phone must not be ambiguous.
REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
# What erased personal fields read as.
ERASED = "—"


def new_reference() -> str:
    body = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(6))
    return f"{body[:3]}-{body[3:]}"


def retention_cutoff(now: datetime) -> datetime:
    """Personal data of requests whose work ended before this is erased."""
    return now - timedelta(days=settings.BOOKING_RETENTION_DAYS)


def overdue_q(now: datetime) -> models.Q:
    """The one definition of overdue: still open, nobody has reached the patient, past the deadline."""
    return models.Q(
        status__in=ConsultationRequest.OPEN_STATUSES, first_contact_at__isnull=True, due_at__lt=now
    )


class ConsultationRequestQuerySet(models.QuerySet):
    def open(self) -> "ConsultationRequestQuerySet":
        return self.filter(status__in=ConsultationRequest.OPEN_STATUSES)

    def awaiting_first_contact(self) -> "ConsultationRequestQuerySet":
        return self.open().filter(first_contact_at__isnull=True)

    def overdue(self, now: datetime | None = None) -> "ConsultationRequestQuerySet":
        return self.filter(overdue_q(now or timezone.now()))

    def recent_open_for_phone(self, phone: object, now: datetime) -> "ConsultationRequestQuerySet":
        """The open request this phone sent within the duplicate window, newest first."""
        since = now - timedelta(minutes=settings.BOOKING_DUPLICATE_WINDOW_MINUTES)
        return self.open().filter(phone=phone, created_at__gte=since).order_by("-created_at")

    def past_a_deadline(self, now: datetime) -> "ConsultationRequestQuerySet":
        """Awaiting first contact and due for escalation or for being marked overdue."""
        lead = timedelta(minutes=ConsultationRequest.escalation_lead_minutes())
        return self.awaiting_first_contact().filter(
            models.Q(escalated_at__isnull=True, due_at__lte=now + lead)
            | models.Q(overdue_at__isnull=True, due_at__lte=now)
        )

    def erasable(self, now: datetime) -> "ConsultationRequestQuerySet":
        """Out of the open statuses, work ended before the retention cutoff, not yet erased.

        The work ends when the request is closed; one left at "contacted" without a
        closing time counts from its first contact.
        """
        return (
            self.exclude(status__in=ConsultationRequest.OPEN_STATUSES)
            .filter(personal_data_erased_at__isnull=True)
            .alias(ended_at=Coalesce("closed_at", "first_contact_at", "created_at"))
            .filter(ended_at__lt=retention_cutoff(now))
        )

    def erase_personal_data(self, now: datetime, actor: User | None = None, reason: str = "") -> int:
        """Erase name, contacts and free text of these requests, keep the figures; return how many.

        The timeline's "erased" line carries who erased and why (retention has nobody and no reason).
        """
        ids = list(self.values_list("id", flat=True))
        if not ids:
            return 0
        with transaction.atomic():
            ConsultationRequest.objects.filter(id__in=ids).update(
                name=ERASED,
                phone="",
                email="",
                message="",
                patient_name="",
                relationship="",
                ip_hash="",
                personal_data_erased_at=now,
            )
            RequestEvent.objects.filter(request_id__in=ids).exclude(
                kind__in=RequestEvent.SYSTEM_TEXT_KINDS
            ).update(text="")
            # These went to the patient's own address; what is not sent yet never will be.
            to_patient = Delivery.objects.filter(request_id__in=ids, purpose__in=PATIENT_PURPOSES)
            to_patient.exclude(status=Delivery.Status.PENDING).update(recipient=ERASED, last_error="")
            to_patient.filter(status=Delivery.Status.PENDING).update(
                recipient=ERASED, status=Delivery.Status.FAILED, last_error="not sent: personal data erased"
            )
            RequestEvent.objects.bulk_create(
                RequestEvent(
                    request_id=request_id, kind=RequestEvent.Kind.ERASED, at=now, actor=actor, text=reason
                )
                for request_id in ids
            )
            # The patient's files and the copies of their address on appointment messages go
            # too (imported here: those apps build on this one).
            from appointments.retention import erase_for_requests
            from documents.erasure import erase_documents

            erase_documents(ids)
            erase_for_requests(ids)
        return len(ids)


class ConsultationRequest(models.Model):
    class Status(models.TextChoices):
        NEW = "new", _("New")
        IN_PROGRESS = "in_progress", _("In progress")
        CONTACTED = "contacted", _("Contacted")
        BOOKED = "booked", _("Consultation booked")
        CLOSED = "closed", _("Closed")
        SPAM = "spam", _("Spam")

    class Channel(models.TextChoices):
        CALL = "call", _("Phone call")
        WHATSAPP = "whatsapp", _("WhatsApp")
        TELEGRAM = "telegram", _("Telegram")

    class Requester(models.TextChoices):
        PATIENT = "patient", _("The patient")
        RELATIVE = "relative", _("A relative on the patient's behalf")

    class CallbackPerson(models.TextChoices):
        REQUESTER = "requester", _("The person who sent the request")
        PATIENT = "patient", _("The patient")

    OPEN_STATUSES = (Status.NEW, Status.IN_PROGRESS)

    reference = models.CharField(
        _("reference"), max_length=7, unique=True, default=new_reference, editable=False
    )
    name = models.CharField(_("name"), max_length=120)
    phone = PhoneNumberField(_("phone"), blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    channel = models.CharField(
        _("preferred channel"), max_length=10, choices=Channel.choices, default=Channel.CALL
    )
    requester = models.CharField(
        _("who is asking"), max_length=10, choices=Requester.choices, default=Requester.PATIENT
    )
    # Filled in when a relative asks on the patient's behalf.
    patient_name = models.CharField(_("patient's name"), max_length=120, blank=True)
    relationship = models.CharField(_("relationship to the patient"), max_length=60, blank=True)
    callback_person = models.CharField(
        _("call back"), max_length=10, choices=CallbackPerson.choices, default=CallbackPerson.REQUESTER
    )
    treatment = models.ForeignKey(
        "services.Treatment", on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("treatment")
    )
    doctor = models.ForeignKey(
        "services.Doctor", on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("doctor")
    )
    message = models.TextField(_("message"), max_length=1000, blank=True)
    call_now = models.BooleanField(_("call as soon as possible"), default=True)
    preferred_time = models.DateTimeField(_("preferred time"), null=True, blank=True)
    language = models.CharField(_("language"), max_length=5, default="ru")
    source_page = models.CharField(_("sent from page"), max_length=300, blank=True)
    consent_at = models.DateTimeField(_("consent given at"))
    consent_version = models.CharField(_("consent document version"), max_length=40)
    ip_hash = models.CharField(_("IP address (keyed hash)"), max_length=64, blank=True)
    created_at = models.DateTimeField(_("received"), default=timezone.now, db_index=True)
    due_at = models.DateTimeField(_("call back by"), db_index=True)
    first_contact_at = models.DateTimeField(_("first contact"), null=True, blank=True)
    escalated_at = models.DateTimeField(_("escalated to supervisors"), null=True, blank=True)
    overdue_at = models.DateTimeField(_("marked overdue"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    personal_data_erased_at = models.DateTimeField(_("personal data erased"), null=True, blank=True)
    # When the task that decides who is told and tells them was last enqueued; empty once the
    # worker has planned the deliveries. Still set a while later means the task was lost, and
    # the sweeper enqueues it again.
    notifications_enqueued_at = models.DateTimeField(null=True, blank=True, editable=False)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.NEW, db_index=True
    )
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assigned_requests",
        verbose_name=_("manager"),
    )

    objects = ConsultationRequestQuerySet.as_manager()

    class Meta:
        ordering = ["due_at"]
        verbose_name = _("consultation request")
        verbose_name_plural = _("consultation requests")
        permissions = [("view_report", _("Can view the callback report"))]
        indexes = [
            models.Index(fields=["phone", "created_at"]),
            models.Index(
                fields=["notifications_enqueued_at"],
                condition=models.Q(notifications_enqueued_at__isnull=False),
                name="notifications_not_planned",
            ),
        ]

    def __str__(self) -> str:
        return self.reference

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN_STATUSES

    @property
    def is_overdue(self) -> bool:
        """overdue_q() for one object already in memory."""
        return self.is_open and self.first_contact_at is None and self.due_at < timezone.now()

    @property
    def phone_display(self) -> str:
        """Russian numbers as Russians write them (8 (499) …), foreign ones with their country code."""
        if not self.phone:
            return ""
        if self.phone.country_code == 7:
            return phonenumbers.format_number(self.phone, phonenumbers.PhoneNumberFormat.NATIONAL)
        return phonenumbers.format_number(self.phone, phonenumbers.PhoneNumberFormat.INTERNATIONAL)

    def get_admin_url(self) -> str:
        """Absolute link for messages to staff (mail, Telegram, webhook)."""
        try:
            path = reverse("admin:booking_consultationrequest_change", args=[self.pk])
        except NoReverseMatch:
            path = f"/{settings.ADMIN_URL}"
        return f"{settings.SITE_URL}{path}"

    @staticmethod
    def escalation_lead_minutes() -> float:
        """How long before the deadline supervisors hear of a request (5 of 15 minutes by default)."""
        return max(settings.BOOKING_CALLBACK_MINUTES - settings.BOOKING_ESCALATE_AFTER_MINUTES, 0)

    @property
    def escalate_at(self) -> datetime:
        return self.due_at - timedelta(minutes=self.escalation_lead_minutes())

    @property
    def awaits_first_contact(self) -> bool:
        return self.is_open and self.first_contact_at is None

    def next_deadline_check_at(self) -> datetime | None:
        """When escalate() or mark_overdue() has something left to do, or None."""
        if not self.awaits_first_contact or self.overdue_at is not None:
            return None
        return self.escalate_at if self.escalated_at is None else self.due_at

    def escalate(self, now: datetime) -> bool:
        """Record that supervisors are to be told, once, if the escalation time has come."""
        if not self.awaits_first_contact or self.escalated_at is not None or now < self.escalate_at:
            return False
        self.escalated_at = now
        self.save(update_fields=["escalated_at"])
        RequestEvent.objects.create(request=self, kind=RequestEvent.Kind.ESCALATED, at=now)
        return True

    def mark_overdue(self, now: datetime) -> bool:
        """Record that the callback promise was broken, once, if the deadline has passed."""
        if not self.awaits_first_contact or self.overdue_at is not None or now < self.due_at:
            return False
        self.overdue_at = now
        self.save(update_fields=["overdue_at"])
        RequestEvent.objects.create(request=self, kind=RequestEvent.Kind.OVERDUE, at=now)
        return True

    @property
    def time_to_first_contact(self) -> timedelta | None:
        if self.first_contact_at is None:
            return None
        return self.first_contact_at - self.created_at

    # --- What staff do to a request: claim, call, status, note, view ------------
    # The admin calls these; each step is one line of the request's timeline.

    class CallOutcome(models.TextChoices):
        NO_ANSWER = "no_answer", _("No answer")
        BUSY = "busy", _("Busy")
        REACHED = "reached", _("Reached")

    # Reaching the patient is the first contact the call-back promise is about.
    CONTACT_STATUSES = (Status.CONTACTED, Status.BOOKED)
    # The request's work is over: the retention period counts from here.
    FINAL_STATUSES = (Status.BOOKED, Status.CLOSED, Status.SPAM)
    # Reopening a page now and then is normal; one line per visit would bury the timeline.
    VIEW_QUIET_MINUTES = 5

    @property
    def is_finished(self) -> bool:
        """Booked, closed or spam: nobody needs to call any more."""
        return self.status in self.FINAL_STATUSES

    def record_event(
        self, kind: str, actor: User | None, text: str = "", at: datetime | None = None
    ) -> "RequestEvent":
        return RequestEvent.objects.create(
            request=self, kind=kind, actor=actor, text=text, at=at or timezone.now()
        )

    def claim(self, manager: User) -> bool:
        """Assign to `manager` unless another manager has it already; False then."""
        with transaction.atomic():
            # A conditional UPDATE: of two managers clicking at once, one wins.
            taken = (
                ConsultationRequest.objects.filter(pk=self.pk)
                .filter(models.Q(assigned_to__isnull=True) | models.Q(assigned_to=manager))
                .update(assigned_to=manager)
            )
            if not taken:
                return False
            self.assigned_to = manager
            self.record_event(RequestEvent.Kind.CLAIMED, manager)
            if self.status == self.Status.NEW:
                self.change_status(self.Status.IN_PROGRESS, manager)
        return True

    def record_assignment(self, actor: User, previous: User | None) -> None:
        """Log an assignment made in the form; the form has already saved it."""
        text = f"{staff_name(previous) or '—'} → {staff_name(self.assigned_to) or '—'}"
        self.record_event(RequestEvent.Kind.CLAIMED, actor, text)

    def change_status(self, status: str, actor: User | None, now: datetime | None = None) -> None:
        old = self.status
        if status == old:
            return
        now = now or timezone.now()
        self.status = status
        if status in self.CONTACT_STATUSES and self.first_contact_at is None:
            self.first_contact_at = now
        if status in self.FINAL_STATUSES:
            self.closed_at = self.closed_at or now
        else:
            self.closed_at = None
        with transaction.atomic():
            # Only these fields: the worker may mark the request escalated or overdue meanwhile.
            self.save(update_fields=["status", "first_contact_at", "closed_at"])
            self.record_event(RequestEvent.Kind.STATUS, actor, f"{old} → {status}", at=now)

    def record_call_attempt(self, outcome: str, actor: User, now: datetime | None = None) -> None:
        now = now or timezone.now()
        with transaction.atomic():
            self.record_event(RequestEvent.Kind.CALL_ATTEMPT, actor, outcome, at=now)
            if outcome != self.CallOutcome.REACHED:
                return
            if self.first_contact_at is None:
                self.first_contact_at = now
                self.save(update_fields=["first_contact_at"])
            if self.is_open:
                self.change_status(self.Status.CONTACTED, actor, now=now)

    def add_note(self, text: str, actor: User) -> None:
        self.record_event(RequestEvent.Kind.NOTE, actor, text.strip())

    def record_view(self, viewer: User, now: datetime | None = None) -> bool:
        """Note who opened the request, at most once per viewer every few minutes."""
        now = now or timezone.now()
        recently = self.events.filter(
            actor=viewer,
            kind=RequestEvent.Kind.VIEWED,
            at__gte=now - timedelta(minutes=self.VIEW_QUIET_MINUTES),
        )
        if recently.exists():
            return False
        self.record_event(RequestEvent.Kind.VIEWED, viewer, at=now)
        return True

    # --- end of the staff steps ---------------------------------------------------


def staff_name(user: User | None) -> str:
    """The name colleagues know a staff member by: full name, else the username; '' for nobody."""
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()
