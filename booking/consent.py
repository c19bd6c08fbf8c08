"""The patient withdraws consent to the processing of their personal data (usually by phone).

A manager records it on the request's page; the request's personal data and documents are erased
at once, its upcoming appointments cancelled without a message to the contacts being erased, and
nothing more is sent to the patient.
"""

from datetime import datetime

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from booking.models import ConsultationRequest


class AlreadyErased(Exception):
    pass


def withdraw_consent(consultation: ConsultationRequest, actor: User, now: datetime | None = None) -> None:
    """Close the request, stop its appointments and messages, erase its personal data and files.

    The timeline keeps one line saying so, with who recorded it and when, and no personal data.
    """
    # Imported here: appointments builds on booking.
    from appointments.retention import stop_for_requests

    now = now or timezone.now()
    with transaction.atomic():
        consultation = ConsultationRequest.objects.select_for_update().get(pk=consultation.pk)
        if consultation.personal_data_erased_at is not None:
            raise AlreadyErased
        cancelled = stop_for_requests([consultation.pk], now)
        if consultation.status not in (ConsultationRequest.Status.CLOSED, ConsultationRequest.Status.SPAM):
            consultation.change_status(ConsultationRequest.Status.CLOSED, actor, now=now)
        reason = "Пациент отозвал согласие на обработку персональных данных: данные и документы удалены"
        if cancelled:
            reason += f", отменено приёмов: {cancelled}"
        ConsultationRequest.objects.filter(pk=consultation.pk).erase_personal_data(now, actor, reason)
