"""The demo schedules give the demo doctors free time to pick from."""

import pytest

from appointments.demo import load_demo_schedules
from appointments.slots import bookable_schedules, slots_for
from tests.builders import make_doctor


@pytest.mark.django_db
def test_demo_doctors_get_schedules_with_free_slots_and_a_second_load_changes_nothing() -> None:
    make_doctor("lyadov")
    load_demo_schedules()
    load_demo_schedules()
    schedules = bookable_schedules()
    assert len(schedules) == 1
    assert schedules[0].hours.count() == 4
    assert slots_for(schedules)
