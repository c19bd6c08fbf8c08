"""The page cache: anonymous visitors get stored pages; an editor's change shows at once."""

import re
from collections.abc import Callable
from datetime import timedelta
from html.parser import HTMLParser
from unittest import mock

import pytest
from django.contrib.auth.models import User
from django.core import signing
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from clinic_site.cache import VERSION_KEY
from services.models import (
    FAQ,
    ClinicLocation,
    Doctor,
    ExtraPhone,
    FollowUpItem,
    OpeningHours,
    PreparationItem,
    Reference,
    TransportRoute,
    Treatment,
    TreatmentCategory,
    TreatmentStep,
)
from tests.booking.submitting import STAMP, stamp_in
from tests.builders import make_clinic, make_doctor, make_treatment

pytestmark = pytest.mark.django_db


@pytest.fixture
def clinic() -> ClinicLocation:
    return make_clinic()


@pytest.fixture
def doctor() -> Doctor:
    return make_doctor(slug="petrov", name_ru="Иван Петров", name_en="Ivan Petrov")


@pytest.fixture
def treatment(clinic: ClinicLocation, doctor: Doctor) -> Treatment:
    return make_treatment(doctors=[doctor])


def treatment_url(language: str = "ru") -> str:
    return f"/{language}/treatments/radioembolization/"


def without_stamp(page: bytes) -> bytes:
    """The page as stored: every answer carries a fresh form stamp, the rest is the same."""
    return STAMP.sub("", page.decode()).encode()


def test_a_second_visit_is_answered_from_the_cache_with_at_most_one_query(
    treatment: Treatment, django_assert_max_num_queries: Callable
) -> None:
    first = Client().get(treatment_url())
    assert first.status_code == 200

    with django_assert_max_num_queries(1):  # the version and the page in one cache read
        second = Client().get(treatment_url())

    assert second.status_code == 200
    assert without_stamp(second.content) == without_stamp(first.content)
    assert second["ETag"] == first["ETag"]
    assert second["Content-Type"] == first["Content-Type"]


@pytest.mark.parametrize(
    "url_name",
    ["home", "services:treatments", "services:doctors", "services:contacts", "services:privacy"],
)
def test_every_public_page_is_cached_for_anonymous_visitors(
    treatment: Treatment, url_name: str, django_assert_max_num_queries: Callable
) -> None:
    url = reverse(url_name)
    assert Client().get(url).status_code == 200
    with django_assert_max_num_queries(1):
        assert Client().get(url).status_code == 200


def test_a_doctor_page_is_cached(treatment: Treatment, django_assert_max_num_queries: Callable) -> None:
    Client().get("/ru/doctors/petrov/")
    with django_assert_max_num_queries(1):
        assert "Иван Петров" in Client().get("/ru/doctors/petrov/").content.decode()


def edit_treatment_title(treatment: Treatment) -> str:
    treatment.title_ru = "Радиоэмболизация иттрием-90"
    treatment.save()
    return "Радиоэмболизация иттрием-90"


def edit_category(treatment: Treatment) -> str:
    treatment.category.title_ru = "Опухоли печени"
    treatment.category.save()
    return "Опухоли печени"


def edit_step(treatment: Treatment) -> str:
    TreatmentStep.objects.create(
        treatment=treatment, order=2, title_ru="Процедура", description_ru="Катетер."
    )
    return "Процедура"


def edit_faq(treatment: Treatment) -> str:
    faq = treatment.faqs.get()
    faq.question_ru = "Сколько длится лечение?"
    faq.save()
    return "Сколько длится лечение?"


def edit_doctor(treatment: Treatment) -> str:
    doctor = treatment.doctors.get()
    doctor.name_ru = "Иван Сидоров"
    doctor.save()
    return "Иван Сидоров"


def add_doctor_to_treatment(treatment: Treatment) -> str:
    treatment.doctors.add(
        Doctor.objects.create(
            name_ru="Анна Смирнова", slug="smirnova", position_ru="Радиолог", short_bio_ru="Радиолог."
        )
    )
    return "Анна Смирнова"


