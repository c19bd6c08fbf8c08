"""Security headers on every kind of page: public, the admin's sign-in, the admin itself."""

from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

from tests.builders import make_site

EXPECTED_CSP = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "font-src": "'self'",
    "connect-src": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
    "base-uri": "'self'",
    "object-src": "'none'",
}


def _csp(header: str) -> dict[str, str]:
    directives = {}
    for part in header.split(";"):
        name, _, value = part.strip().partition(" ")
        if name:
            directives[name] = value.strip()
    return directives


def _assert_security_headers(response) -> None:  # type: ignore[no-untyped-def]
    policy = response["Content-Security-Policy"]
    assert "unsafe-inline" not in policy
    assert "unsafe-eval" not in policy
    directives = _csp(policy)
    for name, value in EXPECTED_CSP.items():
        assert directives.get(name, "").replace("'nonce-", "").split(" ")[0] == value.split(" ")[0], name
        assert set(value.split()) <= set(directives[name].split()), name
    assert "http" not in policy  # no third-party origin anywhere in the policy
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    permissions = response["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()"):
        assert feature in permissions
    assert response["X-Request-ID"]


@pytest.mark.django_db
def test_a_public_page_carries_the_security_headers(client: Client) -> None:
    response = client.get("/ru/")
    assert response.status_code == 200
    _assert_security_headers(response)


@pytest.mark.django_db
def test_the_admin_sign_in_page_carries_the_security_headers(client: Client) -> None:
    response = client.get(f"/{settings.ADMIN_URL}login/")
    assert response.status_code == 200
    _assert_security_headers(response)


@pytest.mark.django_db
def test_an_admin_page_carries_the_security_headers(admin_client: Client) -> None:
    response = admin_client.get(f"/{settings.ADMIN_URL}auth/user/")
    assert response.status_code == 200
    _assert_security_headers(response)


@pytest.mark.django_db
def test_an_error_page_carries_the_security_headers(client: Client) -> None:
    response = client.get("/ru/no-such-page/")
    assert response.status_code == 404
    _assert_security_headers(response)


@pytest.mark.django_db
def test_a_static_file_is_served_with_nosniff_and_a_long_cache_life(client: Client) -> None:
    from django.contrib.staticfiles.storage import staticfiles_storage

    url = staticfiles_storage.url("admin/css/base.css")
    response = client.get(url)
    assert response.status_code == 200
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "max-age=315360000" in response["Cache-Control"] or "immutable" in response["Cache-Control"]


@pytest.mark.django_db
def test_anything_under_media_is_sandboxed_and_never_sniffed(client: Client) -> None:
    response = client.get(f"{settings.MEDIA_URL}uploads/page.jpg")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    assert "default-src 'none'" in response["Content-Security-Policy"]


@pytest.mark.django_db
def test_an_uploaded_photo_is_served_as_an_image_and_nothing_else_is(
    client: Client, media_root: Path
) -> None:
    (media_root / "doctors").mkdir(parents=True)
    (media_root / "doctors" / "photo-400.webp").write_bytes(b"RIFF\x00\x00\x00\x00WEBPVP8 ")
    (media_root / "doctors" / "page.html").write_text("<script>alert(1)</script>")
    (media_root / "doctors" / "icon.svg").write_text("<svg><script>alert(1)</script></svg>")
    response = client.get(f"{settings.MEDIA_URL}doctors/photo-400.webp")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/webp"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    (media_root.parent / "secret.jpg").write_bytes(b"not for the public")
    for name in ("page.html", "icon.svg", "../../secret.jpg"):
        response = client.get(f"{settings.MEDIA_URL}doctors/{name}")
        assert response.status_code in (400, 404)
        assert b"alert" not in response.content and b"not for the public" not in response.content


@pytest.mark.django_db
def test_a_sane_request_id_from_the_proxy_is_kept(client: Client) -> None:
    response = client.get("/healthz", HTTP_X_REQUEST_ID="4f1c2a9be0d34c8f")
    assert response["X-Request-ID"] == "4f1c2a9be0d34c8f"


@pytest.mark.django_db
def test_a_malformed_request_id_is_replaced(client: Client) -> None:
    response = client.get("/healthz", HTTP_X_REQUEST_ID="<script>alert(1)</script>")
    assert response["X-Request-ID"] != "<script>alert(1)</script>"
    assert len(response["X-Request-ID"]) == 32


class _InlineCode(HTMLParser):
    """Collects what a strict CSP would block: inline scripts, handlers and styles."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []
        self._script_open = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        self.found += [f"<{tag} {name}=…>" for name in values if name.startswith("on")]
        if "style" in values:
            self.found.append(f"<{tag} style=…>")
        if tag == "style":
            self.found.append("<style>")
        data_block = (values.get("type") or "").endswith("json")
        self._script_open = tag == "script" and "src" not in values and not data_block

    def handle_data(self, data: str) -> None:
        if self._script_open and data.strip():
            self.found.append(f"<script>{data.strip()[:40]}")

    def handle_endtag(self, tag: str) -> None:
        self._script_open = False


@pytest.mark.django_db
def test_no_public_page_needs_inline_script_or_style(client: Client) -> None:

    from tests.site.pages import public_page_urls

    make_site()
    found = []
    for url in public_page_urls("ru") + public_page_urls("en"):
        parser = _InlineCode()
        parser.feed(client.get(url).content.decode())
        found += [f"{url}: {item}" for item in parser.found]
    assert found == []
