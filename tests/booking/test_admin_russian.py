"""The admin a manager, a supervisor and the administrator read is Russian throughout."""

import html as entities
import re

import pytest
from django.urls import reverse

from booking.models import ConsultationRequest, Delivery

CHANGELIST = reverse("admin:booking_consultationrequest_changelist")


def visible_text(html: str) -> str:
    html = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", entities.unescape(re.sub(r"<[^>]+>", " ", html)))


@pytest.mark.parametrize(
    ("count", "words"), [(1, "1 заявка"), (2, "2 заявки"), (5, "5 заявок"), (21, "21 заявка")]
)
def test_the_list_counts_requests_in_russian_plural(manager, login, make_consultation, count, words):
    for _ in range(count):
        make_consultation()

    html = login(manager).get(CHANGELIST).content.decode()

    paginator = re.search(r'<p class="paginator">(.*?)</p>', html, re.S).group(1)
    assert re.sub(r"\s+", " ", paginator).strip() == words


def test_the_list_counts_requests_in_english_too(manager, login, make_consultation):
    make_consultation()
    make_consultation()

    html = login(manager).get(CHANGELIST, HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert "2 requests" in html


def test_the_breadcrumbs_name_the_requests_once(manager, login, make_consultation):
    consultation = make_consultation()
    client = login(manager)

    for url in (CHANGELIST, reverse("admin:booking_consultationrequest_change", args=[consultation.pk])):
        crumbs = re.search(r'<div class="breadcrumbs">(.*?)</div>', client.get(url).content.decode(), re.S)
        text = visible_text(crumbs.group(1))
        assert text.count("Заявки на консультацию") == 1, text
        assert "Заявки и уведомления" in text


def test_a_saved_request_is_reported_in_words_that_agree(manager, login, make_consultation):
    consultation = make_consultation()
    url = reverse("admin:booking_consultationrequest_change", args=[consultation.pk])
    data = {"status": ConsultationRequest.Status.CLOSED, "assigned_to": "", "_save": "1"}

    response = login(manager).post(url, data, follow=True)

    message = re.search(r'<li class="success">(.*?)</li>', response.content.decode()).group(1)
    assert (
        re.sub(r"<[^>]+>", "", message)
        == f"Изменения сохранены: заявка на консультацию «{consultation.reference}»."
    )
    assert "был успешно изменен" not in response.content.decode()


def test_the_administrator_sees_library_apps_under_russian_names(superuser, login):
    html = login(superuser).get(reverse("admin:index")).content.decode()
    text = visible_text(html)

    for russian in (
        "Попытки входа",
        "Двухфакторная аутентификация",
        "Приложения-аутентификаторы (TOTP)",
        "Фоновые задачи",
        "Результаты задач",
        "Заявки и уведомления",
    ):
        assert russian in text, russian
    for english in ("Axes", "TOTP devices", "Otp_Totp", "Tasks Database Backend", "Task Results"):
        assert english not in text, english


@pytest.mark.parametrize("role", ["manager", "supervisor"])
def test_every_page_a_manager_or_supervisor_opens_has_no_english_words(
    role, request, login, make_consultation
):
    user = request.getfixturevalue(role)
    consultation = make_consultation(assigned_to=user, consent_version="2026-11-01")
    delivery = Delivery.objects.create(
        request=consultation, channel=Delivery.Channel.TELEGRAM, recipient="123456789", attempts=1
    )
    client = login(user)
    urls = [
        reverse("admin:index"),
        reverse("admin:app_list", args=["booking"]),
        CHANGELIST,
        reverse("admin:booking_consultationrequest_change", args=[consultation.pk]),
        reverse("admin:booking_consultationrequest_history", args=[consultation.pk]),
        reverse("admin:booking_delivery_changelist"),
        reverse("admin:booking_delivery_change", args=[delivery.pk]),
        reverse("admin:password_change"),
        reverse("admin:password_change_done"),
    ]
    if role == "supervisor":
        urls.append(reverse("admin:booking_consultationrequest_report"))
    for url in urls:
        text = visible_text(client.get(url).content.decode())
        # Latin words other than names (WhatsApp, Telegram, E-mail) and codes (references, CSV).
        words = {word for word in re.findall(r"\b[A-Za-z]{3,}\b", text) if not word.isupper()}
        english = words - {"WhatsApp", "Telegram", "mail"}
        assert not english, (url, sorted(english))
