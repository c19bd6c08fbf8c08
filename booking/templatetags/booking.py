from django import template
from django.template.context import Context

from booking.forms import ConsultationForm, form_for_page
from services.models import Doctor, Treatment

register = template.Library()


@register.simple_tag(takes_context=True)
def consultation_form(context: Context, treatment: object = None, doctor: object = None) -> ConsultationForm:
    """A fresh form for a page that embeds it, prefilled with the page's treatment or doctor."""
    request = context.get("request")
    return form_for_page(
        treatment if isinstance(treatment, Treatment) else None,
        doctor if isinstance(doctor, Doctor) else None,
        request.path if request is not None else "",
    )
