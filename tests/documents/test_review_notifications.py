"""A doctor is told by e-mail when a manager asks them to review a request's documents, and the
manager when the doctor writes a note; the worker sends both after the commit."""

from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from booking.models import ConsultationRequest, Delivery, RequestEvent
from documents.models import DoctorReview, Document
from tests.booking.submitting import run_worker
from tests.builders import make_treatment
from tests.documents.conftest import clean_document

Login = Callable[[User], Client]
# What the patient wrote and who they are: never in a message to staff about documents.
PRIVATE = ("Иван", "Петров", "Мария", "Метастазы", "tace", "Выписка")


@pytest.fixture
def patient(make_consultation: Callable[..., ConsultationRequest]) -> ConsultationRequest:
    return make_consultation(
        requester="relative",
        patient_name="Мария Петрова",
        treatment=make_treatment(slug="tace"),
        message="Метастазы в печени",
    )


@pytest.fixture
def doctor_with_address(doctor_user: User) -> User:
    doctor_user.email = "lyadov@clinic.test"
    doctor_user.save(update_fields=["email"])
    return doctor_user


def assign(client: Client, consultation: ConsultationRequest, doctor: User, capture: object) -> None:
    url = reverse("admin:documents_document_assign", args=[consultation.pk])
    with capture(execute=True):  # type: ignore[operator]
        response = client.post(url, {"doctor": doctor.pk})
    assert response.status_code == 302


def write_note(client: Client, review: DoctorReview, note: str, capture: object) -> None:
    url = reverse("admin:documents_doctorreview_change", args=[review.pk])
    with capture(execute=True):  # type: ignore[operator]
        response = client.post(url, {"note": note})
    assert response.status_code == 302


def assert_nothing_private(message: mail.EmailMultiAlternatives) -> None:
    html = message.alternatives[0][0]
    for private in PRIVATE:
        assert private not in message.subject and private not in message.body and private not in html


def test_the_doctor_gets_an_e_mail_with_the_link_to_their_review(
    patient: ConsultationRequest,
    manager: User,
    doctor_with_address: User,
    login: Login,
    settings: object,
    django_capture_on_commit_callbacks: object,
) -> None:
    settings.SITE_URL = "https://clinic.example"  # type: ignore[attr-defined]
    clean_document(patient)
    waiting = clean_document(patient)
    Document.objects.filter(pk=waiting.pk).update(status=Document.Status.WAITING)

    assign(login(manager), patient, doctor_with_address, django_capture_on_commit_callbacks)
    assert not mail.outbox  # the worker sends it, not the manager's click
    run_worker()

    (message,) = mail.outbox
    assert message.to == ["lyadov@clinic.test"]
    assert message.subject == f"Документы по заявке {patient.reference}: просьба посмотреть"
    assert "Документов: 2, из них ещё ждут проверки на вирусы: 1" in message.body
    review = DoctorReview.objects.get()
    link = "https://clinic.example" + reverse("admin:documents_doctorreview_change", args=[review.pk])
    assert link in message.body and f'href="{link}"' in message.alternatives[0][0]  # type: ignore[index]
    assert_nothing_private(message)
    delivery = Delivery.objects.get(purpose=Delivery.Purpose.DOCTOR_REVIEW)
    assert (delivery.request, delivery.status) == (patient, Delivery.Status.SENT)
    # The link opens the review for the doctor.
    assert login(doctor_with_address).get(link.removeprefix("https://clinic.example")).status_code == 200


def test_asking_the_same_doctor_twice_sends_one_e_mail(
    patient: ConsultationRequest,
    manager: User,
    doctor_with_address: User,
    login: Login,
    django_capture_on_commit_callbacks: object,
) -> None:
    client = login(manager)

    assign(client, patient, doctor_with_address, django_capture_on_commit_callbacks)
    assign(client, patient, doctor_with_address, django_capture_on_commit_callbacks)
    run_worker()

    assert len(mail.outbox) == 1
    assert Delivery.objects.filter(purpose=Delivery.Purpose.DOCTOR_REVIEW).count() == 1


def test_a_lost_task_is_caught_by_the_sweeper(
    patient: ConsultationRequest,
    manager: User,
    doctor_with_address: User,
    login: Login,
    django_capture_on_commit_callbacks: object,
) -> None:
    with django_capture_on_commit_callbacks(execute=False):  # type: ignore[operator]
        login(manager).post(
            reverse("admin:documents_document_assign", args=[patient.pk]), {"doctor": doctor_with_address.pk}
        )
    run_worker()
    assert not mail.outbox  # the enqueue after the commit never happened

    call_command("booking_sweep", grace=0, verbosity=0)
    run_worker()

    (message,) = mail.outbox
    assert message.to == ["lyadov@clinic.test"]


