"""The feed the open request list polls: what is new or overdue since the page last asked."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from booking.models import ConsultationRequest

UPDATES = reverse("admin:booking_consultationrequest_updates")
CHANGELIST = reverse("admin:booking_consultationrequest_changelist")


def ask(client, since):
    return client.get(UPDATES, {"since": since.isoformat()})


def test_it_names_new_requests_by_reference_and_link_only(manager, login, make_consultation):
    page_opened = timezone.now() - timedelta(minutes=5)
    make_consultation(created_at=page_opened - timedelta(minutes=10))
    fresh = make_consultation(name="Мария Иванова", phone="+74991234567", email="maria@example.com")

    response = ask(login(manager), page_opened)

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    data = response.json()
    assert data["new"] == [
        {
            "reference": fresh.reference,
            "url": reverse("admin:booking_consultationrequest_change", args=[fresh.pk]),
        }
    ]
    assert data["waiting"] == 2
    text = response.content.decode()
    for personal in ("Мария", "Иванова", "74991234567", "maria@"):
        assert personal not in text


def test_the_answer_carries_the_cursor_for_the_next_question(manager, login):
    before = timezone.now()

    data = ask(login(manager), before - timedelta(seconds=3)).json()

    assert before <= timezone.datetime.fromisoformat(data["cursor"]) <= timezone.now()


def test_a_request_gone_overdue_since_the_last_question_is_named_again(manager, login, make_consultation):
    now = timezone.now()
    late = make_consultation(created_at=now - timedelta(minutes=16), due_at=now - timedelta(seconds=10))
    make_consultation(created_at=now - timedelta(hours=2), due_at=now - timedelta(hours=1, minutes=45))
    make_consultation(
        created_at=now - timedelta(minutes=16),
        due_at=now - timedelta(seconds=10),
        first_contact_at=now - timedelta(minutes=5),
    )

    data = ask(login(manager), now - timedelta(seconds=20)).json()

    assert [item["reference"] for item in data["overdue"]] == [late.reference]


def test_taken_requests_are_not_counted_as_waiting(manager, login, make_consultation):
    make_consultation()
    make_consultation(status=ConsultationRequest.Status.IN_PROGRESS, assigned_to=manager)

    assert ask(login(manager), timezone.now()).json()["waiting"] == 1


@pytest.mark.parametrize("since", ["", "yesterday", "x" * 500, "2026-01-01T00:00:00"])
def test_a_missing_or_odd_cursor_names_nothing_and_gives_a_fresh_one(
    manager, login, make_consultation, since
):
    make_consultation()

    data = login(manager).get(UPDATES, {"since": since}).json()

    assert (data["new"], data["overdue"], data["changed"], data["waiting"]) == ([], [], [], 1)
    assert data["cursor"]


def test_it_costs_the_same_few_queries_however_many_requests_arrive(manager, login, make_consultation):
    client = login(manager)
    since = timezone.now() - timedelta(seconds=1)
    client.get(UPDATES)  # the session and the user are loaded the same way each time

    def queries_with(count: int) -> int:
        for _ in range(count):
            make_consultation(due_at=timezone.now() - timedelta(seconds=1))
        with CaptureQueriesContext(connection) as captured:
            assert ask(client, since).status_code == 200
        return len(captured)

    few, many = queries_with(1), queries_with(15)
    assert few == many
    # Signing in: session, user, second factor, two for permissions; the session saved again
    # (the idle timeout slides): three; the answer itself: four.
    assert few <= 12


def test_only_staff_who_see_requests_may_ask(content_editor, outsider, login, client):
    assert login(content_editor).get(UPDATES).status_code == 403
    assert login(outsider).get(UPDATES).status_code == 403
    anonymous = client.get(UPDATES)
    assert anonymous.status_code == 302 and "/login/" in anonymous["Location"]


def test_the_list_tells_the_script_where_to_ask_and_reloads_itself_without_javascript(
    manager, login, make_consultation
):
    make_consultation()

    html = login(manager).get(CHANGELIST).content.decode()

    assert f'data-updates-url="{UPDATES}"' in html
    assert 'data-sound="/static/audio/new-request.' in html
    assert '<noscript><meta http-equiv="refresh" content="30"></noscript>' in html
    assert "js/admin-alerts." in html
    assert "Включить звук и уведомления" in html


def test_the_tab_title_counts_the_requests_nobody_has_taken(manager, login, make_consultation):
    make_consultation()
    make_consultation()
    make_consultation(status=ConsultationRequest.Status.IN_PROGRESS, assigned_to=manager)

    html = login(manager).get(CHANGELIST).content.decode()

    assert "<title>(2) Заявки на консультацию | Клиника Лядова</title>" in html
