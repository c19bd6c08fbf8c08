"""Who may edit schedules and who may book: run by a data migration and by the test fixtures."""

from django.apps.registry import Apps

from booking.roles import CONTENT_EDITORS, MANAGERS, SUPERVISORS, grant

SCHEDULERS = "Schedulers"

SCHEDULE_MODELS = ["schedule", "weeklyhours", "break", "scheduleexception"]
SCHEDULE_PERMISSIONS = [
    ("appointments", f"{action}_{model}")
    for model in SCHEDULE_MODELS
    for action in ("add", "change", "delete", "view")
]
# Managers book, move and cancel during the call; they read the schedules, not edit them.
BOOKING_PERMISSIONS = [
    ("appointments", "view_appointment"),
    ("appointments", "add_appointment"),
    ("appointments", "change_appointment"),
    ("appointments", "view_schedule"),
    ("appointments", "view_patientmessage"),
]

ROLES = {
    SCHEDULERS: [*SCHEDULE_PERMISSIONS, ("appointments", "view_appointment"), ("services", "view_doctor")],
    CONTENT_EDITORS: SCHEDULE_PERMISSIONS,
    MANAGERS: BOOKING_PERMISSIONS,
    SUPERVISORS: BOOKING_PERMISSIONS,
}


def ensure_roles(apps: Apps) -> None:
    """Create the Schedulers group and add the appointment permissions to the groups; safe to run again."""
    grant(apps, ROLES, ("appointments", "services"))
