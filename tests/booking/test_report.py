"""The supervisors' call-back report, on a hand-built set of requests."""

import csv
import io
import re
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from appointments.models import Appointment, Kind
from booking.models import ConsultationRequest
from booking.report import build_report, percentile
from tests.builders import make_doctor

MOSCOW = ZoneInfo("Europe/Moscow")
REPORT = reverse("admin:booking_consultationrequest_report")
REPORT_CSV = reverse("admin:booking_consultationrequest_report_csv")
RANGE = {"start": "2026-11-02", "end": "2026-11-04"}
Status = ConsultationRequest.Status


def moscow(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=MOSCOW)


@pytest.fixture
def requests_of_two_days(make_consultation, manager, supervisor) -> None:
    """Minutes to first contact: 5, 10 (Анна), 20 late and 1 (Ольга); one never called; one spam."""

    def contacted(created: datetime, minutes: int, who: object) -> None:
        make_consultation(
            created_at=created,
            first_contact_at=created + timedelta(minutes=minutes),
            status=Status.CONTACTED,
            assigned_to=who,
        )

    contacted(moscow(2, 0, 30), 5, manager)  # 21:30 UTC on the 1st: still the 2nd in Moscow
    contacted(moscow(2, 11), 10, manager)
    contacted(moscow(3, 9), 20, supervisor)
    contacted(moscow(3, 12), 1, supervisor)
    make_consultation(created_at=moscow(3, 13))  # nobody called
    make_consultation(created_at=moscow(3, 14), status=Status.SPAM)
    make_consultation(created_at=moscow(1, 23, 30))  # the day before the range


def test_percentile_interpolates_between_ranks():
    assert percentile([1, 5, 10, 20], 0.5) == 7.5
    assert percentile([1, 5, 10, 20], 0.9) == pytest.approx(17.0)
    assert percentile([4], 0.9) == 4
    assert percentile([], 0.5) is None


def test_report_figures(requests_of_two_days, make_consultation):
    now = moscow(4, 12)
    make_consultation(created_at=now - timedelta(minutes=5))  # its deadline has not come yet

    report = build_report(date(2026, 11, 2), date(2026, 11, 4), now=now)

    total = report.total
    assert total.requests == 6
    assert total.contacted == 4
    assert total.median_minutes == 7.5
    assert total.p90_minutes == pytest.approx(17.0)
    assert (total.within_promise, total.overdue, total.judged) == (3, 2, 5)
    assert total.share_within_promise == pytest.approx(0.6)
    assert report.spam == 1
    assert [(day.day, tally.requests) for day, tally in report.days] == [(2, 2), (3, 3), (4, 1)]
    by_manager = {row.name: row.tally for row in report.managers}
    assert set(by_manager) == {"Анна Смирнова", "Ольга Кузнецова", "Не назначен"}
    anna, olga, nobody = by_manager["Анна Смирнова"], by_manager["Ольга Кузнецова"], by_manager["Не назначен"]
    assert (anna.requests, anna.within_promise, anna.overdue, anna.median_minutes) == (2, 2, 0, 7.5)
    assert (olga.requests, olga.within_promise, olga.overdue, olga.median_minutes) == (2, 1, 1, 10.5)
    assert (nobody.requests, nobody.contacted, nobody.overdue) == (2, 0, 1)


def test_report_uses_one_query(requests_of_two_days, django_assert_num_queries):
    with django_assert_num_queries(1):
        build_report(date(2026, 11, 2), date(2026, 11, 4), now=moscow(4, 12))


def test_report_page_shows_figures_chart_and_tables(requests_of_two_days, supervisor, login):
    html = login(supervisor).get(REPORT, RANGE).content.decode()

    assert "Отчёт о перезвонах" in html
    figures = re.sub(r"\s+", " ", html)
    assert "<dt>Заявок</dt><dd>5</dd>" in figures
    assert "60&nbsp;%" in figures  # 3 of 5 in time
    assert "7,5&nbsp;мин" in figures  # median
    assert "17,0&nbsp;мин" in figures  # 90th percentile
    assert "<dt>Просрочено</dt><dd>2</dd>" in figures
    svg = re.search(r'<svg role="img".*?</svg>', html, re.S).group(0)
    assert 'role="img"' in svg
    assert "aria-label=" in svg
    assert "<title" in svg
    assert svg.count('class="chart-bar"') == 3  # one bar per day
    assert "02.11.2026: 2 / 2" in svg
    assert "Анна Смирнова" in html
    assert '<time datetime="2026-11-03">03.11.2026</time>' in html


