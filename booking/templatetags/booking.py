from django import template
from django.conf import settings
from django.template.context import Context
from django.utils import formats, translation

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


@register.filter
def minutes(value: float | str | None = None) -> str:
    """'15 минут', '0,5 минуты' / '15 minutes': the promise in words, after «в течение»."""
    number = float(settings.BOOKING_CALLBACK_MINUTES if value is None or value == "" else value)
    shown = formats.number_format(int(number) if number.is_integer() else round(number, 2))
    if translation.get_language() == "en":
        return f"{shown} minute" if number == 1 else f"{shown} minutes"
    return f"{shown} {_russian_minutes(number)}"


def _russian_minutes(number: float) -> str:
    # Genitive, as after «в течение»: 1 минуты, 2 минут, 15 минут, 21 минуты, 0,5 минуты.
    if not number.is_integer():
        return "минуты"
    whole = int(number)
    return "минуты" if whole % 10 == 1 and whole % 100 != 11 else "минут"
