from django.conf import settings
from django.http import HttpRequest

from services.models import ClinicLocation


def main_clinic(request: HttpRequest) -> ClinicLocation | None:
    """The main location with its hours and phones, loaded once per request:
    the header, the footer and the page itself all show it."""
    if not hasattr(request, "_main_clinic"):
        request._main_clinic = (  # type: ignore[attr-defined]
            ClinicLocation.objects.filter(is_main=True).prefetch_related("hours", "extra_phones").first()
        )
    return request._main_clinic  # type: ignore[attr-defined]


def site(request: HttpRequest) -> dict:
    """The main clinic location (header, footer) and the callback promise."""
    return {
        "clinic": main_clinic(request),
        "callback_minutes": _minutes(settings.BOOKING_CALLBACK_MINUTES),
    }


def _minutes(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value