def test_a_doctor_without_an_address_is_still_assigned_and_nobody_is_mailed(
    patient: ConsultationRequest,
    manager: User,
    doctor_user: User,
    login: Login,
    django_capture_on_commit_callbacks: object,
) -> None:
    client = login(manager)

    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        response = client.post(
            reverse("admin:documents_document_assign", args=[patient.pk]),
            {"doctor": doctor_user.pk},
            follow=True,
        )
    run_worker()

    assert "Врач увидит документы этой заявки" in response.content.decode()
    assert DoctorReview.objects.get().doctor == doctor_user
    assert RequestEvent.objects.filter(request=patient, kind=RequestEvent.Kind.DOCUMENTS).exists()
    assert not Delivery.objects.exists()
    assert not mail.outbox


def test_with_no_documents_yet_the_doctor_is_told_they_will_appear(
    patient: ConsultationRequest,
    manager: User,
    doctor_with_address: User,
    login: Login,
    django_capture_on_commit_callbacks: object,
) -> None:
    assign(login(manager), patient, doctor_with_address, django_capture_on_commit_callbacks)
    run_worker()

    (message,) = mail.outbox
    assert "Документов пока нет" in message.body


def test_the_manager_who_asked_is_told_of_each_note_without_its_text(
    patient: ConsultationRequest,
    manager: User,
    doctor_with_address: User,
    login: Login,
    settings: object,
    django_capture_on_commit_callbacks: object,
) -> None:
    settings.SITE_URL = "https://clinic.example"  # type: ignore[attr-defined]
    review = DoctorReview.objects.create(request=patient, doctor=doctor_with_address, assigned_by=manager)
    client = login(doctor_with_address)

    write_note(client, review, "Метастазы: показана радиоэмболизация.", django_capture_on_commit_callbacks)
    assert not mail.outbox
    run_worker()
    write_note(client, review, "Метастазы: нужна свежая КТ.", django_capture_on_commit_callbacks)
    run_worker()

    first, second = mail.outbox
    assert first.to == second.to == ["manager@clinic.test"]
    assert first.subject == f"Врач написал заключение по заявке {patient.reference}"
    link = "https://clinic.example" + reverse("admin:booking_consultationrequest_change", args=[patient.pk])
    assert link in first.body and f'href="{link}"' in first.alternatives[0][0]  # type: ignore[index]
    for message in (first, second):
        assert "радиоэмболизация" not in message.body and "КТ" not in message.body
        assert_nothing_private(message)
    deliveries = Delivery.objects.filter(purpose=Delivery.Purpose.REVIEW_NOTE)
    assert [delivery.status for delivery in deliveries] == [Delivery.Status.SENT] * 2
    # The link leads the manager to the note, in the request's timeline.
    assert (
        "Метастазы: нужна свежая КТ."
        in login(manager).get(link.removeprefix("https://clinic.example")).content.decode()
    )


def test_saving_the_review_unchanged_tells_nobody(
    patient: ConsultationRequest,
    manager: User,
    doctor_with_address: User,
    login: Login,
    django_capture_on_commit_callbacks: object,
) -> None:
    review = DoctorReview.objects.create(
        request=patient, doctor=doctor_with_address, assigned_by=manager, note="Нужна КТ."
    )

    write_note(login(doctor_with_address), review, "Нужна КТ.", django_capture_on_commit_callbacks)
    run_worker()

    assert not mail.outbox


def test_a_note_wiped_out_tells_nobody(
    patient: ConsultationRequest,
    manager: User,
    doctor_with_address: User,
    login: Login,
    django_capture_on_commit_callbacks: object,
) -> None:
    review = DoctorReview.objects.create(
        request=patient, doctor=doctor_with_address, assigned_by=manager, note="Нужна КТ."
    )

    write_note(login(doctor_with_address), review, "", django_capture_on_commit_callbacks)
    run_worker()

    review.refresh_from_db()
    assert review.note == ""
    assert not mail.outbox


def test_a_note_is_saved_when_the_manager_has_no_address(
    patient: ConsultationRequest,
    manager: User,
    doctor_with_address: User,
    login: Login,
    django_capture_on_commit_callbacks: object,
) -> None:
    manager.email = ""
    manager.save(update_fields=["email"])
    review = DoctorReview.objects.create(request=patient, doctor=doctor_with_address, assigned_by=manager)

    write_note(login(doctor_with_address), review, "Нужна КТ.", django_capture_on_commit_callbacks)
    run_worker()

    review.refresh_from_db()
    assert review.note == "Нужна КТ." and review.reviewed_at is not None
    assert not Delivery.objects.exists() and not mail.outbox


def test_both_deliveries_show_on_the_request_page_in_russian(
    patient: ConsultationRequest,
    manager: User,
    doctor_with_address: User,
    login: Login,
    django_capture_on_commit_callbacks: object,
) -> None:
    client = login(manager)
    assign(client, patient, doctor_with_address, django_capture_on_commit_callbacks)
    write_note(
        login(doctor_with_address),
        DoctorReview.objects.get(),
        "Нужна КТ.",
        django_capture_on_commit_callbacks,
    )
    run_worker()

    page = client.get(reverse("admin:booking_consultationrequest_change", args=[patient.pk])).content.decode()

    assert "Документы направлены врачу на просмотр" in page
    assert "Врач написал заключение" in page
    assert "lyadov@clinic.test" in page and "manager@clinic.test" in page
