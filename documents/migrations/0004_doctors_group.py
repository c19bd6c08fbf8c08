from django.apps.registry import Apps
from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor

from documents.roles import ensure_doctors_group


def create_doctors_group(apps: Apps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    ensure_doctors_group(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("documents", "0003_doctor_reviews_and_dicom_facts"),
    ]

    operations = [migrations.RunPython(create_doctors_group, migrations.RunPython.noop)]
