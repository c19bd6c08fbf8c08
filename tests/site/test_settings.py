import os
import subprocess
import sys

import pytest

from clinic_site.lib.env import ConfigurationError, env_bool


def _start_django(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    return subprocess.run(
        [sys.executable, "manage.py", "check"],
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_it_refuses_to_start_without_a_secret_key_when_debug_is_off() -> None:
    result = _start_django({})
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is required" in result.stderr


def test_it_starts_with_a_secret_key() -> None:
    result = _start_django({"DJANGO_SECRET_KEY": "x" * 50})
    assert result.returncode == 0, result.stderr


def test_a_malformed_boolean_fails_loudly(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DJANGO_DEBUG", "ture")
    with pytest.raises(ConfigurationError, match="DJANGO_DEBUG must be true or false"):
        env_bool("DJANGO_DEBUG")


def test_root_sends_visitors_to_their_language(client) -> None:  # type: ignore[no-untyped-def]
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")
    assert response.status_code == 302
    assert response["Location"] == "/en/"
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="ru")
    assert response["Location"] == "/ru/"
