from django.apps.registry import Apps
from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor

from appointments.roles import ensure_roles


def create_roles(apps: Apps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    ensure_roles(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("appointments", "0001_schedules_and_appointments"),
        ("booking", "0002_staff_roles"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
