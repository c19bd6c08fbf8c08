"""Who may do what with schedules and appointments."""

import pytest
from django.contrib.auth.models import Group

from appointments.roles import SCHEDULERS
from booking.roles import CONTENT_EDITORS, MANAGERS, SUPERVISORS

pytestmark = pytest.mark.django_db


def appointment_rights(name: str) -> set[str]:
    permissions = Group.objects.get(name=name).permissions.filter(content_type__app_label="appointments")
    return set(permissions.values_list("codename", flat=True))


def test_managers_book_and_read_schedules_but_do_not_edit_them() -> None:
    assert appointment_rights(MANAGERS) == {
        "view_appointment",
        "add_appointment",
        "change_appointment",
        "view_schedule",
        "view_patientmessage",
    }
    assert appointment_rights(SUPERVISORS) == appointment_rights(MANAGERS)


def test_schedulers_and_content_editors_edit_schedules_and_book_nothing() -> None:
    for group in (SCHEDULERS, CONTENT_EDITORS):
        rights = appointment_rights(group)
        assert {"add_schedule", "change_weeklyhours", "delete_break", "add_scheduleexception"} <= rights
        assert not {"add_appointment", "change_appointment", "delete_appointment"} & rights


def test_nobody_may_delete_an_appointment() -> None:
    for group in Group.objects.all():
        assert "delete_appointment" not in appointment_rights(group.name)
