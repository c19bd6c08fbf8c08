from django.apps.registry import Apps
from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor

from booking.roles import ensure_roles


def give_content_editors_the_legal_information(apps: Apps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    ensure_roles(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("booking", "0003_notifications_planned_by_worker"),
        ("services", "0002_legal_information"),
    ]

    operations = [migrations.RunPython(give_content_editors_the_legal_information, migrations.RunPython.noop)]
