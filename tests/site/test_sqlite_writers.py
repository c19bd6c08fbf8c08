"""On an SQLite file, every writer (web workers, the task worker, the admin) waits its turn on one
kernel lock beside the database instead of polling SQLite's (clinic_site/sqlite_backend)."""

import fcntl
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.utils import ConnectionHandler

from clinic_site.sqlite_backend.base import write_lock_path


@pytest.fixture(autouse=True)
def _own_databases(django_db_blocker) -> Iterator[None]:
    # These connections are to files of the tests' own, not to the test database.
    with django_db_blocker.unblock():
        yield


@pytest.fixture
def database(tmp_path: Path) -> Iterator[ConnectionHandler]:
    """Connections (one per thread) to a database file of the test's own."""
    handler = ConnectionHandler(
        {
            "default": {
                "ENGINE": "clinic_site.sqlite_backend",
                "NAME": str(tmp_path / "site.sqlite3"),
                "OPTIONS": {"transaction_mode": "IMMEDIATE", "timeout": 20},
            }
        }
    )
    with handler["default"].cursor() as cursor:
        cursor.execute("CREATE TABLE notes (text TEXT)")
    yield handler
    handler.close_all()


@contextmanager
def transaction_on(connection: BaseDatabaseWrapper) -> Iterator[None]:
    """What `transaction.atomic()` does on this connection (the handler is not Django's own)."""
    connection.set_autocommit(False, force_begin_transaction_with_broken_autocommit=True)
    try:
        yield
    except BaseException:
        connection.rollback()
        raise
    else:
        connection.commit()
    finally:
        connection.set_autocommit(True)


def someone_else_could_write(database: ConnectionHandler) -> bool:
    descriptor = os.open(write_lock_path(database["default"].settings_dict["NAME"]), os.O_RDWR | os.O_CREAT)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    finally:
        os.close(descriptor)
    return True


@contextmanager
def lock_held_elsewhere(database: ConnectionHandler) -> Iterator[None]:
    """Another process's write in progress."""
    descriptor = os.open(write_lock_path(database["default"].settings_dict["NAME"]), os.O_RDWR | os.O_CREAT)
    fcntl.flock(descriptor, fcntl.LOCK_EX)
    try:
        yield
    finally:
        os.close(descriptor)


def notes(database: ConnectionHandler) -> list[str]:
    with database["default"].cursor() as cursor:
        cursor.execute("SELECT text FROM notes ORDER BY rowid")
        return [row[0] for row in cursor.fetchall()]


def in_thread(database: ConnectionHandler, write: str, in_transaction: bool) -> threading.Thread:
    def run() -> None:
        connection = database["default"]  # this thread's own connection
        try:
            if in_transaction:
                with transaction_on(connection), connection.cursor() as cursor:
                    cursor.execute("INSERT INTO notes VALUES (%s)", [write])
            else:
                with connection.cursor() as cursor:
                    cursor.execute("INSERT INTO notes VALUES (%s)", [write])
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    return thread


def test_a_write_transaction_holds_the_turn_until_it_commits(database):
    connection = database["default"]
    with transaction_on(connection), connection.cursor() as cursor:
        cursor.execute("INSERT INTO notes VALUES (%s)", ["first"])
        assert not someone_else_could_write(database)

    assert someone_else_could_write(database)
    assert notes(database) == ["first"]


def test_a_rolled_back_transaction_gives_the_turn_back(database):
    connection = database["default"]
    with pytest.raises(ZeroDivisionError), transaction_on(connection), connection.cursor() as cursor:
        cursor.execute("INSERT INTO notes VALUES (%s)", ["never kept"])
        1 / 0  # noqa: B018

    assert someone_else_could_write(database)
    assert notes(database) == []


@pytest.mark.parametrize("in_transaction", [True, False], ids=["transaction", "single statement"])
def test_a_writer_waits_for_the_one_ahead_and_then_writes(database, in_transaction):
    with lock_held_elsewhere(database):
        thread = in_thread(database, "second", in_transaction)
        thread.join(timeout=0.5)
        assert thread.is_alive(), "the write went ahead while another process was writing"
        assert notes(database) == []  # reading never waits

    thread.join(timeout=20)
    assert not thread.is_alive()
    assert notes(database) == ["second"]
    assert someone_else_could_write(database)


def test_writers_in_two_threads_of_one_process_take_turns_too(database):
    connection = database["default"]
    with transaction_on(connection), connection.cursor() as cursor:
        cursor.execute("INSERT INTO notes VALUES (%s)", ["first"])
        thread = in_thread(database, "second", in_transaction=True)
        thread.join(timeout=0.5)
        assert thread.is_alive(), "another thread's connection wrote in the middle of a transaction"

    thread.join(timeout=20)
    assert notes(database) == ["first", "second"]


def test_an_in_memory_database_has_no_lock_file(tmp_path):
    handler = ConnectionHandler({"default": {"ENGINE": "clinic_site.sqlite_backend", "NAME": ":memory:"}})
    connection = handler["default"]
    with transaction_on(connection), connection.cursor() as cursor:
        cursor.execute("CREATE TABLE notes (text TEXT)")
        cursor.execute("INSERT INTO notes VALUES ('kept')")
    assert not list(tmp_path.iterdir())
    assert not list(Path.cwd().glob("*.write-lock"))
    handler.close_all()
