"""gunicorn settings; every value can be overridden on the command line or by the variables below."""

import multiprocessing
import os

from clinic_site.logging import logging_config

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Sync workers: the pages are quick and cached, slow work runs in the task worker.
workers = int(os.environ.get("WEB_CONCURRENCY", min(multiprocessing.cpu_count() * 2 + 1, 9)))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
timeout = 30
graceful_timeout = 20
keepalive = 5
# Recycle workers now and then so a slow leak can never grow without bound.
max_requests = 2000
max_requests_jitter = 200
# Load the app once before forking: workers start faster and a broken deploy fails at start.
preload_app = True
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1,::1")

# Access log: path without the query string (it could carry personal data one day),
# status, size, duration and the request id, as one JSON line like the application's.
access_log_format = '%(h)s "%(m)s %(U)s %(H)s" %(s)s %(B)s %(M)sms'
logconfig_dict = logging_config(os.environ.get("LOG_LEVEL", "INFO"))
