"""A minimal SMTP server on 127.0.0.1 that only notes when each message arrived, and for whom."""

import email
import email.policy
import socketserver
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager


class Sink:
    """Keeps each message as it came, with its arrival time. A message is decoded only when
    wait_for looks into it: while the form POST is measured, the sink (on the same two cores as
    the site, where a real mail server would be another machine) does next to nothing."""

    def __init__(self) -> None:
        self.messages: list[tuple[float, str]] = []
        self.recipients: list[tuple[str, ...]] = []
        self.readable: dict[int, str] = {}
        self.arrived = threading.Condition()

    def add(self, raw: str, recipients: tuple[str, ...] = ()) -> None:
        with self.arrived:
            self.messages.append((time.monotonic(), raw))
            self.recipients.append(recipients)
            self.arrived.notify_all()

    def received(self) -> list[tuple[tuple[str, ...], str]]:
        """Every message so far: its envelope recipients and its decoded subject and text."""
        with self.arrived:
            count = len(self.messages)
            raws = [raw for _, raw in self.messages]
            recipients = list(self.recipients)
        return [(recipients[index], readable(raws[index])) for index in range(count)]

    def wait_for(self, needle: str, timeout: float, since: float = 0.0) -> float | None:
        """The arrival time of the first message since `since` (time.monotonic()) containing
        needle, or None."""
        deadline = time.monotonic() + timeout
        with self.arrived:
            while True:
                for index, (arrived_at, raw) in enumerate(self.messages):
                    if arrived_at < since:
                        continue
                    if index not in self.readable:
                        self.readable[index] = readable(raw)
                    if needle in self.readable[index]:
                        return arrived_at
                left = deadline - time.monotonic()
                if left <= 0:
                    return None
                self.arrived.wait(left)


class _Session(socketserver.StreamRequestHandler):
    def handle(self) -> None:
        try:
            self.converse()
        except ConnectionError:
            pass  # a sender killed mid-message (make drill): the message never counted

    def converse(self) -> None:
        self.reply("220 bench-sink ESMTP")
        recipients: list[str] = []
        while line := self.rfile.readline():
            command = line.decode("latin-1").strip()
            if command.upper().startswith(("EHLO", "HELO")):
                self.reply("250 bench-sink")
            elif command.upper().startswith("RCPT TO:"):
                recipients.append(command[8:].strip().strip("<>").lower())
                self.reply("250 ok")
            elif command.upper() == "DATA":
                self.reply("354 end with <CRLF>.<CRLF>")
                self.server.sink.add(self.read_data(), tuple(recipients))
                recipients = []
                self.reply("250 queued")
            elif command.upper() == "QUIT":
                self.reply("221 bye")
                return
            else:  # MAIL, RSET, NOOP
                if command.upper().startswith(("MAIL", "RSET")):
                    recipients = []
                self.reply("250 ok")

    def read_data(self) -> str:
        lines = []
        while (line := self.rfile.readline()) not in (b".\r\n", b".\n", b""):
            lines.append(line[1:] if line.startswith(b"..") else line)
        return b"".join(lines).decode("utf-8", "replace")

    def reply(self, text: str) -> None:
        self.wfile.write(f"{text}\r\n".encode())


def readable(raw: str) -> str:
    """Subject and text parts, decoded, so that a reference code can be found in them."""
    message = email.message_from_string(raw, policy=email.policy.default)
    parts = [str(message.get("Subject", ""))]
    for part in message.walk():
        if part.get_content_maintype() == "text":
            parts.append(part.get_content())
    return "\n".join(parts)


class _Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True


@contextmanager
def smtp_sink() -> Iterator[tuple[Sink, int]]:
    server = _Server(("127.0.0.1", 0), _Session)
    server.sink = Sink()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.sink, server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()
