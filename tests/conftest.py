from collections.abc import Callable
from typing import TYPE_CHECKING

import pytest
from django.core.management import call_command

if TYPE_CHECKING:
    from pathlib import Path

    from django.contrib.auth.models import User
    from django.test import Client
    from pytest_django.fixtures import Settings

    from booking.models import ConsultationRequest
    from services.models import ClinicLocation, Doctor, Treatment, TreatmentCategory


@pytest.fixture(scope="session", autouse=True)
def _collected_static() -> None:
    # Pages link hashed static names from the manifest, as in production.
    call_command("collectstatic", interactive=False, verbosity=0)


@pytest.fixture(scope="session", autouse=True)
def _compiled_messages() -> None:
    # The English catalogue is built from per-area parts (bin/build-messages).
    import subprocess
    import sys
    from pathlib import Path

    script = Path(__file__).resolve().parent.parent / "bin" / "build-messages"
    subprocess.run([sys.executable, str(script)], check=True, capture_output=True)


# --- Staff: the cast of the admin's permission tests (booking-admin) --------------


def _staff_user(username: str, groups: tuple[str, ...] = (), **extra: object) -> "User":
    from django.apps import apps
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from booking.roles import ensure_roles

    # Groups come from a data migration; a transactional test elsewhere may have flushed them.
    ensure_roles(apps)
    user = get_user_model().objects.create_user(
        username=username,
        email=f"{username}@clinic.test",
        password="a-long-test-password",
        is_staff=True,
        **extra,
    )
    user.groups.set(Group.objects.filter(name__in=groups))
    return user


@pytest.fixture
def manager(db: None) -> "User":
    return _staff_user("manager", ("Managers",), first_name="Анна", last_name="Смирнова")


@pytest.fixture
def supervisor(db: None) -> "User":
    return _staff_user("supervisor", ("Supervisors",), first_name="Ольга", last_name="Кузнецова")


@pytest.fixture
def content_editor(db: None) -> "User":
    return _staff_user("editor", ("Content editors",))


@pytest.fixture
def outsider(db: None) -> "User":
    """Staff without any group: may sign in to the admin and see nothing."""
    return _staff_user("outsider")


@pytest.fixture
def superuser(db: None) -> "User":
    return _staff_user("root", is_superuser=True)


@pytest.fixture
def login() -> Callable[["User"], "Client"]:
    """login(user) -> a test client signed in as that user, second factor passed."""
    from django.apps import apps
    from django.test import Client

    def signed_in(user: "User") -> Client:
        client = Client()
        client.force_login(user)
        if apps.is_installed("django_otp.plugins.otp_totp"):
            from django_otp import DEVICE_ID_SESSION_KEY
            from django_otp.plugins.otp_totp.models import TOTPDevice

            device = TOTPDevice.objects.create(user=user, name="test phone", confirmed=True)
            session = client.session
            session[DEVICE_ID_SESSION_KEY] = device.persistent_id
            session.save()
        return client

    return signed_in


@pytest.fixture
def make_consultation(db: None) -> Callable[..., "ConsultationRequest"]:
    """make_consultation(**fields) -> a saved ConsultationRequest; due 15 minutes after it was created."""
    from datetime import timedelta

    from django.utils import timezone

    from booking.models import ConsultationRequest

    def make(**fields: object) -> ConsultationRequest:
        created_at = fields.pop("created_at", None) or timezone.now()
        values = {
            "name": "Иван Петров",
            "phone": "+74994601561",
            "consent_at": created_at,
            "consent_version": "test",
            "created_at": created_at,
            "due_at": created_at + timedelta(minutes=15),
            **fields,
        }
        return ConsultationRequest.objects.create(**values)

    return make


# --- Content: a small published catalogue (content) -------------------------------


