"""Who gets what: every admin URL and every site URL, for each role.

Roles (booking/roles.py): content editors edit treatments, doctors and the clinic and
never see a request; managers work the requests; supervisors also read the report;
staff without a group see an empty admin; visitors see the site only.
"""

from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pytest
from django.contrib import admin
from django.contrib.auth.models import User
from django.db.models import Model
from django.test import Client
from django.urls import NoReverseMatch, reverse

from booking.models import ConsultationRequest, Delivery
from tests.builders import make_site
from tests.site.pages import public_page_urls

ROLES = ("anonymous", "outsider", "content_editor", "manager", "supervisor")
REQUEST_AREAS = {("booking", "consultationrequest"), ("booking", "delivery"), ("booking", "requestevent")}


@dataclass(frozen=True)
class AdminPage:
    url: str
    area: str  # content | requests | report | export | accounts | index
    action: str  # list | add | change | history | delete | custom | index


def _area(app_label: str, model_name: str) -> str:
    if app_label == "services":
        return "content"
    if app_label == "appointments":
        return "schedules" if model_name == "schedule" else "appointments"
    if (app_label, model_name) in REQUEST_AREAS:
        return "requests"
    return "accounts"  # users, groups, devices, lockouts, the task queue: the operator's


def _first(model: type[Model]) -> Model | None:
    return model._default_manager.order_by("pk").first()


def admin_pages() -> Iterator[AdminPage]:
    yield AdminPage(reverse("admin:index"), "index", "index")
    for model, model_admin in admin.site._registry.items():
        app, name = model._meta.app_label, model._meta.model_name
        area = _area(app, name)
        yield AdminPage(reverse(f"admin:{app}_{name}_changelist"), area, "list")
        yield AdminPage(reverse(f"admin:{app}_{name}_add"), area, "add")
        obj = _first(model)
        if obj is not None:
            for action in ("change", "history", "delete"):
                yield AdminPage(reverse(f"admin:{app}_{name}_{action}", args=[obj.pk]), area, action)
        for pattern in model_admin.get_urls():
            if pattern.name and pattern.name.endswith(("_report", "_report_csv")):
                yield AdminPage(reverse(f"admin:{pattern.name}"), "report", "custom")
            elif pattern.name and pattern.name.endswith("_export"):
                yield AdminPage(reverse(f"admin:{pattern.name}"), "export", "custom")
            elif pattern.name and pattern.name.endswith("_handle") and obj is not None:
                yield AdminPage(reverse(f"admin:{pattern.name}", args=[obj.pk]), area, "custom")


def may_open(role: str, page: AdminPage) -> bool:
    """The business rule, written out: not derived from the permission tables."""
    if role == "anonymous":
        return False
    if page.area == "index":
        return True
    if page.area == "content":
        return role == "content_editor"
    if page.area == "requests":
        # Requests are never added or deleted by hand; deliveries are a read-only record.
        writable = page.action in ("list", "change", "history", "custom")
        return role in ("manager", "supervisor") and writable
    if page.area == "schedules":
        # Edited by content editors (and schedulers); managers read them while booking.
        reading = page.action in ("list", "change", "history")
        return role == "content_editor" or (role in ("manager", "supervisor") and reading)
    if page.area == "appointments":
        # Booked from a request and never deleted: no add or delete page for anyone.
        return role in ("manager", "supervisor") and page.action in ("list", "change", "history")
    if page.area == "export":
        return role in ("manager", "supervisor")
    if page.area == "report":
        return role == "supervisor"
    return False  # accounts: only a superuser


@pytest.fixture
def site_with_a_request(make_consultation: Callable[..., ConsultationRequest]) -> ConsultationRequest:
    make_site()
    request = make_consultation(name="Пациент Тестовый", phone="+79161234567")
    Delivery.objects.create(
        request=request, channel=Delivery.Channel.EMAIL, recipient="callcentre@clinic.test"
    )
    request.events.create(kind="created")
    return request


@pytest.fixture
def clients(
    site_with_a_request: ConsultationRequest,
    outsider: User,
    content_editor: User,
    manager: User,
    supervisor: User,
    login: Callable[[User], Client],
) -> dict[str, Client]:
    users = {
        "outsider": outsider,
        "content_editor": content_editor,
        "manager": manager,
        "supervisor": supervisor,
    }
    return {"anonymous": Client(), **{role: login(user) for role, user in users.items()}}


def _opened(response) -> bool:  # type: ignore[no-untyped-def]
    if response.status_code == 200:
        return True
    if response.status_code == 405:  # a POST-only action page: reachable, and the POST is checked too
        return True
    return False


def _refused(response, role: str, page: AdminPage) -> bool:  # type: ignore[no-untyped-def]
    if page.action == "custom" and response.status_code == 405:
        return True  # a POST-only action turns a GET away before anything else; the POST test checks roles
    if role == "anonymous":
        return response.status_code == 302 and "/login/" in response["Location"]
    return response.status_code in (302, 403, 404) and (
        response.status_code != 302 or "/login/" in response["Location"]
    )


@pytest.mark.django_db
def test_every_admin_url_answers_each_role_as_its_job_needs(clients: dict[str, Client]) -> None:
    pages = list(admin_pages())
    assert len(pages) > 40  # every registered model, its objects and the custom pages
    wrong = []
    for page in pages:
        for role in ROLES:
            response = clients[role].get(page.url)
            expected = may_open(role, page)
            ok = _opened(response) if expected else _refused(response, role, page)
            if not ok:
                verdict = "open" if expected else "refused"
                wrong.append(f"{role:15} {page.url:60} {response.status_code} (expected {verdict})")
    assert wrong == []


@pytest.mark.django_db
def test_the_handling_actions_are_refused_to_roles_without_requests(clients: dict[str, Client]) -> None:
    request = ConsultationRequest.objects.get()
    url = reverse("admin:booking_consultationrequest_handle", args=[request.pk])
    for role in ("anonymous", "outsider", "content_editor"):
        clients[role].post(url, {"action": "claim"})
    request.refresh_from_db()
    assert request.assigned_to is None
    clients["manager"].post(url, {"action": "claim"})
    request.refresh_from_db()
    assert request.assigned_to is not None


@pytest.mark.django_db
def test_a_content_editor_sees_no_personal_data_anywhere_in_the_admin(clients: dict[str, Client]) -> None:
    editor = clients["content_editor"]
    for page in admin_pages():
        body = editor.get(page.url).content.decode(errors="replace")
        assert "Пациент Тестовый" not in body, page.url
        assert "123-45-67" not in body and "9161234567" not in body, page.url


@pytest.mark.django_db
def test_every_site_page_is_open_to_everyone(clients: dict[str, Client]) -> None:
    urls = [*public_page_urls("ru"), *public_page_urls("en"), "/sitemap.xml", "/robots.txt", "/healthz"]
    refused = [
        (role, url, response.status_code)
        for role in ROLES
        for url in urls
        if (response := clients[role].get(url)).status_code != 200
    ]
    assert refused == []


@pytest.mark.django_db
def test_the_thanks_page_of_a_request_is_not_guessable(clients: dict[str, Client]) -> None:
    request = ConsultationRequest.objects.get()
    for guess in (str(request.pk), request.reference):
        try:
            url = reverse("booking:thanks", args=[guess])
        except NoReverseMatch:
            continue
        assert clients["anonymous"].get(url).status_code in (400, 404)
