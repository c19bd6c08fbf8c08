"""Log records as one JSON object per line, tagged with the request id.

Kept free of Django imports: gunicorn's own logging uses it before Django starts.
"""

import json
import logging
import re
from contextvars import ContextVar
from datetime import UTC, datetime

request_id_var: ContextVar[str | None] = ContextVar("request_id", default=None)

EMAIL_PATTERN = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# A run of 10 to 15 digits, written with or without +, spaces, brackets and dashes.
PHONE_PATTERN = re.compile(r"(?<![\w/:.])\+?\d(?:[ ()\-]*\d){9,14}(?![\w/])")
DATE_PREFIX = re.compile(r"\d{4}-\d{2}-\d{2}")

# Attributes every LogRecord has; anything else was passed as `extra=`.
_STANDARD_ATTRIBUTES = set(logging.makeLogRecord({}).__dict__) | {"message", "asctime", "request_id"}
# Extras never written out: a request's repr carries its query string.
_UNLOGGED_EXTRAS = {"request", "server_time"}


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


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "event": scrub(record.getMessage()),
            "request_id": getattr(record, "request_id", None)
            or getattr(getattr(record, "request", None), "request_id", None)
            or request_id_var.get(),
        }
        for key, value in record.__dict__.items():
            if key not in _STANDARD_ATTRIBUTES and key not in _UNLOGGED_EXTRAS and not key.startswith("_"):
                entry[key] = scrub(value) if isinstance(value, str) else _plain(value)
        if record.exc_info:
            entry["exception"] = scrub(self.formatException(record.exc_info))
        return json.dumps(entry, ensure_ascii=False, default=str)


def _plain(value: object) -> object:
    if value is None or isinstance(value, bool | int | float):
        return value
    return scrub(str(value))
