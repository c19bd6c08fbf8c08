"""The compliance self-check: warnings from `manage.py check`, errors from `check --deploy`."""

import subprocess
import sys
from pathlib import Path

import pytest
from django.conf.urls.i18n import i18n_patterns
from django.core import checks
from django.core.management import call_command
from django.test import override_settings
from django.urls import path
from pytest_django.fixtures import Settings

from services import views
from services.models import ClinicLocation

# A URL configuration with the policy but without the consent document.
urlpatterns = i18n_patterns(path("privacy/", views.privacy, name="privacy"))
WITHOUT_CONSENT = "tests.site.test_checks"


def _ids(include_deployment_checks: bool = False) -> set[str]:
    return {m.id for m in checks.run_checks(include_deployment_checks=include_deployment_checks)}


def _template_settings(directory: Path) -> list[dict]:
    from django.conf import settings

    return [{**settings.TEMPLATES[0], "DIRS": [directory, *settings.TEMPLATES[0]["DIRS"]]}]


@pytest.fixture
def demo_content(db: None) -> None:
    call_command("load_demo_content", verbosity=0)


@pytest.mark.django_db
def test_the_project_with_its_demo_content_passes_every_compliance_check_but_the_demo_values(
    demo_content: None, settings: Settings
) -> None:
    settings.CLINIC_DEMO = True
    compliance = {i for i in _ids(include_deployment_checks=True) if i.startswith("clinic_site.")}
    assert compliance == {"clinic_site.W008"}


@pytest.mark.django_db
def test_a_clinic_without_a_licence_number_is_a_warning(demo_content: None) -> None:
    ClinicLocation.objects.update(licence_number="")
    assert "clinic_site.W001" in _ids()


@pytest.mark.django_db
def test_a_clinic_without_legal_details_is_an_error_under_deploy(demo_content: None) -> None:
    ClinicLocation.objects.update(ogrn="", inn="")
    ids = _ids(include_deployment_checks=True)
    assert "clinic_site.E001" in ids
    assert "clinic_site.W001" not in ids  # reported once, as an error


@pytest.mark.django_db
def test_a_base_template_without_the_contraindication_warning_is_reported(
    demo_content: None, tmp_path: Path
) -> None:
    (tmp_path / "base.html").write_text("<!doctype html><title>x</title>{% block content %}{% endblock %}")
    with override_settings(TEMPLATES=_template_settings(tmp_path)):
        assert "clinic_site.W002" in _ids()
        assert "clinic_site.E002" in _ids(include_deployment_checks=True)


@pytest.mark.django_db
def test_the_warning_found_through_an_include_counts(demo_content: None, tmp_path: Path) -> None:
    (tmp_path / "base.html").write_text('{% include "parts/legal.html" %}')
    (tmp_path / "parts").mkdir()
    (tmp_path / "parts" / "legal.html").write_text(
        '{% load i18n %}{% translate "Имеются противопоказания. Необходима консультация специалиста." %}'
    )
    with override_settings(TEMPLATES=_template_settings(tmp_path)):
        assert not {"clinic_site.W002", "clinic_site.W003"} & _ids()


@pytest.mark.django_db
def test_an_untranslated_contraindication_warning_is_reported(demo_content: None, tmp_path: Path) -> None:
    untranslated = "Имеются противопоказания. Необходима консультация специалиста сейчас."
    (tmp_path / "base.html").write_text(f'{{% load i18n %}}{{% translate "{untranslated}" %}}')
    with override_settings(TEMPLATES=_template_settings(tmp_path)):
        assert "clinic_site.W003" in _ids()


@pytest.mark.django_db
@override_settings(ROOT_URLCONF=WITHOUT_CONSENT)
def test_a_missing_consent_document_is_reported_for_each_language(demo_content: None) -> None:
    messages = [m for m in checks.run_checks() if m.id == "clinic_site.W004"]
    assert sorted(m.msg for m in messages) == [
        "The consent document is missing in language 'en': /en/consent/ does not resolve.",
        "The consent document is missing in language 'ru': /ru/consent/ does not resolve.",
    ]


@pytest.mark.django_db
def test_a_template_loading_a_third_party_script_is_reported(demo_content: None, tmp_path: Path) -> None:
    (tmp_path / "widget.html").write_text('<script src="https://cdn.example.com/widget.js"></script>')
    with override_settings(TEMPLATES=_template_settings(tmp_path)):
        messages = [m for m in checks.run_checks() if m.id == "clinic_site.W005"]
    assert len(messages) == 1
    assert "https://cdn.example.com/widget.js" in messages[0].msg


@pytest.mark.django_db
def test_a_plain_link_to_another_site_is_not_reported(demo_content: None, tmp_path: Path) -> None:
    (tmp_path / "links.html").write_text('<a href="https://yandex.ru/maps/?text=Химки">Карта</a>')
    with override_settings(TEMPLATES=_template_settings(tmp_path)):
        assert "clinic_site.W005" not in _ids()


@pytest.mark.django_db
def test_a_stylesheet_pulling_a_web_font_is_reported(demo_content: None, tmp_path: Path) -> None:
    from django.conf import settings

    (tmp_path / "fonts.css").write_text("@import 'https://fonts.example.com/css?family=Sans';")
    with override_settings(STATICFILES_DIRS=[*settings.STATICFILES_DIRS, tmp_path]):
        assert "clinic_site.E005" in _ids(include_deployment_checks=True)


@pytest.mark.django_db
@pytest.mark.parametrize(("escalate", "deadline"), [(15, 15), (20, 15)])
def test_escalating_at_or_after_the_deadline_is_reported(
    demo_content: None, escalate: float, deadline: float
) -> None:
    with override_settings(BOOKING_ESCALATE_AFTER_MINUTES=escalate, BOOKING_CALLBACK_MINUTES=deadline):
        assert "clinic_site.W006" in _ids()
        assert "clinic_site.E006" in _ids(include_deployment_checks=True)


@pytest.mark.django_db
def test_escalating_before_the_deadline_is_fine(demo_content: None) -> None:
    with override_settings(BOOKING_ESCALATE_AFTER_MINUTES=0.5, BOOKING_CALLBACK_MINUTES=1):
        assert "clinic_site.W006" not in _ids()


def test_the_checks_run_before_the_first_migrate(tmp_path: Path) -> None:
    env = {
        "PATH": "/usr/bin:/bin",
        "DJANGO_SECRET_KEY": "x" * 50,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'empty.sqlite3'}",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check"], env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
