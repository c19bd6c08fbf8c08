"""Settings of the clinic site: one module, configured from the environment.

Every variable read here is documented in the README's configuration table.
"""

from datetime import timedelta
from pathlib import Path
from typing import Any

import dj_database_url
from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

from clinic_site.lib.env import (
    ConfigurationError,
    env_bool,
    env_float,
    env_int,
    env_list,
    env_str,
)
from clinic_site.logging import logging_config

BASE_DIR = Path(__file__).resolve().parent.parent

# --- Core -----------------------------------------------------------------

DEBUG = env_bool("DJANGO_DEBUG", False)

SECRET_KEY = env_str("DJANGO_SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ConfigurationError(
            "DJANGO_SECRET_KEY is required when DJANGO_DEBUG is not true. "
            "Set it to a long random string (see README, Configuration)."
        )
    SECRET_KEY = "insecure-development-key-only-for-debug"

# A demonstration site: demo legal details are warnings under `check --deploy`, not errors.
CLINIC_DEMO = env_bool("CLINIC_DEMO", False)

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "modeltranslation",  # must precede the admin to patch translated fields
    "clinic_site.apps.ClinicAdminConfig",  # django.contrib.admin with the two-factor admin site
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "crispy_forms",
    "crispy_bootstrap5",
    "phonenumber_field",
    "django_tasks",
    "django_tasks_db",
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "clinic_site",
    "services",
    "booking",
    "documents",
    "appointments",
]

MIDDLEWARE = [
    "clinic_site.middleware.request_id",  # first, so every log line of the request carries it
    # Next, so a page stored for everyone is answered before any work for one visitor; it stores
    # the answer with every header the middleware below adds (clinic_site/cache.py).
    "clinic_site.cache.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "clinic_site.middleware.security_headers",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",  # last: turns a lockout into a calm 429 page
]

ROOT_URLCONF = "clinic_site.urls"
WSGI_APPLICATION = "clinic_site.wsgi.application"

TEMPLATES: list[dict[str, Any]] = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "clinic_site.context_processors.site",
            ],
        },
    },
]

# --- Database ---------------------------------------------------------------

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The embedded default: WAL lets the web server and the worker read while one of them
    # writes; IMMEDIATE transactions take the write lock at BEGIN, so a writer waits for its turn
    # (up to `timeout` seconds) instead of failing halfway through a transaction.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=20000;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache: shared by every gunicorn worker (rate limits, page cache) -------

REDIS_URL = env_str("REDIS_URL")
CACHES: dict[str, dict[str, Any]]
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "clinic_cache",
            # Past the default 300 rows Django culls a third of the table by key order,
            # rate-limit counters and stored pages alike.
            "OPTIONS": {"MAX_ENTRIES": 20000},
        }
    }

# Each process also keeps the public pages it served last (a few megabytes at most), so a
# stored page is not fetched from the shared cache on every visit; the content version still
# is, so an edit shows at once everywhere (clinic_site/cache.py).
CACHES["pages-in-process"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "pages-in-process",
    "OPTIONS": {"MAX_ENTRIES": 200},
}

# Public pages for anonymous visitors (clinic_site/cache.py); any content edit renews them.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 600)

# --- Languages --------------------------------------------------------------

LANGUAGE_CODE = "ru"
LANGUAGES = [("ru", _("Русский")), ("en", _("English"))]
MODELTRANSLATION_DEFAULT_LANGUAGE = "ru"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("ru",)
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Moscow"

# --- Static files and uploads -----------------------------------------------

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
STORAGES: dict[str, dict[str, Any]] = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
WHITENOISE_MAX_AGE = 31536000 if not DEBUG else 0
IMAGE_MAX_UPLOAD_BYTES = env_int("IMAGE_MAX_UPLOAD_MB", 10) * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440

# --- Forms ------------------------------------------------------------------

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"
PHONENUMBER_DEFAULT_REGION = "RU"
PHONENUMBER_DEFAULT_FORMAT = "E164"

# --- Background tasks -------------------------------------------------------

TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "QUEUES": ["default"],
    }
}

# --- E-mail -----------------------------------------------------------------

EMAIL_HOST = env_str("EMAIL_HOST")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = 10
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Клиника Лядова <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# The sender's name on a patient's confirmation, in their language; empty: the clinic's name.
BOOKING_FROM_NAME_RU = env_str("BOOKING_FROM_NAME_RU")
BOOKING_FROM_NAME_EN = env_str("BOOKING_FROM_NAME_EN")
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)

# --- Booking: the 15-minute callback promise ---------------------------------

