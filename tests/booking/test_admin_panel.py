"""The request page's action panel: the status and the next steps as buttons."""

import re

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from booking.models import ConsultationRequest, RequestEvent
from tests.conftest import _staff_user

Status = ConsultationRequest.Status
Kind = RequestEvent.Kind


def change_url(consultation: ConsultationRequest) -> str:
    return reverse("admin:booking_consultationrequest_change", args=[consultation.pk])


def handle_url(consultation: ConsultationRequest) -> str:
    return reverse("admin:booking_consultationrequest_handle", args=[consultation.pk])


def panel(html: str) -> str:
    return re.search(r'<section class="handling.*?</section>', html, re.S).group(0)


def buttons(html: str) -> list[str]:
    return [
        re.sub(r"\s+", " ", text).strip() for text in re.findall(r"<button[^>]*>(.*?)</button>", panel(html))
    ]


def test_an_open_request_offers_every_next_step(manager, login, make_consultation):
    consultation = make_consultation()

    html = login(manager).get(change_url(consultation)).content.decode()

    assert buttons(html) == [
        "Взять себе",
        "Не отвечает",
        "Занято",
        "Дозвонились",
        "Записан на консультацию",
        "Закрыть",
        "Спам",
        "Добавить заметку",
    ]
    assert 'class="handling-status is-new">Новая<' in panel(html)
    assert panel(html).count('name="csrfmiddlewaretoken"') == 4


@pytest.mark.parametrize("status", [Status.CLOSED, Status.SPAM, Status.BOOKED])
def test_a_finished_request_offers_no_call_buttons_only_a_way_back(manager, login, make_consultation, status):
    consultation = make_consultation(status=status, assigned_to=manager)

    html = login(manager).get(change_url(consultation)).content.decode()

    assert buttons(html) == ["Вернуть в работу", "Добавить заметку"]


def test_a_call_on_a_finished_request_is_refused(manager, login, make_consultation):
    consultation = make_consultation(status=Status.CLOSED)

    response = login(manager).post(
        handle_url(consultation), {"action": "call", "outcome": "reached"}, follow=True
    )

    assert not consultation.events.filter(kind=Kind.CALL_ATTEMPT).exists()
    assert "Не получилось" in response.content.decode()


@pytest.mark.parametrize("status", [Status.CLOSED, Status.SPAM, Status.BOOKED])
def test_a_button_closes_the_request_without_the_status_drop_down(manager, login, make_consultation, status):
    consultation = make_consultation(status=Status.IN_PROGRESS, assigned_to=manager)

    response = login(manager).post(
        handle_url(consultation), {"action": "status", "status": status}, follow=True
    )

    consultation.refresh_from_db()
    assert consultation.status == status
    assert consultation.closed_at is not None
    assert consultation.events.filter(
        kind=Kind.STATUS, actor=manager, text=f"in_progress → {status}"
    ).exists()
    assert "Статус заявки:" in response.content.decode()


def test_back_to_work_reopens_a_closed_request(manager, login, make_consultation):
    consultation = make_consultation(status=Status.CLOSED)

    login(manager).post(handle_url(consultation), {"action": "status", "status": Status.IN_PROGRESS})

    consultation.refresh_from_db()
    assert (consultation.status, consultation.closed_at) == (Status.IN_PROGRESS, None)


def test_a_status_the_buttons_do_not_offer_is_refused(manager, login, make_consultation):
    consultation = make_consultation()

    login(manager).post(handle_url(consultation), {"action": "status", "status": "teleported"})

    consultation.refresh_from_db()
    assert consultation.status == Status.NEW
    assert not consultation.events.filter(kind=Kind.STATUS).exists()


def test_a_request_reached_already_can_be_booked_or_closed(manager, login, make_consultation):
    consultation = make_consultation(status=Status.CONTACTED, assigned_to=manager)

    html = login(manager).get(change_url(consultation)).content.decode()

    assert "Записан на консультацию" in buttons(html) and "Закрыть" in buttons(html)
    assert "Спам" not in buttons(html)


def test_staff_who_may_only_look_see_no_buttons_and_cannot_post(login, make_consultation):
    viewer = _staff_user("viewer")
    viewer.user_permissions.add(Permission.objects.get(codename="view_consultationrequest"))
    consultation = make_consultation()
    client = login(viewer)

    html = client.get(change_url(consultation)).content.decode()

    assert buttons(html) == []
    assert client.post(handle_url(consultation), {"action": "status", "status": "closed"}).status_code == 403
    consultation.refresh_from_db()
    assert consultation.status == Status.NEW


def test_the_list_shows_who_is_asking_and_how_to_reach_them(manager, login, make_consultation):
    make_consultation(
        name="Пётр Сергеев",
        requester=ConsultationRequest.Requester.RELATIVE,
        channel=ConsultationRequest.Channel.WHATSAPP,
        assigned_to=manager,
    )

    html = login(manager).get(reverse("admin:booking_consultationrequest_changelist")).content.decode()

    row = re.search(r"<tbody>.*?</tr>", html, re.S).group(0)
    assert "Пётр Сергеев" in row and "родственник" in row
    assert "WhatsApp" in row and 'href="tel:+74994601561"' in row
    assert "Анна Смирнова" in row
    headings = re.findall(r'<th scope="col" class="[^"]*column-(\w+)', html)
    assert headings == [
        "request_column",
        "time_left",
        "status",
        "asker",
        "contact",
        "treatment_column",
        "manager",
    ]
