from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from booking.models import ConsultationRequest, RequestEvent
from documents.models import DoctorReview, Document
from tests.documents import samples
from tests.documents.conftest import clean_document

Login = Callable[[User], Client]


def open_url(document: Document) -> str:
    return reverse("admin:documents_document_open", args=[document.pk])


@pytest.fixture
def assigned(consultation: ConsultationRequest, doctor_user: User) -> DoctorReview:
    return DoctorReview.objects.create(request=consultation, doctor=doctor_user)


def test_the_assigned_doctor_opens_a_clean_file_and_the_timeline_records_it(
    consultation: ConsultationRequest, doctor_user: User, assigned: DoctorReview, login: Login
) -> None:
    document = clean_document(consultation)

    response = login(doctor_user).get(open_url(document))

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == samples.PDF  # type: ignore[attr-defined]
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    assert "no-store" in response["Cache-Control"]
    event = RequestEvent.objects.get(request=consultation, kind=RequestEvent.Kind.VIEWED)
    assert event.actor == doctor_user
    assert event.text.startswith(f"Документ №{document.pk} открыт: Документ PDF")
    assert "Петров" not in event.text


def test_behind_nginx_the_bytes_are_sent_by_an_internal_redirect(
    consultation: ConsultationRequest,
    doctor_user: User,
    assigned: DoctorReview,
    login: Login,
    settings: object,
) -> None:
    settings.DOCUMENTS_X_ACCEL_PREFIX = "/protected-documents/"  # type: ignore[attr-defined]
    document = clean_document(consultation)

    response = login(doctor_user).get(open_url(document))

    assert response["X-Accel-Redirect"] == f"/protected-documents/{document.file.name}"
    assert response.content == b""
    assert "attachment" in response["Content-Disposition"]
    assert RequestEvent.objects.filter(request=consultation, kind=RequestEvent.Kind.VIEWED).count() == 1


@pytest.mark.parametrize("status", [Document.Status.WAITING, Document.Status.INFECTED])
def test_nobody_opens_a_file_that_is_not_clean(
    consultation: ConsultationRequest,
    doctor_user: User,
    assigned: DoctorReview,
    superuser: User,
    login: Login,
    status: str,
) -> None:
    document = clean_document(consultation)
    Document.objects.filter(pk=document.pk).update(status=status)

    assert login(doctor_user).get(open_url(document)).status_code == 403
    assert login(superuser).get(open_url(document)).status_code == 403
    assert not RequestEvent.objects.filter(kind=RequestEvent.Kind.VIEWED).exists()


def test_only_the_assigned_doctor_opens_the_file(
    consultation: ConsultationRequest,
    doctor_user: User,
    manager: User,
    content_editor: User,
    outsider: User,
    login: Login,
) -> None:
    document = clean_document(consultation)

    for user in (doctor_user, manager, content_editor, outsider):
        assert login(user).get(open_url(document)).status_code == 403, user
    anonymous = Client().get(open_url(document))
    assert anonymous.status_code == 302 and "/login/" in anonymous["Location"]
    assert not RequestEvent.objects.filter(kind=RequestEvent.Kind.VIEWED).exists()


def test_a_doctor_sees_only_the_requests_assigned_to_them(
    make_consultation: Callable[..., ConsultationRequest],
    doctor_user: User,
    login: Login,
) -> None:
    mine, other = make_consultation(), make_consultation(phone="+79161234567")
    DoctorReview.objects.create(request=mine, doctor=doctor_user)
    clean_document(mine)
    Document.objects.filter(request=mine).update(original_name="моя-выписка.pdf")
    clean_document(other)
    Document.objects.filter(request=other).update(original_name="чужая-выписка.pdf")
    client = login(doctor_user)

    reviews = client.get(reverse("admin:documents_doctorreview_changelist")).content.decode()
    documents = client.get(reverse("admin:documents_document_changelist")).content.decode()

    assert mine.reference in reviews and other.reference not in reviews
    assert "моя-выписка.pdf" in documents and "чужая-выписка.pdf" not in documents
    assert client.get(reverse("admin:booking_consultationrequest_changelist")).status_code == 403


