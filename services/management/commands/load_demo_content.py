from django.core.management.base import BaseCommand
from django.db import transaction

from services.models import ClinicLocation


class Command(BaseCommand):
    help = "Fill the site with demo content in Russian and English. Safe to run again."

    @transaction.atomic
    def handle(self, *args: object, **options: object) -> None:
        ClinicLocation.objects.update_or_create(
            is_main=True,
            defaults={
                "name_ru": "Клиника Лядова",
                "name_en": "Lyadov Clinic",
                "address_ru": "Московская область, г. Химки, ул. Панфилова, 21/2",
                "address_en": "21/2 Panfilova St., Khimki, Moscow Region, Russia",
                "phone": "+7 (499) 460-15-61",
            },
        )
        self.stdout.write("Demo content loaded.")