def edit_clinic(treatment: Treatment) -> str:
    clinic = ClinicLocation.objects.get()
    clinic.phone = "+7 (499) 111-22-33"
    clinic.save()
    return "+7 (499) 111-22-33"


@pytest.mark.parametrize(
    "edit",
    [
        edit_treatment_title,
        edit_category,
        edit_step,
        edit_faq,
        edit_doctor,
        add_doctor_to_treatment,
        edit_clinic,
    ],
)
def test_an_edit_shows_on_the_next_visit(treatment: Treatment, edit: Callable[[Treatment], str]) -> None:
    Client().get(treatment_url())
    assert Client().get(treatment_url()).status_code == 200

    new_text = edit(treatment)

    assert new_text in Client().get(treatment_url()).content.decode()


@pytest.mark.parametrize(
    ("model", "field", "url"),
    [
        (OpeningHours, "label_ru", "/ru/contacts/"),
        (TransportRoute, "station_ru", "/ru/contacts/"),
    ],
)
def test_contacts_show_edited_rows_at_once(clinic: ClinicLocation, model: type, field: str, url: str) -> None:
    Client().get(url)
    row = model.objects.first()
    setattr(row, field, "Новая строка")
    row.save()
    assert "Новая строка" in Client().get(url).content.decode()


def test_deleting_a_treatment_takes_it_off_the_cached_pages(treatment: Treatment) -> None:
    assert treatment_url() in Client().get("/ru/treatments/").content.decode()
    treatment.delete()
    assert treatment_url() not in Client().get("/ru/treatments/").content.decode()


def test_saving_or_deleting_any_content_row_makes_cached_pages_stale(treatment: Treatment) -> None:
    from django.core.cache import cache

    ExtraPhone.objects.create(
        location=ClinicLocation.objects.get(), label="Колл-центр", number="+74994601561"
    )
    PreparationItem.objects.create(treatment=treatment, text="Анализы")
    FollowUpItem.objects.create(treatment=treatment, when="1 месяц", what="КТ")
    Reference.objects.create(treatment=treatment, title="Статья")
    for model in [
        TreatmentCategory,
        Treatment,
        TreatmentStep,
        PreparationItem,
        FollowUpItem,
        FAQ,
        Reference,
        Doctor,
        ClinicLocation,
        ExtraPhone,
        OpeningHours,
        TransportRoute,
    ]:
        row = model.objects.first()
        before = cache.get(VERSION_KEY)
        row.save()
        assert cache.get(VERSION_KEY) != before, f"saving a {model.__name__} left pages as they were"
    for model in [TreatmentStep, FAQ, Reference, ExtraPhone, TransportRoute, Treatment]:
        before = cache.get(VERSION_KEY)
        model.objects.first().delete()
        assert cache.get(VERSION_KEY) != before, f"deleting a {model.__name__} left pages as they were"


def test_an_edit_in_the_admin_shows_on_the_next_visit(treatment: Treatment, settings: object) -> None:
    settings.STAFF_2FA_REQUIRED = False
    editor = User.objects.create_superuser("editor", "editor@example.com", "a-long-Password-1")
    Client().get(treatment_url())
    admin = Client()
    admin.force_login(editor)
    change_url = reverse("admin:services_treatment_change", args=[treatment.pk])
    form = form_fields(admin.get(change_url).content.decode())
    form["title_ru"] = "Радиоэмболизация (ТАРЕ)"

    response = admin.post(change_url, form)

    assert response.status_code == 302, "the admin refused the form"
    assert "Радиоэмболизация (ТАРЕ)" in Client().get(treatment_url()).content.decode()


def test_an_unchanged_page_answers_304_to_a_revalidation(treatment: Treatment) -> None:
    etag = Client().get(treatment_url())["ETag"]

    response = Client().get(treatment_url(), headers={"If-None-Match": etag})

    assert response.status_code == 304
    assert response.content == b""
    assert response["ETag"] == etag


