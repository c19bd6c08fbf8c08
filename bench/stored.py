"""For `make bench`: were the accepted form POSTs of a run stored, each exactly once?

Reads JSON from stdin: the redirects the server answered the accepted POSTs with, the phone
numbers of accepted POSTs where the client knows them, the phone prefixes of the run and how
long to wait for the worker to send the run's notifications. Prints JSON with what it found.
Runs in the site's environment (settings from the variables).
"""

import json
import os
import sys
import time
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "clinic_site.settings")

import django  # noqa: E402

django.setup()

from django.core import signing  # noqa: E402
from django.db.models import Count, Q  # noqa: E402

from booking.models import ConsultationRequest, Delivery  # noqa: E402
from booking.views import THANKS_SALT  # noqa: E402


def reference(redirect: str) -> str:
    token = redirect.rstrip("/").rsplit("/", 1)[-1]
    return str(signing.loads(token, salt=THANKS_SALT)["ref"])


def main() -> None:
    asked = json.load(sys.stdin)
    references = [reference(location) for location in asked["redirects"]]
    run = ConsultationRequest.objects.filter(
        Q(*(Q(phone__startswith=prefix) for prefix in asked["prefixes"]), _connector=Q.OR),
        created_at__gte=datetime.fromisoformat(asked["since"]),
    )
    started = time.monotonic()
    pending = Delivery.objects.filter(request__in=run, status=Delivery.Status.PENDING)
    untold = run.filter(notifications_enqueued_at__isnull=False)
    while (pending.exists() or untold.exists()) and time.monotonic() - started < asked["drain_seconds"]:
        time.sleep(0.5)
    phones_twice = run.values("phone").annotate(n=Count("id")).filter(n__gt=1).count()
    found_by_reference = run.filter(reference__in=set(references)).count()
    found_by_phone = run.filter(phone__in=asked["phones"]).count()
    accepted = len(references) + len(asked["phones"])
    print(
        json.dumps(
            {
                "accepted": accepted,
                "found": found_by_reference + found_by_phone,
                "answered_twice": len(references) - len(set(references)),
                "rows": run.count(),
                "phones_twice": phones_twice,
                "drained_after_s": time.monotonic() - started,
                "pending": pending.count() + untold.count(),
            }
        )
    )


main()