def test_the_doctor_writes_a_review_note_seen_in_the_timeline(
    consultation: ConsultationRequest, doctor_user: User, assigned: DoctorReview, login: Login
) -> None:
    clean_document(consultation)
    client = login(doctor_user)
    url = reverse("admin:documents_doctorreview_change", args=[assigned.pk])

    page = client.get(url).content.decode()
    assert "Выписка Петрова.pdf" in page and open_url(Document.objects.get()) in page
    response = client.post(url, {"note": "Показана радиоэмболизация, нужна свежая КТ."})

    assert response.status_code == 302
    assigned.refresh_from_db()
    assert assigned.note == "Показана радиоэмболизация, нужна свежая КТ."
    assert assigned.reviewed_at is not None
    note = RequestEvent.objects.get(request=consultation, kind=RequestEvent.Kind.NOTE)
    assert note.actor == doctor_user and note.text == assigned.note


def test_a_doctor_cannot_write_in_another_doctors_review(
    consultation: ConsultationRequest, doctor_user: User, login: Login
) -> None:
    colleague = User.objects.create_user("colleague", is_staff=True)
    review = DoctorReview.objects.create(request=consultation, doctor=colleague)

    response = login(doctor_user).post(
        reverse("admin:documents_doctorreview_change", args=[review.pk]), {"note": "x"}
    )

    assert response.status_code in (302, 403, 404)
    review.refresh_from_db()
    assert review.note == ""


def test_content_editors_see_none_of_it(
    consultation: ConsultationRequest,
    doctor_user: User,
    assigned: DoctorReview,
    content_editor: User,
    login: Login,
) -> None:
    clean_document(consultation)
    client = login(content_editor)

    for name in ("documents_document_changelist", "documents_doctorreview_changelist"):
        assert client.get(reverse(f"admin:{name}")).status_code == 403
    assert "Документы пациентов" not in client.get(reverse("admin:index")).content.decode()


# Who sees what of one request's documents. The request is assigned to "doctor" for review;
# "other doctor" is in the Doctors group too, with other requests.
#   role            lists the file  opens it  sees on the request page that it arrived
ACCESS_MATRIX = [
    ("doctor", True, True, False),
    ("other doctor", False, False, False),
    ("manager", False, False, True),
    ("supervisor", False, False, True),
    ("content editor", False, False, False),
    ("outsider", False, False, False),
]


@pytest.mark.parametrize(("role", "lists", "opens", "sees_arrival"), ACCESS_MATRIX)
def test_access_matrix(
    role: str,
    lists: bool,
    opens: bool,
    sees_arrival: bool,
    consultation: ConsultationRequest,
    make_consultation: Callable[..., ConsultationRequest],
    doctor_user: User,
    manager: User,
    supervisor: User,
    content_editor: User,
    outsider: User,
    login: Login,
) -> None:
    DoctorReview.objects.create(request=consultation, doctor=doctor_user)
    other_doctor = User.objects.create_user("other-doctor", is_staff=True)
    other_doctor.groups.set(doctor_user.groups.all())
    DoctorReview.objects.create(request=make_consultation(phone="+79161234567"), doctor=other_doctor)
    document = clean_document(consultation)
    users = {
        "doctor": doctor_user,
        "other doctor": other_doctor,
        "manager": manager,
        "supervisor": supervisor,
        "content editor": content_editor,
        "outsider": outsider,
    }
    client = login(users[role])

    listing = client.get(reverse("admin:documents_document_changelist"))
    opening = client.get(open_url(document))
    request_page = client.get(reverse("admin:booking_consultationrequest_change", args=[consultation.pk]))

    assert (listing.status_code == 200 and "Выписка Петрова.pdf" in listing.content.decode()) == lists
    assert (opening.status_code == 200) == opens
    assert (request_page.status_code == 200 and "Выписка Петрова.pdf" in request_page.content.decode()) == (
        sees_arrival
    )
    if not opens:
        assert opening.status_code in (302, 403)
