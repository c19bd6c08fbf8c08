"""Static files: hashed, compressed, cached for a year; a missing file fails the build, not a page."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.template import Context, Template
from django.test import Client, override_settings


@pytest.mark.django_db
def test_pages_link_hashed_static_names_served_for_a_year(client: Client) -> None:
    page = client.get("/ru/").content.decode()
    stylesheets = re.findall(r'<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"', page) + re.findall(
        r'<link[^>]+href="([^"]+)"[^>]+rel="stylesheet"', page
    )
    assert stylesheets
    for url in stylesheets:
        assert re.search(r"\.[0-9a-f]{12}\.css$", url), url
        response = client.get(url)
        assert response.status_code == 200
        assert "max-age=315360000" in response["Cache-Control"] or "immutable" in response["Cache-Control"]


@pytest.mark.django_db
def test_collected_stylesheets_are_also_stored_compressed() -> None:
    root = Path(settings.STATIC_ROOT)
    css = [p for p in root.rglob("*.css") if re.search(r"\.[0-9a-f]{12}\.css$", p.name)]
    assert css
    assert all(p.with_name(p.name + ".gz").exists() for p in css)


def test_a_template_naming_a_missing_static_file_fails_loudly() -> None:
    # With the manifest strict, the mistake cannot reach a visitor as a broken link:
    # the test suite renders every page type and CI's collectstatic runs first.
    with pytest.raises(ValueError, match="Missing staticfiles manifest entry"):
        Template("{% load static %}{% static 'css/no-such-file.css' %}").render(Context())


def test_collectstatic_fails_when_a_stylesheet_refers_to_a_missing_file(tmp_path: Path) -> None:
    source = tmp_path / "src"
    (source / "css").mkdir(parents=True)
    (source / "css" / "broken.css").write_text("body { background: url('../img/missing.png'); }")
    with (
        override_settings(STATICFILES_DIRS=[source], STATIC_ROOT=tmp_path / "out"),
        pytest.raises(ValueError, match="missing.png"),
    ):
        call_command("collectstatic", interactive=False, verbosity=0)


def test_whitenoise_serves_with_compressed_hashed_storage_and_a_year_of_caching() -> None:
    assert (
        settings.STORAGES["staticfiles"]["BACKEND"]
        == "whitenoise.storage.CompressedManifestStaticFilesStorage"
    )
    assert settings.WHITENOISE_MAX_AGE == 31536000
    assert "whitenoise.middleware.WhiteNoiseMiddleware" in settings.MIDDLEWARE
