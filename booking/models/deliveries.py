"""Notifications about a request, one row per recipient and channel, with their attempts."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class DeliveryPurpose(models.TextChoices):
    NEW_REQUEST = "new", _("New request")
    ESCALATION = "escalation", _("Escalation")
    OVERDUE = "overdue", _("Overdue")
    CONFIRMATION = "confirmation", _("Confirmation to the patient")
    PATIENT_CHANGE = "changed", _("The patient changed an appointment")
    UPLOAD_LINK = "upload_link", _("Upload link to the patient")
    DOCTOR_REVIEW = "review", _("Documents sent to a doctor for review")
    REVIEW_NOTE = "review_note", _("The doctor wrote a review note")


# Sent to the patient's own e-mail or phone, not to staff.
PATIENT_PURPOSES = (DeliveryPurpose.CONFIRMATION, DeliveryPurpose.UPLOAD_LINK)

# Sent at most once per recipient; the other purposes may happen again for one request (a second
# cancellation by the patient, an upload link sent anew, a review note edited) and get a row each
# time. A doctor is asked to review a request's documents once (one review per doctor and request).
ONCE_PER_REQUEST = (
    DeliveryPurpose.NEW_REQUEST,
    DeliveryPurpose.ESCALATION,
    DeliveryPurpose.OVERDUE,
    DeliveryPurpose.CONFIRMATION,
    DeliveryPurpose.DOCTOR_REVIEW,
)


class Delivery(models.Model):
    """One notification to one recipient through one channel, and its attempts."""

    class Channel(models.TextChoices):
        EMAIL = "email", _("E-mail")
        TELEGRAM = "telegram", _("Telegram")
        WEBHOOK = "webhook", _("Webhook")
        SMS = "sms", _("SMS")

    Purpose = DeliveryPurpose

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Gave up")

    request = models.ForeignKey(
        "booking.ConsultationRequest", on_delete=models.CASCADE, related_name="deliveries"
    )
    channel = models.CharField(max_length=10, choices=Channel.choices)
    purpose = models.CharField(max_length=12, choices=Purpose.choices, default=Purpose.NEW_REQUEST)
    recipient = models.CharField(max_length=300)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)
    # What a PATIENT_CHANGE delivery tells the managers of; empty for the other purposes.
    patient_change = models.ForeignKey(
        "appointments.PatientChange",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="deliveries",
        verbose_name=_("change by the patient"),
    )

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("notification delivery")
        verbose_name_plural = _("notification deliveries")
        constraints = [
            models.UniqueConstraint(
                fields=["request", "channel", "purpose", "recipient"],
                condition=models.Q(purpose__in=ONCE_PER_REQUEST),
                name="one_delivery_per_recipient",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_channel_display()} → {self.recipient}"
