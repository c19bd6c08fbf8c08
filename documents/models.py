import uuid

from django.conf import settings
from django.core.files.storage import Storage, storages
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def private_storage() -> Storage:
    """The "documents" storage: a folder outside MEDIA_ROOT, or an S3 bucket; never served by URL."""
    return storages["documents"]


def stored_name(document: "Document", original_name: str) -> str:
    # A random name without an extension: nothing in it tells whose file it is, and no web
    # server would guess a type to run it as.
    return f"{timezone.now():%Y/%m}/{uuid.uuid4().hex}"


class DocumentQuerySet(models.QuerySet):
    def waiting_for_scan(self) -> "DocumentQuerySet":
        return self.filter(status=Document.Status.WAITING)

    def counted_in_total(self) -> "DocumentQuerySet":
        """What takes up the request's allowance: everything but refused files."""
        return self.exclude(status=Document.Status.REJECTED)


class Document(models.Model):
    class Kind(models.TextChoices):
        PDF = "pdf", _("PDF document")
        JPEG = "jpeg", _("JPEG image")
        PNG = "png", _("PNG image")
        HEIC = "heic", _("HEIC photo")
        DICOM = "dicom", _("DICOM image")
        DICOM_ZIP = "dicom_zip", _("ZIP archive of a DICOM study")

    class Status(models.TextChoices):
        UPLOADING = "uploading", _("Uploading")
        WAITING = "waiting", _("Waiting for the virus scan")
        CLEAN = "clean", _("Clean")
        INFECTED = "infected", _("Infected, quarantined")
        REJECTED = "rejected", _("Rejected")

    request = models.ForeignKey(
        "booking.ConsultationRequest",
        on_delete=models.CASCADE,
        related_name="documents",
        verbose_name=_("consultation request"),
    )
    file = models.FileField(_("file"), storage=private_storage, upload_to=stored_name, max_length=200)
    original_name = models.CharField(_("file name"), max_length=120)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    size = models.PositiveBigIntegerField(_("size, bytes"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.WAITING, db_index=True
    )
    uploaded_at = models.DateTimeField(_("uploaded"), default=timezone.now)
    scanned_at = models.DateTimeField(_("scanned"), null=True, blank=True)
    scan_result = models.CharField(_("scan result"), max_length=200, blank=True)
    scan_attempts = models.PositiveIntegerField(_("scan attempts"), default=0)
    # When the scan is (next) due; empty once there is a verdict. Long past means its task was lost.
    next_scan_at = models.DateTimeField(_("next scan"), null=True, blank=True, default=timezone.now)
    # What a DICOM file or study says of itself, read once it is clean; the file is never altered.
    dicom_modality = models.CharField(_("modality"), max_length=60, blank=True)
    dicom_study_date = models.DateField(_("study date"), null=True, blank=True)
    dicom_images = models.PositiveIntegerField(_("number of images"), null=True, blank=True)

    objects = DocumentQuerySet.as_manager()

    class Meta:
        ordering = ["uploaded_at", "id"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        permissions = [("open_document", _("Can open patients' documents"))]
        indexes = [
            models.Index(
                fields=["next_scan_at"],
                condition=models.Q(status="waiting"),
                name="documents_waiting_for_scan",
            )
        ]

    def __str__(self) -> str:
        return self.original_name

    @property
    def can_be_opened(self) -> bool:
        return self.status == self.Status.CLEAN


class DoctorReviewQuerySet(models.QuerySet):
    def for_doctor(self, user: object) -> "DoctorReviewQuerySet":
        return self.filter(doctor=user)


class DoctorReview(models.Model):
    """A request whose documents a doctor is asked to look at, and the doctor's note."""

    request = models.ForeignKey(
        "booking.ConsultationRequest",
        on_delete=models.CASCADE,
        related_name="doctor_reviews",
        verbose_name=_("consultation request"),
    )
    doctor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="document_reviews",
        verbose_name=_("doctor"),
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("assigned by"),
    )
    assigned_at = models.DateTimeField(_("assigned"), default=timezone.now)
    note = models.TextField(_("review note"), blank=True)
    reviewed_at = models.DateTimeField(_("note written"), null=True, blank=True)

    objects = DoctorReviewQuerySet.as_manager()

    class Meta:
        ordering = ["-assigned_at"]
        verbose_name = _("review by a doctor")
        verbose_name_plural = _("reviews by doctors")
        constraints = [models.UniqueConstraint(fields=["request", "doctor"], name="one_review_per_doctor")]

    def __str__(self) -> str:
        return f"{self.request} → {self.doctor.get_full_name() or self.doctor.get_username()}"


class PartialUpload(models.Model):
    """A file arriving in pieces by the tus protocol (documents/tus.py); it becomes a Document
    when its last byte is in, and is dropped when nobody has added to it for a while."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    request = models.ForeignKey(
        "booking.ConsultationRequest", on_delete=models.CASCADE, related_name="partial_uploads"
    )
    original_name = models.CharField(max_length=120)
    length = models.PositiveBigIntegerField()
    offset = models.PositiveBigIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = _("unfinished upload")
        verbose_name_plural = _("unfinished uploads")

    def __str__(self) -> str:
        return str(self.id)
