"""Who may see and open patients' documents, and the one way their bytes leave the storage."""

from django.conf import settings
from django.contrib.auth.models import AnonymousUser, User
from django.db.models import QuerySet
from django.http import FileResponse, HttpResponse, HttpResponseRedirect
from django.template.defaultfilters import filesizeformat
from django.utils import translation
from django.utils.http import content_disposition_header
from storages.backends.s3 import S3Storage

from booking.models import RequestEvent
from documents.models import DoctorReview, Document

Viewer = User | AnonymousUser

CONTENT_TYPES: dict[str, str] = {
    Document.Kind.PDF: "application/pdf",
    Document.Kind.JPEG: "image/jpeg",
    Document.Kind.PNG: "image/png",
    Document.Kind.HEIC: "image/heic",
    Document.Kind.DICOM: "application/dicom",
    Document.Kind.DICOM_ZIP: "application/zip",
}


def visible_documents(user: Viewer) -> QuerySet[Document]:
    """A doctor sees the documents of the requests assigned to them; a superuser all of them."""
    if user.is_superuser:
        return Document.objects.all()
    if not isinstance(user, User) or not user.has_perm("documents.view_document"):
        return Document.objects.none()
    # One review per request and doctor (a constraint), so the join repeats no document.
    return Document.objects.filter(request__doctor_reviews__doctor=user)


def visible_reviews(user: Viewer) -> QuerySet[DoctorReview]:
    if user.is_superuser:
        return DoctorReview.objects.all()
    if not user.has_perm("documents.view_doctorreview"):
        return DoctorReview.objects.none()
    return DoctorReview.objects.for_doctor(user)


def can_open(user: Viewer, document: Document) -> bool:
    """Clean, and the user may open documents and this one's request is assigned to them."""
    if not document.can_be_opened or not user.has_perm("documents.open_document"):
        return False
    return user.is_superuser or visible_documents(user).filter(pk=document.pk).exists()


def serve(document: Document, user: User) -> HttpResponse | FileResponse:
    """Record who opened the file, then send it: by nginx when DOCUMENTS_X_ACCEL_PREFIX is set
    (an `internal` location over DOCUMENTS_ROOT), from the bucket itself when the documents are
    in S3 (see bucket_redirect), by Django otherwise."""
    # In the staff's language, and without the file name: a name may describe the patient,
    # and this entry stays after the personal data is erased.
    with translation.override(settings.LANGUAGE_CODE):
        text = (
            f"Документ №{document.pk} открыт: {document.get_kind_display()}, {filesizeformat(document.size)}"
        )
    RequestEvent.objects.create(
        request=document.request, actor=user, kind=RequestEvent.Kind.VIEWED, text=text
    )
    content_type = CONTENT_TYPES.get(document.kind, "application/octet-stream")
    disposition = content_disposition_header(True, document.original_name) or ""
    response: HttpResponse | FileResponse
    in_bucket = isinstance(document.file.storage, S3Storage)
    if in_bucket and settings.DOCUMENTS_S3_DIRECT:
        response = bucket_redirect(document, content_type, disposition)
    elif settings.DOCUMENTS_X_ACCEL_PREFIX and not in_bucket:
        response = HttpResponse(content_type=content_type)
        response["X-Accel-Redirect"] = f"{settings.DOCUMENTS_X_ACCEL_PREFIX.rstrip('/')}/{document.file.name}"
        response["Content-Disposition"] = disposition
    else:
        response = FileResponse(
            document.file.open("rb"),
            as_attachment=True,
            filename=document.original_name,
            content_type=content_type,
        )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def bucket_redirect(document: Document, content_type: str, disposition: str) -> HttpResponseRedirect:
    """Send the browser to the object itself by a signed link that works for a minute
    (the storage's querystring_expire), so a study of hundreds of megabytes does not hold a
    web worker for the whole download; the bucket stays private."""
    url = document.file.storage.url(
        document.file.name,
        parameters={"ResponseContentType": content_type, "ResponseContentDisposition": disposition},
    )
    return HttpResponseRedirect(url)
