"""The booking app's models, one module per feature; import them from here."""

from booking.models.deliveries import ONCE_PER_REQUEST, PATIENT_PURPOSES, Delivery, DeliveryPurpose
from booking.models.requests import (
    ERASED,
    REFERENCE_ALPHABET,
    ConsultationRequest,
    ConsultationRequestQuerySet,
    new_reference,
    overdue_q,
    retention_cutoff,
    staff_name,
)
from booking.models.timeline import RequestEvent

__all__ = [
    "ERASED",
    "ONCE_PER_REQUEST",
    "PATIENT_PURPOSES",
    "REFERENCE_ALPHABET",
    "ConsultationRequest",
    "ConsultationRequestQuerySet",
    "Delivery",
    "DeliveryPurpose",
    "RequestEvent",
    "new_reference",
    "overdue_q",
    "retention_cutoff",
    "staff_name",
]
