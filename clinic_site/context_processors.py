from django.conf import settings
from django.http import HttpRequest

from services.models import ClinicLocation


def site(request: HttpRequest) -> dict:
    """The main clinic location (footer, header phone) and the callback promise."""
    return {
        "clinic": ClinicLocation.objects.filter(is_main=True).first(),
        "callback_minutes": _minutes(settings.BOOKING_CALLBACK_MINUTES),
    }


def _minutes(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value
