"""Loaded by pytest before Django starts (see pyproject's addopts).

The settings refuse to start without a secret key when debug is off, which is
how the tests run; give them a throwaway one without weakening that rule.
"""

import os
import subprocess
import sys
from pathlib import Path

os.environ.setdefault("DJANGO_SECRET_KEY", "tests-only-secret-key-not-for-production")
os.environ.setdefault("BOOKING_MIN_FILL_SECONDS", "0")
# Staff in most tests sign in without a TOTP device; tests/site/test_security.py turns it on.
os.environ.setdefault("STAFF_2FA_REQUIRED", "false")

# The translation catalogues are built from their parts before Django starts: django.setup()
# already loads the Russian catalogue (lazy model and admin names), so a build in a session
# fixture came too late and a run saw the strings of the previous build.
subprocess.run(
    [sys.executable, str(Path(__file__).resolve().parent.parent / "bin" / "build-messages")],
    check=True,
    capture_output=True,
)