def test_a_weak_etag_from_a_compressing_proxy_still_gets_304(treatment: Treatment) -> None:
    # nginx's gzip turns the ETag weak (W/"…"); the browser sends that one back.
    etag = Client().get(treatment_url())["ETag"]

    response = Client().get(treatment_url(), headers={"If-None-Match": f"W/{etag}"})

    assert response.status_code == 304


def test_a_changed_page_answers_200_with_a_new_etag(treatment: Treatment) -> None:
    etag = Client().get(treatment_url())["ETag"]
    edit_treatment_title(treatment)

    response = Client().get(treatment_url(), headers={"If-None-Match": etag})

    assert response.status_code == 200
    assert response["ETag"] != etag


def test_browsers_are_told_to_revalidate_each_time(treatment: Treatment) -> None:
    response = Client().get(treatment_url())
    assert response["Cache-Control"] == "no-cache"
    assert "Cookie" in response["Vary"]


def test_the_first_answer_is_also_304_when_the_browser_has_the_same_page(treatment: Treatment) -> None:
    # The privacy page carries no booking form, whose signed time stamp changes each rendering.
    etag = Client().get("/ru/privacy/")["ETag"]
    treatment.save()  # nothing visible changes, yet the stored page is gone

    assert Client().get("/ru/privacy/", headers={"If-None-Match": etag}).status_code == 304


def test_each_language_has_its_own_cached_page(treatment: Treatment) -> None:
    Client().get(treatment_url("ru"))
    Client().get(treatment_url("en"))

    russian = Client().get(treatment_url("ru")).content.decode()
    english = Client().get(treatment_url("en")).content.decode()

    assert '<html lang="ru"' in russian and "Радиоэмболизация" in russian
    assert '<html lang="en"' in english and "Radioembolization" in english


def test_signed_in_staff_never_get_or_leave_a_cached_page(
    treatment: Treatment, django_assert_max_num_queries: Callable
) -> None:
    staff = Client()
    staff.force_login(User.objects.create_user("manager", password="a-long-Password-1", is_staff=True))
    Client().get(treatment_url())
    Treatment.objects.filter(pk=treatment.pk).update(title_ru="Без сигнала")  # only a fresh page shows it

    assert "Без сигнала" in staff.get(treatment_url()).content.decode()
    assert "Без сигнала" not in Client().get(treatment_url()).content.decode()


@pytest.mark.parametrize(
    "query",
    ["?utm_source=yandex&utm_medium=cpc&utm_campaign=liver&yclid=8431", "?gclid=Cj0K", "?fbclid=IwAR"],
)
def test_a_link_from_an_ad_or_a_mailing_gets_the_stored_page(
    treatment: Treatment, query: str, django_assert_max_num_queries: Callable
) -> None:
    stored = Client().get(treatment_url())
    Treatment.objects.filter(pk=treatment.pk).update(title_ru="Без сигнала")  # no signal: still stored

    with django_assert_max_num_queries(1):
        answer = Client().get(treatment_url() + query)

    assert without_stamp(answer.content) == without_stamp(stored.content)
    assert "Без сигнала" not in answer.content.decode()


def test_a_page_first_rendered_for_an_ad_link_is_stored_for_everyone(treatment: Treatment) -> None:
    from_ad = Client().get(treatment_url() + "?utm_source=vk&ysclid=lx2")
    Treatment.objects.filter(pk=treatment.pk).update(title_ru="Без сигнала")

    plain = Client().get(treatment_url())

    assert without_stamp(plain.content) == without_stamp(from_ad.content)
    assert "utm_source" not in plain.content.decode() and "ysclid" not in plain.content.decode()


@pytest.mark.parametrize("query", ["?page=2", "?utm_source=x&q=radio", "?treatment=radioembolization"])
def test_any_other_query_string_skips_the_cache(treatment: Treatment, query: str) -> None:
    Client().get(treatment_url())
    Treatment.objects.filter(pk=treatment.pk).update(title_ru="Без сигнала")

    assert "Без сигнала" in Client().get(treatment_url() + query).content.decode()


