from django.core.management.base import BaseCommand, CommandParser

from documents.tasks import sweep


class Command(BaseCommand):
    help = (
        "Enqueue again the virus scans of documents whose task was lost (a wiped queue, a worker "
        "killed mid-scan). Safe to run from cron at any time."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--grace", type=float, default=120, help="Only scans overdue by this many seconds."
        )

    def handle(self, *args: object, grace: float, **options: object) -> None:
        self.stdout.write(f"{sweep(grace_seconds=grace)} scans enqueued again")
