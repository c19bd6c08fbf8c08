import io
import zipfile

import pytest
from django.utils import translation

from documents.models import Document
from documents.recognition import Refusal, inflate_rest, recognise, sanitise_name
from tests.documents import samples


def kind_of(content: bytes) -> str:
    return recognise(io.BytesIO(content), len(content))


def refusal_for(content: bytes, language: str = "ru") -> str:
    with translation.override(language), pytest.raises(Refusal) as refused:
        kind_of(content)
    return refused.value.message


@pytest.mark.parametrize(
    ("content", "kind"),
    [
        (samples.PDF, Document.Kind.PDF),
        (samples.JPEG, Document.Kind.JPEG),
        (samples.PNG, Document.Kind.PNG),
        (samples.HEIC, Document.Kind.HEIC),
        (samples.dicom(), Document.Kind.DICOM),
        (samples.dicom_study(), Document.Kind.DICOM_ZIP),
    ],
)
def test_it_recognises_each_accepted_kind_by_its_content(content: bytes, kind: str) -> None:
    assert kind_of(content) == kind


def test_it_refuses_a_renamed_executable_politely_in_russian() -> None:
    assert "принимаем только PDF" in refusal_for(samples.EXECUTABLE)


def test_it_refuses_a_renamed_executable_politely_in_english() -> None:
    assert "we only accept PDF" in refusal_for(samples.EXECUTABLE, "en")


def test_it_refuses_an_empty_file() -> None:
    assert "Файл пустой" in refusal_for(b"")


def test_it_refuses_a_file_over_the_limit_naming_the_limit(settings: object) -> None:
    settings.DOCUMENT_MAX_MB = 1  # type: ignore[attr-defined]
    message = refusal_for(samples.PDF + b"\x00" * 1024 * 1024)
    assert "слишком большой" in message
    assert "1 МБ" in message


def test_it_refuses_a_zip_bomb_without_inflating_it() -> None:
    assert "из соображений безопасности" in refusal_for(samples.zip_bomb())


def test_it_refuses_a_zip_bomb_that_lies_about_its_size(settings: object) -> None:
    bomb = samples.lying_zip()
    (member,) = zipfile.ZipFile(io.BytesIO(bomb)).infolist()
    assert member.file_size < settings.DOCUMENT_ZIP_MAX_RATIO * member.compress_size  # type: ignore[attr-defined]

    assert "Архив повреждён" in refusal_for(bomb)
    assert "This archive is damaged" in refusal_for(bomb, "en")


def test_inflating_stops_at_the_budget() -> None:
    with pytest.raises(Refusal):
        inflate_rest(io.BytesIO(b"\x00" * 3 * 1024 * 1024), budget=1024 * 1024)
    assert inflate_rest(io.BytesIO(b"\x00" * 1024), budget=1024) == 1024


def test_it_refuses_an_archive_of_too_many_files(settings: object) -> None:
    settings.DOCUMENT_ZIP_MAX_MEMBERS = 2  # type: ignore[attr-defined]
    assert "из соображений безопасности" in refusal_for(samples.dicom_study(images=3))


def test_it_refuses_an_archive_inflating_past_the_total(settings: object) -> None:
    settings.DOCUMENT_ZIP_MAX_MB = 1  # type: ignore[attr-defined]
    study = samples.zipped({f"IM{n}": samples.dicom(bytes(range(256)) * 2048) for n in range(3)})
    assert "из соображений безопасности" in refusal_for(study)


@pytest.mark.parametrize("name", ["../../etc/cron.d/x", "/etc/passwd", "C:\\Windows\\x.dcm", "a/../../b"])
def test_it_refuses_an_archive_with_a_path_traversal_name(name: str) -> None:
    assert "недопустимыми именами" in refusal_for(samples.zipped({name: samples.dicom()}))


def test_it_refuses_an_archive_holding_anything_but_dicom() -> None:
    study = samples.zipped({"DICOM/IM1": samples.dicom(), "viewer.exe": samples.EXECUTABLE})
    assert "не являются снимками DICOM" in refusal_for(study)


def test_it_refuses_an_empty_archive() -> None:
    assert "Архив пустой" in refusal_for(samples.zipped({"DICOM/": b""}))


def test_it_refuses_a_damaged_archive() -> None:
    assert "повреждён" in refusal_for(b"PK\x03\x04" + b"\x00" * 200)


@pytest.mark.parametrize(
    ("given", "kept"),
    [
        ("КТ брюшной полости.pdf", "КТ брюшной полости.pdf"),
        ("../../etc/passwd", "passwd"),
        ("C:\\Users\\Иван\\scan.jpg", "scan.jpg"),
        ("..hidden", "hidden"),
        ("bad\x00name<script>.png", "badname_script_.png"),
        ("", "document"),
        ("a" * 300 + ".pdf", "a" * 116 + ".pdf"),
    ],
)
def test_it_keeps_a_safe_version_of_the_file_name(given: str, kept: str) -> None:
    assert sanitise_name(given) == kept
