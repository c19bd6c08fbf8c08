"""What managers see of documents on a request's admin page, and how they ask a doctor."""

from collections.abc import Callable

from django.contrib.auth.models import User
from django.template import Context, Template
from django.test import Client, RequestFactory
from django.urls import reverse

from booking.models import ConsultationRequest, RequestEvent
from documents.models import DoctorReview, Document
from tests.documents.conftest import clean_document

Login = Callable[[User], Client]


def request_page_part(user: User, consultation: ConsultationRequest) -> str:
    """The include as the request's change page renders it."""
    request = RequestFactory().get("/")
    request.user = user
    template = Template("{% load documents_admin %}{% request_documents original %}")
    return template.render(Context({"request": request, "original": consultation, "csrf_token": "t"}))


def test_a_manager_sees_that_documents_arrived_and_the_patients_link(
    consultation: ConsultationRequest, manager: User, doctor_user: User
) -> None:
    clean = clean_document(consultation)
    waiting = clean_document(consultation)
    Document.objects.filter(pk=waiting.pk).update(status=Document.Status.WAITING, original_name="КТ.zip")

    part = request_page_part(manager, consultation)

    assert "Выписка Петрова.pdf" in part and "КТ.zip" in part
    assert "Проверен, вирусов нет" in part and "Ждёт проверки на вирусы" in part
    assert "/ru/documents/" in part
    assert "Лядов" in part  # the doctor to choose
    # Managers see that files arrived; opening them is the doctor's.
    assert reverse("admin:documents_document_open", args=[clean.pk]) not in part


def test_a_content_editor_sees_nothing_of_the_documents(
    consultation: ConsultationRequest, content_editor: User
) -> None:
    clean_document(consultation)

    assert request_page_part(content_editor, consultation).strip() == ""


def test_a_manager_asks_a_doctor_to_review_the_documents(
    consultation: ConsultationRequest, manager: User, doctor_user: User, login: Login
) -> None:
    url = reverse("admin:documents_document_assign", args=[consultation.pk])

    response = login(manager).post(url, {"doctor": doctor_user.pk})

    assert response.status_code == 302
    assert response["Location"] == reverse("admin:booking_consultationrequest_change", args=[consultation.pk])
    review = DoctorReview.objects.get()
    assert (review.request, review.doctor, review.assigned_by) == (consultation, doctor_user, manager)
    event = RequestEvent.objects.get(kind=RequestEvent.Kind.DOCUMENTS)
    assert "Пётр Лядов" in event.text
    login(manager).post(url, {"doctor": doctor_user.pk})
    assert DoctorReview.objects.count() == 1


def test_only_a_doctor_of_the_doctors_group_can_be_asked(
    consultation: ConsultationRequest, manager: User, content_editor: User, login: Login
) -> None:
    login(manager).post(
        reverse("admin:documents_document_assign", args=[consultation.pk]), {"doctor": content_editor.pk}
    )

    assert not DoctorReview.objects.exists()


def test_roles_without_requests_cannot_ask_a_doctor(
    consultation: ConsultationRequest, content_editor: User, outsider: User, doctor_user: User, login: Login
) -> None:
    url = reverse("admin:documents_document_assign", args=[consultation.pk])
    for user in (content_editor, outsider, doctor_user):
        assert login(user).post(url, {"doctor": doctor_user.pk}).status_code == 403

    assert not DoctorReview.objects.exists()
