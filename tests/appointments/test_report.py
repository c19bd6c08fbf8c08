"""The report's figures: share of requests booked, median time to booking, no-shows."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.template.loader import render_to_string

from appointments.models import Appointment
from appointments.report import booking_figures
from tests.appointments.builders import make_appointment, make_request, make_schedule

MOSCOW = ZoneInfo("Europe/Moscow")
DAY = date(2026, 12, 7)

pytestmark = pytest.mark.django_db


def at(hour: int, day: date = DAY) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=MOSCOW)


def test_share_booked_median_time_to_booking_and_no_shows() -> None:
    doctor = make_schedule().doctor
    booked_fast = make_request(phone="+74994601561", created_at=at(9))
    booked_slow = make_request(phone="+74994601562", created_at=at(10))
    make_request(phone="+74994601563", created_at=at(11))  # never booked
    make_request(phone="+74994601564", created_at=at(12), status="spam")  # not counted
    make_appointment(
        doctor, start=at(15), request=booked_fast, created_at=at(10), status=Appointment.Status.ATTENDED
    )
    make_appointment(
        doctor, start=at(16), request=booked_slow, created_at=at(13), status=Appointment.Status.NO_SHOW
    )
    # A later move does not make the first booking later.
    make_appointment(
        doctor, start=at(17), request=booked_slow, created_at=at(14), status=Appointment.Status.CANCELLED
    )

    figures = booking_figures(DAY, DAY)

    assert (figures.requests, figures.booked) == (3, 2)
    assert round(figures.booked_percent or 0) == 67
    assert figures.median_hours_to_booking == 2.0  # 1 h and 3 h
    assert (figures.attended, figures.no_shows, figures.no_show_percent) == (1, 1, 50.0)
    page = render_to_string("admin/appointments/report_figures.html", {"booking": figures})
    assert "67%" in page and "2 / 3" in page


def test_an_empty_range_shows_dashes_not_errors() -> None:
    figures = booking_figures(DAY + timedelta(days=30), DAY + timedelta(days=31))
    assert figures.booked_percent is None and figures.median_hours_to_booking is None
    assert "—" in render_to_string("admin/appointments/report_figures.html", {"booking": figures})
