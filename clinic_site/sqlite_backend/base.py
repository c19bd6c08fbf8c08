"""SQLite whose writers, in every process on the machine, wait their turn on one kernel lock.

SQLite lets one writer in at a time. The others are not queued: they poll, sleeping 1, 2, 5, 10,
then up to 100 ms between tries, so under load a write waits many times longer than the writes
ahead of it take. Here every write transaction (each `atomic()` block, which the settings open
with BEGIN IMMEDIATE) and every write outside one first takes an exclusive `flock` on a file
beside the database: the kernel wakes the next writer the moment the previous one is done, and
a writer that was descheduled while holding the lock gets the CPU back at once, because those
waiting for it sleep instead of polling. The web server, the task worker and the admin all
queue the same way. Readers are untouched (WAL lets them read while one writes).

An in-memory database (the tests) has no file and one connection, so nothing is locked.
"""

import fcntl
import os
from collections.abc import Callable
from typing import Any

from django.db.backends.sqlite3 import base


def write_lock_path(database_name: str) -> str:
    """The file every writer of this database takes its turn on."""
    return f"{database_name}.write-lock"


WRITE_STATEMENTS = ("INSERT", "UPDATE", "DELETE", "REPLACE", "CREATE", "DROP", "ALTER")


class DatabaseWrapper(base.DatabaseWrapper):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._turn_file: int | None = None
        self._turn_file_pid = 0
        self._has_turn = False

    def _start_transaction_under_autocommit(self) -> None:
        self.take_turn()
        try:
            super()._start_transaction_under_autocommit()  # type: ignore[misc]  # private, not in django-stubs
        except BaseException:
            self.end_turn()
            raise

    def _commit(self) -> None:
        try:
            super()._commit()  # type: ignore[misc]  # private, not in django-stubs
        finally:
            self.end_turn()

    def _rollback(self) -> None:
        try:
            super()._rollback()  # type: ignore[misc]  # private, not in django-stubs
        finally:
            self.end_turn()

    def _close(self) -> None:
        try:
            super()._close()  # type: ignore[misc]  # private, not in django-stubs
        finally:
            self.end_turn()

    def create_cursor(self, name: str | None = None) -> "QueuedCursor":
        cursor = self.connection.cursor(factory=QueuedCursor)
        cursor.queue = self
        return cursor

    def take_turn(self) -> bool:
        """Wait for the write lock; False if there is none to take or this connection has it."""
        descriptor = self._turn_descriptor()
        if descriptor is None or self._has_turn:
            return False
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        self._has_turn = True
        return True

    def end_turn(self) -> None:
        if self._has_turn:
            self._has_turn = False
            if self._turn_file is not None:
                fcntl.flock(self._turn_file, fcntl.LOCK_UN)

    def _turn_descriptor(self) -> int | None:
        if self.is_in_memory_db():
            return None
        # One descriptor per connection and process: a descriptor inherited through fork (gunicorn
        # loads the app before forking) shares its lock with the parent, so a child opens its own.
        if self._turn_file is None or self._turn_file_pid != os.getpid():
            path = write_lock_path(os.fspath(self.settings_dict["NAME"]))
            self._turn_file = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
            self._turn_file_pid = os.getpid()
            self._has_turn = False
        return self._turn_file


class QueuedCursor(base.SQLiteCursorWrapper):
    """Takes a turn for a write statement run outside a transaction (SQLite commits it at once)."""

    queue: DatabaseWrapper

    def execute(self, query: str, params: Any = None) -> Any:
        return self._in_turn(query, super().execute, query, params)

    def executemany(self, query: str, param_list: Any) -> Any:
        return self._in_turn(query, super().executemany, query, param_list)

    def _in_turn(self, query: str, run: Callable[..., Any], *args: Any) -> Any:
        if self.connection.in_transaction or not _is_write(query):
            return run(*args)
        took = self.queue.take_turn()
        try:
            return run(*args)
        finally:
            if took:
                self.queue.end_turn()


def _is_write(query: str) -> bool:
    return query.lstrip()[:7].upper().startswith(WRITE_STATEMENTS)
