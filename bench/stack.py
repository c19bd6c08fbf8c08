"""The processes `make bench` and `make drill` start, on this machine's loopback only, and stop.

Every process runs in a session of its own, so stopping it stops what it started too
(gunicorn's workers); `process()` stops it on the way out, whatever happened.
"""

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import dj_database_url

BASE = Path(__file__).resolve().parent.parent
PYTHON = str(BASE / ".venv" / "bin" / "python")
GUNICORN = str(BASE / ".venv" / "bin" / "gunicorn")
DEPLOY = BASE / "deploy"


def site_environment(database_url: str, **extra: str) -> dict[str, str]:
    """The site's variables as production sets them, less HTTPS, for a run on 127.0.0.1."""
    env = dict(os.environ)
    if not env.get("DJANGO_SECRET_KEY"):
        sys.exit("DJANGO_SECRET_KEY is required (make sets it from .secret_key)")
    for name in ("DJANGO_SETTINGS_MODULE", "REDIS_URL"):
        env.pop(name, None)
    env |= {
        "DATABASE_URL": database_url,
        "DJANGO_DEBUG": "false",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SITE_URL": "http://127.0.0.1:8000",
        "BOOKING_RATE_LIMIT": "0",
        "BOOKING_RATE_LIMIT_IP": "0",
        "BOOKING_MIN_FILL_SECONDS": "0",
        "STAFF_2FA_REQUIRED": "false",
        "PYTHONPATH": str(BASE),
    }
    return env | extra


def manage(env: dict[str, str], *arguments: str) -> None:
    subprocess.run(
        [PYTHON, "manage.py", *arguments], env=env, cwd=BASE, check=True, stdout=subprocess.DEVNULL
    )


def prepare_site(env: dict[str, str], demo_content: bool = True) -> None:
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "createcachetable")
    if demo_content:
        manage(env, "load_demo_content")
    if (BASE / "bin" / "build-messages").exists():  # the translation catalogues, as `make run` builds them
        subprocess.run(
            [PYTHON, "bin/build-messages"], env=env, cwd=BASE, check=True, stdout=subprocess.DEVNULL
        )
    manage(env, "collectstatic", "--noinput", "-v0")


@contextmanager
def postgres_database(url: str, keep: bool = False) -> Iterator[str]:
    """A new, empty PostgreSQL database at `url` (dropped first if it is there), dropped at the end.

    Only a database whose name says it is a scratch one (bench or drill in it) is touched.
    """
    import psycopg2  # the site's driver; imported here so the SQLite runs need no PostgreSQL

    config = dj_database_url.parse(url)
    name = config["NAME"]
    if not any(word in name for word in ("bench", "drill")):
        sys.exit(f"{name}: the scratch database's name must contain 'bench' or 'drill'")
    if config["HOST"] not in ("127.0.0.1", "localhost", "::1"):
        sys.exit(f"{config['HOST']}: the scratch database must be on this machine")
    admin = psycopg2.connect(
        dbname="postgres",
        user=config["USER"] or "postgres",
        password=config["PASSWORD"] or None,
        host=config["HOST"],
        port=config["PORT"] or 5432,
    )
    admin.autocommit = True

    def run(statement: str) -> None:
        with admin.cursor() as cursor:
            cursor.execute(statement)

    run(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    run(f'CREATE DATABASE "{name}"')
    try:
        yield url
    finally:
        if not keep:
            run(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


def stop_on_signals() -> None:
    """Turn SIGTERM (a time limit, a CI runner) into an exit through every `finally`, once:
    a second signal must not cut short the stopping of what was started."""

    def leave(signum: int, frame: object) -> None:
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        sys.exit(f"stopped by signal {signum}")

    signal.signal(signal.SIGTERM, leave)
    signal.signal(signal.SIGINT, leave)


def free_ports(count: int) -> list[int]:
    sockets = [socket.socket() for _ in range(count)]
    for sock in sockets:
        sock.bind(("127.0.0.1", 0))
    ports = [sock.getsockname()[1] for sock in sockets]
    for sock in sockets:
        sock.close()
    return ports


def start(name: str, argv: list[str], env: dict[str, str], logs: Path) -> subprocess.Popen:
    with open(logs / f"{name}.log", "ab") as log:
        return subprocess.Popen(
            argv, env=env, cwd=BASE, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )


def stop(child: subprocess.Popen) -> None:
    if child.poll() is not None:
        return
    try:
        os.killpg(child.pid, signal.SIGTERM)
        child.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(child.pid, signal.SIGKILL)
        child.wait()
    except ProcessLookupError:
        child.wait()


@contextmanager
def process(name: str, argv: list[str], env: dict[str, str], logs: Path) -> Iterator[subprocess.Popen]:
    child = start(name, argv, env, logs)
    try:
        yield child
    finally:
        stop(child)


def gunicorn_argv(
    port: int, app: str = "clinic_site.wsgi", config: str | None = "gunicorn.conf.py"
) -> list[str]:
    argv = [GUNICORN, app, "--bind", f"127.0.0.1:{port}"]
    return argv + (["-c", config] if config else [])


def worker_argv() -> list[str]:
    # Niced as in production (bin/run, deploy/systemd): the web requests win the CPU.
    return ["nice", "-n", "19", PYTHON, "manage.py", "db_worker"]


def wait_until_serving(url: str, timeout: float = 60, context: object = None) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=5, context=context).close()  # type: ignore[arg-type]
            return
        except urllib.error.HTTPError:
            return  # it answers
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"nothing answers at {url}")


