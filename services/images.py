"""Pictures of treatments and doctors: checked, cleaned of metadata, cut into renditions.

Uploads pass through `clean_uploaded_image` (the admin form field calls it), which
refuses anything Pillow cannot read as JPEG, PNG or WebP and re-encodes the rest so
that EXIF data (camera, GPS position, dates) never reaches the media folder.
`make_renditions` is called explicitly after saving (admin and demo loader), never
from Model.save(), so that reading the code shows where the slow work happens.
"""

import hashlib
import re
import warnings
from io import BytesIO
from pathlib import PurePosixPath
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.base import ContentFile
from django.core.files.storage import Storage
from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps

# Pillow format name -> file extension of the cleaned file.
ACCEPTED_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
MAX_PIXELS = 40_000_000
RENDITION_WIDTHS = (400, 800, 1200)
PREFERRED_SRC_WIDTH = 800
RENDITIONS_FIELD = {
    "photo": "photo_renditions",
    "hero_image": "hero_renditions",
    "map_image": "map_renditions",
    "entrance_photo": "entrance_renditions",
}

NOT_AN_IMAGE = _(
    "Этот файл не похож на изображение. Загрузите фотографию или картинку в формате JPEG, PNG или WebP."
)
DAMAGED_IMAGE = _(
    "Файл изображения повреждён или загружен не полностью. Сохраните его заново и загрузите ещё раз."
)
TOO_MANY_PIXELS = _(
    "В изображении слишком много точек (пикселей). Допускается не больше %(limit)s мегапикселей. "
    "Уменьшите его и загрузите снова."
)
TOO_MANY_BYTES = _(
    "Файл слишком большой: %(size)s МБ. Допускается не больше %(limit)s МБ. "
    "Уменьшите изображение и загрузите снова."
)


def clean_uploaded_image(upload: File) -> ContentFile:
    """Return a re-encoded copy of an upload, or raise ValidationError with a clear message."""
    limit = settings.IMAGE_MAX_UPLOAD_BYTES
    if upload.size is not None and upload.size > limit:
        raise ValidationError(
            TOO_MANY_BYTES,
            code="file_too_large",
            params={"size": _megabytes(upload.size), "limit": _megabytes(limit)},
        )
    upload.seek(0)
    data = upload.read()
    image = open_checked_image(data)
    cleaned = _encode(image, image.format or "JPEG")
    stem = slugify(PurePosixPath(upload.name or "image").stem)[:60] or "image"
    return ContentFile(cleaned, name=f"{stem}.{ACCEPTED_FORMATS[image.format or 'JPEG']}")


def open_checked_image(data: bytes) -> Image.Image:
    """Open bytes as a fully loaded, upright image; raise ValidationError if they are not one."""
    with warnings.catch_warnings():
        # Pillow only warns between its own limit and twice that; treat the warning as a refusal.
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            probe = Image.open(BytesIO(data), formats=list(ACCEPTED_FORMATS))
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
            raise _too_many_pixels() from exc
        except Exception as exc:
            # Text, HTML or SVG renamed to .jpg, GIF, PDF and the like all end here.
            raise ValidationError(NOT_AN_IMAGE, code="invalid_image") from exc
        width, height = probe.size
        if width * height > MAX_PIXELS:
            raise _too_many_pixels()
        try:
            probe.verify()
            image = Image.open(BytesIO(data), formats=list(ACCEPTED_FORMATS))
            image.load()
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
            raise _too_many_pixels() from exc
        except Exception as exc:
            raise ValidationError(DAMAGED_IMAGE, code="damaged_image") from exc
    upright = ImageOps.exif_transpose(image)
    upright.format = image.format
    return upright


