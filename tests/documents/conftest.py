from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from django.core.files.storage import FileSystemStorage

if TYPE_CHECKING:
    from booking.models import ConsultationRequest


@pytest.fixture(autouse=True)
def documents_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test of this area stores patients' files in its own temporary private folder."""
    from documents.models import Document

    root = tmp_path / "private-documents"
    monkeypatch.setattr(Document._meta.get_field("file"), "storage", FileSystemStorage(location=root))
    return root


@pytest.fixture
def consultation(make_consultation: Callable[..., "ConsultationRequest"]) -> "ConsultationRequest":
    return make_consultation()


def stored_files(root: Path) -> list[Path]:
    return [path for path in root.rglob("*") if path.is_file()] if root.exists() else []
