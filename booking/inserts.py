"""INSERTs built before the transaction that runs them."""

from typing import Any

from django.db import connection, models
from django.db.models.sql import InsertQuery


class PreparedInsert:
    """A new row's INSERT, made ready when it is made (each field's pre_save and database value,
    as Model.save() would; the statement as the ORM compiles it, once per model), so that
    running it inside a transaction costs only the statement. Used where that transaction holds
    SQLite's one write lock (the form POST, the worker's planning): the ORM's work was two thirds
    of the form POST's time under the lock (make bench, 2026-11-27).

    No signals are sent (booking's models have no receivers) and the instance is not updated:
    run() returns the new primary key.
    """

    def __init__(self, row: models.Model) -> None:
        meta = row._meta
        fields = [field for field in meta.local_concrete_fields if field is not meta.auto_field]
        values = [field.pre_save(row, True) for field in fields]
        if any(hasattr(value, "resolve_expression") for value in values):
            raise TypeError("PreparedInsert takes plain values, not expressions")
        self.params = [
            field.get_db_prep_save(value, connection) for field, value in zip(fields, values, strict=True)
        ]
        self.positions = {field.attname: index for index, field in enumerate(fields)}
        self.table, self.pk_column = meta.db_table, meta.pk.column
        # With plain values the statement's text depends on the model alone: compiled once.
        key = (type(row), connection.alias)
        if key not in _STATEMENTS:
            _STATEMENTS[key] = _compile(row, fields)
        self.sql, self.returns_id = _STATEMENTS[key]

    def run(self, **values_now: Any) -> int:
        """Insert the row, with `values_now` (by attribute name, such as request_id) in place of
        what the row held when it was prepared; return its primary key."""
        params = list(self.params)
        for attname, value in values_now.items():
            params[self.positions[attname]] = value
        with connection.cursor() as cursor:
            cursor.execute(self.sql, params)
            if self.returns_id:
                return cursor.fetchone()[0]
            return connection.ops.last_insert_id(cursor, self.table, self.pk_column)


_STATEMENTS: dict[tuple[type[models.Model], str], tuple[str, bool]] = {}


def _compile(row: models.Model, fields: list[models.Field]) -> tuple[str, bool]:
    query = InsertQuery(type(row))
    query.insert_values(fields, [row])
    compiler = query.get_compiler(connection=connection)
    returns_id = connection.features.can_return_columns_from_insert
    if returns_id:
        compiler.returning_fields = [row._meta.pk]
    ((sql, _params),) = compiler.as_sql()
    return sql, returns_id
