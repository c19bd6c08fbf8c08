"""One builder and one short function per message; each message is a template trio in emails/."""

from collections.abc import Callable
from email.headerregistry import Address
from email.utils import parseaddr

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation

from booking.models import ConsultationRequest, Delivery
from services.models import ClinicLocation


def build(
    name: str, to: str, context: dict, language: str, from_email: str | None = None
) -> EmailMultiAlternatives:
    with translation.override(language):
        subject = render_to_string(f"emails/{name}_subject.txt", context)
        text = render_to_string(f"emails/{name}_body.txt", context)
        html = render_to_string(f"emails/{name}_body.html", context)
    sender = from_email or settings.DEFAULT_FROM_EMAIL
    message = EmailMultiAlternatives(" ".join(subject.split()), text, sender, [to])
    message.attach_alternative(html, "text/html")
    return message


# Model choice labels are English msgids with no Russian catalogue; staff read Russian.
STAFF_CHANNELS = {"call": "звонок", "whatsapp": "WhatsApp", "telegram": "Telegram"}
STAFF_REQUESTERS = {"patient": "сам пациент", "relative": "родственник или близкий пациента"}
STAFF_KINDS = {"in_person": "в клинике", "video": "по видеосвязи", "documents": "заочно, по документам"}
STAFF_CALLBACK_PERSONS = {
    "requester": "тому, кто отправил заявку (по телефону выше)",
    "patient": "самому пациенту (по телефону выше)",
}


def staff_context(request: ConsultationRequest) -> dict:
    return {
        "req": request,
        "channel_label": STAFF_CHANNELS.get(request.channel, request.channel),
        "requester_label": STAFF_REQUESTERS.get(request.requester, request.requester),
        "callback_label": STAFF_CALLBACK_PERSONS.get(request.callback_person, request.callback_person),
        "admin_url": request.get_admin_url(),
        "escalate_after": settings.BOOKING_ESCALATE_AFTER_MINUTES,
        "callback_minutes": settings.BOOKING_CALLBACK_MINUTES,
    }


# Staff messages are in Russian: the call centre works in Russian whatever the patient's language.
def new_request(delivery: Delivery) -> EmailMultiAlternatives:
    return build("new_request", delivery.recipient, staff_context(delivery.request), "ru")


def escalation(delivery: Delivery) -> EmailMultiAlternatives:
    return build("escalation", delivery.recipient, staff_context(delivery.request), "ru")


def overdue(delivery: Delivery) -> EmailMultiAlternatives:
    return build("overdue", delivery.recipient, staff_context(delivery.request), "ru")


def patient_change(delivery: Delivery) -> EmailMultiAlternatives:
    change = delivery.patient_change
    assert change is not None
    appointment = change.appointment
    context = {
        **staff_context(delivery.request),
        "change": change,
        "cancelled": change.what == "cancelled",
        "appointment": appointment,
        "kind_label": STAFF_KINDS.get(appointment.kind, appointment.kind),
    }
    return build("patient_change", delivery.recipient, context, "ru")


def patient_sender(language: str) -> str:
    """DEFAULT_FROM_EMAIL's address under the clinic's name in the patient's language.

    BOOKING_FROM_NAME_RU / BOOKING_FROM_NAME_EN name the sender when set; otherwise the
    clinic's name as the site writes it in that language.
    """
    _, address = parseaddr(settings.DEFAULT_FROM_EMAIL)
    with translation.override(language):
        default = translation.gettext("Клиника Лядова")
    display_name = getattr(settings, f"BOOKING_FROM_NAME_{language.upper()}", "") or default
    return str(Address(display_name=display_name, addr_spec=address))


def confirmation(delivery: Delivery) -> EmailMultiAlternatives:
    request = delivery.request
    context = {
        "req": request,
        "clinic": ClinicLocation.objects.filter(is_main=True).first(),
        "callback_minutes": settings.BOOKING_CALLBACK_MINUTES,
        "site_url": settings.SITE_URL,
    }
    return build(
        "confirmation", delivery.recipient, context, request.language, patient_sender(request.language)
    )


def upload_link(delivery: Delivery) -> EmailMultiAlternatives:
    """The signed link for the patient's documents; it names the request, never the patient."""
    from documents.links import link_expiry, upload_url  # documents builds on booking

    request = delivery.request
    context = {
        "reference": request.reference,
        "language": request.language,
        "upload_url": upload_url(request),
        "expires_on": link_expiry(),
        "clinic": ClinicLocation.objects.filter(is_main=True).first(),
        "site_url": settings.SITE_URL,
    }
    return build(
        "upload_link", delivery.recipient, context, request.language, patient_sender(request.language)
    )


def doctor_review(delivery: Delivery) -> EmailMultiAlternatives:
    """Asks a doctor to look at a request's documents: the reference and a link, never the patient."""
    from documents.reviews import document_counts, review_url  # documents builds on booking

    request = delivery.request
    documents, waiting = document_counts(request)
    context = {
        "reference": request.reference,
        "review_url": review_url(request, delivery.recipient),
        "documents": documents,
        "waiting": waiting,
    }
    return build("doctor_review", delivery.recipient, context, "ru")


def review_note(delivery: Delivery) -> EmailMultiAlternatives:
    """Tells a manager a doctor wrote a note; the note stays in the admin (it may hold health data)."""
    request = delivery.request
    context = {"reference": request.reference, "admin_url": request.get_admin_url()}
    return build("review_note", delivery.recipient, context, "ru")


BUILDERS: dict[str, Callable[[Delivery], EmailMultiAlternatives]] = {
    Delivery.Purpose.NEW_REQUEST: new_request,
    Delivery.Purpose.ESCALATION: escalation,
    Delivery.Purpose.OVERDUE: overdue,
    Delivery.Purpose.CONFIRMATION: confirmation,
    Delivery.Purpose.PATIENT_CHANGE: patient_change,
    Delivery.Purpose.UPLOAD_LINK: upload_link,
    Delivery.Purpose.DOCTOR_REVIEW: doctor_review,
    Delivery.Purpose.REVIEW_NOTE: review_note,
}


def message_for(delivery: Delivery) -> EmailMultiAlternatives:
    return BUILDERS[delivery.purpose](delivery)
