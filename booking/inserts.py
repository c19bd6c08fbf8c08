"""INSERTs built before the transaction that runs them."""

from typing import Any

from django.db import connection, models
from django.db.models.sql import InsertQuery


class PreparedInsert:
    """A new row's INSERT, compiled by the ORM (each field's pre_save and database value, as
    Model.save() would) when it is made, so that running it inside a transaction costs only the
    statement. Used where that transaction holds SQLite's one write lock (the form POST, the
    worker's planning): the compilation was two thirds of the form POST's time under the lock
    (make bench, 2026-11-27).

    No signals are sent (booking's models have no receivers) and the instance is not updated:
    run() returns the new primary key.
    """

    def __init__(self, row: models.Model) -> None:
        meta = row._meta
        fields = [field for field in meta.local_concrete_fields if field is not meta.auto_field]
        query = InsertQuery(type(row))
        query.insert_values(fields, [row])
        compiler = query.get_compiler(connection=connection)
        self.returns_id = connection.features.can_return_columns_from_insert
        if self.returns_id:
            compiler.returning_fields = [meta.pk]
        ((self.sql, params),) = compiler.as_sql()
        self.params = list(params)
        self.positions = {field.attname: index for index, field in enumerate(fields)}
        self.table, self.pk_column = meta.db_table, meta.pk.column

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
