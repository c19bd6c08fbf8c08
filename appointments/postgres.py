"""Database features that only PostgreSQL has, for the migrations."""

from typing import Any

from django.contrib.postgres.constraints import ExclusionConstraint
from django.db import DEFAULT_DB_ALIAS, connections, migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import ProjectState
from django.db.models import Model


class AddConstraintOnPostgres(migrations.AddConstraint):
    """AddConstraint that other databases skip: SQLite has no exclusion constraints, and a
    partial unique index stands in for this one there (see Appointment.Meta)."""

    def database_forwards(
        self,
        app_label: str,
        schema_editor: BaseDatabaseSchemaEditor,
        from_state: ProjectState,
        to_state: ProjectState,
    ) -> None:
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(
        self,
        app_label: str,
        schema_editor: BaseDatabaseSchemaEditor,
        from_state: ProjectState,
        to_state: ProjectState,
    ) -> None:
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)


class PostgresExclusionConstraint(ExclusionConstraint):
    """An exclusion constraint on PostgreSQL that other databases leave out entirely.

    SQLite rebuilds a table for most schema changes, from the model's constraints; with no SQL
    for this one there, a later migration of Appointment still runs on the embedded database.
    """

    def constraint_sql(
        self, model: type[Model] | None, schema_editor: BaseDatabaseSchemaEditor | None
    ) -> Any:
        if not on_postgresql(schema_editor):
            return None
        return super().constraint_sql(model, schema_editor)

    def create_sql(self, model: type[Model] | None, schema_editor: BaseDatabaseSchemaEditor | None) -> Any:
        if not on_postgresql(schema_editor):
            return None
        return super().create_sql(model, schema_editor)

    def remove_sql(self, model: type[Model] | None, schema_editor: BaseDatabaseSchemaEditor | None) -> Any:
        if not on_postgresql(schema_editor):
            return None
        return super().remove_sql(model, schema_editor)

    def validate(
        self, model: type[Model], instance: Model, exclude: Any = None, using: str = DEFAULT_DB_ALIAS
    ) -> None:
        if connections[using].vendor == "postgresql":
            super().validate(model, instance, exclude=exclude, using=using)


def on_postgresql(schema_editor: BaseDatabaseSchemaEditor | None) -> bool:
    return schema_editor is not None and schema_editor.connection.vendor == "postgresql"
