from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from documents import tus
from documents.tasks import sweep


class Command(BaseCommand):
    help = (
        "Enqueue again the virus scans of documents whose task was lost (a wiped queue, a worker "
        "killed mid-scan), and drop unfinished uploads past their expiry. Safe to run from cron."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--grace", type=float, default=120, help="Only scans overdue by this many seconds."
        )

    def handle(self, *args: object, grace: float, **options: object) -> None:
        enqueued = sweep(grace_seconds=grace)
        expired = tus.expire(timezone.now())
        self.stdout.write(f"{enqueued} scans enqueued again, {expired} unfinished uploads dropped")
