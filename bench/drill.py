"""`make drill`: the site scaled out on PostgreSQL, with a task worker killed under load.

Two gunicorn instances behind one nginx upstream (deploy/nginx/clinic.conf, rendered with
this machine's paths and a self-signed certificate), two `db_worker`s and the sweeper, on a
database of its own. 32 submitters send the form over HTTPS for DRILL_SECONDS (default 60),
each with phone numbers of its own, while one worker is killed with SIGKILL and restarted,
DRILL_KILLS times (default 2). Then it waits for the notifications and checks:

- every accepted request (302 to the thank-you page) is stored exactly once;
- every recipient (two manager addresses) got an e-mail for every stored request;
- no request has two deliveries recorded as sent to one recipient;
- the duplicate e-mails (a second message for the same request and recipient, sent again after
  a kill) number at most one per kill.

Exits 1 when a check fails. Everything runs on 127.0.0.1 and is stopped at the end, whatever
happens; the database is dropped. DRILL_DATABASE_URL names it (its name must contain "drill";
default postgres://postgres@127.0.0.1:5432/clinic_drill).
"""

import http.client
import json
import os
import random
import re
import shutil
import signal
import ssl
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from contextlib import AbstractContextManager, ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import stack  # noqa: E402
from bench.smtp_sink import Sink, smtp_sink  # noqa: E402

SUBMITTERS = 32
RECIPIENTS = ("manager-one@drill.invalid", "manager-two@drill.invalid")
# The first digits of every phone number the drill sends: +7 999 1SS NNNN, SS the submitter.
PHONE_PREFIX = "+79991"
THANKS = re.compile(r"/(ru|en)/consultation/thanks/")
REFERENCE = re.compile(r"\b[2-9A-HJ-NP-Z]{3}-[2-9A-HJ-NP-Z]{3}\b")


@dataclass
class Submissions:
    accepted: list[str] = field(default_factory=list)  # phone numbers answered with the thank-you page
    statuses: Counter = field(default_factory=Counter)
    latencies_ms: list[float] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)


def main() -> int:
    # A stop from outside (CI's time limit, Ctrl-C) still stops everything the drill started.
    stack.stop_on_signals()
    seconds = float(os.environ.get("DRILL_SECONDS", "60"))
    kills = int(os.environ.get("DRILL_KILLS", "2"))
    drain_seconds = float(os.environ.get("DRILL_DRAIN_SECONDS", "150"))
    think_seconds = float(os.environ.get("DRILL_THINK_SECONDS", "1.0"))
    database_url = os.environ.get("DRILL_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/clinic_drill")
    if shutil.which("nginx") is None and not Path(stack.nginx_binary()).exists():
        sys.exit("nginx is needed (apt-get install nginx-light)")

    root = Path(tempfile.mkdtemp(prefix="clinic-drill-"))
    logs = root / "logs"
    logs.mkdir()
    print(f"Drill: logs in {logs}", flush=True)
    with ExitStack() as running:
        sink, smtp_port = running.enter_context(smtp_sink())
        running.enter_context(stack.postgres_database(database_url))
        web_one, web_two, http_port, https_port = stack.free_ports(4)
        env = stack.site_environment(
            database_url,
            EMAIL_HOST="127.0.0.1",
            EMAIL_PORT=str(smtp_port),
            BOOKING_NOTIFY_EMAILS=",".join(RECIPIENTS),
            DJANGO_HTTPS="true",
            DJANGO_SECURE_PROXY_SSL_HEADER="true",
            TRUST_X_FORWARDED_FOR="true",
            SITE_URL=f"https://127.0.0.1:{https_port}",
            # nginx passes the host without the port, as production's is the standard one.
            DJANGO_CSRF_TRUSTED_ORIGINS=f"https://127.0.0.1:{https_port}",
            WEB_CONCURRENCY=os.environ.get("DRILL_WEB_CONCURRENCY", "2"),
        )
        print("Preparing the database and static files…", flush=True)
        stack.prepare_site(env, demo_content=False)

        for name, port in (("web-1", web_one), ("web-2", web_two)):
            running.enter_context(stack.process(name, stack.gunicorn_argv(port), env, logs))
        workers = [stack.start(f"worker-{n}", stack.worker_argv(), env, logs) for n in (1, 2)]
        running.callback(lambda: [stack.stop(worker) for worker in workers])
        sweeper = ["nice", "-n", "19", stack.PYTHON, "manage.py", "booking_sweep", "--loop", "5"]
        sweeper += ["--grace", "10"] if "--grace" in sweep_options(env) else []
        running.enter_context(stack.process("sweeper", sweeper, env, logs))
        running.enter_context(
            nginx(root, http_port, https_port, [f"127.0.0.1:{web_one}", f"127.0.0.1:{web_two}"])
        )
        tls = ssl._create_unverified_context()  # the drill's own self-signed certificate
        for port in (web_one, web_two):
            stack.wait_until_serving(f"http://127.0.0.1:{port}/healthz")
        stack.wait_until_serving(f"https://127.0.0.1:{https_port}/ru/consultation/", context=tls)

        print(f"{SUBMITTERS} submitters for {seconds:.0f} s, {kills} worker kill(s)…", flush=True)
        submissions = Submissions()
        stop_at = time.monotonic() + seconds
        threads = [
            threading.Thread(
                target=submitter, args=(n, https_port, tls, stop_at, think_seconds, submissions), daemon=True
            )
            for n in range(SUBMITTERS)
        ]
        for thread in threads:
            thread.start()
        killed = kill_and_restart(workers, kills, seconds, env, logs)
        for thread in threads:
            thread.join()

        print(f"Waiting up to {drain_seconds:.0f} s for every notification…", flush=True)
        drain_started = time.monotonic()
        found = wait_for_notifications(env, sink, drain_seconds)
        found["drained_after_s"] = time.monotonic() - drain_started
        checks = check(submissions, found, killed)
    print_summary(seconds, submissions, found, killed, checks)
    failed = not all(passed for _, passed, _ in checks)
    if failed:
        print(f"Logs kept in {logs}")
    else:
        shutil.rmtree(root, ignore_errors=True)
    return 1 if failed else 0


