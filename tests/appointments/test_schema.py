"""The overlap guarantee lives on PostgreSQL only, without blocking SQLite's schema changes."""

import pytest
from django.db import connection, models
from django.db.migrations.loader import MigrationLoader


def migrated_appointment() -> type[models.Model]:
    """Appointment as the migrations know it: what the next migration will be run against."""
    state = MigrationLoader(connection).project_state()
    return state.apps.get_model("appointments", "Appointment")


@pytest.mark.django_db
def test_the_database_has_the_overlap_constraint_exactly_on_postgresql() -> None:
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, "appointments_appointment")
    assert ("appointment_no_overlap" in constraints) == (connection.vendor == "postgresql")


@pytest.mark.skipif(connection.vendor != "sqlite", reason="only SQLite rebuilds a table to change it")
@pytest.mark.django_db(transaction=True)
def test_a_later_migration_can_still_rebuild_the_appointments_table_on_sqlite() -> None:
    model = migrated_appointment()
    old = model._meta.get_field("kind")
    wider = models.CharField(max_length=old.max_length + 10, choices=old.choices, default=old.default)
    wider.set_attributes_from_name("kind")
    wider.model = model

    with connection.schema_editor() as editor:
        editor.alter_field(model, old, wider)  # a table rebuild: "EXCLUDE" would be a syntax error
        editor.alter_field(model, wider, old)

    with connection.cursor() as cursor:
        columns = connection.introspection.get_table_description(cursor, "appointments_appointment")
    assert "kind" in [column.name for column in columns]
