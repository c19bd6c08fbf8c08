"""Logs: one JSON object per line with a request id, and never a patient's personal data."""

import io
import json
import logging
from collections.abc import Iterator
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.forms.models import model_to_dict
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from booking.models import ConsultationRequest, RequestEvent
from clinic_site.logging import JsonFormatter, RequestIdFilter, ScrubPersonalData, scrub
from tests.booking.fake_servers import FakeHTTPServer
from tests.booking.submitting import form_data, request_url, run_worker_until, submit
from tests.builders import make_clinic, make_treatment

NAME = "Жанна Секретова"
PHONE_TYPED = "+7 916 123-45-67"
EMAIL = "zhanna.sekretova@example.org"
MESSAGE = "Метастазы в печени после операции, перезвоните вечером"
# Every way the submitted data could show up in a log line.
SECRETS = [
    "Жанна",
    "Секретова",
    "Sekretova",
    "zhanna",
    EMAIL,
    "9161234567",
    "916 123-45-67",
    "+79161234567",
    "123-45-67",
    "Метастазы",
    "перезвоните",
]


@pytest.fixture
def json_log() -> Iterator[io.StringIO]:
    """The production handler (JSON formatter with its filters) on the root logger, at DEBUG."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    handler.addFilter(RequestIdFilter())
    handler.addFilter(ScrubPersonalData())
    root = logging.getLogger()
    root.addHandler(handler)
    yield stream
    root.removeHandler(handler)


@pytest.fixture
def everything_at_debug(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    caplog.set_level(logging.DEBUG)
    for name in list(logging.root.manager.loggerDict):
        caplog.set_level(logging.DEBUG, logger=name)
    return caplog


@pytest.mark.django_db
def test_a_full_submission_and_its_notifications_log_no_personal_data(
    client: Client,
    manager,  # noqa: ANN001  (fixture from tests/conftest.py: a Managers group member with e-mail)
    login,  # noqa: ANN001
    settings,  # noqa: ANN001
    mailoutbox: list,
    everything_at_debug: pytest.LogCaptureFixture,
    json_log: io.StringIO,
    capsys: pytest.CaptureFixture[str],
    django_capture_on_commit_callbacks,  # noqa: ANN001
) -> None:
    make_clinic()
    make_treatment()
    settings.BOOKING_RETRY_FIRST_SECONDS = 0.1
    settings.BOOKING_NOTIFY_EMAILS = ["callcentre@clinic.test"]
    with FakeHTTPServer(statuses=[500]) as telegram, FakeHTTPServer() as crm:
        settings.TELEGRAM_API_URL = telegram.url
        settings.TELEGRAM_BOT_TOKEN = "123:secret-token"
        settings.TELEGRAM_CHAT_ID = "-1001"
        settings.BOOKING_WEBHOOK_URL = crm.url
        settings.BOOKING_WEBHOOK_SECRET = "shared-secret"
        with django_capture_on_commit_callbacks(execute=True):
            response = submit(client, name=NAME, phone=PHONE_TYPED, email=EMAIL, message=MESSAGE)
        assert response.status_code == 302
        client.get(response["Location"])
        request = ConsultationRequest.objects.get()
        # The notifications go out, the messenger failing once first.
        assert run_worker_until(lambda: not request.deliveries.exclude(status="sent").exists())
        # The promise runs out: escalation and overdue notices to supervisors.
        ConsultationRequest.objects.filter(pk=request.pk).update(
            created_at=timezone.now() - timedelta(minutes=30), due_at=timezone.now() - timedelta(minutes=15)
        )
        call_command("booking_sweep", verbosity=2)
        run_worker_until(lambda: not request.deliveries.exclude(status="sent").exists())
        # A manager opens it and exports the list.
        staff = login(manager)
        staff.get(reverse("admin:booking_consultationrequest_change", args=[request.pk]))
        staff.get(reverse("admin:booking_consultationrequest_export"))
    assert mailoutbox, "the managers were notified"
    assert telegram.received and crm.received

    captured = capsys.readouterr()
    logs = "\n".join(
        [everything_at_debug.text, json_log.getvalue(), captured.out, captured.err]
        + [r.getMessage() for r in everything_at_debug.records]
    )
    assert everything_at_debug.records, "something was logged, so the search means something"
    for secret in SECRETS:
        assert secret.lower() not in logs.lower(), f"{secret!r} appears in the logs"


@pytest.mark.django_db
def test_the_ip_address_is_stored_only_as_a_keyed_hash(
    client: Client, django_capture_on_commit_callbacks
) -> None:  # noqa: ANN001
    make_clinic()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(request_url(), form_data(name=NAME), REMOTE_ADDR="198.51.100.77")
    request = ConsultationRequest.objects.get()
    stored = json.dumps(model_to_dict(request), default=str)
    assert "198.51.100.77" not in stored
    assert len(request.ip_hash) == 64
    import hashlib

    assert request.ip_hash != hashlib.sha256(b"198.51.100.77").hexdigest()  # keyed, not a plain digest


@pytest.mark.django_db
def test_viewing_and_exporting_are_recorded_in_the_timeline(
    client: Client,
    manager,  # noqa: ANN001
    login,  # noqa: ANN001
    django_capture_on_commit_callbacks,  # noqa: ANN001
) -> None:
    make_clinic()
    with django_capture_on_commit_callbacks(execute=True):
        submit(client, name=NAME)
    request = ConsultationRequest.objects.get()
    staff = login(manager)
    assert (
        staff.get(reverse("admin:booking_consultationrequest_change", args=[request.pk])).status_code == 200
    )
    viewed = RequestEvent.objects.filter(request=request, kind=RequestEvent.Kind.VIEWED)
    assert [(e.actor, e.at is not None) for e in viewed] == [(manager, True)]
    assert staff.get(reverse("admin:booking_consultationrequest_export")).status_code == 200
    exported = RequestEvent.objects.filter(request=request, kind=RequestEvent.Kind.EXPORTED)
    assert [e.actor for e in exported] == [manager]


def test_each_record_is_one_json_object_with_time_level_logger_event_and_request_id() -> None:
    record = logging.LogRecord(
        "booking.tasks", logging.WARNING, __file__, 1, "delivery %s failed", ("42",), None
    )
    record.request_id = "abc123def456"
    line = JsonFormatter().format(record)
    assert "\n" not in line
    entry = json.loads(line)
    assert entry["level"] == "WARNING"
    assert entry["logger"] == "booking.tasks"
    assert entry["event"] == "delivery 42 failed"
    assert entry["request_id"] == "abc123def456"
    assert entry["time"].endswith("+00:00")


def test_a_traceback_stays_on_one_line_and_is_scrubbed() -> None:
    try:
        raise ValueError("duplicate key (phone)=(+79161234567)")
    except ValueError:
        import sys

        record = logging.LogRecord("x", logging.ERROR, __file__, 1, "boom", (), sys.exc_info())
    line = JsonFormatter().format(record)
    assert len(line.splitlines()) == 1
    assert "+79161234567" not in line
    assert "ValueError" in json.loads(line)["exception"]


@pytest.mark.parametrize(
    "text",
    [
        "call +7 916 123-45-67 now",
        "call 8 (916) 123-45-67 now",
        "call 89161234567 now",
        "call +44 20 7946 0958 now",
        "mail zhanna.sekretova@example.org now",
    ],
)
def test_the_scrubber_masks_phones_and_e_mails_that_slip_in(text: str) -> None:
    cleaned = scrub(text)
    assert cleaned.startswith(("call [phone]", "mail [e-mail]"))
    assert cleaned.endswith(" now")


@pytest.mark.parametrize(
    "text",
    [
        "2026-11-27 08:07:54 request ABC-123 took 35 ms",
        "delivery 1234 attempt 3",
        "GET /ru/treatments/radioembolization/ 200",
        "worker 7f3a2c1e-9b8d-4e6f-a1b2-c3d4e5f60718 started",
        "127.0.0.1 - 10.0.0.15",
    ],
)
def test_the_scrubber_leaves_ordinary_log_lines_alone(text: str) -> None:
    assert scrub(text) == text


@pytest.mark.django_db
def test_a_log_line_written_during_a_request_carries_its_request_id(
    client: Client, json_log: io.StringIO, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="django.request")
    response = client.get("/ru/no-such-page/", HTTP_X_REQUEST_ID="req-0123456789")
    assert response.status_code == 404
    lines = [json.loads(line) for line in json_log.getvalue().splitlines()]
    not_found = [line for line in lines if line["logger"] == "django.request"]
    assert not_found and not_found[0]["request_id"] == "req-0123456789"


def test_gunicorn_logs_json_access_lines_without_the_query_string(tmp_path) -> None:  # noqa: ANN001
    import os
    import socket
    import subprocess
    import sys
    import time
    import urllib.request
    from pathlib import Path

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL"))},
        "DJANGO_SECRET_KEY": "x" * 50,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "WEB_CONCURRENCY": "1",
    }
    gunicorn = Path(sys.executable).parent / "gunicorn"
    server = subprocess.Popen(
        [gunicorn, "clinic_site.wsgi", "-c", "gunicorn.conf.py", "--bind", f"127.0.0.1:{port}"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/robots.txt?phone=%2B79161234567&name=Zhanna")
                break
            except OSError:
                time.sleep(0.2)
    finally:
        server.terminate()
        output, _ = server.communicate(timeout=30)
    lines = [json.loads(line) for line in output.splitlines() if line.startswith("{")]
    assert len(lines) == len(output.splitlines()), output  # every line is one JSON object
    access = [line for line in lines if line["logger"] == "gunicorn.access"]
    assert access and '"GET /robots.txt HTTP/1.1" 200' in access[-1]["event"]
    assert len(access[-1]["request_id"]) == 32  # the id the middleware gave the response
    assert "79161234567" not in output and "Zhanna" not in output