def nginx(
    root: Path, http_port: int, https_port: int, upstreams: list[str]
) -> AbstractContextManager[subprocess.Popen]:
    for folder in ("static", "media", "acme", "tmp"):
        (root / folder).mkdir()
    stack.self_signed_certificate(root / "tls")
    shutil.copy(stack.DEPLOY / "nginx" / "clinic-proxy.conf", root / "clinic-proxy.conf")
    site = stack.render_site_config(root, http_port, https_port, upstreams)
    # Lifted for the drill only: every submitter comes from 127.0.0.1, where production
    # sees one address per patient.
    site = site.replace("rate=30r/m", "rate=100000r/s").replace("burst=10 nodelay", "burst=100000 nodelay")
    (root / "site.conf").write_text(site)
    conf = root / "nginx.conf"
    conf.write_text(stack.nginx_main_config(root, f"    include {root}/site.conf;"))
    argv = [stack.nginx_binary(), "-p", str(root), "-c", str(conf), "-g", "daemon off;"]
    return stack.process("nginx", argv, dict(os.environ), root / "logs")


def sweep_options(env: dict[str, str]) -> str:
    """The sweeper's --help: the drill shortens its grace period where it has one."""
    argv = [stack.PYTHON, "manage.py", "booking_sweep", "--help"]
    return subprocess.run(argv, env=env, cwd=stack.BASE, capture_output=True, text=True).stdout


def form_body(phone: str) -> bytes:
    return urlencode(
        {
            "name": "Учения",
            "phone": phone,
            "channel": "call",
            "when": "now",
            "requester": "patient",
            "consent": "on",
            "website": "",
            "source": "/ru/consultation/",
        }
    ).encode()


def submitter(
    number: int, port: int, tls: ssl.SSLContext, stop_at: float, think: float, results: Submissions
) -> None:
    """One patient after another at one browser: a new connection per form, a pause between."""
    stamp = form_stamp(port, tls)
    sent = 0
    while time.monotonic() < stop_at:
        phone = f"{PHONE_PREFIX}{number:02d}{sent:04d}"
        sent += 1
        body = form_body(phone) + b"&" + urlencode({"stamp": stamp}).encode()
        started = time.perf_counter()
        try:
            connection = http.client.HTTPSConnection("127.0.0.1", port, context=tls, timeout=30)
            connection.request(
                "POST",
                "/ru/consultation/",
                body,
                {"Content-Type": "application/x-www-form-urlencoded", "Origin": f"https://127.0.0.1:{port}"},
            )
            response = connection.getresponse()
            response.read()
            status, location = response.status, response.getheader("Location", "")
            connection.close()
        except OSError as exc:
            status, location = type(exc).__name__, ""
        elapsed_ms = (time.perf_counter() - started) * 1000
        with results.lock:
            results.statuses[status] += 1
            results.latencies_ms.append(elapsed_ms)
            if status == 302 and THANKS.search(location):
                results.accepted.append(phone)
        time.sleep(random.uniform(0, 2 * think))


