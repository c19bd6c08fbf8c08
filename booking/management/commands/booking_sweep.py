import logging
import signal
import time
from types import FrameType

from django.core.management.base import BaseCommand, CommandParser
from django.db import close_old_connections
from django.utils import timezone

import appointments.tasks
import documents.tasks
from booking.tasks import sweep
from documents import tus

log = logging.getLogger(__name__)


class Command(BaseCommand):
    help = (
        "Catch up on missed deadlines and re-enqueue notifications, patients' appointment messages "
        "and document scans that are due but not done (after the worker was down, or a task was "
        "lost); drop unfinished uploads past their expiry. Runs once, or every N seconds with --loop."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--loop", type=float, metavar="SECONDS", help="Repeat every SECONDS until stopped."
        )
        parser.add_argument(
            "--grace",
            type=float,
            default=60,
            help="Re-enqueue a due delivery only when it has waited this long (the worker's head start).",
        )

    def handle(
        self, *args: object, loop: float | None, grace: float, verbosity: int, **options: object
    ) -> None:
        stopping = False

        def stop(signum: int, frame: FrameType | None) -> None:
            nonlocal stopping
            stopping = True

        if loop:
            signal.signal(signal.SIGTERM, stop)
            signal.signal(signal.SIGINT, stop)
        while True:
            if loop:
                close_old_connections()  # a long-running loop must not hold a dead connection
            try:
                checked, enqueued = sweep(grace_seconds=grace)
                enqueued += appointments.tasks.sweep(grace_seconds=grace)
                enqueued += documents.tasks.sweep(grace_seconds=max(grace, 120))
                tus.expire(timezone.now())
            except Exception:
                if not loop:
                    raise
                # A database hiccup must not stop the safety net; the next round tries again.
                log.exception("booking sweep failed")
                checked = enqueued = 0
            if verbosity > 1 or not loop:
                self.stdout.write(f"{checked} requests checked, {enqueued} deliveries enqueued")
            if not loop or stopping:
                return
            deadline = time.monotonic() + loop
            while time.monotonic() < deadline and not stopping:
                time.sleep(min(1.0, loop))
