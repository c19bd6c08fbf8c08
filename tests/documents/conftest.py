import hashlib
import os
import shutil
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from django.core.files.storage import FileSystemStorage

from documents import clamd
from tests.documents import samples

if TYPE_CHECKING:
    from django.contrib.auth.models import User
    from pytest_django.fixtures import Settings

    from booking.models import ConsultationRequest
    from documents.models import Document


@pytest.fixture(autouse=True)
def documents_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, settings: "Settings") -> Path:
    """Every test of this area stores patients' files, whole or in pieces, in its own temporary
    private folders."""
    from documents.models import Document

    root = tmp_path / "private-documents"
    monkeypatch.setattr(Document._meta.get_field("file"), "storage", FileSystemStorage(location=root))
    settings.DOCUMENT_PARTIAL_ROOT = tmp_path / "partial-uploads"
    return root


@pytest.fixture(autouse=True)
def russian_by_default() -> Iterator[None]:
    """Messages read in Russian unless a test asks otherwise, whatever a test before left active."""
    from django.utils import translation

    with translation.override("ru"):
        yield


@pytest.fixture
def consultation(make_consultation: Callable[..., "ConsultationRequest"]) -> "ConsultationRequest":
    return make_consultation()


@pytest.fixture
def doctor_user(db: None) -> "User":
    """A member of the Doctors group (documents/roles.py), signed in through `login`."""
    from django.apps import apps
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from documents.roles import DOCTORS, ensure_doctors_group

    # The group comes from a data migration; a transactional test elsewhere may have flushed it.
    ensure_doctors_group(apps)
    user = get_user_model().objects.create_user(
        username="doctor",
        password="a-long-test-password",
        is_staff=True,
        first_name="Пётр",
        last_name="Лядов",
    )
    user.groups.set(Group.objects.filter(name=DOCTORS))
    return user


def clean_document(
    consultation: "ConsultationRequest", content: bytes = b"", kind: str = "pdf"
) -> "Document":
    """A stored document that has passed its virus scan."""
    from django.core.files.base import ContentFile

    from documents.models import Document

    content = content or samples.PDF
    document = Document(
        request=consultation,
        original_name="Выписка Петрова.pdf",
        kind=kind,
        size=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
        status=Document.Status.CLEAN,
    )
    document.file.save("x", ContentFile(content))
    return document


def stored_files(root: Path) -> list[Path]:
    return [path for path in root.rglob("*") if path.is_file()] if root.exists() else []


CLAMD = shutil.which("clamd") or ("/usr/sbin/clamd" if os.path.exists("/usr/sbin/clamd") else None)


class Clamd:
    """A real clamd in a temporary folder knowing only the EICAR test file (and a PDF carrying it)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.address = str(folder / "clamd.sock")
        self.process: subprocess.Popen[bytes] | None = None
        known = {"Eicar-Test-Signature": samples.EICAR, "Eicar-In-Pdf-Test": samples.INFECTED_PDF}
        # One line per file: its MD5, its size and the name clamd reports (an .hdb database).
        (folder / "test.hdb").write_text(
            "".join(
                f"{hashlib.md5(content).hexdigest()}:{len(content)}:{name}\n"
                for name, content in known.items()
            )
        )
        (folder / "clamd.conf").write_text(
            f"LocalSocket {self.address}\n"
            f"DatabaseDirectory {folder}\n"
            f"LogFile {folder / 'clamd.log'}\n"
            f"TemporaryDirectory {folder}\n"
            "Foreground yes\n"
            "StreamMaxLength 64M\n"
        )

    def start(self) -> None:
        self.process = subprocess.Popen(
            [str(CLAMD), "-c", str(self.folder / "clamd.conf")],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 60
        while not clamd.ping(self.address, timeout=1):
            if self.process.poll() is not None or time.monotonic() > deadline:
                log = (self.folder / "clamd.log").read_text() if (self.folder / "clamd.log").exists() else ""
                raise RuntimeError(f"clamd did not start:\n{log}")
            time.sleep(0.1)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=30)
        self.process = None


@pytest.fixture(scope="session")
def clamd_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Clamd]:
    if CLAMD is None:
        pytest.skip(
            "clamd is not installed: apt-get install clamav-daemon (Debian) to run the virus-scan tests"
        )
    server = Clamd(tmp_path_factory.mktemp("clamd"))
    server.start()
    yield server
    server.stop()


@pytest.fixture
def running_clamd(clamd_server: Clamd, settings: "Settings") -> Iterator[Clamd]:
    """clamd up, the site pointed at it; a test that stops it gets it started again afterwards."""
    settings.CLAMD_ADDRESS = clamd_server.address
    if clamd_server.process is None:
        clamd_server.start()
    yield clamd_server
    if clamd_server.process is None:
        clamd_server.start()
