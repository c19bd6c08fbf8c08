"""The managers' console: the list, the countdown, claiming, calls, statuses, the timeline."""

import re
from datetime import timedelta

import pytest
from django.http import HttpResponse
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from booking.models import ConsultationRequest, Delivery, RequestEvent

Status = ConsultationRequest.Status
Kind = RequestEvent.Kind
CHANGELIST = reverse("admin:booking_consultationrequest_changelist")


def change_url(consultation: ConsultationRequest) -> str:
    return reverse("admin:booking_consultationrequest_change", args=[consultation.pk])


def handle_url(consultation: ConsultationRequest) -> str:
    return reverse("admin:booking_consultationrequest_handle", args=[consultation.pk])


def references_in_order(html: str) -> list[str]:
    return re.findall(
        r'<th class="field-request_column"><a href="[^"]+"><span class="request-reference">([^<]+)</span>',
        html,
    )


def test_open_requests_come_first_nearest_deadline_on_top(manager, login, make_consultation):
    now = timezone.now()
    later = make_consultation(due_at=now + timedelta(minutes=12))
    sooner = make_consultation(due_at=now + timedelta(minutes=3))
    handled = make_consultation(status=Status.CLOSED, due_at=now + timedelta(minutes=1))
    late = make_consultation(due_at=now - timedelta(minutes=4))

    html = login(manager).get(CHANGELIST).content.decode()

    assert references_in_order(html) == [late.reference, sooner.reference, later.reference, handled.reference]


def test_the_list_shows_the_time_left_and_an_overdue_badge(manager, login, make_consultation):
    now = timezone.now()
    make_consultation(due_at=now + timedelta(minutes=7, seconds=30))
    make_consultation(due_at=now - timedelta(minutes=3, seconds=10))

    html = login(manager).get(CHANGELIST).content.decode()

    assert "осталось 7 мин" in html
    assert re.search(r'class="countdown is-overdue"[^>]*>просрочено на 3 мин<', html)
    # The live countdown reads the deadline from the page and its wording from the labels.
    assert "data-deadline=" in html
    assert 'data-left="осталось {time}"' in html
    assert "js/admin-countdown" in html


