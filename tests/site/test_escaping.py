"""What a patient types is shown as text everywhere: the site, the admin, e-mails, CSV, Telegram."""

import csv
import io
import json
from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.test import Client
from django.urls import reverse

from booking.models import ConsultationRequest
from tests.booking.fake_servers import FakeHTTPServer
from tests.booking.submitting import run_worker_until, submit
from tests.builders import make_clinic

NAME = '<script>alert("name")</script>Иван'
MESSAGE = "<img src=x onerror=alert(1)> перезвоните"
FORMULA_NAME = '=HYPERLINK("https://evil.example","Открыть")'
FORMULA_MESSAGE = "+cmd|' /C calc'!A0"
RAW = ("<script>alert", "<img src=x")


def _assert_shown_as_text(html: str) -> None:
    for raw in RAW:
        assert raw not in html
    assert "&lt;script&gt;alert(&quot;name&quot;)&lt;/script&gt;Иван" in html or "&lt;img src=x" in html


@pytest.fixture
def submitted(
    client: Client, manager: User, settings, django_capture_on_commit_callbacks
) -> ConsultationRequest:  # noqa: ANN001
    make_clinic()
    settings.BOOKING_NOTIFY_EMAILS = ["callcentre@clinic.test"]
    with FakeHTTPServer() as telegram:
        settings.TELEGRAM_API_URL = telegram.url
        settings.TELEGRAM_BOT_TOKEN = "123:token"
        settings.TELEGRAM_CHAT_ID = "-1001"
        with django_capture_on_commit_callbacks(execute=True):
            submit(client, name=NAME, message=MESSAGE, email="patient@example.org")
        request = ConsultationRequest.objects.get()
        assert run_worker_until(lambda: not request.deliveries.exclude(status="sent").exists())
        request.telegram_payloads = [json.loads(r["body"]) for r in telegram.received]
    return request


@pytest.mark.django_db
def test_the_form_shows_what_was_typed_back_as_text(client: Client) -> None:
    make_clinic()
    response = submit(client, name=NAME, message=MESSAGE, phone="not a phone")
    assert response.status_code == 200
    page = response.content.decode()
    for raw in RAW:
        assert raw not in page
    assert "&lt;script&gt;" in page and "&lt;img src=x" in page


@pytest.mark.django_db
def test_the_admin_shows_the_name_and_message_as_text(
    submitted: ConsultationRequest, manager: User, login: Callable[[User], Client]
) -> None:
    staff = login(manager)
    listing = staff.get(reverse("admin:booking_consultationrequest_changelist")).content.decode()
    _assert_shown_as_text(listing)
    page = staff.get(
        reverse("admin:booking_consultationrequest_change", args=[submitted.pk])
    ).content.decode()
    _assert_shown_as_text(page)
    assert "&lt;img src=x onerror=alert(1)&gt;" in page


@pytest.mark.django_db
def test_the_html_e_mails_show_the_name_and_message_as_text(submitted: ConsultationRequest) -> None:
    assert mail.outbox
    for message in mail.outbox:
        for body, kind in getattr(message, "alternatives", []):
            if kind == "text/html":
                for raw in RAW:
                    assert raw not in body, message.subject
        # A plain-text body shows the characters as they were typed; no client runs them.
        assert message.content_subtype == "plain"
    assert any("&lt;script&gt;" in body for m in mail.outbox for body, kind in getattr(m, "alternatives", []))


@pytest.mark.django_db
def test_the_telegram_message_shows_the_name_as_text(submitted: ConsultationRequest) -> None:
    assert submitted.telegram_payloads
    for payload in submitted.telegram_payloads:
        assert "<script>" not in payload["text"]
        assert "<img" not in payload["text"]
        assert "&lt;script&gt;" in payload["text"]


@pytest.mark.django_db
def test_the_csv_export_neither_runs_formulas_nor_loses_the_text(
    client: Client,
    manager: User,
    login: Callable[[User], Client],
    django_capture_on_commit_callbacks,  # noqa: ANN001
) -> None:
    make_clinic()
    with django_capture_on_commit_callbacks(execute=True):
        submit(client, name=FORMULA_NAME, message=FORMULA_MESSAGE)
    response = login(manager).get(reverse("admin:booking_consultationrequest_export"))
    assert response.status_code == 200
    text = b"".join(response.streaming_content if response.streaming else [response.content]).decode(
        "utf-8-sig"
    )
    cells = [cell for row in csv.reader(io.StringIO(text)) for cell in row]
    assert "'" + FORMULA_NAME in cells
    assert not any(cell.startswith(("=", "+", "@")) for cell in cells)
    if any(FORMULA_MESSAGE in cell for cell in cells):
        assert "'" + FORMULA_MESSAGE in cells
