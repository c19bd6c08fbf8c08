"""The staff roles: which group may do what in the admin.

Used by the data migration that creates the groups and by the test fixtures
(a transactional test flushes the tables, groups included).
"""

from django.apps import apps as global_apps
from django.apps.registry import Apps
from django.contrib.auth.management import create_permissions

MANAGERS = "Managers"
SUPERVISORS = "Supervisors"
CONTENT_EDITORS = "Content editors"

MANAGER_PERMISSIONS = [
    ("booking", "view_consultationrequest"),
    ("booking", "change_consultationrequest"),
    ("booking", "view_requestevent"),
    ("booking", "add_requestevent"),
    ("booking", "view_delivery"),
]
SUPERVISOR_PERMISSIONS = [*MANAGER_PERMISSIONS, ("booking", "view_report")]

CONTENT_MODELS = [
    "treatment",
    "treatmentcategory",
    "treatmentstep",
    "preparationitem",
    "followupitem",
    "faq",
    "reference",
    "doctor",
    "cliniclocation",
    "extraphone",
    "openinghours",
    "transportroute",
    # The legally required information (services/legal.py).
    "medicalorganisation",
    "legaltext",
    "licence",
    "licensedwork",
    "supervisingbody",
    "priceitem",
    "treatmentcost",
]
CONTENT_EDITOR_PERMISSIONS = [
    ("services", f"{action}_{model}")
    for model in CONTENT_MODELS
    for action in ("add", "change", "delete", "view")
]

ROLES = {
    MANAGERS: MANAGER_PERMISSIONS,
    SUPERVISORS: SUPERVISOR_PERMISSIONS,
    CONTENT_EDITORS: CONTENT_EDITOR_PERMISSIONS,
}


def ensure_roles(apps: Apps) -> None:
    """Create the groups and give them their permissions; safe to run again."""
    grant(apps, ROLES, ("booking", "services"))


def grant(apps: Apps, roles: dict[str, list[tuple[str, str]]], app_labels: tuple[str, ...]) -> None:
    """Create each group of `roles` and add its (app label, codename) permissions; the other apps'
    role migrations use it too."""
    # Permissions are normally created after `migrate` finishes; the groups
    # need them now. create_permissions() skips an app without a models module,
    # and the app configs of a migration's state have none.
    for label in app_labels:
        app_config = apps.get_app_config(label)
        app_config.models_module = global_apps.get_app_config(label).models_module
        create_permissions(app_config, verbosity=0, apps=apps)

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, wanted in roles.items():
        group, _ = Group.objects.get_or_create(name=name)
        for app_label, codename in wanted:
            permission = Permission.objects.filter(
                content_type__app_label=app_label, codename=codename
            ).first()
            if permission is None and not _model_exists(apps, app_label, codename):
                continue  # an earlier migration: a later one gives it once the model exists
            if permission is None:
                raise LookupError(f"Permission {app_label}.{codename} does not exist")
            group.permissions.add(permission)


def _model_exists(apps: Apps, app_label: str, codename: str) -> bool:
    model_name = codename.split("_", 1)[1]
    try:
        apps.get_model(app_label, model_name)
    except LookupError:
        return False
    return True
