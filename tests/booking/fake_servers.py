"""Stand-ins for the outside servers the notifications talk to, started by a test on 127.0.0.1."""

import json
import socket
import socketserver
import threading
import urllib.parse
from email import message_from_bytes, policy
from email.message import EmailMessage
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def free_port() -> int:
    """A port nothing listens on (until a test starts a server there)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class _SMTPHandler(socketserver.StreamRequestHandler):
    """Just enough of RFC 5321 for smtplib: EHLO, MAIL, RCPT, DATA, RSET, NOOP, QUIT."""

    def reply(self, line: str) -> None:
        self.wfile.write(f"{line}\r\n".encode())

    def handle(self) -> None:
        self.reply("220 fake-smtp ready")
        while True:
            line = self.rfile.readline()
            if not line:
                return
            command = line.decode("utf-8", "replace").strip().split(" ", 1)[0].upper()
            if command == "EHLO":
                self.wfile.write(b"250-fake-smtp\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n")
            elif command == "HELO" or command in ("MAIL", "RCPT", "RSET", "NOOP"):
                self.reply("250 OK")
            elif command == "DATA":
                self.reply("354 end with <CRLF>.<CRLF>")
                self.server.messages.append(self._read_data())  # type: ignore[attr-defined]
                self.reply("250 OK queued")
            elif command == "QUIT":
                self.reply("221 bye")
                return
            else:
                self.reply("502 not implemented")

    def _read_data(self) -> EmailMessage:
        lines = []
        while True:
            line = self.rfile.readline()
            if line in (b".\r\n", b".\n", b""):
                break
            lines.append(line[1:] if line.startswith(b"..") else line)
        return message_from_bytes(b"".join(lines), policy=policy.default)  # type: ignore[return-value]


class FakeSMTPServer(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, port: int) -> None:
        super().__init__(("127.0.0.1", port), _SMTPHandler)
        self.messages: list[EmailMessage] = []

    def __enter__(self) -> "FakeSMTPServer":
        threading.Thread(target=self.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.shutdown()
        self.server_close()


class _HTTPHandler(BaseHTTPRequestHandler):
    def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        server: FakeHTTPServer = self.server  # type: ignore[assignment]
        status = server.answer(self.path, dict(self.headers), body)
        server.received.append({"path": self.path, "headers": dict(self.headers), "body": body})
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(json.dumps({"ok": status == 200}).encode())

    def log_message(self, format: str, *args: object) -> None:  # quiet test output
        pass


class FakeHTTPServer(ThreadingHTTPServer):
    """Answers POSTs with the statuses queued in `statuses` (200 when the queue is empty)."""

    daemon_threads = True

    def __init__(self, statuses: list[int] | None = None) -> None:
        super().__init__(("127.0.0.1", 0), _HTTPHandler)
        self.statuses = list(statuses or [])
        self.received: list[dict] = []

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def answer(self, path: str, headers: dict[str, str], body: bytes) -> int:
        return self.statuses.pop(0) if self.statuses else 200

    def __enter__(self) -> "FakeHTTPServer":
        threading.Thread(target=self.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.shutdown()
        self.server_close()


class _SmsRuHandler(BaseHTTPRequestHandler):
    def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
        length = int(self.headers.get("Content-Length", 0))
        form = dict(urllib.parse.parse_qsl(self.rfile.read(length).decode()))
        server: FakeSmsRu = self.server  # type: ignore[assignment]
        server.received.append({"path": self.path, **form})
        refuse = server.refusals.pop(0) if server.refusals else None
        number = form.get("to", "")
        if refuse:
            answer = {"status": "ERROR", "status_code": refuse}
        else:
            answer = {"status": "OK", "sms": {number: {"status": "OK", "sms_id": "1"}}}
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(json.dumps(answer).encode())

    def log_message(self, format: str, *args: object) -> None:
        pass


class FakeSmsRu(ThreadingHTTPServer):
    """SMS.RU's /sms/send: "OK" unless a refusal code is queued in `refusals`."""

    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _SmsRuHandler)
        self.received: list[dict] = []
        self.refusals: list[int] = []

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"
