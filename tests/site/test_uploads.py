"""Uploads: only real images pass the admin; an HTML or SVG file renamed to .jpg is refused."""

from collections.abc import Callable
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.test import Client

from services.models import Treatment
from tests.services.test_admin import jpeg, post_hero

HTML_PAGE = (
    b"<!DOCTYPE html><html><body><script>document.location='https://evil.example'</script></body></html>"
)
SVG_WITH_SCRIPT = (
    b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="400" height="400">'
    b"<script>alert(document.cookie)</script><rect width='400' height='400'/></svg>"
)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("content", "name"),
    [
        (HTML_PAGE, "photo.jpg"),
        (SVG_WITH_SCRIPT, "photo.jpg"),
        (SVG_WITH_SCRIPT, "photo.svg"),
        (HTML_PAGE, "x.html"),
    ],
)
def test_a_content_editor_cannot_upload_anything_but_an_image(
    treatment: Treatment,
    content_editor: User,
    login: Callable[[User], Client],
    media_root: Path,
    content: bytes,
    name: str,
) -> None:
    response = post_hero(login(content_editor), treatment, content, name)
    assert response.status_code == 200  # the form again, with the error
    assert 'class="errorlist' in response.content.decode()
    treatment.refresh_from_db()
    assert not treatment.hero_image
    assert not [p for p in media_root.rglob("*") if p.is_file()]


@pytest.mark.django_db
def test_a_real_photo_is_accepted_and_stored_only_as_images(
    treatment: Treatment, content_editor: User, login: Callable[[User], Client], media_root: Path
) -> None:
    response = post_hero(login(content_editor), treatment, jpeg(900, 600))
    assert response.status_code == 302
    stored = [p for p in media_root.rglob("*") if p.is_file()]
    assert stored
    assert {p.suffix.lower() for p in stored} <= {".jpg", ".jpeg", ".png", ".webp"}


def test_nginx_serves_media_only_as_images_never_sniffed_and_sandboxed() -> None:
    site = (Path(settings.BASE_DIR) / "deploy" / "nginx" / "clinic.conf").read_text()
    media = site[site.index("location /media/") : site.index("location = /healthz")]
    assert r"location ~* \.(jpe?g|png|webp|avif|gif)$" in media
    assert 'add_header X-Content-Type-Options "nosniff" always;' in media
    assert "sandbox" in media
    assert "return 404;" in media  # anything else under /media/ is not served at all
    assert "svg" not in media and "html" not in media
