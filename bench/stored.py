"""For `make bench`: was each accepted form POST of a run stored exactly once?

Reads JSON from stdin: the phone prefix of the run and the phone numbers whose POST was
accepted (each POST had a number of its own). Prints one JSON line with what it found.
Runs in the site's environment (settings from the variables).
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

from booking.models import ConsultationRequest  # noqa: E402


def main() -> None:
    asked = json.load(sys.stdin)
    run = ConsultationRequest.objects.filter(phone__startswith=asked["prefix"])
    rows = {
        str(phone): count
        for phone, count in run.values("phone").annotate(n=Count("id")).values_list("phone", "n")
    }
    accepted = asked["phones"]
    print(
        json.dumps(
            {
                "accepted": len(accepted),
                "stored_once": sum(1 for phone in accepted if rows.get(phone) == 1),
                "rows": sum(rows.values()),
            }
        )
    )


main()
