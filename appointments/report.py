"""Figures of the journey from request to consultation, for booking's report.

Anonymous columns only (times and statuses), so they survive the erasure of personal data.
booking/report_views.py can add them with booking_figures(start, end) and the partial
templates/admin/appointments/report_figures.html.
"""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Min

from appointments.models import Appointment
from booking.models import ConsultationRequest
from booking.report import local_day_bounds, percentile


@dataclass
class BookingFigures:
    requests: int = 0
    booked: int = 0
    hours_to_booking: list[float] = field(default_factory=list)
    attended: int = 0
    no_shows: int = 0

    @property
    def booked_percent(self) -> float | None:
        return self.booked / self.requests * 100 if self.requests else None

    @property
    def median_hours_to_booking(self) -> float | None:
        return percentile(self.hours_to_booking, 0.5)

    @property
    def no_show_percent(self) -> float | None:
        settled = self.attended + self.no_shows
        return self.no_shows / settled * 100 if settled else None


def booking_figures(start: date, end: date) -> BookingFigures:
    """Requests received in the range and how many were booked (a later cancellation still
    counts as booked); appointments held in the range and how many patients did not come."""
    since, until = local_day_bounds(start, end)
    figures = BookingFigures()
    requests = (
        ConsultationRequest.objects.filter(created_at__gte=since, created_at__lt=until)
        .exclude(status=ConsultationRequest.Status.SPAM)
        .annotate(first_booked_at=Min("appointments__created_at"))
        .values_list("created_at", "first_booked_at")
    )
    for created_at, first_booked_at in requests:
        figures.requests += 1
        if first_booked_at is not None:
            figures.booked += 1
            figures.hours_to_booking.append((first_booked_at - created_at).total_seconds() / 3600)
    held = Appointment.objects.filter(start__gte=since, start__lt=until).values_list("status", flat=True)
    for status in held:
        if status == Appointment.Status.ATTENDED:
            figures.attended += 1
        elif status == Appointment.Status.NO_SHOW:
            figures.no_shows += 1
    return figures
