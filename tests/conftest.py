import threading
from collections.abc import Callable, Iterator
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
    from tests.booking.fake_servers import FakeSmsRu


@pytest.fixture(scope="session", autouse=True)
def _collected_static() -> None:
    # Pages link hashed static names from the manifest, as in production.
    call_command("collectstatic", interactive=False, verbosity=0)


@pytest.fixture(autouse=True)
def _fresh_pages_in_process() -> None:
    # Each process trusts the content version it read for a second: a test must not be
    # answered with a page the previous test's content made.
    from django.core.cache import caches

    caches["pages-in-process"].clear()


# --- Staff: the cast of the admin's permission tests (booking-admin) --------------

STAFF_PASSWORD = "a-long-test-password"


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
        password=STAFF_PASSWORD,
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
    from tests.builders import make_category

    return make_category()


@pytest.fixture
def doctor(db: None) -> "Doctor":
    from tests.builders import make_doctor

    return make_doctor()


@pytest.fixture
def treatment(category: "TreatmentCategory", doctor: "Doctor") -> "Treatment":
    """Published radioembolization with every section, its doctor as author and reviewer."""
    from tests.builders import make_treatment

    return make_treatment(
        category=category,
        doctors=[doctor],
        title_ru="Радиоэмболизация печени",
        title_en="Liver radioembolization",
    )


@pytest.fixture
def clinic(db: None) -> "ClinicLocation":
    """The main location with its legal details, hours and transport routes."""
    from tests.builders import make_clinic

    return make_clinic()


@pytest.fixture
def sms_gateway(settings: "Settings") -> Iterator["FakeSmsRu"]:
    """A stand-in for SMS.RU on 127.0.0.1, set as the site's SMS gateway."""
    from tests.booking.fake_servers import FakeSmsRu

    server = FakeSmsRu()
    threading.Thread(target=server.serve_forever, daemon=True).start()
    settings.SMS_GATEWAY_URL = server.url
    settings.SMS_GATEWAY_TOKEN = "test-token"
    yield server
    server.shutdown()
    server.server_close()
