from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from booking.retention import purge_personal_data, retention_cutoff


class Command(BaseCommand):
    help = (
        "Erase name, phone, e-mail and message of requests closed more than "
        "BOOKING_RETENTION_DAYS ago, keeping the anonymous figures. Safe to run from cron."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--dry-run", action="store_true", help="Count what would be erased; change nothing."
        )

    def handle(self, *args: object, dry_run: bool = False, **options: object) -> None:
        now = timezone.now()
        cutoff = timezone.localtime(retention_cutoff(now)).strftime("%Y-%m-%d %H:%M")
        count = purge_personal_data(now=now, dry_run=dry_run)
        days = settings.BOOKING_RETENTION_DAYS
        # Counts only: this output ends up in cron mail and logs.
        if dry_run:
            self.stdout.write(
                f"Dry run: would erase personal data of {count} request(s) closed before {cutoff}."
            )
        elif count:
            self.stdout.write(
                self.style.SUCCESS(f"Erased personal data of {count} request(s) closed before {cutoff}.")
            )
        else:
            self.stdout.write(f"Nothing to erase: no request closed before {cutoff} (retention {days} days).")
