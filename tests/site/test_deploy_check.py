"""`manage.py check --deploy` with production settings: clean. Without HTTPS: it says so."""

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

PRODUCTION = {
    "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
    "DJANGO_ALLOWED_HOSTS": "clinic.example",
    "DJANGO_CSRF_TRUSTED_ORIGINS": "https://clinic.example",
    "DJANGO_HTTPS": "true",
    "DJANGO_SECURE_PROXY_SSL_HEADER": "true",
    "SITE_URL": "https://clinic.example",
}


def _manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "STAFF_", "SITE_URL"))}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture(scope="module")
def production_database(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """A migrated database with the demo content, as after the operator's first install."""
    if os.environ.get("DATABASE_URL", "").startswith("postgres"):
        url = os.environ["DATABASE_URL"]  # the test run's own database server; a separate name
        url = url.rsplit("/", 1)[0] + "/test_deploy_check"
        _createdb(url)
    else:
        url = f"sqlite:///{tmp_path_factory.mktemp('deploy') / 'db.sqlite3'}"
    env = {**PRODUCTION, "DATABASE_URL": url}
    for command in (["migrate", "--noinput"], ["load_demo_content"]):
        result = _manage(*command, env=env)
        assert result.returncode == 0, result.stderr
    return env


def _createdb(url: str) -> None:
    import psycopg2

    admin_url = url.rsplit("/", 1)[0] + "/postgres"
    connection = psycopg2.connect(admin_url)
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute("DROP DATABASE IF EXISTS test_deploy_check")
        cursor.execute("CREATE DATABASE test_deploy_check")
    connection.close()


def test_check_deploy_reports_no_issue_with_production_settings(production_database: dict[str, str]) -> None:
    # A demonstration install: its demo legal details are the one thing left to name, as a warning.
    env = {**production_database, "CLINIC_DEMO": "true"}
    result = _manage("check", "--deploy", env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    reported = set(re.findall(r"\((\w+\.[EW]\d+)\)", result.stderr + result.stdout))
    assert reported == {"clinic_site.W008"}


def test_demo_legal_details_fail_the_deploy_check_of_a_real_site(production_database: dict[str, str]) -> None:
    result = _manage("check", "--deploy", env=production_database)
    assert result.returncode != 0
    assert "clinic_site.E008" in result.stderr
    assert "the organisation's OGRN" in result.stderr


def test_without_https_check_deploy_names_what_is_missing(production_database: dict[str, str]) -> None:
    env = {**production_database, "DJANGO_HTTPS": "false"}
    result = _manage("check", "--deploy", env=env)
    for check_id in ("security.W004", "security.W008", "security.W012", "security.W016"):
        assert check_id in result.stderr + result.stdout


def test_debug_on_fails_the_deploy_check(production_database: dict[str, str]) -> None:
    env = {**production_database, "DJANGO_DEBUG": "true"}
    result = _manage("check", "--deploy", "--fail-level", "WARNING", env=env)
    assert result.returncode != 0
    assert "security.W018" in result.stderr + result.stdout


def test_a_compliance_problem_fails_the_deploy_check(production_database: dict[str, str]) -> None:
    env = {**production_database, "BOOKING_ESCALATE_AFTER_MINUTES": "20"}
    result = _manage("check", "--deploy", env=env)
    assert result.returncode != 0
    assert "clinic_site.E006" in result.stderr


def test_a_short_secret_key_is_reported(production_database: dict[str, str]) -> None:
    env = {**production_database, "DJANGO_SECRET_KEY": "short"}
    result = _manage("check", "--deploy", "--fail-level", "WARNING", env=env)
    assert "security.W009" in result.stderr + result.stdout


def test_https_settings_switch_on_together() -> None:
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.SECURE_SSL_REDIRECT, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, "
        "s.SECURE_HSTS_SECONDS, s.SECURE_HSTS_INCLUDE_SUBDOMAINS, s.SECURE_HSTS_PRELOAD, "
        "s.SECURE_PROXY_SSL_HEADER)"
    )
    env = {**PRODUCTION, "DJANGO_SETTINGS_MODULE": "clinic_site.settings", "PATH": "/usr/bin:/bin"}
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True, cwd=Path.cwd()
    )
    assert result.stdout.strip().splitlines()[-1] == (
        "True True True 31536000 True True ('HTTP_X_FORWARDED_PROTO', 'https')"
    )