def test_the_consultation_page_is_rendered_afresh_for_each_visitor(treatment: Treatment) -> None:
    url = reverse("booking:request")
    first = Client().get(url)
    second = Client().get(url)

    # Its form carries the time it was shown; a stored copy would repeat it.
    assert first.content != second.content
    assert not second.has_header("ETag")


def test_a_changed_callback_promise_shows_at_once(treatment: Treatment, settings: object) -> None:
    Client().get("/ru/")
    settings.BOOKING_CALLBACK_MINUTES = 27
    assert "27" in Client().get("/ru/").content.decode()


def test_no_page_is_cached_when_the_cache_is_turned_off(treatment: Treatment, settings: object) -> None:
    settings.PAGE_CACHE_SECONDS = 0
    response = Client().get(treatment_url())
    Treatment.objects.filter(pk=treatment.pk).update(title_ru="Без сигнала")

    assert not response.has_header("ETag")
    assert "Без сигнала" in Client().get(treatment_url()).content.decode()


class _FormFields(HTMLParser):
    """The values a browser would send for the admin's change form."""

    def __init__(self) -> None:
        super().__init__()
        self.fields: dict[str, str | list[str]] = {}
        self._textarea: str | None = None
        self._select: str | None = None
        self._multiple = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        name = a.get("name")
        if tag == "input" and name and a.get("type") not in ("submit", "button", "file", "image"):
            if a.get("type") in ("checkbox", "radio"):
                if "checked" in a:
                    self.fields[name] = a.get("value") or "on"
            else:
                self.fields[name] = a.get("value") or ""
        elif tag == "textarea" and name:
            self._textarea = name
            self.fields[name] = ""
        elif tag == "select" and name:
            self._select, self._multiple = name, "multiple" in a
            self.fields[name] = [] if self._multiple else ""
        elif tag == "option" and self._select and "selected" in a:
            value = a.get("value") or ""
            if self._multiple:
                self.fields[self._select].append(value)
            else:
                self.fields[self._select] = value

    def handle_endtag(self, tag: str) -> None:
        if tag == "textarea":
            self._textarea = None
        elif tag == "select":
            self._select = None

    def handle_data(self, data: str) -> None:
        if self._textarea:
            self.fields[self._textarea] += data


def form_fields(html: str) -> dict[str, str | list[str]]:
    form = re.search(r'<form[^>]*id="treatment_form".*?</form>', html, re.S)
    parser = _FormFields()
    parser.feed(form.group(0) if form else html)
    fields = parser.fields
    fields.pop("_addanother", None)
    fields.pop("_continue", None)
    return {name: value for name, value in fields.items() if "__prefix__" not in name}


def test_the_version_is_replaced_again_when_the_edit_commits(
    treatment: Treatment, django_capture_on_commit_callbacks: Callable
) -> None:
    # A visitor's page rendered from the old rows before the commit must not outlive it.
    from django.core.cache import cache

    with django_capture_on_commit_callbacks(execute=True):
        treatment.save()
        before_commit = cache.get(VERSION_KEY)

    assert cache.get(VERSION_KEY) != before_commit


def test_the_booking_form_in_a_cached_page_works_for_every_visitor(
    treatment: Treatment, django_assert_max_num_queries: Callable
) -> None:
    from booking.models import ConsultationRequest

    Client().get(treatment_url())
    visitors = [Client(), Client()]
    with django_assert_max_num_queries(2):
        pages = [visitor.get(treatment_url()).content.decode() for visitor in visitors]
    assert STAMP.sub("", pages[0]) == STAMP.sub("", pages[1]) and "csrfmiddlewaretoken" not in pages[0]

    for number, (visitor, page) in enumerate(zip(visitors, pages, strict=True)):
        form = re.search(r'<form class="booking-form".*?</form>', page, re.S)
        assert form, "the treatment page carries no booking form"
        fields = _FormFields()
        fields.feed(form.group(0))
        data = fields.fields | {"name": "Анна", "phone": f"8 (499) 123-45-6{number}", "consent": "on"}
        response = visitor.post("/ru/consultation/", data, headers={"Origin": "http://testserver"})
        assert response.status_code == 302, "the form from the cached page was refused"

    stored = ConsultationRequest.objects.order_by("pk")
    assert [request.treatment for request in stored] == [treatment, treatment]


