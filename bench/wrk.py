"""Run wrk against one URL on loopback and read its figures."""

import json
import re
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


@dataclass
class Throughput:
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    errors: int
    requests: int
    # CPU time the server's processes spent per request: unlike requests/s, it hardly
    # depends on what else the machine is doing.
    cpu_ms_per_request: float | None = None

    def row(self) -> list[str]:
        return [f"{self.requests_per_second:,.0f}", f"{self.p50_ms:.2f}", f"{self.p99_ms:.2f}"]


def run_wrk(url: str, seconds: int, connections: int = 32, threads: int = 2) -> Throughput:
    if not url.startswith("http://127.0.0.1:"):
        raise ValueError("the benchmark only loads servers on this machine's loopback")
    output = subprocess.run(
        ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--timeout", "5s", "--latency", url],
        capture_output=True,
        text=True,
        check=True,
        timeout=seconds + 30,
    ).stdout
    return parse(output)


def parse(output: str) -> Throughput:
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    errors = sum(int(n) for n in re.findall(r"Non-2xx or 3xx responses:\s+(\d+)", output))
    errors += sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", output))
    requests = int(re.search(r"(\d+) requests in", output).group(1))
    return Throughput(rate, _percentile(output, "50"), _percentile(output, "99"), errors, requests)


def _percentile(output: str, which: str) -> float:
    value, unit = re.search(rf"^\s+{which}%\s+([\d.]+)(us|ms|s|m)\s*$", output, re.M).groups()
    return float(value) * UNITS[unit]


@dataclass
class PostRun:
    """The form POST under wrk (bench/post.lua)."""

    requests: int
    seconds: float
    p50_ms: float
    p99_ms: float
    sent: int
    socket_errors: int
    statuses: dict[int, int]
    redirects: list[str]


POST_SCRIPT = Path(__file__).with_name("post.lua")


def run_wrk_posts(
    url: str, seconds: int, body: tuple[str, str], first_number: int, connections: int = 32, threads: int = 2
) -> PostRun:
    """POST the form for `seconds` from `connections` clients, each request with a new phone:
    `body` is the urlencoded form before and after the phone number."""
    if not url.startswith("http://127.0.0.1:"):
        raise ValueError("the benchmark only loads servers on this machine's loopback")
    origin = url.split("/", 3)[:3]
    with tempfile.NamedTemporaryFile("r", suffix=".txt") as redirects:
        output = subprocess.run(
            ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--timeout", "5s"]
            + ["-s", str(POST_SCRIPT), url, "--", urlsplit(url).path, "/".join(origin)]
            + [*body, str(first_number), redirects.name],
            capture_output=True,
            text=True,
            check=True,
            timeout=seconds + 30,
        ).stdout
        found = json.loads(output.split("POST-RESULT ", 1)[1].splitlines()[0])
        locations = redirects.read().split()
    statuses = {int(status): count for status, count in found.pop("statuses").items()}
    return PostRun(**found, statuses=statuses, redirects=locations)