def form_stamp(port: int, tls: ssl.SSLContext) -> str:
    connection = http.client.HTTPSConnection("127.0.0.1", port, context=tls, timeout=30)
    connection.request("GET", "/ru/consultation/")
    html = connection.getresponse().read().decode()
    connection.close()
    match = re.search(r'name="stamp" value="([^"]*)"', html)
    return match.group(1) if match else ""


def kill_and_restart(
    workers: list[subprocess.Popen], kills: int, seconds: float, env: dict[str, str], logs: Path
) -> int:
    """SIGKILL a worker (the first, then the second, …) at even intervals, each restarted 2 s later."""
    started = time.monotonic()
    for n in range(kills):
        time.sleep(max(0.0, started + seconds * (n + 1) / (kills + 2) - time.monotonic()))
        index = n % len(workers)
        os.killpg(workers[index].pid, signal.SIGKILL)
        workers[index].wait()
        print(f"  {time.monotonic() - started:4.0f} s: worker {index + 1} killed", flush=True)
        time.sleep(2)
        workers[index] = stack.start(f"worker-{index + 1}", stack.worker_argv(), env, logs)
    return kills


def wait_for_notifications(env: dict[str, str], sink: Sink, drain_seconds: float) -> dict:
    """Wait until no delivery is pending and every stored request's e-mails arrived; what was found."""
    deadline = time.monotonic() + drain_seconds
    while True:
        stored = stored_state(env)
        mails = mails_by_reference(sink)
        missing = [
            (reference, recipient)
            for reference in stored["references"]
            for recipient in RECIPIENTS
            if mails.get((reference, recipient), 0) == 0
        ]
        if (not missing and stored["pending"] == 0) or time.monotonic() > deadline:
            return stored | {"mails": mails, "missing": missing}
        time.sleep(3)


def stored_state(env: dict[str, str]) -> dict:
    script = Path(__file__).with_name("drill_state.py")
    output = subprocess.run(
        [stack.PYTHON, str(script), PHONE_PREFIX],
        env=env,
        cwd=stack.BASE,
        capture_output=True,
        text=True,
    )
    if output.returncode != 0:
        raise RuntimeError(f"bench/drill_state.py failed:\n{output.stderr}")
    return json.loads(output.stdout.strip().splitlines()[-1])


def mails_by_reference(sink: Sink) -> Counter:
    mails: Counter = Counter()
    for recipients, text in sink.received():
        for reference in set(REFERENCE.findall(text)):
            for recipient in recipients:
                mails[(reference, recipient)] += 1
    return mails


def check(submissions: Submissions, found: dict, kills: int) -> list[tuple[str, bool, str]]:
    rows_per_phone: dict[str, int] = found["rows_per_phone"]
    accepted = submissions.accepted
    not_once = [phone for phone in accepted if rows_per_phone.get(phone, 0) != 1]
    duplicates = sum(count - 1 for count in found["mails"].values() if count > 1)
    return [
        ("requests were accepted", len(accepted) > 0, f"{len(accepted)}"),
        ("every accepted request stored once", not not_once, f"{len(not_once)} not stored exactly once"),
        (
            "every recipient told of every request",
            not found["missing"],
            f"{len(found['missing'])} e-mails missing of {len(found['references']) * len(RECIPIENTS)}",
        ),
        ("no delivery recorded as sent twice", found["sent_twice"] == 0, f"{found['sent_twice']}"),
        ("no delivery left pending", found["pending"] == 0, f"{found['pending']}"),
        ("duplicate e-mails at most one per kill", duplicates <= kills, f"{duplicates} for {kills} kill(s)"),
    ]


def print_summary(
    seconds: float, submissions: Submissions, found: dict, kills: int, checks: list[tuple[str, bool, str]]
) -> None:
    latencies = sorted(submissions.latencies_ms)
    p99 = latencies[min(len(latencies) - 1, int(0.99 * len(latencies)))] if latencies else float("nan")
    statuses = ", ".join(
        f"{status}: {count}" for status, count in sorted(submissions.statuses.items(), key=str)
    )
    print(
        f"\nDrill: {SUBMITTERS} submitters, {seconds:.0f} s, {len(submissions.latencies_ms)} POSTs "
        f"({statuses}), p99 {p99:.0f} ms; {len(found['references'])} requests stored, "
        f"{sum(found['mails'].values())} e-mails received, {kills} worker kill(s); "
        f"everyone told {found['drained_after_s']:.0f} s after the load stopped.\n"
    )
    print("| check | result | found |")
    print("|---|---|---|")
    for name, passed, detail in checks:
        print(f"| {name} | {'ok' if passed else 'FAILED'} | {detail} |")


if __name__ == "__main__":
    sys.exit(main())
