"""A manager asks a doctor to review a request's documents; the doctor writes a note. Each side is
told by e-mail.

Each message is a Delivery row (purposes DOCTOR_REVIEW and REVIEW_NOTE) sent by the worker after
the commit and retried like every other notification (booking/notifications.py). The messages
themselves (booking/emails.py) name the request by its reference and carry no health data: the
doctor and the manager read the rest in the admin.
"""

from django.conf import settings
from django.contrib.auth.models import User
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from booking import tasks
from booking.models import ConsultationRequest, Delivery, RequestEvent, staff_name
from documents.models import DoctorReview, Document


def assign(consultation: ConsultationRequest, doctor: User, manager: User) -> bool:
    """Ask the doctor to review the request's documents and record it in the timeline; the doctor
    gets an e-mail if they have an address. False if they were asked already: nothing happens."""
    with transaction.atomic():
        _review, created = DoctorReview.objects.get_or_create(
            request=consultation, doctor=doctor, defaults={"assigned_by": manager}
        )
        if not created:
            return False
        consultation.record_event(
            RequestEvent.Kind.DOCUMENTS,
            manager,
            _("Documents sent to %(doctor)s for review") % {"doctor": staff_name(doctor)},
        )
        if doctor.email:
            # Once per doctor and request: a review made again after a deletion sends nothing new.
            delivery, planned = Delivery.objects.get_or_create(
                request=consultation,
                channel=Delivery.Channel.EMAIL,
                purpose=Delivery.Purpose.DOCTOR_REVIEW,
                recipient=doctor.email[:300],
            )
            if planned:
                tasks.enqueue_deliveries_on_commit([delivery.pk])
    return True


def record_note(review: DoctorReview, author: User) -> None:
    """After the doctor saved their note: stamp it, put it in the timeline and tell the manager
    who asked for the review (every time the note changes)."""
    with transaction.atomic():
        review.reviewed_at = timezone.now()
        review.save(update_fields=["reviewed_at"])
        review.request.record_event(RequestEvent.Kind.NOTE, author, review.note)
        manager = review.assigned_by
        if not review.note.strip():
            return  # a note wiped out is no news for the manager
        if manager is None or not manager.is_active or not manager.email or manager == author:
            return
        delivery = Delivery.objects.create(
            request=review.request,
            channel=Delivery.Channel.EMAIL,
            purpose=Delivery.Purpose.REVIEW_NOTE,
            recipient=manager.email[:300],
        )
        tasks.enqueue_deliveries_on_commit([delivery.pk])


def review_url(consultation: ConsultationRequest, doctor_email: str) -> str:
    """The absolute admin address of the doctor's review of the request; of the list of their
    reviews if the address no longer names the doctor."""
    review = (
        DoctorReview.objects.filter(request=consultation, doctor__email__iexact=doctor_email)
        .order_by("pk")
        .first()
    )
    if review is None:
        path = reverse("admin:documents_doctorreview_changelist")
    else:
        path = reverse("admin:documents_doctorreview_change", args=[review.pk])
    return f"{settings.SITE_URL}{path}"


def document_counts(consultation: ConsultationRequest) -> tuple[int, int]:
    """How many documents the request has (refused ones aside), and how many wait for the scan."""
    documents = Document.objects.filter(request=consultation)
    return documents.counted_in_total().count(), documents.waiting_for_scan().count()
