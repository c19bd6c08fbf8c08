from django.core.management.base import BaseCommand

from services.demo.loader import load_demo_content


class Command(BaseCommand):
    help = (
        "Fill the site with demo content in Russian and English: treatments, doctors, the clinic, "
        "and placeholder pictures with their renditions. Safe to run again."
    )

    def handle(self, *args: object, **options: object) -> None:
        load_demo_content()
        self.stdout.write("Demo content loaded.")
