"""What a file is, told by its first bytes and never by its name; ZIP archives checked without
extracting them."""

import re
import unicodedata
import zipfile
from typing import IO

from django.conf import settings
from django.utils.translation import gettext as _

from documents.models import Document

Kind = Document.Kind

# The brands of an ISO base media file that is a HEIF/HEIC still image (ISO/IEC 23008-12).
HEIF_BRANDS = {b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"mif1", b"msf1"}
# A DICOM Part 10 file: a 128-byte preamble, then these four bytes.
DICOM_MAGIC_OFFSET = 128
DICOM_MAGIC = b"DICM"
HEAD_BYTES = DICOM_MAGIC_OFFSET + len(DICOM_MAGIC)
NAME_MAX = 120
INFLATE_CHUNK = 1024 * 1024


class Refusal(Exception):
    """A file the site does not accept; the message is for the patient."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def not_accepted_message() -> str:
    return _(
        "Мы не можем принять этот файл: принимаем только PDF, фотографии (JPEG, PNG, HEIC), "
        "снимки DICOM и ZIP-архивы с исследованием в формате DICOM."
    )


def kind_of_head(head: bytes) -> str | None:
    if head.startswith(b"%PDF-"):
        return Kind.PDF
    if head.startswith(b"\xff\xd8\xff"):
        return Kind.JPEG
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return Kind.PNG
    if head[4:8] == b"ftyp" and head[8:12] in HEIF_BRANDS:
        return Kind.HEIC
    if head[DICOM_MAGIC_OFFSET:HEAD_BYTES] == DICOM_MAGIC:
        return Kind.DICOM
    if head.startswith(b"PK\x03\x04"):
        return Kind.DICOM_ZIP
    return None


def recognise(file: IO[bytes], size: int) -> str:
    """The kind of an uploaded file, or Refusal with a message for the patient."""
    if size == 0:
        raise Refusal(empty_message())
    limit = settings.DOCUMENT_MAX_MB * 1024 * 1024
    if size > limit:
        raise Refusal(too_large_message(settings.DOCUMENT_MAX_MB))
    file.seek(0)
    kind = kind_of_head(file.read(HEAD_BYTES))
    if kind is None:
        raise Refusal(not_accepted_message())
    if kind == Kind.DICOM_ZIP:
        check_dicom_archive(file)
    file.seek(0)
    return kind


def empty_message() -> str:
    return _("Файл пустой (0 байт). Проверьте, что выбрали нужный файл, и отправьте его снова.")


def too_large_message(megabytes: int) -> str:
    return _(
        "Файл слишком большой: один файл может весить не больше %(size)s. "
        "Разделите исследование на части или позвоните нам."
    ) % {"size": human_size(megabytes)}


def human_size(megabytes: int) -> str:
    if megabytes >= 1024 and megabytes % 1024 == 0:
        gigabytes = megabytes // 1024
        return _("%(n)s ГБ") % {"n": gigabytes}
    return _("%(n)s МБ") % {"n": megabytes}


def check_dicom_archive(file: IO[bytes]) -> None:
    """Refuse an archive that is not a plain DICOM study. Its directory is checked first, so a ZIP
    bomb that declares its sizes is refused unopened; then every member is inflated and thrown
    away, chunk by chunk and within DOCUMENT_ZIP_MAX_MB in all, so that one lying about its size
    fails its checksum here, before anyone downloads it."""
    file.seek(0)
    try:
        with zipfile.ZipFile(file) as archive:
            members = [info for info in archive.infolist() if not info.is_dir()]
            check_archive_shape(members)
            budget = settings.DOCUMENT_ZIP_MAX_MB * 1024 * 1024
            for info in members:
                with archive.open(info) as member:
                    if kind_of_head(member.read(HEAD_BYTES)) != Kind.DICOM:
                        raise Refusal(not_only_dicom_message())
                    budget -= HEAD_BYTES + inflate_rest(member, budget)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, RuntimeError, EOFError) as exc:
        # RuntimeError: an encrypted member; NotImplementedError: an unknown compression method.
        raise Refusal(broken_archive_message()) from exc


def inflate_rest(member: IO[bytes], budget: int) -> int:
    """Read the rest of a member, keeping nothing; Refusal past `budget` bytes."""
    inflated = 0
    while chunk := member.read(INFLATE_CHUNK):
        inflated += len(chunk)
        if inflated > budget:
            raise Refusal(unusual_archive_message())
    return inflated


def check_archive_shape(members: list[zipfile.ZipInfo]) -> None:
    if not members:
        raise Refusal(_("Архив пустой. Положите в него папку с исследованием и отправьте снова."))
    if len(members) > settings.DOCUMENT_ZIP_MAX_MEMBERS:
        raise Refusal(unusual_archive_message())
    inflated = 0
    for info in members:
        if unsafe_member_name(info.filename):
            raise Refusal(unsafe_names_message())
        if info.file_size > settings.DOCUMENT_ZIP_MAX_RATIO * max(info.compress_size, 1):
            raise Refusal(unusual_archive_message())
        inflated += info.file_size
    if inflated > settings.DOCUMENT_ZIP_MAX_MB * 1024 * 1024:
        raise Refusal(unusual_archive_message())


def not_only_dicom_message() -> str:
    return _(
        "В архиве есть файлы, которые не являются снимками DICOM. Положите в ZIP-архив "
        "только папку с исследованием (DICOM) и отправьте снова."
    )


def broken_archive_message() -> str:
    return _(
        "Архив повреждён или защищён паролем, мы не можем его открыть. Создайте архив заново без пароля."
    )


def unusual_archive_message() -> str:
    return _(
        "Этот архив устроен необычно (слишком много файлов или слишком сильное сжатие), "
        "поэтому из соображений безопасности мы его не принимаем. Пришлите исследование "
        "в обычном ZIP-архиве или позвоните нам."
    )


def unsafe_names_message() -> str:
    return _("В архиве есть файлы с недопустимыми именами (пути за пределы архива). Создайте архив заново.")


def unsafe_member_name(name: str) -> bool:
    """A name that would land outside the folder it is extracted to."""
    parts = re.split(r"[\\/]", name)
    return (
        name.startswith(("/", "\\"))
        or re.match(r"^[A-Za-z]:", name) is not None
        or ".." in parts
        or "\x00" in name
    )


def sanitise_name(name: str) -> str:
    """The patient's file name, safe to show and to send in a header: no folders, no control
    characters, no leading dots, at most NAME_MAX characters with its extension kept."""
    base = re.split(r"[\\/]", name)[-1]
    base = unicodedata.normalize("NFC", base)
    base = "".join(ch for ch in base if unicodedata.category(ch)[0] != "C")
    base = re.sub(r"[^\w .()\-+,]", "_", base).strip(" .")
    if not base:
        return "document"
    if len(base) > NAME_MAX:
        stem, dot, extension = base.rpartition(".")
        if dot and 0 < len(extension) <= 10:
            base = f"{stem[: NAME_MAX - len(extension) - 1]}.{extension}"
        else:
            base = base[:NAME_MAX]
    return base
