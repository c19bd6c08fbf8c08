"""Who may edit schedules and who may book: run by a data migration and by the test fixtures."""

from django.apps import apps as global_apps
from django.apps.registry import Apps
from django.contrib.auth.management import create_permissions

from booking.roles import CONTENT_EDITORS, MANAGERS, SUPERVISORS

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
    for label in ("appointments", "services"):
        app_config = apps.get_app_config(label)
        app_config.models_module = global_apps.get_app_config(label).models_module
        create_permissions(app_config, verbosity=0, apps=apps)

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, wanted in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        for app_label, codename in wanted:
            if not in_state(apps, app_label, codename):
                continue  # an earlier migration: the model comes later, and so does its right
            permission = Permission.objects.filter(
                content_type__app_label=app_label, codename=codename
            ).first()
            if permission is None:
                raise LookupError(f"Permission {app_label}.{codename} does not exist")
            group.permissions.add(permission)


def in_state(apps: Apps, app_label: str, codename: str) -> bool:
    model_name = codename.split("_", 1)[1]
    try:
        apps.get_model(app_label, model_name)
    except LookupError:
        return False
    return True