def test_report_defaults_to_the_last_30_days(supervisor, login, make_consultation):
    make_consultation()

    html = login(supervisor).get(REPORT).content.decode()

    assert html.count('class="chart-bar"') == 30


def test_report_in_english(requests_of_two_days, supervisor, login):
    html = login(supervisor).get(REPORT, RANGE, HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert "Call-back report" in html
    assert "Median time to first contact" in html


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"start": "2026-13-45", "end": "2026-11-04"}, "Не удалось прочитать дату"),
        ({"start": "вчера", "end": ""}, "Не удалось прочитать дату"),
        ({"start": "2026-11-04", "end": "2026-11-02"}, "Поменяйте даты местами"),
        ({"start": "1990-01-01", "end": "2026-11-02"}, "Период слишком длинный"),
        ({"start": "9999-12-31", "end": "9999-12-31"}, "слишком далеко в будущем"),
        ({"start": "x" * 5000}, "Не удалось прочитать дату"),
    ],
)
def test_a_bad_date_range_gets_a_polite_answer(supervisor, login, query, message):
    client = login(supervisor)

    response = client.get(REPORT, query)

    assert response.status_code == 200
    assert message in response.content.decode()
    assert 'role="img"' not in response.content.decode()
    assert client.get(REPORT_CSV, query).status_code == 400


def test_report_csv_has_the_same_figures(requests_of_two_days, supervisor, login):
    response = login(supervisor).get(REPORT_CSV, RANGE)

    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:2] == ["Период", "Заявок"]
    assert rows[1] == ["2026-11-02 — 2026-11-04", "5", "4", "3", "2", "60.0", "7.5", "17.0"]
    assert ["2026-11-03", "3", "2", "1", "2", "33.3", "10.5", "18.1"] in rows
    assert any(row[:2] == ["Ольга Кузнецова", "2"] for row in rows)


def test_the_list_links_to_the_report_for_supervisors_only(supervisor, manager, login):
    changelist = reverse("admin:booking_consultationrequest_changelist")

    assert REPORT in login(supervisor).get(changelist).content.decode()
    assert REPORT not in login(manager).get(changelist).content.decode()


def test_the_daily_table_lists_only_days_with_requests(requests_of_two_days, supervisor, login):
    html = login(supervisor).get(REPORT, {"start": "2026-10-06", "end": "2026-11-04"}).content.decode()

    daily = html.split("По дням")[1]
    assert re.findall(r'<time datetime="([\d-]+)">', daily) == ["2026-11-01", "2026-11-02", "2026-11-03"]
    assert "Не показаны дни без заявок: 27." in daily
    assert html.count('class="chart-bar"') == 30  # the chart keeps every day


def test_a_period_without_requests_says_so_in_the_daily_table(supervisor, login):
    html = login(supervisor).get(REPORT, RANGE).content.decode()

    assert "За этот период заявок нет." in html.split("По дням")[1]
    assert "Не показаны дни" not in html


def test_report_page_shows_how_many_requests_became_a_booked_consultation(
    requests_of_two_days, supervisor, login
):
    booked = ConsultationRequest.objects.get(created_at=moscow(2, 11))
    Appointment.objects.create(
        request=booked,
        doctor=make_doctor(),
        kind=Kind.IN_PERSON,
        start=moscow(10, 10),
        end=moscow(10, 10, 30),
        status=Appointment.Status.BOOKED,
    )

    figures = re.sub(r"\s+", " ", login(supervisor).get(REPORT, RANGE).content.decode())

    assert "От заявки до консультации" in figures
    assert "<dt>Заявок записано</dt><dd>1 / 5</dd>" in figures
    assert "<dd>20%</dd>" in figures
