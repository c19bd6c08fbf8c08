"""The appointments block on a request's admin page."""

from typing import Any

from django import template

from appointments.models import Appointment

register = template.Library()


@register.inclusion_tag("admin/appointments/request_appointments.html", takes_context=True)
def request_appointments(context: template.Context, consultation: Any) -> dict[str, Any]:
    """The request's appointments as they stand (a moved one shows at its new time), with what
    the patient did by their link."""
    user = context["request"].user
    if not user.has_perm("appointments.view_appointment"):
        return {"shown": False}
    appointments = (
        Appointment.objects.filter(request=consultation)
        .exclude(status=Appointment.Status.MOVED)
        .select_related("doctor__schedule")
        .prefetch_related("patient_changes")
        .order_by("-start")
    )
    return {
        "shown": True,
        "appointments": appointments,
        "can_change": user.has_perm("appointments.change_appointment"),
    }
