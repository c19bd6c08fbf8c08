"""For `make drill`: what the database holds of the drill's requests, as one JSON line.

Runs in the site's environment (settings from the variables); the argument is the
phone prefix of the drill's submissions.
"""

import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "clinic_site.settings")

import django  # noqa: E402

django.setup()

from django.db.models import Count  # noqa: E402

from booking.models import ConsultationRequest, Delivery  # noqa: E402


def main(prefix: str) -> None:
    requests = ConsultationRequest.objects.filter(phone__startswith=prefix)
    rows = requests.values("phone").annotate(rows=Count("id")).values_list("phone", "rows")
    rows_per_phone = {str(phone): count for phone, count in rows}
    deliveries = Delivery.objects.filter(request__in=requests)
    sent_twice = (
        deliveries.filter(status=Delivery.Status.SENT)
        .values("request", "channel", "purpose", "recipient")
        .annotate(sent=Count("id"))
        .filter(sent__gt=1)
        .count()
    )
    state = {
        "rows_per_phone": rows_per_phone,
        "references": list(requests.values_list("reference", flat=True)),
        "pending": deliveries.filter(status=Delivery.Status.PENDING).count(),
        "sent_twice": sent_twice,
    }
    print(json.dumps(state))


main(sys.argv[1])
