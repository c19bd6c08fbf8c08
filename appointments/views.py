"""The patient's page for their appointment, reached by the signed link in the e-mails."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from appointments import links, reservations
from appointments.models import Appointment, Kind
from services.models import ClinicLocation

ACTIONS = {"cancel", "move"}


@never_cache
@require_http_methods(["GET", "POST"])
def appointment(request: HttpRequest, token: str) -> HttpResponse:
    found = links.appointment_for(token)
    if found is None:
        return render(request, "appointments/link_invalid.html", status=404)
    now = timezone.now()
    if found.end <= now:
        return render(request, "appointments/link_expired.html", status=410)
    done = ""
    if request.method == "POST":
        action = request.POST.get("action", "")
        if action not in ACTIONS or found.status != Appointment.Status.BOOKED:
            return render(request, "appointments/link_invalid.html", status=400)
        if action == "cancel" and request.POST.get("confirm") != "yes":
            return render(request, "appointments/cancel_confirm.html", {"appointment": found, "token": token})
        try:
            if action == "cancel":
                reservations.cancel_appointment(found, actor=None, by_patient=True)
            else:
                reservations.ask_to_move(found)
        except reservations.BookingError:
            return render(request, "appointments/link_invalid.html", status=400)
        return redirect(f"{request.path}?done={action}")
    if request.GET.get("done") in ACTIONS:
        done = request.GET["done"]
    clinic = ClinicLocation.objects.filter(is_main=True).prefetch_related("routes").first()
    context = {
        "appointment": found,
        "token": token,
        "done": done,
        "clinic": clinic,
        "is_booked": found.status == Appointment.Status.BOOKED,
        "move_requested": found.move_requested,
        "is_video": found.kind == Kind.VIDEO,
        "is_in_person": found.kind == Kind.IN_PERSON,
        "video_link": found.call_link,
    }
    return render(request, "appointments/appointment.html", context)
