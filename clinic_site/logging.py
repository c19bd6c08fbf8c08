"""Log records as one JSON object per line, tagged with the request id.

Kept free of Django imports: gunicorn's own logging uses it before Django starts.
"""

import logging
import re
from contextvars import ContextVar
from datetime import datetime
from typing import Any

import pythonjsonlogger.json
from pythonjsonlogger.core import RESERVED_ATTRS

request_id_var: ContextVar[str | None] = ContextVar("request_id", default=None)

EMAIL_PATTERN = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# A run of 10 to 15 digits, written with or without +, spaces, brackets and dashes.
PHONE_PATTERN = re.compile(r"(?<![\w/:.])\+?\d(?:[ ()\-]*\d){9,14}(?![\w/])")
DATE_PREFIX = re.compile(r"\d{4}-\d{2}-\d{2}")


def scrub(text: str) -> str:
    text = EMAIL_PATTERN.sub("[e-mail]", text)
    return PHONE_PATTERN.sub(_mask_phone, text)


def _mask_phone(match: re.Match[str]) -> str:
    candidate = match.group(0)
    if DATE_PREFIX.match(candidate):
        return candidate
    return "[phone]"


class RequestIdFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if not getattr(record, "request_id", None):
            # django.request logs after the middleware has finished, but passes the request along.
            request = getattr(record, "request", None)
            record.request_id = getattr(request, "request_id", None) or request_id_var.get()
        if record.name == "gunicorn.access" and isinstance(record.args, dict):
            # gunicorn's access atoms: the id our middleware put on the response.
            record.request_id = record.args.get("{x-request-id}o") or None
        return True


class ScrubPersonalData(logging.Filter):
    """Defence in depth: nothing personal is logged on purpose, this catches slips."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = scrub(message)
        if cleaned != message:
            record.msg, record.args = cleaned, ()
        return True


class JsonFormatter(pythonjsonlogger.json.JsonFormatter):
    """python-json-logger's formatter: time, level, logger, event and request_id, then any extras,
    every string scrubbed of phones and e-mails."""

    def __init__(self, **options: Any) -> None:
        super().__init__(
            "%(levelname)s %(name)s %(message)s %(request_id)s",
            rename_fields={
                "levelname": "level",
                "name": "logger",
                "message": "event",
                "exc_info": "exception",
            },
            timestamp="time",
            # A request's repr carries its query string.
            reserved_attrs=[*RESERVED_ATTRS, "request", "server_time"],
            json_ensure_ascii=False,
            **options,
        )

    def process_log_record(self, log_data: dict[str, Any]) -> dict[str, Any]:
        scrubbed = {key: _scrubbed(value) for key, value in log_data.items()}
        # Our own ids, never personal: a long run of digits must not be masked as a phone.
        scrubbed["request_id"] = log_data.get("request_id") or request_id_var.get()
        return scrubbed


def _scrubbed(value: object) -> object:
    if value is None or isinstance(value, bool | int | float | datetime):
        return value
    return scrub(value if isinstance(value, str) else str(value))


def logging_config(level: str) -> dict[str, Any]:
    """The one logging set-up, used by Django (settings.LOGGING) and by gunicorn (gunicorn.conf.py):
    one JSON object per line on stdout, which journald keeps."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {
            "request_id": {"()": "clinic_site.logging.RequestIdFilter"},
            "scrub_personal_data": {"()": "clinic_site.logging.ScrubPersonalData"},
        },
        "formatters": {"json": {"()": "clinic_site.logging.JsonFormatter"}},
        "handlers": {
            "json": {
                "class": "logging.StreamHandler",
                "stream": "ext://sys.stdout",
                "formatter": "json",
                "filters": ["request_id", "scrub_personal_data"],
            }
        },
        "root": {"handlers": ["json"], "level": level},
        # Django's and gunicorn's own handlers would print some records a second time, unformatted.
        "loggers": {
            "django": {"handlers": [], "level": level, "propagate": True},
            "gunicorn.error": {"handlers": [], "level": level, "propagate": True},
            "gunicorn.access": {"handlers": [], "level": "INFO", "propagate": True},
            "axes.apps": {"level": "WARNING"},  # its start-up banner on every manage.py command
            # At DEBUG these would write SQL parameters and template contexts: patients' data.
            "django.db.backends": {"level": "INFO"},
            "django.template": {"level": "INFO"},
        },
    }
