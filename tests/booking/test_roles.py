"""Who sees what in the admin: each role against each door."""

from collections.abc import Callable

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client
from django.urls import reverse

from booking.roles import CONTENT_EDITORS, MANAGERS, SUPERVISORS

ROLES = ["anonymous", "outsider", "content_editor", "manager", "supervisor", "superuser"]

# door -> the roles that get in; everyone else gets 403 (anonymous: sent to sign in).
ACCESS = {
    "changelist": {"manager", "supervisor", "superuser"},
    "change": {"manager", "supervisor", "superuser"},
    "export": {"manager", "supervisor", "superuser"},
    "deliveries": {"manager", "supervisor", "superuser"},
    "report": {"supervisor", "superuser"},
    "report_csv": {"supervisor", "superuser"},
    "treatments": {"content_editor", "superuser"},
    "treatment_change": {"content_editor", "superuser"},
    "doctors": {"content_editor", "superuser"},
    "clinics": {"content_editor", "superuser"},
}


def door_url(door: str, consultation_pk: int, treatment_pk: int) -> str:
    return {
        "changelist": reverse("admin:booking_consultationrequest_changelist"),
        "change": reverse("admin:booking_consultationrequest_change", args=[consultation_pk]),
        "export": reverse("admin:booking_consultationrequest_export"),
        "deliveries": reverse("admin:booking_delivery_changelist"),
        "report": reverse("admin:booking_consultationrequest_report"),
        "report_csv": reverse("admin:booking_consultationrequest_report_csv"),
        "treatments": reverse("admin:services_treatment_changelist"),
        "treatment_change": reverse("admin:services_treatment_change", args=[treatment_pk]),
        "doctors": reverse("admin:services_doctor_changelist"),
        "clinics": reverse("admin:services_cliniclocation_changelist"),
    }[door]


@pytest.fixture
def client_as(
    request: pytest.FixtureRequest, client: Client, login: Callable[[User], Client]
) -> Callable[[str], Client]:
    def for_role(role: str) -> Client:
        if role == "anonymous":
            return client
        return login(request.getfixturevalue(role))

    return for_role


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("door", sorted(ACCESS))
def test_each_role_gets_through_only_its_own_doors(role, door, client_as, make_consultation, treatment):
    consultation = make_consultation(name="Секретное Имя")
    client = client_as(role)

    response = client.get(door_url(door, consultation.pk, treatment.pk))

    if role == "anonymous":
        assert response.status_code == 302
        assert "/login/" in response["Location"]
    elif role in ACCESS[door]:
        assert response.status_code == 200
    else:
        assert response.status_code == 403
        assert "Секретное Имя" not in response.content.decode()


@pytest.mark.parametrize("role", ["outsider", "content_editor"])
def test_people_without_the_request_role_see_no_requests_in_the_admin_index(
    role, client_as, make_consultation
):
    make_consultation()

    html = client_as(role).get(reverse("admin:index")).content.decode()

    assert reverse("admin:booking_consultationrequest_changelist") not in html
    assert reverse("admin:booking_delivery_changelist") not in html


def test_managers_see_requests_but_not_content(client_as):
    html = client_as("manager").get(reverse("admin:index")).content.decode()

    assert reverse("admin:booking_consultationrequest_changelist") in html
    assert reverse("admin:services_treatment_changelist") not in html


def test_a_content_editor_cannot_act_on_a_request(client_as, make_consultation):
    consultation = make_consultation()
    client = client_as("content_editor")

    claim = client.post(
        reverse("admin:booking_consultationrequest_handle", args=[consultation.pk]), {"action": "claim"}
    )
    edit = client.post(
        reverse("admin:booking_consultationrequest_change", args=[consultation.pk]), {"status": "spam"}
    )

    assert (claim.status_code, edit.status_code) == (403, 403)
    consultation.refresh_from_db()
    assert (consultation.assigned_to, consultation.status) == (None, "new")
    assert not consultation.events.exists()


def test_the_groups_hold_exactly_the_permissions_of_their_role(db):
    def codenames(name: str) -> set[str]:
        # The appointments app adds its own rights to these groups (tests/appointments/test_roles.py).
        permissions = Group.objects.get(name=name).permissions.exclude(content_type__app_label="appointments")
        return set(permissions.values_list("codename", flat=True))

    managers, supervisors, editors = codenames(MANAGERS), codenames(SUPERVISORS), codenames(CONTENT_EDITORS)
    assert managers == {
        "view_consultationrequest",
        "change_consultationrequest",
        "view_requestevent",
        "add_requestevent",
        "view_delivery",
    }
    assert supervisors == managers | {"view_report"}
    assert not any(code.startswith("delete_") for code in managers | supervisors)
    assert {"add_treatment", "change_doctor", "delete_openinghours", "view_transportroute"} <= editors
    assert not any("consultationrequest" in code or "delivery" in code or "event" in code for code in editors)


def test_the_roles_can_be_created_again_without_harm(db):
    from django.apps import apps

    from booking.roles import ensure_roles

    before = {group.name: group.permissions.count() for group in Group.objects.all()}
    ensure_roles(apps)

    assert {group.name: group.permissions.count() for group in Group.objects.all()} == before
    assert Group.objects.filter(name=MANAGERS).count() == 1
