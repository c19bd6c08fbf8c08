"""The form POST at a steady rate, open loop: each request leaves at its planned moment,
whether or not the ones before it were answered, as independent patients would send it.

A request's time counts from its planned moment, not from when the client got round to it:
a server that falls behind cannot hide it by slowing the client down. A new connection per
request, like a browser sending a form. Every request has its own phone number.
"""

import asyncio
import re
import time
from dataclasses import dataclass, field
from urllib.parse import urlencode

STAMP = re.compile(r'name="stamp"[^>]*value="([^"]*)"|value="([^"]*)"[^>]*name="stamp"')


@dataclass
class OpenLoopRun:
    rate: float
    seconds: float
    latencies_ms: list[float] = field(default_factory=list)
    statuses: dict[str, int] = field(default_factory=dict)
    accepted_phones: list[str] = field(default_factory=list)
    locations: list[str] = field(default_factory=list)
    # How late, at worst, the client itself sent a request after its planned moment.
    worst_send_lag_ms: float = 0.0


def form_stamp(html: str) -> str:
    match = STAMP.search(html)
    return (match.group(1) or match.group(2)) if match else ""


def form_body(phone: str, stamp: str) -> bytes:
    return urlencode(
        {
            "name": "Нагрузочный тест",
            "phone": phone,
            "channel": "call",
            "when": "now",
            "requester": "patient",
            "consent": "on",
            "website": "",
            "stamp": stamp,
            "source": "/ru/consultation/",
        }
    ).encode()


async def post_once(port: int, path: str, body: bytes, timeout: float = 30) -> tuple[int, str]:
    """Send the form on a new connection: (status, Location)."""
    reader, writer = await asyncio.wait_for(asyncio.open_connection("127.0.0.1", port), timeout)
    head = (
        f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nOrigin: http://127.0.0.1:{port}\r\n"
        "Content-Type: application/x-www-form-urlencoded\r\n"
        f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n"
    )
    try:
        writer.write(head.encode() + body)
        await writer.drain()
        response = await asyncio.wait_for(reader.read(), timeout)
    finally:
        writer.close()
    status_line, _, rest = response.partition(b"\r\n")
    location = re.search(rb"(?im)^location:\s*(\S+)", rest)
    return int(status_line.split()[1]), location.group(1).decode() if location else ""


def run_open_loop(port: int, path: str, stamp: str, phones: list[str], rate: float) -> OpenLoopRun:
    """Send one form per phone, `rate` a second, on a fixed schedule."""
    result = OpenLoopRun(rate=rate, seconds=len(phones) / rate)

    async def one(planned: float, phone: str) -> None:
        await asyncio.sleep(max(0.0, planned - time.perf_counter()))
        result.worst_send_lag_ms = max(result.worst_send_lag_ms, (time.perf_counter() - planned) * 1000)
        try:
            status, location = await post_once(port, path, form_body(phone, stamp))
            answer = str(status)
        except (OSError, TimeoutError, IndexError, ValueError) as exc:
            answer, location = type(exc).__name__, ""
        result.latencies_ms.append((time.perf_counter() - planned) * 1000)
        result.statuses[answer] = result.statuses.get(answer, 0) + 1
        if answer in ("302", "303"):
            result.accepted_phones.append(phone)
            result.locations.append(location)

    async def run() -> None:
        start = time.perf_counter() + 0.5
        await asyncio.gather(*(one(start + n / rate, phone) for n, phone in enumerate(phones)))

    asyncio.run(run())
    return result