@pytest.fixture
def media_root(settings: "Settings", tmp_path: "Path") -> "Path":
    """Uploads and renditions go to a temporary folder, not the project's media/."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def category(db: None) -> "TreatmentCategory":
    from services.models import TreatmentCategory

    return TreatmentCategory.objects.create(
        slug="liver-tumours", title_ru="Лечение опухолей печени", title_en="Liver tumour treatment", order=1
    )


@pytest.fixture
def doctor(db: None) -> "Doctor":
    from services.models import Doctor

    return Doctor.objects.create(
        slug="lyadov",
        name_ru="Лядов К. В.",
        name_en="K. V. Lyadov",
        position_ru="Руководитель центра реабилитации",
        position_en="Head of the Rehabilitation Centre",
        degrees_ru="Академик, профессор, доктор медицинских наук",
        degrees_en="Academician, Professor, Doctor of Medical Sciences",
        short_bio_ru="Представляет направление радиоэмболизации.",
        short_bio_en="Presents the radioembolization service.",
        bio_ru="Академик, руководитель центра реабилитации.",
        bio_en="Academician, head of the rehabilitation centre.",
        medical_specialty="Oncologic",
        order=1,
    )


@pytest.fixture
def treatment(category: "TreatmentCategory", doctor: "Doctor") -> "Treatment":
    """Published radioembolization with one row of every inline and its doctor."""
    from datetime import date

    from services.models import FAQ, FollowUpItem, PreparationItem, Reference, Treatment, TreatmentStep

    treatment = Treatment.objects.create(
        slug="radioembolization",
        category=category,
        title_ru="Радиоэмболизация печени",
        title_en="Liver radioembolization",
        alternate_name_ru="TARE, SIRT",
        alternate_name_en="TARE, SIRT",
        summary_ru="Лечение опухолей печени микросферами с иттрием-90.",
        summary_en="Treatment of liver tumours with yttrium-90 microspheres.",
        what_it_is_ru="Период полураспада иттрия-90 — 64,1 часа.",
        what_it_is_en="The half-life of yttrium-90 is 64.1 hours.",
        who_for_ru="- гепатоцеллюлярная карцинома",
        who_for_en="- hepatocellular carcinoma",
        who_not_for_ru="- печёночная недостаточность",
        who_not_for_en="- liver failure",
        decision_ru="Решение принимает консилиум.",
        decision_en="A tumour board decides.",
        after_procedure_ru="Обычная жизнь через 1–2 дня.",
        after_procedure_en="Back to normal life within 1–2 days.",
        risks_ru="Кровотечение в месте прокола.",
        risks_en="Bleeding where the needle went in.",
        body_location_ru="Печень",
        body_location_en="Liver",
        seo_title_ru="Радиоэмболизация печени",
        seo_title_en="Liver radioembolization",
        seo_description_ru="Радиоэмболизация опухолей печени иттрием-90.",
        seo_description_en="Radioembolization of liver tumours with yttrium-90.",
        reviewer=doctor,
        last_reviewed=date(2026, 11, 1),
        next_review=date(2027, 11, 1),
        published=True,
        order=1,
    )
    treatment.doctors.add(doctor)
    TreatmentStep.objects.create(
        treatment=treatment,
        order=1,
        title_ru="Пробный этап",
        title_en="Mapping stage",
        description_ru="Ангиография и расчёт дозы.",
        description_en="Angiography and dose planning.",
        duration_ru="2–3 часа",
        duration_en="2–3 hours",
    )
    PreparationItem.objects.create(
        treatment=treatment, order=1, text_ru="Не ешьте 6–8 часов.", text_en="Do not eat for 6–8 hours."
    )
    FollowUpItem.objects.create(
        treatment=treatment,
        order=1,
        when_ru="Через 3 месяца",
        when_en="At 3 months",
        what_ru="Снимки и анализы крови.",
        what_en="Scans and blood tests.",
    )
    FAQ.objects.create(
        treatment=treatment,
        order=1,
        question_ru="Это больно?",
        question_en="Does it hurt?",
        answer_ru="Кожу обезболивают.",
        answer_en="The skin is numbed.",
    )
    Reference.objects.create(
        treatment=treatment,
        order=1,
        title_ru="Селективная внутренняя лучевая терапия (SIRT)",
        title_en="Selective internal radiation therapy (SIRT)",
        source="Cancer Research UK",
        url="https://www.cancerresearchuk.org/",
    )
    return treatment


@pytest.fixture
def clinic(db: None) -> "ClinicLocation":
    """The main location with its hours and one transport route."""
    from datetime import time
    from decimal import Decimal

    from services.models import ClinicLocation, OpeningHours, TransportRoute

    clinic = ClinicLocation.objects.create(
        name_ru="Клиника Лядова",
        name_en="Lyadov Clinic",
        address_ru="Московская область, г. Химки, ул. Панфилова, 21/2",
        address_en="21/2 Panfilova St., Khimki, Moscow Region, Russia",
        street_address_ru="ул. Панфилова, 21/2",
        street_address_en="21/2 Panfilova St.",
        locality_ru="Химки",
        locality_en="Khimki",
        region_ru="Московская область",
        region_en="Moscow Region",
        latitude=Decimal("55.893200"),
        longitude=Decimal("37.410700"),
        phone="+7 (499) 460-15-61",
        whatsapp_url="https://wa.me/74994601561",
        email="info@lyadov-clinic.example",
        licence_number="Л041-01137-50/00000000 (демо)",
        legal_name_ru="Юридическое лицо (демо)",
        legal_name_en="Legal entity (demo)",
        is_main=True,
    )
    OpeningHours.objects.create(
        location=clinic,
        order=1,
        label_ru="Амбулаторное отделение",
        label_en="Outpatient department",
        first_day=1,
        last_day=7,
        opens=time(8, 0),
        closes=time(20, 0),
    )
    OpeningHours.objects.create(
        location=clinic, order=2, label_ru="Колл-центр", label_en="Call centre", around_the_clock=True
    )
    TransportRoute.objects.create(
        location=clinic,
        order=1,
        station_ru="м. Войковская",
        station_en="Войковская (Voykovskaya) metro",
        routes_ru="маршрутное такси 309",
        routes_en="minibus 309",
        stop_ru="Бутаково",
        stop_en="Бутаково (Butakovo)",
    )
    return clinic