BOOKING_CALLBACK_MINUTES = env_float("BOOKING_CALLBACK_MINUTES", 15)
BOOKING_ESCALATE_AFTER_MINUTES = env_float("BOOKING_ESCALATE_AFTER_MINUTES", 10)
BOOKING_DUPLICATE_WINDOW_MINUTES = env_float("BOOKING_DUPLICATE_WINDOW_MINUTES", 30)
# Form submissions an hour per phone, and per address (many patients share a mobile carrier's); 0 = off.
BOOKING_RATE_LIMIT = env_int("BOOKING_RATE_LIMIT", 5)
BOOKING_RATE_LIMIT_IP = env_int("BOOKING_RATE_LIMIT_IP", 30)
BOOKING_MIN_FILL_SECONDS = env_float("BOOKING_MIN_FILL_SECONDS", 3)
BOOKING_RETENTION_DAYS = env_int("BOOKING_RETENTION_DAYS", 365, minimum=1)
BOOKING_NOTIFY_EMAILS = env_list("BOOKING_NOTIFY_EMAILS")
BOOKING_WEBHOOK_URL = env_str("BOOKING_WEBHOOK_URL")
BOOKING_WEBHOOK_SECRET = env_str("BOOKING_WEBHOOK_SECRET")
TELEGRAM_BOT_TOKEN = env_str("TELEGRAM_BOT_TOKEN")
TELEGRAM_CHAT_ID = env_str("TELEGRAM_CHAT_ID")
TELEGRAM_API_URL = env_str("TELEGRAM_API_URL", "https://api.telegram.org")
# Off: staff Telegram alerts carry no message text, treatment or doctor (health data).
TELEGRAM_INCLUDE_DETAILS = env_bool("TELEGRAM_INCLUDE_DETAILS", False)
# The date of the consent text in force (templates/booking/includes/consent_*.html): change it
# with the text, so each request records which version its sender agreed to.
CONSENT_POLICY_VERSION = env_str("CONSENT_POLICY_VERSION", "2026-12-05")
# A failed notification is retried after 15 s, 30 s, 1 min … (at most 10 min apart) until this age.
BOOKING_RETRY_FIRST_SECONDS = env_float("BOOKING_RETRY_FIRST_SECONDS", 15)
BOOKING_DELIVERY_MAX_AGE_HOURS = env_float("BOOKING_DELIVERY_MAX_AGE_HOURS", 24)
# Behind our own nginx every visitor would share its address; the rate limit needs the real one.
TRUST_X_FORWARDED_FOR = env_bool("TRUST_X_FORWARDED_FOR", False)

# --- Documents for the doctor (documents/) -----------------------------------
# Patients' files live outside MEDIA_ROOT and are never served by a URL of their own.

DOCUMENTS_ROOT = Path(env_str("DOCUMENTS_ROOT", str(BASE_DIR / "private-documents")))
STORAGES["documents"] = {
    "BACKEND": "django.core.files.storage.FileSystemStorage",
    "OPTIONS": {
        "location": DOCUMENTS_ROOT,
        "base_url": "/no-public-url/",
        "directory_permissions_mode": 0o750,
        "file_permissions_mode": 0o640,
    },
}
# Several machines: an S3-compatible bucket instead (django-storages). Private objects under
# random names; the only links to them are signed (SigV4) and work for a minute.
DOCUMENTS_S3_BUCKET = env_str("DOCUMENTS_S3_BUCKET")
DOCUMENTS_S3_OPTIONS = {
    "location": "documents",
    "default_acl": "private",
    "file_overwrite": False,
    "querystring_expire": 60,
    "signature_version": "s3v4",
}
if DOCUMENTS_S3_BUCKET:
    STORAGES["documents"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": DOCUMENTS_S3_BUCKET,
            "endpoint_url": env_str("DOCUMENTS_S3_ENDPOINT_URL") or None,
            "region_name": env_str("DOCUMENTS_S3_REGION") or None,
            "access_key": env_str("DOCUMENTS_S3_ACCESS_KEY_ID") or None,
            "secret_key": env_str("DOCUMENTS_S3_SECRET_ACCESS_KEY") or None,
            **DOCUMENTS_S3_OPTIONS,
        },
    }
