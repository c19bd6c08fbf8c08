"""The form POST from Python: a small asyncio HTTP/1.1 client, one connection per request,
like a browser sending a form, for the bursts and the notification samples (wrk does the
steady run, bench/post.lua). Every request has its own phone number."""

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
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    return await _post_on(reader, writer, port, path, body)


async def _post_on(
    reader: asyncio.StreamReader, writer: asyncio.StreamWriter, port: int, path: str, body: bytes
) -> tuple[int, str, float]:
    """Send the form on an open connection: (status, Location, milliseconds until answered)."""
    head = (
        f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nOrigin: http://127.0.0.1:{port}\r\n"
        "Content-Type: application/x-www-form-urlencoded\r\n"
        f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n"
    )
    started = time.perf_counter()
    writer.write(head.encode() + body)
    await writer.drain()
    response = await reader.read()
    elapsed_ms = (time.perf_counter() - started) * 1000
    writer.close()
    status_line, _, rest = response.partition(b"\r\n")
    location = re.search(rb"(?im)^location:\s*(\S+)", rest)
    return int(status_line.split()[1]), location.group(1).decode() if location else "", elapsed_ms


def post_burst(port: int, path: str, stamp: str, phones: list[str], results: PostResults) -> None:
    """One form per phone, all sent at the same moment, like that many people pressing "send"
    together. The connections are opened first, so the time is the server's (as wrk counts it)
    and not the Python client's."""

    async def run() -> list[tuple[int, str, float]]:
        connections = [await asyncio.open_connection("127.0.0.1", port) for _ in phones]
        started = time.perf_counter()
        answers = await asyncio.gather(
            *(
                _post_on(reader, writer, port, path, form_body(phone, stamp))
                for (reader, writer), phone in zip(connections, phones, strict=True)
            )
        )
        results.seconds += time.perf_counter() - started
        return answers

    for phone, (status, _, elapsed_ms) in zip(phones, asyncio.run(run()), strict=True):
        results.latencies_ms.append(elapsed_ms)
        results.statuses[status] = results.statuses.get(status, 0) + 1
        if status in (302, 303):
            results.accepted_phones.append(phone)
