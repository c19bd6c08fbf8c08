"""gunicorn settings; every value can be overridden on the command line or by the variables below."""

import gc
import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Sync workers: the pages are quick and cached, slow work runs in the task worker. gthread
# (GUNICORN_THREADS=4, 3 workers) was tried with make bench on the 2-core machine, 2026-11-27: about
# the same CPU per request, and a p99 no better and mostly worse (form POST steady: 1.2-1.4 s
# against 0.57-0.65 s on the same busy machine). The work is CPU-bound Python: a worker's threads
# take turns on the GIL, so a request can wait behind its siblings while another core is idle.
workers = int(os.environ.get("WEB_CONCURRENCY", min(multiprocessing.cpu_count() * 2 + 1, 9)))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
timeout = 30
graceful_timeout = 20
keepalive = 5
# Recycle workers now and then so a slow leak can never grow without bound.
max_requests = 2000
max_requests_jitter = 200
# Load the app once in the arbiter: workers fork faster and a broken deploy fails at start.
preload_app = True
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1,::1")

# Access log: path without the query string (it could carry personal data one day),
# status, size, duration and the request id nginx assigned, as one JSON line like the app's.
access_log_format = '%(h)s "%(m)s %(U)s %(H)s" %(s)s %(B)s %(M)sms'
logconfig_dict = {
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
    "root": {"level": "INFO", "handlers": ["json"]},
    "loggers": {
        "gunicorn.error": {"level": "INFO", "handlers": [], "propagate": True},
        "gunicorn.access": {"level": "INFO", "handlers": [], "propagate": True},
    },
}


def pre_fork(server: object, worker: object) -> None:
    # The app is loaded (preload_app): move its objects out of the collector's sight, so a
    # worker's full collection scans what its requests made, not the whole of Django. Without
    # it, a full collection every ~1,500 form POSTs stalled that request by ~40 ms
    # (make bench; measured 2026-11-27).
    gc.freeze()