# Staff download a document straight from the bucket by a one-minute signed link; off when
# the bucket is not reachable from staff browsers (then Django relays the bytes).
DOCUMENTS_S3_DIRECT = env_bool("DOCUMENTS_S3_DIRECT", True)
DOCUMENT_MAX_MB = env_int("DOCUMENT_MAX_MB", 2048, minimum=1)
DOCUMENT_REQUEST_MAX_MB = env_int("DOCUMENT_REQUEST_MAX_MB", 6144, minimum=1)
# A ZIP of a DICOM study: at most this many files, inflating to at most this much, none of
# them squeezed more than this many times (images compress a few times, a ZIP bomb millions).
DOCUMENT_ZIP_MAX_MEMBERS = env_int("DOCUMENT_ZIP_MAX_MEMBERS", 20000, minimum=1)
DOCUMENT_ZIP_MAX_MB = env_int("DOCUMENT_ZIP_MAX_MB", 8192, minimum=1)
DOCUMENT_ZIP_MAX_RATIO = env_int("DOCUMENT_ZIP_MAX_RATIO", 100, minimum=1)
DOCUMENT_LINK_DAYS = env_int("DOCUMENT_LINK_DAYS", 30, minimum=1)
# Files arriving in pieces (tus): kept here until their last byte, then moved to the storage;
# dropped after this many hours without a new piece. Shared by every web server.
DOCUMENT_PARTIAL_ROOT = Path(env_str("DOCUMENT_PARTIAL_ROOT", str(DOCUMENTS_ROOT / "partial")))
DOCUMENT_UPLOAD_EXPIRE_HOURS = env_int("DOCUMENT_UPLOAD_EXPIRE_HOURS", 24, minimum=1)
# Every file is scanned by ClamAV's clamd: a local socket path, or host:port.
CLAMD_ADDRESS = env_str("CLAMD_ADDRESS", "/run/clamav/clamd.ctl")
CLAMD_TIMEOUT = env_int("CLAMD_TIMEOUT", 600, minimum=1)
# With clamd down a scan is tried again after 30 s, 1 min, 2 min … (at most 10 min apart).
DOCUMENT_SCAN_RETRY_SECONDS = env_int("DOCUMENT_SCAN_RETRY_SECONDS", 30, minimum=1)
HEALTH_MAX_UNSCANNED_SECONDS = env_int("HEALTH_MAX_UNSCANNED_SECONDS", 900, minimum=1)
# Set behind nginx (e.g. /protected-documents/): nginx sends the bytes from an internal location.
DOCUMENTS_X_ACCEL_PREFIX = env_str("DOCUMENTS_X_ACCEL_PREFIX")

# --- Appointments (appointments/) ------------------------------------------------

# Free consultation slots sooner than this are not offered (appointments/slots.py).
APPOINTMENT_LEAD_MINUTES = env_int("APPOINTMENT_LEAD_MINUTES", 120)
# Patients' SMS (appointments/sms.py, SMS.RU's HTTP API); both empty = no SMS.
SMS_GATEWAY_URL = env_str("SMS_GATEWAY_URL")
SMS_GATEWAY_TOKEN = env_str("SMS_GATEWAY_TOKEN")

# --- Staff ------------------------------------------------------------------

ADMIN_URL = env_str("ADMIN_URL", "admin/")
if not ADMIN_URL.endswith("/") or ADMIN_URL.startswith("/"):
    raise ConfigurationError("ADMIN_URL must look like 'admin/': no leading slash, one trailing slash")

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Axes sees web sign-ins only; see clinic_site/lib/lockout.py for why its backend is wrapped.
AUTHENTICATION_BACKENDS = [
    "clinic_site.lib.lockout.WebLoginLockoutBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("STAFF_LOGIN_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("STAFF_LOCKOUT_MINUTES", 60, minimum=1))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# The same address the booking rate limit sees (TRUST_X_FORWARDED_FOR behind nginx).
AXES_CLIENT_IP_CALLABLE = "booking.ratelimit.client_ip"
AXES_LOCKOUT_TEMPLATE = "admin/lockout.html"

# Staff sessions end after this much inactivity: a forgotten browser on a shared
# call-centre desk should not keep patients' data open for long.
SESSION_COOKIE_AGE = env_int("STAFF_SESSION_MINUTES", 120, minimum=5) * 60
SESSION_SAVE_EVERY_REQUEST = True
STAFF_2FA_REQUIRED = env_bool("STAFF_2FA_REQUIRED", not DEBUG)
OTP_TOTP_ISSUER = env_str("OTP_TOTP_ISSUER", "Lyadov Clinic")

# --- HTTPS and security headers ---------------------------------------------
# Production sets DJANGO_HTTPS=true (behind nginx also DJANGO_SECURE_PROXY_SSL_HEADER=true);
# `make run` and the tests serve plain http on loopback, so these stay off there and
# `check --deploy` names every one of them until HTTPS is on.

HTTPS = env_bool("DJANGO_HTTPS", False)
if env_bool("DJANGO_SECURE_PROXY_SSL_HEADER", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = HTTPS
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 31536000) if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
PERMISSIONS_POLICY = (
    "accelerometer=(), autoplay=(), camera=(), display-capture=(), fullscreen=(self), "
    "geolocation=(), gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), "
    "publickey-credentials-get=(), screen-wake-lock=(), usb=(), xr-spatial-tracking=()"
)
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}

# --- Health check thresholds (/healthz answers 503 past them) ---------------

HEALTH_MAX_QUEUE_AGE_SECONDS = env_int("HEALTH_MAX_QUEUE_AGE_SECONDS", 120, minimum=1)
HEALTH_MAX_PENDING_DELIVERY_SECONDS = env_int("HEALTH_MAX_PENDING_DELIVERY_SECONDS", 600, minimum=1)
HEALTH_MAX_OVERDUE_REQUESTS = env_int("HEALTH_MAX_OVERDUE_REQUESTS", 5)

# --- Logging ----------------------------------------------------------------

LOG_LEVEL = env_str("LOG_LEVEL", "INFO")
# One JSON object per line on stdout; personal data is never logged on purpose, and a filter
# masks phones and e-mails that slip in. gunicorn uses the same definition.
LOGGING = logging_config(LOG_LEVEL)
