"""Loaded by pytest before Django starts (see pyproject's addopts).

The settings refuse to start without a secret key when debug is off, which is
how the tests run; give them a throwaway one without weakening that rule.
"""

import os

os.environ.setdefault("DJANGO_SECRET_KEY", "tests-only-secret-key-not-for-production")
os.environ.setdefault("BOOKING_MIN_FILL_SECONDS", "0")
# Staff in most tests sign in without a TOTP device; tests/site/test_security.py turns it on.
os.environ.setdefault("STAFF_2FA_REQUIRED", "false")