def make_renditions(instance: models.Model, field_name: str) -> dict[str, Any]:
    """Write 400/800/1200 px WebP and JPEG copies of an image field and record them on the instance.

    Reads and resizes the whole picture, so call it once after an upload, not on every save.
    Running it again on an unchanged picture only checks that the files are still there.
    """
    renditions_field = RENDITIONS_FIELD[field_name]
    field_file = getattr(instance, field_name)
    previous: dict[str, Any] = getattr(instance, renditions_field) or {}
    image_field = instance._meta.get_field(field_name)
    assert isinstance(image_field, models.FileField)
    storage: Storage = field_file.storage if field_file else image_field.storage
    if not field_file:
        renditions: dict[str, Any] = {}
    else:
        with field_file.open("rb") as source:
            data = source.read()
        digest = hashlib.sha256(data).hexdigest()[:12]
        if previous.get("hash") == digest and all(storage.exists(n) for n in previous.get("files", [])):
            return previous
        upload_to = str(image_field.upload_to).rstrip("/")
        # Originals saved by the demo loader already end in a hash; do not repeat it.
        stem = re.sub(r"-[0-9a-f]{12}$", "", slugify(PurePosixPath(field_file.name).stem))[:40] or "image"
        base = f"{upload_to}/renditions/{stem}-{digest}"
        renditions = _write_renditions(open_checked_image(data), storage, base)
        renditions["hash"] = digest
    for stale in set(previous.get("files", [])) - set(renditions.get("files", [])):
        storage.delete(stale)
    setattr(instance, renditions_field, renditions)
    instance.save(update_fields=[renditions_field])
    return renditions


def _write_renditions(image: Image.Image, storage: Storage, base: str) -> dict[str, Any]:
    widths = [width for width in RENDITION_WIDTHS if width <= image.width] or [image.width]
    result: dict[str, Any] = {"webp": [], "jpeg": [], "files": []}
    for width in widths:
        height = round(image.height * width / image.width)
        resized = image.resize((width, height), Image.Resampling.LANCZOS)
        for kind, pillow_format, extension in (("webp", "WEBP", "webp"), ("jpeg", "JPEG", "jpg")):
            name = f"{base}-{width}.{extension}"
            if not storage.exists(name):
                name = storage.save(name, ContentFile(_encode(resized, pillow_format)))
            result[kind].append([width, storage.url(name)])
            result["files"].append(name)
        result["width"], result["height"] = width, height
    src_width = max((w for w in widths if w <= PREFERRED_SRC_WIDTH), default=widths[0])
    result["src"] = next(url for width, url in result["jpeg"] if width == src_width)
    result["preview"] = result["jpeg"][0][1]
    return result


def _encode(image: Image.Image, pillow_format: str) -> bytes:
    # No exif= argument is passed, so none of the original metadata is written back.
    output = BytesIO()
    icc_profile = image.info.get("icc_profile")
    extra = {"icc_profile": icc_profile} if icc_profile else {}
    if pillow_format == "JPEG":
        _flatten(image).save(output, "JPEG", quality=85, optimize=True, progressive=True, **extra)
    elif pillow_format == "WEBP":
        keep_alpha = image.mode in ("RGBA", "LA") or "transparency" in image.info
        converted = image.convert("RGBA" if keep_alpha else "RGB")
        converted.save(output, "WEBP", quality=80, method=6, **extra)
    else:
        image.save(output, "PNG", optimize=True, **extra)
    return output.getvalue()


def _flatten(image: Image.Image) -> Image.Image:
    if image.mode in ("RGB", "L"):
        return image
    if image.mode in ("RGBA", "LA", "P", "PA") or "transparency" in image.info:
        rgba = image.convert("RGBA")
        background = Image.new("RGB", rgba.size, (255, 255, 255))
        background.paste(rgba, mask=rgba.getchannel("A"))
        return background
    return image.convert("RGB")


def _too_many_pixels() -> ValidationError:
    return ValidationError(TOO_MANY_PIXELS, code="too_many_pixels", params={"limit": MAX_PIXELS // 1_000_000})


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.2f}".rstrip("0").rstrip(".")
