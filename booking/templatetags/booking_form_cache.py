"""The booking form embedded in public pages, rendered once per page and content version.

Rendering the form through crispy-forms is most of an uncached treatment page's time, and
the result is the same for every visitor: only its signed "shown at" stamp changes. So the
rendered form is kept in the shared cache beside the pages (clinic_site/cache.py), under the
same content version, with a marker in place of the stamp; each rendering fills in a fresh one.
"""

from django import template
from django.core.cache import cache
from django.template.context import Context
from django.utils import translation
from django.utils.safestring import SafeString, mark_safe

from booking.forms import form_for_page, new_form_stamp
from clinic_site.cache import STAMP_INPUT, STAMP_MARKER, VERSION_KEY, content_version, page_key
from services.models import Doctor, Treatment

register = template.Library()
# Kept longer than a page: a form fragment is small and any content edit replaces it anyway.
FRAGMENT_SECONDS = 60 * 60


@register.simple_tag(takes_context=True)
def stored_booking_form(
    context: Context, treatment: object = None, doctor: object = None, titled_by: object = ""
) -> SafeString:
    treatment = treatment if isinstance(treatment, Treatment) else None
    doctor = doctor if isinstance(doctor, Doctor) else None
    request = context.get("request")
    source = request.path if request is not None else ""
    address = f"booking-form|{treatment and treatment.slug}|{doctor and doctor.slug}|{titled_by}|{source}"
    key = f"fragment:{page_key(translation.get_language() or '', address)}"
    found = cache.get_many([VERSION_KEY, key])
    version = found.get(VERSION_KEY) or content_version()
    entry = found.get(key)
    if entry is not None and entry["version"] == version:
        html = entry["html"]
    else:
        assert context.template is not None  # a tag always renders inside a template
        body = context.template.engine.get_template("booking/includes/form_body.html")
        with context.push(booking_form=form_for_page(treatment, doctor, source), titled_by=titled_by):
            rendered = body.render(context)
        html = STAMP_INPUT.sub(rb"\g<1>" + STAMP_MARKER + rb"\g<2>", rendered.encode()).decode()
        cache.set(key, {"version": version, "html": html}, timeout=FRAGMENT_SECONDS)
    # The fragment is our own rendering of our own template: safe as it is.
    return mark_safe(html.replace(STAMP_MARKER.decode(), new_form_stamp()))  # noqa: S308
