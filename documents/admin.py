"""Patients' documents in the admin: doctors' reviews and the documents they may open.

Managers see a request's documents on its own page (documents/templatetags/documents_admin.py)
and ask a doctor to review them from there (assign_view).
"""

from django.contrib import admin, messages
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import FileResponse, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.defaultfilters import filesizeformat
from django.template.loader import render_to_string
from django.urls import URLPattern, path, reverse
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from booking.models import ConsultationRequest
from documents import access, reviews, sending
from documents.models import DoctorReview, Document
from documents.roles import DOCTORS


def doctors() -> QuerySet[User]:
    return User.objects.filter(groups__name=DOCTORS, is_active=True).order_by("last_name", "username")


def staff_user(request: HttpRequest) -> User:
    """The signed-in staff member; the admin site lets no anonymous visitor this far."""
    if not isinstance(request.user, User):
        raise PermissionDenied
    return request.user


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    list_display = (
        "original_name",
        "request",
        "kind",
        "size_display",
        "status",
        "dicom_display",
        "uploaded_at",
    )
    list_filter = ("status", "kind")
    readonly_fields = [field.name for field in Document._meta.fields]
    actions = None

    def get_queryset(self, request: HttpRequest) -> QuerySet[Document]:
        return access.visible_documents(request.user).select_related("request")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Document | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Document | None = None) -> bool:
        return False  # documents go with the request's personal data

    @admin.display(description=gettext_lazy("size"), ordering="size")
    def size_display(self, document: Document) -> str:
        return filesizeformat(document.size)

    @admin.display(description=gettext_lazy("DICOM"))
    def dicom_display(self, document: Document) -> str:
        if document.dicom_images is None:
            return "—"
        date = document.dicom_study_date.strftime("%d.%m.%Y") if document.dicom_study_date else "—"
        return _("%(modality)s, %(date)s, images: %(images)s") % {
            "modality": document.dicom_modality or "—",
            "date": date,
            "images": document.dicom_images,
        }

    def get_urls(self) -> list[URLPattern]:
        wrap = self.admin_site.admin_view
        return [
            path("<int:pk>/open/", wrap(self.open_view), name="documents_document_open"),
            path(
                "send-link/<int:request_pk>/",
                wrap(require_POST(self.send_link_view)),
                name="documents_document_send_link",
            ),
            path(
                "assign/<int:request_pk>/",
                wrap(require_POST(self.assign_view)),
                name="documents_document_assign",
            ),
            *super().get_urls(),
        ]

    def open_view(self, request: HttpRequest, pk: int) -> HttpResponse | FileResponse:
        document = get_object_or_404(Document.objects.select_related("request"), pk=pk)
        if not access.can_open(request.user, document):
            raise PermissionDenied
        return access.serve(document, staff_user(request))

    def send_link_view(self, request: HttpRequest, request_pk: int) -> HttpResponse:
        """A manager sends the patient their upload link by e-mail or SMS."""
        if not request.user.has_perm("booking.change_consultationrequest"):
            raise PermissionDenied
        consultation = get_object_or_404(ConsultationRequest, pk=request_pk)
        try:
            sending.send_upload_link(consultation, request.POST.getlist("channel"), staff_user(request))
        except sending.SentRecently as exc:
            messages.info(request, str(exc))
        except sending.NotSent as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("The link is on its way to the patient; see below if it arrived."))
        return HttpResponseRedirect(
            reverse("admin:booking_consultationrequest_change", args=[consultation.pk]) + "#documents"
        )

    def assign_view(self, request: HttpRequest, request_pk: int) -> HttpResponse:
        """A manager asks a doctor to look at the request's documents."""
        if not request.user.has_perm("booking.change_consultationrequest"):
            raise PermissionDenied
        consultation = get_object_or_404(ConsultationRequest, pk=request_pk)
        doctor = doctors().filter(pk=request.POST.get("doctor") or 0).first()
        back = reverse("admin:booking_consultationrequest_change", args=[consultation.pk])
        if doctor is None:
            messages.error(request, _("Choose a doctor from the list."))
            return HttpResponseRedirect(back)
        reviews.assign(consultation, doctor, staff_user(request))
        messages.success(request, _("The doctor will see this request's documents."))
        return HttpResponseRedirect(back)


@admin.register(DoctorReview)
class DoctorReviewAdmin(admin.ModelAdmin):
    list_display = ("request", "doctor", "assigned_at", "documents_count", "reviewed_at")
    fields = ("request_summary", "note")
    readonly_fields = ("request_summary",)
    # Lists the request's documents under the note, with "open" where the user may.
    change_form_template = "documents/admin/review_change_form.html"
    actions = None

    def get_queryset(self, request: HttpRequest) -> QuerySet[DoctorReview]:
        return access.visible_reviews(request.user).select_related("request", "request__treatment", "doctor")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # assigned from the request's page

    def has_delete_permission(self, request: HttpRequest, obj: DoctorReview | None = None) -> bool:
        return request.user.is_superuser

    def has_change_permission(self, request: HttpRequest, obj: DoctorReview | None = None) -> bool:
        if not super().has_change_permission(request, obj):
            return False
        return obj is None or request.user.is_superuser or obj.doctor_id == request.user.pk

    @admin.display(description=gettext_lazy("documents"))
    def documents_count(self, review: DoctorReview) -> int:
        return (
            Document.objects.filter(request=review.request).exclude(status=Document.Status.REJECTED).count()
        )

    @admin.display(description=gettext_lazy("request"))
    def request_summary(self, review: DoctorReview) -> SafeString:
        return SafeString(
            render_to_string("documents/admin/request_summary.html", {"consultation": review.request})
        )

    def save_model(self, request: HttpRequest, obj: DoctorReview, form: object, change: bool) -> None:
        super().save_model(request, obj, form, change)
        if "note" in getattr(form, "changed_data", ()):
            reviews.record_note(obj, staff_user(request))
