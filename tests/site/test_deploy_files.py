"""deploy/: the nginx site really runs (TLS, static, media, proxy headers, limits); units are valid."""

import http.client
import json
import os
import shutil
import socket
import ssl
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.conf import settings

DEPLOY = Path(settings.BASE_DIR) / "deploy"
needs_nginx = pytest.mark.skipif(
    not (shutil.which("nginx") and shutil.which("openssl")), reason="nginx and openssl are needed"
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _site_config(root: Path, http_port: int, https_port: int, upstream: str) -> str:
    site = (DEPLOY / "nginx" / "clinic.conf").read_text()
    replacements = {
        "/etc/letsencrypt/live/clinic.example/": f"{root}/tls/",
        "/srv/clinic/app/staticfiles/": f"{root}/static/",
        "/srv/clinic/media/": f"{root}/media/",
        "/etc/nginx/snippets/clinic-proxy.conf": f"{root}/clinic-proxy.conf",
        "/var/log/nginx/clinic.access.log": f"{root}/clinic.access.log",
        "/var/www/letsencrypt": f"{root}/acme",
        "server 127.0.0.1:8000 ": f"server {upstream} ",
        "listen 80;": f"listen 127.0.0.1:{http_port};",
        "listen 443 ssl http2;": f"listen 127.0.0.1:{https_port} ssl http2;",
        "listen [::]:80;": "",
        "listen [::]:443 ssl http2;": "",
    }
    for old, new in replacements.items():
        assert old in site, old
        site = site.replace(old, new)
    return site


@pytest.fixture
def nginx(live_server, tmp_path: Path) -> Iterator[dict]:  # noqa: ANN001
    root = tmp_path
    for folder in ("tls", "static/css", "media/doctors", "acme", "temp"):
        (root / folder).mkdir(parents=True)
    certificate = ["-keyout", root / "tls" / "privkey.pem", "-out", root / "tls" / "fullchain.pem"]
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=x",
            *certificate,
        ],
        check=True,
        capture_output=True,
    )
    (root / "static" / "css" / "site.0123456789ab.css").write_text("body{color:#222}")
    (root / "media" / "doctors" / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0 not really a jpeg")
    (root / "media" / "doctors" / "page.html").write_text("<script>alert(1)</script>")
    (root / "media" / "doctors" / "icon.svg").write_text("<svg><script>alert(1)</script></svg>")
    shutil.copy(DEPLOY / "nginx" / "clinic-proxy.conf", root / "clinic-proxy.conf")
    http_port, https_port = _free_port(), _free_port()
    upstream = live_server.url.removeprefix("http://")
    (root / "site.conf").write_text(_site_config(root, http_port, https_port, upstream))
    user = "user root;" if os.geteuid() == 0 else ""
    temp = root / "temp"
    (root / "nginx.conf").write_text(
        f"""{user}
daemon off;
worker_processes 1;
pid {root}/nginx.pid;
error_log {root}/error.log;
events {{}}
http {{
    include /etc/nginx/mime.types;
    access_log off;
    client_body_temp_path {temp}/body; proxy_temp_path {temp}/proxy; fastcgi_temp_path {temp}/fcgi;
    uwsgi_temp_path {temp}/uwsgi; scgi_temp_path {temp}/scgi;
    include {root}/site.conf;
}}
"""
    )
    check = subprocess.run(
        ["nginx", "-t", "-p", str(root), "-c", str(root / "nginx.conf")], capture_output=True, text=True
    )
    assert check.returncode == 0, check.stderr
    process = subprocess.Popen(
        ["nginx", "-p", str(root), "-c", str(root / "nginx.conf")], stderr=subprocess.PIPE
    )
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", https_port)) == 0:
                break
        time.sleep(0.05)
    yield {"http": http_port, "https": https_port, "root": root}
    process.terminate()
    process.wait(timeout=10)


def _get(port: int, path: str, *, tls: bool = True, method: str = "GET", body: bytes | None = None):  # noqa: ANN202
    if tls:
        context = ssl._create_unverified_context()  # a self-signed test certificate
        connection = http.client.HTTPSConnection("127.0.0.1", port, context=context, timeout=10)
    else:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request(method, path, body=body, headers={"Host": "localhost"})
    response = connection.getresponse()
    response.body = response.read()
    connection.close()
    return response


@needs_nginx
@pytest.mark.django_db(transaction=True)
def test_plain_http_is_sent_to_https(nginx: dict) -> None:
    response = _get(nginx["http"], "/ru/", tls=False)
    assert response.status == 301
    assert response.getheader("Location") == "https://clinic.example/ru/"


@needs_nginx
@pytest.mark.django_db(transaction=True)
def test_pages_are_proxied_with_the_request_id_nginx_logs(nginx: dict) -> None:
    response = _get(nginx["https"], "/healthz")
    assert response.status == 200
    assert json.loads(response.body)["database"] == "ok"
    request_id = response.getheader("X-Request-ID")
    assert request_id and len(request_id) == 32
    assert response.getheader("Content-Security-Policy")
    time.sleep(0.2)  # nginx writes its access line after the response
    lines = [json.loads(line) for line in (nginx["root"] / "clinic.access.log").read_text().splitlines()]
    assert [line["request_id"] for line in lines if line["path"] == "/healthz"] == [request_id]


@needs_nginx
@pytest.mark.django_db(transaction=True)
def test_static_files_are_served_by_nginx_for_a_year(nginx: dict) -> None:
    response = _get(nginx["https"], "/static/css/site.0123456789ab.css")
    assert response.status == 200
    assert "immutable" in response.getheader("Cache-Control")
    assert response.getheader("X-Content-Type-Options") == "nosniff"


@needs_nginx
@pytest.mark.django_db(transaction=True)
def test_media_are_served_only_as_sandboxed_images(nginx: dict) -> None:
    response = _get(nginx["https"], "/media/doctors/photo.jpg")
    assert response.status == 200
    assert response.getheader("Content-Type") == "image/jpeg"
    assert response.getheader("X-Content-Type-Options") == "nosniff"
    assert "sandbox" in response.getheader("Content-Security-Policy")
    for name in ("page.html", "icon.svg"):
        response = _get(nginx["https"], f"/media/doctors/{name}")
        assert response.status == 404
        assert b"alert" not in response.body


@needs_nginx
@pytest.mark.django_db(transaction=True)
def test_a_request_body_over_the_limit_is_refused_by_nginx(nginx: dict) -> None:
    response = _get(nginx["https"], "/ru/consultation/", method="POST", body=b"x" * (13 * 1024 * 1024))
    assert response.status == 413


@pytest.mark.skipif(not shutil.which("systemd-analyze"), reason="systemd-analyze is needed")
@pytest.mark.parametrize("unit", ["clinic-web.service", "clinic-worker.service", "clinic-sweeper.service"])
def test_the_systemd_units_are_valid(unit: str) -> None:
    text = (DEPLOY / "systemd" / unit).read_text()
    assert "EnvironmentFile=/etc/clinic/clinic.env" in text
    assert "User=clinic" in text and "Restart=always" in text
    result = subprocess.run(
        ["systemd-analyze", "verify", "--man=no", str(DEPLOY / "systemd" / unit)],
        capture_output=True,
        text=True,
    )
    # Paths of a server that this machine is not (the venv under /srv) may be reported; syntax errors may not.
    problems = [line for line in result.stderr.splitlines() if "Unknown" in line or "Failed to parse" in line]
    assert problems == []


def test_the_units_run_the_commands_that_exist() -> None:
    commands = Path(settings.BASE_DIR).glob("*/management/commands/*.py")
    names = {path.stem for path in commands}
    assert "booking_sweep" in names and "purge_personal_data" in names
    assert "booking_sweep" in (DEPLOY / "systemd" / "clinic-sweeper.service").read_text()
    assert "purge_personal_data" in (DEPLOY / "clinic.cron").read_text()


@needs_nginx
def test_the_upstream_can_list_several_gunicorns(tmp_path: Path) -> None:
    """The drill (bench/drill.py) renders the deployed site with two gunicorns: nginx accepts it."""
    from bench import stack

    for folder in ("static", "media", "acme", "tmp"):
        (tmp_path / folder).mkdir()
    stack.self_signed_certificate(tmp_path / "tls")
    shutil.copy(DEPLOY / "nginx" / "clinic-proxy.conf", tmp_path / "clinic-proxy.conf")
    gunicorns = ["127.0.0.1:18001", "127.0.0.1:18002"]
    site = stack.render_site_config(tmp_path, _free_port(), _free_port(), gunicorns)
    (tmp_path / "site.conf").write_text(site)
    main_config = tmp_path / "nginx.conf"
    main_config.write_text(stack.nginx_main_config(tmp_path, f"    include {tmp_path}/site.conf;"))

    check = subprocess.run(
        ["nginx", "-t", "-p", str(tmp_path), "-c", str(main_config)], capture_output=True, text=True
    )

    assert check.returncode == 0, check.stderr
    assert "server 127.0.0.1:18001 max_fails=1 fail_timeout=5s;" in site
    assert "server 127.0.0.1:18002 max_fails=1 fail_timeout=5s;" in site
