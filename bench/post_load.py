"""The form POST under load: a small asyncio HTTP/1.1 client, one connection per request,
like a browser sending a form. Every request has its own phone number."""

import asyncio
import re
import time
from dataclasses import dataclass, field
from urllib.parse import urlencode

STAMP = re.compile(r'name="stamp"[^>]*value="([^"]*)"|value="([^"]*)"[^>]*name="stamp"')


@dataclass
class PostResults:
    latencies_ms: list[float] = field(default_factory=list)
    statuses: dict[int, int] = field(default_factory=dict)
    accepted_phones: list[str] = field(default_factory=list)
    seconds: float = 0.0


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


async def post_once(port: int, path: str, body: bytes) -> tuple[int, str, float]:
    started = time.perf_counter()
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    head = (
        f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nOrigin: http://127.0.0.1:{port}\r\n"
        "Content-Type: application/x-www-form-urlencoded\r\n"
        f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n"
    )
    writer.write(head.encode() + body)
    await writer.drain()
    response = await reader.read()
    elapsed_ms = (time.perf_counter() - started) * 1000
    writer.close()
    status_line, _, rest = response.partition(b"\r\n")
    location = re.search(rb"(?im)^location:\s*(\S+)", rest)
    return int(status_line.split()[1]), location.group(1).decode() if location else "", elapsed_ms


async def _client(port: int, path: str, phones: list[str], stamp: str, results: PostResults) -> None:
    for phone in phones:
        status, _, elapsed_ms = await post_once(port, path, form_body(phone, stamp))
        results.latencies_ms.append(elapsed_ms)
        results.statuses[status] = results.statuses.get(status, 0) + 1
        if status in (302, 303):
            results.accepted_phones.append(phone)


def post_under_load(
    port: int,
    path: str,
    stamp: str,
    clients: int,
    per_client: int,
    first: int = 0,
    results: PostResults | None = None,
) -> PostResults:
    """`clients` connections at once, each sending `per_client` requests one after another."""
    results = results or PostResults()
    # +7 999 xxx-xx-xx from `first` on: make bench's blocks, which reach no real subscriber.
    phones = [f"+7999{first + n:07d}" for n in range(clients * per_client)]

    async def run() -> None:
        await asyncio.gather(
            *(_client(port, path, phones[c::clients], stamp, results) for c in range(clients))
        )

    started = time.perf_counter()
    asyncio.run(run())
    results.seconds += time.perf_counter() - started
    return results
