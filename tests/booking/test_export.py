"""CSV export of the managers' list: content, the formula guard, the timeline."""

import csv
import io
from datetime import timedelta

from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone

from booking.export import safe_cell
from booking.models import ConsultationRequest, RequestEvent

CHANGELIST = reverse("admin:booking_consultationrequest_changelist")
EXPORT = reverse("admin:booking_consultationrequest_export")


def rows_of(response: HttpResponse) -> list[list[str]]:
    text = response.content.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def test_export_action_downloads_the_selected_requests(manager, login, make_consultation):
    chosen = make_consultation(name="Мария Иванова", phone="+74994601561", email="maria@example.com")
    make_consultation(name="Не выбран")

    response = login(manager).post(CHANGELIST, {"action": "export_selected", "_selected_action": [chosen.pk]})

    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    header, *rows = rows_of(response)
    assert header[:3] == ["Номер", "Получена", "Перезвонить до"]
    assert len(rows) == 1
    row = dict(zip(header, rows[0], strict=True))
    assert row["Номер"] == chosen.reference
    assert row["Имя"] == "Мария Иванова"
    assert row["Телефон"] == "'+74994601561"  # a leading + would be read as a formula
    assert row["Эл. почта"] == "maria@example.com"


def test_the_csv_link_exports_the_list_as_filtered(manager, login, make_consultation):
    late = make_consultation(due_at=timezone.now() - timedelta(minutes=5))
    make_consultation()

    response = login(manager).get(EXPORT, {"overdue": "yes"})

    _header, *rows = rows_of(response)
    assert [row[0] for row in rows] == [late.reference]


def test_the_list_links_to_the_csv_of_what_it_shows(manager, login, make_consultation):
    make_consultation()

    html = login(manager).get(CHANGELIST, {"status__exact": "new"}).content.decode()

    assert f'href="{EXPORT}?status__exact=new"' in html


def test_a_nonsense_filter_on_the_csv_link_sends_back_to_the_list(manager, login):
    response = login(manager).get(EXPORT, {"no_such_field__gt": "1"})

    assert response.status_code == 302


def test_cells_that_a_spreadsheet_would_run_are_quoted(manager, login, make_consultation):
    make_consultation(name='=HYPERLINK("http://evil.example","click")', email="@attacker")

    _header, row = rows_of(login(manager).get(EXPORT))

    assert '\'=HYPERLINK("http://evil.example","click")' in row
    assert "'@attacker" in row


def test_safe_cell_guards_every_dangerous_start():
    for start in ("=", "+", "-", "@", "\t", "\r"):
        assert safe_cell(f"{start}1+1") == f"'{start}1+1"
    assert safe_cell("Иван") == "Иван"
    assert safe_cell(None) == ""


def test_each_exported_request_gets_an_exported_event(manager, login, make_consultation):
    first, second = make_consultation(), make_consultation()

    login(manager).get(EXPORT)

    for consultation in (first, second):
        event = consultation.events.get(kind=RequestEvent.Kind.EXPORTED)
        assert event.actor == manager
        assert timezone.now() - event.at < timedelta(minutes=1)


def test_people_without_access_to_requests_cannot_export(content_editor, outsider, login, make_consultation):
    consultation = make_consultation()

    for user in (content_editor, outsider):
        assert login(user).get(EXPORT).status_code == 403
        response = login(user).post(
            CHANGELIST, {"action": "export_selected", "_selected_action": [consultation.pk]}
        )
        assert response.status_code == 403
    assert not RequestEvent.objects.filter(kind=RequestEvent.Kind.EXPORTED).exists()
    assert ConsultationRequest.objects.count() == 1


def test_the_csv_has_the_patients_message_and_the_managers_full_name(manager, login, make_consultation):
    make_consultation(message="=Есть снимки КТ, могу прислать", assigned_to=manager)

    header, row = rows_of(login(manager).get(EXPORT))

    exported = dict(zip(header, row, strict=True))
    assert exported["Сообщение"] == "'=Есть снимки КТ, могу прислать"
    assert exported["Менеджер"] == "Анна Смирнова"


def test_a_relatives_request_says_in_the_csv_and_on_its_page_who_is_asking_for_whom(
    manager, login, make_consultation
):
    request = make_consultation(
        requester=ConsultationRequest.Requester.RELATIVE,
        relationship="сын",
        patient_name="Анна Сергеевна",
        callback_person=ConsultationRequest.CallbackPerson.PATIENT,
    )
    client = login(manager)

    header, row = rows_of(client.get(EXPORT))
    page = client.get(reverse("admin:booking_consultationrequest_change", args=[request.pk])).content.decode()

    exported = dict(zip(header, row, strict=True))
    assert exported["Кем приходится пациенту"] == "сын"
    assert exported["Имя пациента"] == "Анна Сергеевна"
    assert exported["Кому перезвонить"] == request.get_callback_person_display()
    assert "сын" in page and "Анна Сергеевна" in page