def nginx_binary() -> str:
    return shutil.which("nginx") or "/usr/sbin/nginx"


def nginx_main_config(prefix: Path, http_block: str) -> str:
    """A whole nginx.conf that runs as the current user with everything under `prefix`."""
    temp_paths = "\n".join(
        f"    {kind}_temp_path {prefix}/tmp/{kind};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    return f"""worker_processes 1;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    access_log off;
{temp_paths}
{http_block}
}}
"""


def render_site_config(root: Path, http_port: int, https_port: int, upstreams: list[str]) -> str:
    """deploy/nginx/clinic.conf with this machine's paths, ports and gunicorns in place of production's.

    Everything else (TLS, the proxy headers, the upstream's settings, the limits) is the file
    as deployed; the caller may lift a limit, saying so.
    """
    site = (DEPLOY / "nginx" / "clinic.conf").read_text()
    servers = "\n".join(f"    server {upstream} max_fails=1 fail_timeout=5s;" for upstream in upstreams)
    replacements = {
        "/etc/letsencrypt/live/clinic.example/": f"{root}/tls/",
        "/srv/clinic/app/staticfiles/": f"{root}/static/",
        "/srv/clinic/media/": f"{root}/media/",
        "/etc/nginx/snippets/clinic-proxy.conf": f"{root}/clinic-proxy.conf",
        "/var/log/nginx/clinic.access.log": f"{root}/clinic.access.log",
        "/var/www/letsencrypt": f"{root}/acme",
        "    server 127.0.0.1:8000 max_fails=1 fail_timeout=5s;": servers,
        "listen 80;": f"listen 127.0.0.1:{http_port};",
        "listen 443 ssl http2;": f"listen 127.0.0.1:{https_port} ssl http2;",
        "listen [::]:80;": "",
        "listen [::]:443 ssl http2;": "",
    }
    for old, new in replacements.items():
        if old not in site:
            raise ValueError(f"deploy/nginx/clinic.conf no longer has {old!r}: update bench/stack.py")
        site = site.replace(old, new)
    return site


def self_signed_certificate(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1"]
        + ["-keyout", str(folder / "privkey.pem"), "-out", str(folder / "fullchain.pem")],
        check=True,
        capture_output=True,
    )
