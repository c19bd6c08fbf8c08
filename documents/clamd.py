"""A small client of ClamAV's daemon: the INSTREAM and PING commands of clamd(8).

Written here rather than taken from PyPI: the protocol is a few lines (a command, the
bytes in length-prefixed chunks, one reply), and the packages that speak it (`clamd`,
`pyclamd`) have not been released since 2014 and 2017.
"""

import socket
import struct
from collections.abc import Iterable
from dataclasses import dataclass


class ClamdUnavailable(Exception):
    """clamd could not give a verdict: not running, too slow, or refused the stream."""


@dataclass(frozen=True)
class Verdict:
    infected: bool
    signature: str = ""


def connect(address: str, timeout: float) -> socket.socket:
    """`/run/clamav/clamd.ctl` (a local socket) or `host:port` (TCP)."""
    try:
        if address.startswith("/"):
            sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            sock.settimeout(timeout)
            sock.connect(address)
            return sock
        host, _, port = address.rpartition(":")
        return socket.create_connection((host.strip("[]"), int(port)), timeout=timeout)
    except (OSError, ValueError) as exc:
        raise ClamdUnavailable(f"cannot reach clamd at {address}: {exc}") from exc


def read_reply(sock: socket.socket) -> str:
    reply = b""
    while not reply.endswith(b"\0"):
        data = sock.recv(4096)
        if not data:
            break
        reply += data
    return reply.rstrip(b"\0").decode("utf-8", "replace").strip()


def ping(address: str, timeout: float = 2) -> bool:
    try:
        with connect(address, timeout) as sock:
            sock.sendall(b"zPING\0")
            return read_reply(sock) == "PONG"
    except (OSError, ClamdUnavailable):
        return False


def scan(chunks: Iterable[bytes], address: str, timeout: float) -> Verdict:
    """Stream the bytes to clamd and return its verdict; ClamdUnavailable if there is none."""
    try:
        with connect(address, timeout) as sock:
            sock.sendall(b"zINSTREAM\0")
            try:
                for chunk in chunks:
                    if chunk:
                        sock.sendall(struct.pack("!L", len(chunk)) + chunk)
                sock.sendall(struct.pack("!L", 0))
            except (BrokenPipeError, ConnectionResetError):
                # clamd stops reading when a limit is reached, and says why in its reply.
                pass
            reply = read_reply(sock)
    except OSError as exc:
        raise ClamdUnavailable(f"clamd failed during the scan: {exc}") from exc
    return parse_reply(reply)


def parse_reply(reply: str) -> Verdict:
    # "stream: OK", "stream: Eicar-Test-Signature FOUND", or "... ERROR".
    _, _, result = reply.partition(": ")
    if result == "OK":
        return Verdict(infected=False)
    if result.endswith(" FOUND"):
        return Verdict(infected=True, signature=result.removesuffix(" FOUND"))
    raise ClamdUnavailable(f"clamd gave no verdict: {reply or 'no reply'}")