def test_the_countdown_speaks_english_to_an_english_browser(manager, login, make_consultation):
    make_consultation(due_at=timezone.now() + timedelta(minutes=7, seconds=30))

    html = login(manager).get(CHANGELIST, HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert "7 min left" in html


def test_the_admin_pages_carry_no_inline_script(manager, login, make_consultation):
    consultation = make_consultation()
    client = login(manager)
    for url in (CHANGELIST, change_url(consultation)):
        html = client.get(url).content.decode()
        for tag in re.findall(r"<script[^>]*>", html):
            assert "src=" in tag or 'type="application/json"' in tag, tag


def test_the_list_is_filtered_to_overdue_requests(manager, login, make_consultation):
    now = timezone.now()
    late = make_consultation(due_at=now - timedelta(minutes=1))
    in_time = make_consultation(due_at=now + timedelta(minutes=10))

    html = login(manager).get(CHANGELIST, {"overdue": "yes"}).content.decode()

    assert references_in_order(html) == [late.reference]
    assert in_time.reference not in html


@pytest.mark.parametrize("typed", ["8 (499) 460-15-61", "+7 499 460 15 61", "84994601561", "460-15-61"])
def test_search_finds_a_phone_however_it_is_typed(manager, login, make_consultation, typed):
    wanted = make_consultation(phone="+74994601561")
    other = make_consultation(phone="+79161234567")

    html = login(manager).get(CHANGELIST, {"q": typed}).content.decode()

    assert references_in_order(html) == [wanted.reference]
    assert other.reference not in html


def test_search_finds_a_reference_typed_without_its_dash(manager, login, make_consultation):
    wanted = make_consultation(reference="ABC-DEF")
    make_consultation(reference="XYZ-234")

    html = login(manager).get(CHANGELIST, {"q": "abcdef"}).content.decode()

    assert references_in_order(html) == [wanted.reference]


def test_claim_action_assigns_selected_requests_to_me(manager, supervisor, login, make_consultation):
    mine = make_consultation()
    taken = make_consultation(assigned_to=supervisor, status=Status.IN_PROGRESS)

    response = login(manager).post(
        CHANGELIST, {"action": "claim_selected", "_selected_action": [mine.pk, taken.pk]}, follow=True
    )

    mine.refresh_from_db()
    taken.refresh_from_db()
    assert mine.assigned_to == manager
    assert mine.status == Status.IN_PROGRESS
    assert taken.assigned_to == supervisor
    assert mine.events.filter(kind=Kind.CLAIMED, actor=manager).count() == 1
    assert not taken.events.filter(kind=Kind.CLAIMED).exists()
    assert "Уже у других менеджеров: 1." in response.content.decode()


def test_claim_button_on_the_request_page(manager, login, make_consultation):
    consultation = make_consultation()
    client = login(manager)

    response = client.post(handle_url(consultation), {"action": "claim"})

    assert response.status_code == 302
    consultation.refresh_from_db()
    assert consultation.assigned_to == manager
    assert consultation.status == Status.IN_PROGRESS
    page = client.get(change_url(consultation)).content.decode()
    assert "Взять себе" not in page.split('id="consultationrequest_form"')[0]


def test_a_call_with_no_answer_is_recorded_without_first_contact(manager, login, make_consultation):
    consultation = make_consultation()

    login(manager).post(handle_url(consultation), {"action": "call", "outcome": "no_answer"})

    consultation.refresh_from_db()
    assert consultation.first_contact_at is None
    assert consultation.status == Status.NEW
    event = consultation.events.get(kind=Kind.CALL_ATTEMPT)
    assert (event.actor, event.text) == (manager, "no_answer")


def test_reaching_the_patient_marks_first_contact(manager, login, make_consultation):
    consultation = make_consultation(status=Status.IN_PROGRESS, assigned_to=manager)
    client = login(manager)

    client.post(handle_url(consultation), {"action": "call", "outcome": "busy"})
    client.post(handle_url(consultation), {"action": "call", "outcome": "reached"})

    consultation.refresh_from_db()
    assert consultation.first_contact_at is not None
    assert consultation.status == Status.CONTACTED
    kinds = list(consultation.events.values_list("kind", "text"))
    assert kinds[-3:] == [
        (Kind.CALL_ATTEMPT, "busy"),
        (Kind.CALL_ATTEMPT, "reached"),
        (Kind.STATUS, "in_progress → contacted"),
    ]
    timeline = client.get(change_url(consultation)).content.decode()
    assert "Дозвонились" in timeline
    assert "Занято" in timeline


def test_an_unknown_call_outcome_changes_nothing(manager, login, make_consultation):
    consultation = make_consultation()

    response = login(manager).post(
        handle_url(consultation), {"action": "call", "outcome": "teleported"}, follow=True
    )

    assert not consultation.events.filter(kind=Kind.CALL_ATTEMPT).exists()
    assert "Не получилось" in response.content.decode()


def test_a_note_goes_into_the_timeline(manager, login, make_consultation):
    consultation = make_consultation()
    client = login(manager)

    client.post(handle_url(consultation), {"action": "note", "text": "Просила перезвонить после 18:00"})

    note = consultation.events.get(kind=Kind.NOTE)
    assert (note.actor, note.text) == (manager, "Просила перезвонить после 18:00")
    assert "Просила перезвонить после 18:00" in client.get(change_url(consultation)).content.decode()


def test_actions_on_the_request_page_need_post(manager, login, make_consultation):
    consultation = make_consultation()

    assert login(manager).get(handle_url(consultation)).status_code == 405


def save_form(client: Client, consultation: ConsultationRequest, **fields: object) -> HttpResponse:
    data = {"status": consultation.status, "assigned_to": consultation.assigned_to_id or "", "_save": "1"}
    data.update(fields)
    return client.post(change_url(consultation), data)


@pytest.mark.parametrize("status", [Status.CONTACTED, Status.BOOKED])
def test_setting_contacted_or_booked_records_first_contact(manager, login, make_consultation, status):
    consultation = make_consultation()

    response = save_form(login(manager), consultation, status=status)

    assert response.status_code == 302
    consultation.refresh_from_db()
    assert consultation.status == status
    assert consultation.first_contact_at is not None
    assert consultation.events.filter(kind=Kind.STATUS, text=f"new → {status}", actor=manager).exists()


def test_first_contact_is_not_moved_by_a_later_status(manager, login, make_consultation):
    reached_at = timezone.now() - timedelta(hours=2)
    consultation = make_consultation(status=Status.CONTACTED, first_contact_at=reached_at)

    save_form(login(manager), consultation, status=Status.BOOKED)

    consultation.refresh_from_db()
    assert consultation.first_contact_at == reached_at


@pytest.mark.parametrize("status", [Status.CLOSED, Status.SPAM])
def test_closing_or_spam_sets_the_closing_time(manager, login, make_consultation, status):
    consultation = make_consultation()

    save_form(login(manager), consultation, status=status)

    consultation.refresh_from_db()
    assert consultation.closed_at is not None
    assert consultation.first_contact_at is None


def test_reassigning_in_the_form_is_recorded(manager, supervisor, login, make_consultation):
    consultation = make_consultation()

    save_form(login(supervisor), consultation, assigned_to=manager.pk)

    consultation.refresh_from_db()
    assert consultation.assigned_to == manager
    assert consultation.events.filter(kind=Kind.CLAIMED, actor=supervisor).exists()


def test_what_the_patient_sent_cannot_be_changed(manager, login, make_consultation):
    consultation = make_consultation(name="Иван Петров", message="Нужна консультация")

    save_form(
        login(manager),
        consultation,
        name="Подмена",
        phone="+79990000000",
        email="x@example.com",
        message="Другое",
        reference="AAA-AAA",
        created_at="2020-01-01 00:00",
        due_at="2030-01-01 00:00",
        first_contact_at="2020-01-01 00:00",
    )

    fresh = ConsultationRequest.objects.get(pk=consultation.pk)
    assert (fresh.name, fresh.message, str(fresh.phone), fresh.email) == (
        "Иван Петров",
        "Нужна консультация",
        "+74994601561",
        "",
    )
    assert (fresh.reference, fresh.created_at, fresh.due_at) == (
        consultation.reference,
        consultation.created_at,
        consultation.due_at,
    )
    assert fresh.first_contact_at is None


def test_opening_a_request_is_recorded_once_per_few_minutes(manager, supervisor, login, make_consultation):
    consultation = make_consultation()
    client = login(manager)

    client.get(change_url(consultation))
    client.get(change_url(consultation))
    login(supervisor).get(change_url(consultation))

    viewers = list(consultation.events.filter(kind=Kind.VIEWED).values_list("actor__username", flat=True))
    assert viewers == ["manager", "supervisor"]

    consultation.events.filter(kind=Kind.VIEWED).update(at=timezone.now() - timedelta(minutes=6))
    client.get(change_url(consultation))
    assert consultation.events.filter(kind=Kind.VIEWED, actor=manager).count() == 2


def test_the_request_page_shows_the_timeline_and_marks_failed_deliveries(manager, login, make_consultation):
    consultation = make_consultation()
    RequestEvent.objects.create(request=consultation, kind=Kind.CREATED)
    Delivery.objects.create(
        request=consultation,
        channel=Delivery.Channel.EMAIL,
        recipient="duty@clinic.test",
        status=Delivery.Status.SENT,
        attempts=1,
        sent_at=timezone.now(),
    )
    Delivery.objects.create(
        request=consultation,
        channel=Delivery.Channel.TELEGRAM,
        recipient="chat 42",
        status=Delivery.Status.FAILED,
        attempts=7,
        last_error="HTTP 500 from Telegram",
    )

    html = login(manager).get(change_url(consultation)).content.decode()

    assert "История заявки" in html
    assert "duty@clinic.test" in html
    assert re.search(r'<tr class="delivery is-failed has-error">', html)
    assert "Не доставлено" in html
    assert "HTTP 500 from Telegram" in html
    # The patient's data shows as text, and the phone as managers dial it.
    assert "8 (499) 460-15-61" in html
    assert 'name="name"' not in html


def test_a_name_with_markup_shows_as_text(manager, login, make_consultation):
    consultation = make_consultation(name='<script>alert("x")</script>')
    client = login(manager)

    for url in (CHANGELIST, change_url(consultation)):
        html = client.get(url).content.decode()
        assert '<script>alert("x")</script>' not in html
        assert "&lt;script&gt;" in html


def test_nobody_adds_or_deletes_requests_in_the_admin(superuser, login, make_consultation):
    consultation = make_consultation()
    client = login(superuser)

    assert client.get(reverse("admin:booking_consultationrequest_add")).status_code == 403
    assert (
        client.get(reverse("admin:booking_consultationrequest_delete", args=[consultation.pk])).status_code
        == 403
    )


@pytest.mark.parametrize("size", [3, 30])
def test_the_list_runs_a_fixed_number_of_queries(
    manager, supervisor, login, make_consultation, django_assert_max_num_queries, size
):
    from services.models import Treatment, TreatmentCategory

    category = TreatmentCategory.objects.create(title="Опухоли печени", slug="liver")
    client = login(manager)
    for index in range(size):
        treatment = Treatment.objects.create(
            title=f"Лечение {index}", slug=f"t{index}", category=category, summary="s", what_it_is="w"
        )
        make_consultation(treatment=treatment, assigned_to=supervisor if index % 2 else manager)

    # 3 or 30 rows, the same dozen queries: an N+1 would blow the bound at 30.
    with django_assert_max_num_queries(15):
        response = client.get(CHANGELIST)

    assert response.status_code == 200
    assert len(references_in_order(response.content.decode())) == size


def test_a_request_can_be_assigned_only_to_people_who_call_back(
    manager, supervisor, content_editor, login, make_consultation
):
    consultation = make_consultation()

    html = login(supervisor).get(change_url(consultation)).content.decode()
    choices = re.search(r'<select name="assigned_to".*?</select>', html, re.S).group(0)

    assert "Анна Смирнова" in choices
    assert "Ольга Кузнецова" in choices
    assert "editor" not in choices
    assert save_form(login(supervisor), consultation, assigned_to=content_editor.pk).status_code == 200
    consultation.refresh_from_db()
    assert consultation.assigned_to is None


def test_the_delivery_log_shows_failures_to_supervisors(supervisor, login, make_consultation):
    consultation = make_consultation()
    Delivery.objects.create(
        request=consultation,
        channel=Delivery.Channel.TELEGRAM,
        recipient="chat 42",
        status=Delivery.Status.FAILED,
        attempts=7,
        last_error="HTTP 500 from Telegram",
    )
    client = login(supervisor)
    deliveries = reverse("admin:booking_delivery_changelist")

    html = client.get(deliveries, {"status__exact": "failed"}).content.decode()

    assert consultation.reference in html
    assert 'class="delivery-status is-failed"' in html
    assert "HTTP 500 from Telegram" in html
    delivery = Delivery.objects.get()
    assert client.get(reverse("admin:booking_delivery_change", args=[delivery.pk])).status_code == 200
    assert client.post(reverse("admin:booking_delivery_change", args=[delivery.pk]), {}).status_code == 403


def test_a_manager_without_a_language_preference_gets_the_console_in_russian(
    manager, login, make_consultation
):
    make_consultation()
    client = login(manager)

    default = client.get(CHANGELIST).content.decode()
    russian_browser = client.get(CHANGELIST, HTTP_ACCEPT_LANGUAGE="ru-RU,ru;q=0.9").content.decode()
    english_browser = client.get(CHANGELIST, HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()

    assert '<html lang="ru"' in default and "<h1>Заявки на консультацию</h1>" in default
    assert "<h1>Заявки на консультацию</h1>" in russian_browser
    assert '<html lang="en"' in english_browser and "<h1>Consultation requests</h1>" in english_browser


def test_list_and_page_headings_name_the_model_instead_of_django_ungrammatical_russian(
    manager, login, make_consultation
):
    consultation = make_consultation()
    client = login(manager)

    for url in (CHANGELIST, change_url(consultation)):
        html = client.get(url).content.decode()
        assert "Выберите заявка" not in html and "Изменить заявка" not in html, url
    assert "<h1>Заявка на консультацию</h1>" in client.get(change_url(consultation)).content.decode()


def test_the_delivery_log_speaks_russian_in_its_headings_filters_and_details(
    supervisor, login, make_consultation
):
    consultation = make_consultation()
    delivery = Delivery.objects.create(
        request=consultation, channel=Delivery.Channel.EMAIL, recipient="desk@clinic.test", attempts=1
    )
    client = login(supervisor)

    listing = client.get(reverse("admin:booking_delivery_changelist")).content.decode()
    details = client.get(reverse("admin:booking_delivery_change", args=[delivery.pk])).content.decode()

    for english in ("Created at", "Recipient", "Attempts", "By status", "By channel", "Next attempt at"):
        assert english not in listing and english not in details, english
    for russian in ("Создано", "Кому", "Попыток", "состояние", "канал"):
        assert russian in listing, russian
    assert "Следующая попытка" in details and ">None<" not in details


def test_every_admin_page_loads_the_site_overrides_and_no_inline_style(supervisor, login, make_consultation):
    consultation = make_consultation()
    client = login(supervisor)
    # The delivery log has no actions: Django's list would add an inline <style> the CSP blocks.
    for url in (
        reverse("admin:index"),
        reverse("admin:booking_delivery_changelist"),
        CHANGELIST,
        change_url(consultation),
        reverse("admin:password_change"),
    ):
        html = client.get(url).content.decode()
        assert re.search(r'<link rel="stylesheet" href="/static/css/admin-site\.[0-9a-f]+\.css">', html), url
        assert "<style" not in html, url


def test_the_request_page_names_the_language_the_patient_used(manager, login, make_consultation):
    consultation = make_consultation(language="en")

    html = login(manager).get(change_url(consultation)).content.decode()

    assert "Язык страницы" in html and "Английский" in html
