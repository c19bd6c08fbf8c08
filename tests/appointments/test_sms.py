"""SMS through the HTTP gateway (SMS.RU's API), against a local fake: short texts in the
patient's language with no diagnosis, recorded rows, retries."""

from datetime import datetime, time
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.test import Client

from appointments import links
from appointments.models import Appointment, Kind, PatientMessage, Schedule
from appointments.reservations import book_appointment, cancel_appointment
from tests.appointments.builders import make_request, make_schedule
from tests.booking.fake_servers import FakeSmsRu
from tests.booking.submitting import run_worker
from tests.builders import make_clinic, make_treatment

MOSCOW = ZoneInfo("Europe/Moscow")
NOW = datetime(2026, 12, 7, 8, tzinfo=MOSCOW)
TUESDAY_TEN = datetime(2026, 12, 8, 10, tzinfo=MOSCOW)

pytestmark = pytest.mark.django_db


@pytest.fixture
def schedule() -> Schedule:
    with time_machine.travel(NOW, tick=False):
        make_clinic()
        return make_schedule(weekly=[(2, time(9), time(13), Kind.IN_PERSON)])


def book(schedule: Schedule, capture: object, **request_fields: object) -> Appointment:
    treatment = make_treatment(slug="tace")
    with time_machine.travel(NOW, tick=False), capture(execute=True):  # type: ignore[operator]
        return book_appointment(
            consultation=make_request(email="", phone="+79161234567", treatment=treatment, **request_fields),
            doctor=schedule.doctor,
            kind=Kind.IN_PERSON,
            start=TUESDAY_TEN,
            actor=None,
        )


def test_a_booking_is_confirmed_by_sms_without_health_details(
    sms_gateway: FakeSmsRu, schedule: Schedule, django_capture_on_commit_callbacks: object
) -> None:
    book(schedule, django_capture_on_commit_callbacks)
    with time_machine.travel(NOW, tick=False):
        run_worker()
    (sent,) = sms_gateway.received
    assert sent["path"] == "/sms/send" and sent["api_id"] == "test-token" and sent["to"] == "79161234567"
    assert sent["msg"].startswith("Клиника Лядова: вы записаны на консультацию 8 декабря, 10:00 МСК")
    assert "Панфилова" in sent["msg"]
    # The patient's page (with the clinic's phone) is where an SMS-only patient cancels or moves.
    link = links.url_for(Appointment.objects.get(), "ru")
    assert sent["msg"].endswith(f"\nИзменить запись: {link}")
    assert Client().get(link.removeprefix("http://127.0.0.1:8000")).status_code == 200
    for health_detail in ("Радиоэмболизация", "tace", "Лядов К", "Академик"):
        assert health_detail not in sent["msg"]
    row = PatientMessage.objects.get(channel="sms", purpose="booked")
    assert row.status == PatientMessage.Status.SENT


def test_the_sms_is_in_the_patients_language(
    sms_gateway: FakeSmsRu, schedule: Schedule, django_capture_on_commit_callbacks: object
) -> None:
    book(schedule, django_capture_on_commit_callbacks, language="en")
    with time_machine.travel(NOW, tick=False):
        run_worker()
    assert sms_gateway.received[0]["msg"].startswith(
        "Lyadov Clinic: your consultation is booked for 8 December, 10:00"
    )


def test_a_cancellation_is_sent_by_sms_too(
    sms_gateway: FakeSmsRu, schedule: Schedule, django_capture_on_commit_callbacks: object
) -> None:
    appointment = book(schedule, django_capture_on_commit_callbacks)
    with time_machine.travel(NOW, tick=False):
        run_worker()
        with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
            cancel_appointment(appointment, actor=None)
        run_worker()
    assert (
        sms_gateway.received[-1]["msg"]
        == "Клиника Лядова: консультация 8 декабря, 10:00 отменена. Тел. +7 (499) 460-15-61"
    )


def test_a_refused_sms_is_recorded_and_retried(
    sms_gateway: FakeSmsRu, schedule: Schedule, django_capture_on_commit_callbacks: object
) -> None:
    sms_gateway.refusals = [220]
    book(schedule, django_capture_on_commit_callbacks)
    with time_machine.travel(NOW, tick=False):
        run_worker(max_tasks=1)
    row = PatientMessage.objects.get(channel="sms", purpose="booked")
    assert row.status == PatientMessage.Status.PENDING
    assert row.attempts == 1 and row.last_error == "SMS gateway refused: 220"
    assert "test-token" not in row.last_error
    with time_machine.travel(row.next_attempt_at, tick=False):
        run_worker()
    row.refresh_from_db()
    assert row.status == PatientMessage.Status.SENT and len(sms_gateway.received) == 2


def test_without_a_gateway_no_sms_is_planned(
    schedule: Schedule, django_capture_on_commit_callbacks: object
) -> None:
    book(schedule, django_capture_on_commit_callbacks)
    assert not PatientMessage.objects.filter(channel="sms").exists()


GSM_7 = set(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)


def segments(text: str) -> int:
    """How many SMS a phone receives: 160/153 characters in GSM-7, 70/67 in UCS-2 (Cyrillic)."""
    single, part = (160, 153) if set(text) <= GSM_7 else (70, 67)
    return 1 if len(text) <= single else -(-len(text) // part)


@pytest.mark.parametrize("language", ["ru", "en"])
@pytest.mark.parametrize("kind", [Kind.IN_PERSON, Kind.VIDEO, Kind.DOCUMENTS])
def test_every_sms_carries_the_patients_link_in_at_most_three_segments(
    schedule: Schedule, settings: object, language: str, kind: str
) -> None:
    from appointments import sms
    from services.models import ClinicLocation

    settings.SITE_URL = "https://www.lyadov-clinic.ru"  # type: ignore[attr-defined]
    appointment = Appointment.objects.create(
        request=make_request(language=language, phone="+79161234567"),
        doctor=schedule.doctor,
        kind=kind,
        start=TUESDAY_TEN,
        end=datetime(2026, 12, 8, 10, 40, tzinfo=MOSCOW),
    )
    clinic = ClinicLocation.objects.get(is_main=True)
    for purpose in PatientMessage.Purpose.values:
        text = sms.text(PatientMessage(appointment=appointment, purpose=purpose), clinic)
        assert segments(text) <= 3, (purpose, len(text), text)
        has_link = links.url_for(appointment, language) in text
        assert has_link == (purpose != PatientMessage.Purpose.CANCELLED), text
