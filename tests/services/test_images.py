from io import BytesIO
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from pytest_django.fixtures import Settings

from services.images import clean_uploaded_image, make_renditions
from services.models import Treatment

EXIF_MAKE = 0x010F
EXIF_ORIENTATION = 0x0112
EXIF_GPS_IFD = 0x8825


def photo_bytes(
    width: int, height: int, *, image_format: str = "JPEG", orientation: int | None = None
) -> bytes:
    image = Image.new("RGB", (width, height), (200, 120, 90))
    image.paste((30, 60, 160), (0, 0, width // 2, height // 3))  # a mark to see rotation by
    exif = Image.Exif()
    exif[EXIF_MAKE] = "Phone maker"
    exif.get_ifd(EXIF_GPS_IFD)[2] = (55.0, 53.0, 35.0)  # latitude of somewhere private
    if orientation:
        exif[EXIF_ORIENTATION] = orientation
    output = BytesIO()
    image.save(output, image_format, exif=exif.tobytes())
    return output.getvalue()


def upload(data: bytes, name: str = "photo.jpg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="image/jpeg")


def error_code(data: bytes, name: str = "photo.jpg") -> str:
    with pytest.raises(ValidationError) as caught:
        clean_uploaded_image(upload(data, name))
    return caught.value.code or ""


def test_it_strips_exif_and_keeps_the_picture_upright() -> None:
    # Orientation 6: the camera was turned; the stored pixels must be turned back.
    cleaned = clean_uploaded_image(upload(photo_bytes(300, 200, orientation=6)))

    image = Image.open(cleaned)
    assert image.size == (200, 300)
    assert image.format == "JPEG"
    assert dict(image.getexif()) == {}
    assert cleaned.name == "photo.jpg"


@pytest.mark.parametrize(("image_format", "extension"), [("PNG", "png"), ("WEBP", "webp")])
def test_it_accepts_png_and_webp_and_names_the_file_after_the_real_format(
    image_format: str, extension: str
) -> None:
    cleaned = clean_uploaded_image(upload(photo_bytes(120, 80, image_format=image_format), "picture.jpg"))

    image = Image.open(cleaned)
    assert image.format == image_format
    assert dict(image.getexif()) == {}
    assert cleaned.name == f"picture.{extension}"


def test_it_refuses_text_renamed_to_jpg() -> None:
    assert error_code(b"Just some notes, not a picture at all.\n") == "invalid_image"


def test_it_refuses_html_renamed_to_jpg() -> None:
    assert (
        error_code(b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>") == "invalid_image"
    )


def test_it_refuses_svg_renamed_to_jpg() -> None:
    svg = b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>'
    assert error_code(svg) == "invalid_image"


def test_it_refuses_formats_other_than_jpeg_png_webp() -> None:
    output = BytesIO()
    Image.new("RGB", (20, 20)).save(output, "GIF")
    assert error_code(output.getvalue(), "animation.gif") == "invalid_image"


def test_it_refuses_a_truncated_file() -> None:
    assert error_code(photo_bytes(400, 300)[:600]) in {"damaged_image", "invalid_image"}


def test_it_refuses_files_over_the_byte_limit(settings: Settings) -> None:
    settings.IMAGE_MAX_UPLOAD_BYTES = 1000
    assert error_code(photo_bytes(400, 300)) == "file_too_large"


def test_it_refuses_a_decompression_bomb_below_pillows_own_limit() -> None:
    # 50 megapixels that compress to a few kilobytes: over our 40-megapixel cap.
    output = BytesIO()
    Image.new("1", (10_000, 5_000)).save(output, "PNG")
    assert len(output.getvalue()) < 100_000
    assert error_code(output.getvalue(), "bomb.png") == "too_many_pixels"


def test_it_refuses_a_decompression_bomb_that_pillow_itself_refuses() -> None:
    output = BytesIO()
    Image.new("1", (14_000, 13_000)).save(output, "PNG")
    assert error_code(output.getvalue(), "bomb.png") == "too_many_pixels"


def save_hero(treatment: Treatment, data: bytes, name: str = "hero.jpg") -> None:
    cleaned = clean_uploaded_image(upload(data, name))
    treatment.hero_image.save(cleaned.name, cleaned, save=True)


def test_renditions_are_webp_and_jpeg_at_400_800_1200_without_exif(
    treatment: Treatment, media_root: Path
) -> None:
    save_hero(treatment, photo_bytes(1600, 900))

    renditions = make_renditions(treatment, "hero_image")

    treatment.refresh_from_db()
    assert treatment.hero_renditions == renditions
    assert (renditions["width"], renditions["height"]) == (1200, 675)
    for kind, pillow_format in (("webp", "WEBP"), ("jpeg", "JPEG")):
        assert [width for width, _ in renditions[kind]] == [400, 800, 1200]
        for width, url in renditions[kind]:
            path = media_root / url.removeprefix("/media/")
            image = Image.open(path)
            assert (image.format, image.width) == (pillow_format, width)
            assert dict(image.getexif()) == {}
            assert renditions["hash"] in path.name


def test_a_small_picture_is_not_enlarged(treatment: Treatment, media_root: Path) -> None:
    save_hero(treatment, photo_bytes(500, 300))

    renditions = make_renditions(treatment, "hero_image")

    assert [width for width, _ in renditions["webp"]] == [400]


def test_replacing_the_picture_removes_the_old_renditions(treatment: Treatment, media_root: Path) -> None:
    save_hero(treatment, photo_bytes(900, 600))
    old_files = make_renditions(treatment, "hero_image")["files"]

    treatment.hero_image.save(
        "other.png", ContentFile(clean_uploaded_image(upload(photo_bytes(900, 500))).read())
    )
    new_files = make_renditions(treatment, "hero_image")["files"]

    assert not any((media_root / name).exists() for name in old_files)
    assert all((media_root / name).exists() for name in new_files)


def test_clearing_the_picture_clears_the_renditions(treatment: Treatment, media_root: Path) -> None:
    save_hero(treatment, photo_bytes(900, 600))
    files = make_renditions(treatment, "hero_image")["files"]
    treatment.hero_image = ""
    treatment.save()

    assert make_renditions(treatment, "hero_image") == {}
    assert not any((media_root / name).exists() for name in files)