def test_a_visitor_with_a_message_waiting_gets_a_fresh_page(treatment: Treatment) -> None:
    Client().get(treatment_url())
    Treatment.objects.filter(pk=treatment.pk).update(title_ru="Без сигнала")  # only a fresh page shows it
    visitor = Client()
    visitor.cookies["messages"] = "pending"

    assert "Без сигнала" in visitor.get(treatment_url()).content.decode()


def test_each_answer_from_the_cache_carries_a_form_stamp_of_its_own(treatment: Treatment) -> None:
    Client().get(treatment_url())  # stored
    answers = []
    for seconds in (1, 2):
        with mock.patch(
            "django.utils.timezone.now", return_value=timezone.now() + timedelta(seconds=seconds)
        ):
            answers.append(Client().get(treatment_url()))

    assert stamp_in(answers[0].content) != stamp_in(answers[1].content)
    assert answers[0]["ETag"] == answers[1]["ETag"]
    assert Client().get(treatment_url(), headers={"If-None-Match": answers[0]["ETag"]}).status_code == 304


def test_a_form_posted_at_once_from_a_long_stored_page_is_sent_back_as_too_fast(
    treatment: Treatment, settings: object
) -> None:
    from booking.models import ConsultationRequest

    settings.BOOKING_MIN_FILL_SECONDS = 2
    Client().get(treatment_url())  # stored now; a robot comes five minutes later
    later = timezone.now() + timedelta(minutes=5)
    with mock.patch("django.utils.timezone.now", return_value=later):
        page = Client().get(treatment_url()).content.decode()
        form = re.search(r'<form class="booking-form".*?</form>', page, re.S)
        assert form, "the treatment page carries no booking form"
        fields = _FormFields()
        fields.feed(form.group(0))
        data = fields.fields | {"name": "Анна", "phone": "8 (499) 123-45-67", "consent": "on"}
        origin = {"Origin": "http://testserver"}
        at_once = Client().post("/ru/consultation/", data, headers=origin)
        older = signing.dumps((later - timedelta(seconds=10)).timestamp(), salt="booking-form")
        after_a_while = Client().post("/ru/consultation/", data | {"stamp": older}, headers=origin)

    assert at_once.status_code == 200
    assert "Форма отправлена слишком быстро" in at_once.content.decode()
    assert after_a_while.status_code == 302
    assert ConsultationRequest.objects.count() == 1


def test_a_head_request_is_answered_alike_with_the_page_stored_or_not(
    treatment: Treatment, settings: object
) -> None:
    before_storing = Client().head(treatment_url())
    Client().get(treatment_url())
    from_the_cache = Client().head(treatment_url())
    settings.PAGE_CACHE_SECONDS = 0  # type: ignore[attr-defined]
    without_cache = Client().head(treatment_url())

    assert [before_storing.status_code, from_the_cache.status_code, without_cache.status_code] == [200] * 3
    assert from_the_cache.content == b""


def test_the_form_on_a_page_rendered_afresh_shows_an_edit_at_once_and_a_fresh_stamp(
    treatment: Treatment, settings: object
) -> None:
    settings.PAGE_CACHE_SECONDS = 0  # type: ignore[attr-defined]
    before = Client().get(treatment_url()).content.decode()
    treatment.title_ru = "Радиоэмболизация микросферами"
    treatment.save()
    with mock.patch("django.utils.timezone.now", return_value=timezone.now() + timedelta(seconds=1)):
        after = Client().get(treatment_url()).content.decode()

    form = re.search(r'<form class="booking-form".*?</form>', after, re.S)
    assert form and "Радиоэмболизация микросферами" in form.group(0)
    assert stamp_in(before) != stamp_in(after)
