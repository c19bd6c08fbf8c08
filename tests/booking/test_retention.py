"""Erasing personal data of long-closed requests, keeping the report's figures."""

from collections.abc import Callable
from datetime import datetime, timedelta
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from pytest_django.fixtures import Settings

from booking.models import ConsultationRequest, Delivery, RequestEvent
from booking.report import build_report
from booking.retention import purge_personal_data

Status = ConsultationRequest.Status
Kind = RequestEvent.Kind
NOW = datetime(2027, 12, 1, 12, 0, tzinfo=ZoneInfo("Europe/Moscow"))


@pytest.fixture(autouse=True)
def _one_year(settings: Settings) -> None:
    settings.BOOKING_RETENTION_DAYS = 365


def old_closed(
    make_consultation: Callable[..., ConsultationRequest], manager: User, **fields: object
) -> ConsultationRequest:
    created = NOW - timedelta(days=400)
    values = {
        "name": "Мария Иванова",
        "phone": "+74994601561",
        "email": "maria@example.com",
        "message": "Метастазы в печени, нужна консультация",
        "ip_hash": "abc123",
        "created_at": created,
        "first_contact_at": created + timedelta(minutes=6),
        "closed_at": created + timedelta(days=2),
        "status": Status.BOOKED,
        "assigned_to": manager,
        **fields,
    }
    return make_consultation(**values)


def test_it_erases_personal_data_of_requests_closed_long_ago(make_consultation, manager):
    consultation = old_closed(make_consultation, manager)
    RequestEvent.objects.create(
        request=consultation, kind=Kind.NOTE, actor=manager, text="Жена пациента, звонить после 18"
    )
    RequestEvent.objects.create(request=consultation, kind=Kind.CALL_ATTEMPT, actor=manager, text="reached")
    Delivery.objects.create(
        request=consultation,
        channel="email",
        purpose="confirmation",
        recipient="maria@example.com",
        status="sent",
    )
    Delivery.objects.create(
        request=consultation, channel="email", recipient="duty@clinic.test", status="sent"
    )

    assert purge_personal_data(now=NOW) == 1

    fresh = ConsultationRequest.objects.get(pk=consultation.pk)
    assert (fresh.name, str(fresh.phone or ""), fresh.email, fresh.message, fresh.ip_hash) == (
        "—",
        "",
        "",
        "",
        "",
    )
    assert fresh.personal_data_erased_at == NOW
    # What the report needs stays.
    assert (fresh.created_at, fresh.due_at, fresh.first_contact_at, fresh.status, fresh.assigned_to) == (
        consultation.created_at,
        consultation.due_at,
        consultation.first_contact_at,
        Status.BOOKED,
        manager,
    )
    assert fresh.events.get(kind=Kind.NOTE).text == ""
    assert fresh.events.get(kind=Kind.CALL_ATTEMPT).text == "reached"
    assert fresh.events.filter(kind=Kind.ERASED, at=NOW).count() == 1
    assert set(fresh.deliveries.values_list("recipient", flat=True)) == {"—", "duty@clinic.test"}


def test_it_keeps_requests_still_within_the_retention_period_or_open(make_consultation, manager):
    recent = old_closed(make_consultation, manager, closed_at=NOW - timedelta(days=364))
    still_open = old_closed(
        make_consultation, manager, status=Status.NEW, closed_at=None, first_contact_at=None
    )
    in_progress = old_closed(make_consultation, manager, status=Status.IN_PROGRESS, closed_at=None)

    assert purge_personal_data(now=NOW) == 0

    for consultation in (recent, still_open, in_progress):
        consultation.refresh_from_db()
        assert consultation.name == "Мария Иванова"
        assert consultation.personal_data_erased_at is None


def test_a_request_left_at_contacted_counts_from_its_first_contact(make_consultation, manager):
    stale = old_closed(make_consultation, manager, status=Status.CONTACTED, closed_at=None)
    fresh = old_closed(
        make_consultation,
        manager,
        status=Status.CONTACTED,
        closed_at=None,
        first_contact_at=NOW - timedelta(days=10),
    )

    assert purge_personal_data(now=NOW) == 1

    stale.refresh_from_db()
    fresh.refresh_from_db()
    assert stale.name == "—"
    assert fresh.name == "Мария Иванова"


def test_the_retention_period_is_a_setting(make_consultation, manager, settings):
    old_closed(make_consultation, manager, closed_at=NOW - timedelta(days=40))
    settings.BOOKING_RETENTION_DAYS = 30

    assert purge_personal_data(now=NOW) == 1


def test_a_second_run_changes_nothing_and_says_so(make_consultation, manager):
    consultation = old_closed(make_consultation, manager)
    assert purge_personal_data(now=NOW) == 1

    assert purge_personal_data(now=NOW + timedelta(days=1)) == 0

    assert consultation.events.filter(kind=Kind.ERASED).count() == 1
    assert ConsultationRequest.objects.get(pk=consultation.pk).personal_data_erased_at == NOW


def test_the_command_prints_counts_and_never_personal_data(make_consultation, manager):
    old_closed(make_consultation, manager, closed_at=datetime(2020, 1, 1, tzinfo=ZoneInfo("UTC")))
    old_closed(make_consultation, manager, closed_at=datetime(2020, 1, 2, tzinfo=ZoneInfo("UTC")))

    dry, first, second = StringIO(), StringIO(), StringIO()
    call_command("purge_personal_data", "--dry-run", stdout=dry)
    assert ConsultationRequest.objects.filter(personal_data_erased_at__isnull=True).count() == 2
    call_command("purge_personal_data", stdout=first)
    call_command("purge_personal_data", stdout=second)

    assert "would erase personal data of 2 request(s)" in dry.getvalue()
    assert "Erased personal data of 2 request(s)" in first.getvalue()
    assert "Nothing to erase" in second.getvalue()
    for output in (dry, first, second):
        for secret in ("Мария", "4994601561", "maria@example.com", "Метастазы"):
            assert secret not in output.getvalue()


def test_report_figures_are_the_same_after_erasure(make_consultation, manager, supervisor):
    created = NOW - timedelta(days=400)
    for minutes, who in ((4, manager), (9, manager), (25, supervisor)):
        old_closed(
            make_consultation,
            who,
            created_at=created,
            first_contact_at=created + timedelta(minutes=minutes),
            closed_at=created + timedelta(days=1),
        )
    day = created.date()

    def figures() -> tuple:
        report = build_report(day - timedelta(days=1), day + timedelta(days=1), now=NOW)
        managers = [(row.name, row.tally.requests, row.tally.within_promise) for row in report.managers]
        total = report.total
        return (
            total.requests,
            total.median_minutes,
            total.p90_minutes,
            total.within_promise,
            total.overdue,
            managers,
        )

    before = figures()
    assert purge_personal_data(now=NOW) == 3
    assert figures() == before
    assert before[:5] == (3, 9.0, pytest.approx(21.8), 2, 1)
