"""The booking form embedded in public pages, prefilled with the treatment or doctor of the page.

The page cache (clinic_site/cache.py) keeps the rendered page, form included, and gives each
visitor a fresh signed "shown at" stamp; nothing here needs caching of its own.
"""

from django import template
from django.template.context import Context

from booking.forms import ConsultationForm, form_for_page
from services.models import Doctor, Treatment

register = template.Library()


@register.simple_tag(takes_context=True)
def fresh_booking_form(context: Context, treatment: object = None, doctor: object = None) -> ConsultationForm:
    request = context.get("request")
    return form_for_page(
        treatment if isinstance(treatment, Treatment) else None,
        doctor if isinstance(doctor, Doctor) else None,
        request.path if request is not None else "",
    )
