from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor) -> None:  # type: ignore[no-untyped-def]
    # The shared cache (rate limits, page cache) lives in the database unless
    # REDIS_URL is set; creating its table here means `migrate` is all an
    # operator runs. The command is a no-op for non-database caches.
    call_command("createcachetable", verbosity=0)


class Migration(migrations.Migration):
    dependencies: list = []
    operations = [migrations.RunPython(create_cache_table, migrations.RunPython.noop)]
