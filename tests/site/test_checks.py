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
from services.legal import LegalText, LicensedWork, MedicalOrganisation, PriceItem
from services.models import ClinicLocation
from tests.builders import make_clinic, make_legal_information, make_treatment

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


# --- The legally required information ----------------------------------------------------


def _messages(check_id: str, include_deployment_checks: bool = False) -> str:
    found = checks.run_checks(include_deployment_checks=include_deployment_checks)
    return " ".join(m.msg for m in found if m.id == check_id)


@pytest.fixture
def complete_legal_information(db: None) -> None:
    make_clinic()
    make_legal_information(make_treatment())


@pytest.mark.django_db
def test_complete_real_legal_information_raises_nothing(complete_legal_information: None) -> None:
    ids = _ids(include_deployment_checks=True)
    assert not {"clinic_site.E007", "clinic_site.E008", "clinic_site.W007", "clinic_site.W008"} & ids


@pytest.mark.django_db
def test_nothing_entered_names_every_missing_item(db: None) -> None:
    missing = _messages("clinic_site.W007")
    for item in (
        "the medical organisation",
        "a medical licence",
        "the contacts of the regional health ministry",
        "the contacts of Roszdravnadzor's territorial body",
        "the contacts of Rospotrebnadzor's territorial body",
        "the text: patients' rights",
        "the text: internal rules for patients",
        "the text: state guarantees (OMS, VMP quotas)",
        "the text: accessibility for disabled visitors",
        "the price list of paid services",
        "the contract template for paid services",
    ):
        assert item in missing


@pytest.mark.django_db
def test_each_empty_field_of_the_organisation_is_named(complete_legal_information: None) -> None:
    MedicalOrganisation.objects.update(kpp="", head_reception_ru="", rkn_registry_number="")
    missing = _messages("clinic_site.W007")
    assert "the organisation's KPP" in missing
    assert "the organisation's head's reception hours" in missing
    assert "the organisation's Roskomnadzor registry number" in missing
    assert "OGRN" not in missing


@pytest.mark.django_db
def test_a_licence_without_its_works_is_named(complete_legal_information: None) -> None:
    LicensedWork.objects.all().delete()
    assert "the licensed works and services of licence Л041-01137-50/00123456" in _messages(
        "clinic_site.W007"
    )


@pytest.mark.django_db
def test_demo_values_are_named(complete_legal_information: None) -> None:
    MedicalOrganisation.objects.update(ogrn="0000000000000 (DEMO)", is_demo=True)
    PriceItem.objects.update(is_demo=True)
    LegalText.objects.filter(topic="rules").update(text_ru="Посещения с 16:00 (DEMO)")
    demo = _messages("clinic_site.W008")
    assert "the medical organisation (marked as demo data)" in demo
    assert "the organisation's OGRN" in demo
    assert "the price of Радиоэмболизация" in demo
    assert "the text: internal rules for patients" in demo
    assert "the organisation's INN" not in demo


@pytest.mark.django_db
def test_missing_or_demo_legal_information_is_an_error_under_deploy(complete_legal_information: None) -> None:
    MedicalOrganisation.objects.update(kpp="", ogrn="0000000000000 (DEMO)")
    ids = _ids(include_deployment_checks=True)
    assert {"clinic_site.E007", "clinic_site.E008"} <= ids
    assert not {"clinic_site.W007", "clinic_site.W008"} & ids


@pytest.mark.django_db
def test_a_demonstration_site_keeps_them_warnings_under_deploy(
    complete_legal_information: None, settings: Settings
) -> None:
    settings.CLINIC_DEMO = True
    MedicalOrganisation.objects.update(kpp="", ogrn="0000000000000 (DEMO)")
    ids = _ids(include_deployment_checks=True)
    assert {"clinic_site.W007", "clinic_site.W008"} <= ids
    assert not {"clinic_site.E007", "clinic_site.E008"} & ids


@pytest.mark.django_db
def test_the_demo_content_names_its_demo_values(demo_content: None) -> None:
    demo = _messages("clinic_site.W008")
    assert "the organisation's OGRN" in demo and "licence Л041-01137-50/00000000 (DEMO)" in demo
    assert _messages("clinic_site.W007") == ""
