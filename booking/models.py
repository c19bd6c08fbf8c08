import secrets
from datetime import datetime, timedelta

import phonenumbers
from django.conf import settings
from django.db import models
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from phonenumber_field.modelfields import PhoneNumberField

# No 0/O, 1/I/L: a code read aloud over the phone must not be ambiguous.
REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"


def new_reference() -> str:
    body = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(6))
    return f"{body[:3]}-{body[3:]}"


class ConsultationRequestQuerySet(models.QuerySet):
    def open(self) -> "ConsultationRequestQuerySet":
        return self.filter(status__in=ConsultationRequest.OPEN_STATUSES)

    def awaiting_first_contact(self) -> "ConsultationRequestQuerySet":
        return self.open().filter(first_contact_at__isnull=True)

    def overdue(self) -> "ConsultationRequestQuerySet":
        return self.awaiting_first_contact().filter(due_at__lt=timezone.now())


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

    @property
    def escalate_at(self) -> datetime:
        """Supervisors hear of it this long before the deadline (10 of 15 minutes by default)."""
        lead = settings.BOOKING_CALLBACK_MINUTES - settings.BOOKING_ESCALATE_AFTER_MINUTES
        return self.due_at - timedelta(minutes=max(lead, 0))

    @property
    def time_to_first_contact(self) -> timedelta | None:
        if self.first_contact_at is None:
            return None
        return self.first_contact_at - self.created_at


class RequestEvent(models.Model):
    """One line of a request's timeline: who did what, when."""

    class Kind(models.TextChoices):
        CREATED = "created", _("Request received")
        DUPLICATE = "duplicate", _("Sent again by the patient")
        VIEWED = "viewed", _("Opened by staff")
        CLAIMED = "claimed", _("Claimed")
        CALL_ATTEMPT = "call_attempt", _("Call attempt")
        STATUS = "status", _("Status changed")
        NOTE = "note", _("Note")
        ESCALATED = "escalated", _("Escalated to supervisors")
        OVERDUE = "overdue", _("Overdue")
        EXPORTED = "exported", _("Exported")
        ERASED = "erased", _("Personal data erased")

    request = models.ForeignKey(ConsultationRequest, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField(default=timezone.now)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    text = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("event")
        verbose_name_plural = _("timeline")

    def __str__(self) -> str:
        return self.get_kind_display()


class Delivery(models.Model):
    """One notification to one recipient through one channel, and its attempts."""

    class Channel(models.TextChoices):
        EMAIL = "email", _("E-mail")
        TELEGRAM = "telegram", _("Telegram")
        WEBHOOK = "webhook", _("Webhook")

    class Purpose(models.TextChoices):
        NEW_REQUEST = "new", _("New request")
        ESCALATION = "escalation", _("Escalation")
        OVERDUE = "overdue", _("Overdue")
        CONFIRMATION = "confirmation", _("Confirmation to the patient")

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Gave up")

    request = models.ForeignKey(ConsultationRequest, on_delete=models.CASCADE, related_name="deliveries")
    channel = models.CharField(max_length=10, choices=Channel.choices)
    purpose = models.CharField(max_length=12, choices=Purpose.choices, default=Purpose.NEW_REQUEST)
    recipient = models.CharField(max_length=300)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("notification delivery")
        verbose_name_plural = _("notification deliveries")
        constraints = [
            models.UniqueConstraint(
                fields=["request", "channel", "purpose", "recipient"], name="one_delivery_per_recipient"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_channel_display()} → {self.recipient}"
