"""Each public page runs the same number of SQL queries however much content there is."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from services.models import Doctor, Treatment
from tests.builders import make_category, make_clinic, make_doctor, make_treatment

PAGES = [
    "/ru/",
    "/en/treatments/",
    "/ru/treatments/first/",
    "/en/doctors/",
    "/ru/doctors/lead/",
    "/ru/contacts/",
    "/en/privacy/",
    "/ru/organisation/",
    "/en/organisation/prices/",
    "/ru/organisation/licences/",
]


@pytest.fixture(autouse=True)
def _uncached_pages(settings: object) -> None:
    settings.PAGE_CACHE_SECONDS = 0  # type: ignore[attr-defined]


def add_content(count: int) -> None:
    """`count` more doctors and treatments, each treatment in its own category and performed by
    every doctor; the first treatment and the first doctor gain the new links too."""
    start = Doctor.objects.count()
    doctors = [make_doctor(f"doctor-{number}", order=number) for number in range(start, start + count)]
    everyone = list(Doctor.objects.all())
    for number in range(start, start + count):
        make_treatment(f"treatment-{number}", category=make_category(f"cat-{number}"), doctors=everyone)
    Treatment.objects.get(slug="first").doctors.add(*doctors)


def queries_per_page(client: Client, content_only: bool = False) -> dict[str, int]:
    counts = {}
    for path in PAGES:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        assert response.status_code == 200, path
        if content_only:
            # Leave out the shared cache's own bookkeeping (a database table by default).
            queries = [query for query in queries if '"services_' in query["sql"]]  # type: ignore[assignment]
        counts[path] = len(queries)
    return counts


@pytest.mark.parametrize("size", [2, 5])
def test_query_count_does_not_grow_with_treatments_and_doctors(client: Client, db: None, size: int) -> None:
    make_clinic()
    make_treatment("first", doctors=[make_doctor("lead", order=0)])
    add_content(size)
    small = queries_per_page(client)

    add_content(2 * size)
    large = queries_per_page(client)

    assert Treatment.objects.count() == 1 + 3 * size
    assert large == small


def test_every_page_stays_within_a_small_query_budget(client: Client, db: None) -> None:
    make_clinic()
    make_treatment("first", doctors=[make_doctor("lead", order=0)])
    add_content(3)

    for path, count in queries_per_page(client, content_only=True).items():
        # The largest is a treatment page: the treatment, its nine kinds of rows, its prices, the
        # clinic with its hours and phones, and the booking form's two lists (treatments, doctors).
        assert count <= 16, f"{path} runs {count} queries for its content"
