"""What staff do to a request, as model methods: claim, call, status, note, view."""

import threading
from datetime import timedelta

import pytest
from django.db import connection, connections
from django.utils import timezone

from booking.models import ConsultationRequest, RequestEvent, staff_name
from tests.conftest import _staff_user

Status = ConsultationRequest.Status
Outcome = ConsultationRequest.CallOutcome
Kind = RequestEvent.Kind


def test_of_two_managers_claiming_at_once_one_wins(manager, supervisor, make_consultation):
    consultation = make_consultation()
    # Both loaded the request before either clicked.
    seen_by_anna = ConsultationRequest.objects.get(pk=consultation.pk)
    seen_by_olga = ConsultationRequest.objects.get(pk=consultation.pk)

    anna_won = seen_by_anna.claim(manager)
    olga_won = seen_by_olga.claim(supervisor)

    consultation.refresh_from_db()
    assert (anna_won, olga_won) == (True, False)
    assert consultation.assigned_to == manager
    assert consultation.status == Status.IN_PROGRESS
    assert list(consultation.events.filter(kind=Kind.CLAIMED).values_list("actor__username", flat=True)) == [
        "manager"
    ]


@pytest.mark.django_db(transaction=True)
def test_of_managers_claiming_in_parallel_exactly_one_wins(make_consultation):
    if connection.vendor == "sqlite":
        pytest.skip("SQLite serialises writers; the race needs PostgreSQL")
    managers = [_staff_user(f"manager{n}", ("Managers",)) for n in range(4)]
    consultation = make_consultation()
    start = threading.Barrier(len(managers))
    won: list[str] = []

    def claim(manager) -> None:
        try:
            seen = ConsultationRequest.objects.get(pk=consultation.pk)
            start.wait()
            if seen.claim(manager):
                won.append(manager.username)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=claim, args=(manager,)) for manager in managers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    consultation.refresh_from_db()
    assert len(won) == 1
    assert consultation.assigned_to.username == won[0]
    assert consultation.events.filter(kind=Kind.CLAIMED).count() == 1
    assert consultation.events.filter(kind=Kind.STATUS).count() == 1


def test_claiming_again_ones_own_request_is_harmless(manager, make_consultation):
    consultation = make_consultation(assigned_to=manager, status=Status.IN_PROGRESS)

    assert consultation.claim(manager) is True
    assert not consultation.events.filter(kind=Kind.STATUS).exists()


def test_a_reached_call_sets_first_contact_and_the_status(manager, make_consultation):
    consultation = make_consultation(status=Status.IN_PROGRESS, assigned_to=manager)
    moment = timezone.now()

    consultation.record_call_attempt(Outcome.REACHED, manager, now=moment)

    consultation.refresh_from_db()
    assert consultation.first_contact_at == moment
    assert consultation.status == Status.CONTACTED
    assert list(consultation.events.values_list("kind", "text")) == [
        (Kind.CALL_ATTEMPT, "reached"),
        (Kind.STATUS, "in_progress → contacted"),
    ]


def test_an_unanswered_call_is_recorded_and_changes_nothing_else(manager, make_consultation):
    consultation = make_consultation()

    consultation.record_call_attempt(Outcome.NO_ANSWER, manager)

    consultation.refresh_from_db()
    assert (consultation.first_contact_at, consultation.status) == (None, Status.NEW)
    assert consultation.events.get().text == "no_answer"


def test_a_status_change_is_recorded_in_the_timeline(manager, make_consultation):
    consultation = make_consultation()

    consultation.change_status(Status.CLOSED, manager)

    consultation.refresh_from_db()
    event = consultation.events.get()
    assert (event.kind, event.actor, event.text) == (Kind.STATUS, manager, "new → closed")
    assert consultation.closed_at is not None
    assert consultation.is_finished


def test_reopening_a_closed_request_clears_its_closing_time(manager, make_consultation):
    consultation = make_consultation(status=Status.CLOSED, closed_at=timezone.now())

    consultation.change_status(Status.IN_PROGRESS, manager)

    consultation.refresh_from_db()
    assert consultation.closed_at is None and not consultation.is_finished


def test_the_same_status_again_records_nothing(manager, make_consultation):
    consultation = make_consultation()

    consultation.change_status(Status.NEW, manager)

    assert not consultation.events.exists()


def test_a_note_is_kept_without_surrounding_blanks(manager, make_consultation):
    consultation = make_consultation()

    consultation.add_note("  Перезвонить после 18:00 \n", manager)

    assert consultation.events.get(kind=Kind.NOTE).text == "Перезвонить после 18:00"


def test_a_view_is_recorded_once_per_few_minutes(manager, make_consultation):
    consultation = make_consultation()
    start = timezone.now()

    first = consultation.record_view(manager, now=start)
    soon = consultation.record_view(manager, now=start + timedelta(minutes=2))
    later = consultation.record_view(manager, now=start + timedelta(minutes=6))

    assert (first, soon, later) == (True, False, True)


def test_staff_are_named_by_their_full_name_or_else_their_username(db):
    named = _staff_user("anna", first_name="Анна", last_name="Смирнова")
    unnamed = _staff_user("night-desk")

    assert staff_name(named) == "Анна Смирнова"
    assert staff_name(unnamed) == "night-desk"
    assert staff_name(None) == ""
