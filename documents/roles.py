"""The Doctors group: sees the requests assigned to it for review and their documents.

Managers need no permission of this app: they see on the request's page that documents
arrived (documents/templatetags/documents_admin.py) and ask a doctor to review them.
"""

from django.apps import apps as global_apps
from django.apps.registry import Apps
from django.contrib.auth.management import create_permissions

DOCTORS = "Doctors"

DOCTOR_PERMISSIONS = [
    ("documents", "view_document"),
    ("documents", "open_document"),
    ("documents", "view_doctorreview"),
    ("documents", "change_doctorreview"),
]


def ensure_doctors_group(apps: Apps) -> None:
    """Create the group and give it its permissions; safe to run again."""
    # As in booking/roles.py: the permissions are needed before `migrate` would create them.
    app_config = apps.get_app_config("documents")
    app_config.models_module = global_apps.get_app_config("documents").models_module
    create_permissions(app_config, verbosity=0, apps=apps)

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=DOCTORS)
    for app_label, codename in DOCTOR_PERMISSIONS:
        group.permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))
