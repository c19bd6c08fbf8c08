from django.apps.registry import Apps
from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor

from appointments.roles import ensure_roles


def update_roles(apps: Apps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    ensure_roles(apps)


class Migration(migrations.Migration):
    dependencies = [("appointments", "0003_patient_messages")]

    operations = [migrations.RunPython(update_roles, migrations.RunPython.noop)]
