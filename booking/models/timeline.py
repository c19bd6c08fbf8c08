"""A request's timeline: who did what, when."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


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
        APPOINTMENT = "appointment", _("Appointment")
        DOCUMENTS = "documents", _("Documents")

    request = models.ForeignKey(
        "booking.ConsultationRequest", on_delete=models.CASCADE, related_name="events"
    )
    at = models.DateTimeField(default=timezone.now)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    text = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("event")
        verbose_name_plural = _("timeline")

    # Entries whose text the software wrote itself; any other text (a manager's note, what a
    # patient sent again) may describe a person and is erased with the personal data.
    SYSTEM_TEXT_KINDS = (
        Kind.VIEWED,
        Kind.CLAIMED,
        Kind.CALL_ATTEMPT,
        Kind.STATUS,
        Kind.ESCALATED,
        Kind.OVERDUE,
        Kind.EXPORTED,
        Kind.ERASED,
        Kind.APPOINTMENT,
        Kind.DOCUMENTS,
    )

    def __str__(self) -> str:
        return self.get_kind_display()
