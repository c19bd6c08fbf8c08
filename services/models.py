from datetime import date

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modeltranslation.manager import MultilingualManager, MultilingualQuerySet


class PublishedQuerySet(MultilingualQuerySet):
    def published(self) -> "PublishedQuerySet":
        return self.filter(published=True)


# modeltranslation swaps the manager of every translated model for a class it makes at start-up, which
# a type checker cannot see; a manager that already is multilingual is left as it is.
PublishedManager = MultilingualManager.from_queryset(PublishedQuerySet)


class TreatmentCategory(models.Model):
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), unique=True)
    order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("treatment category")
        verbose_name_plural = _("treatment categories")

    def __str__(self) -> str:
        return self.title


class Doctor(models.Model):
    name = models.CharField(_("full name"), max_length=200)
    slug = models.SlugField(_("slug"), unique=True)
    position = models.CharField(_("position"), max_length=300)
    degrees = models.CharField(_("degrees and titles"), max_length=300, blank=True)
    accreditations = models.TextField(_("accreditations"), blank=True, help_text=_("One per line."))
    short_bio = models.TextField(_("short bio"), max_length=600)
    bio = models.TextField(_("full bio"), blank=True)
    medical_specialty = models.CharField(
        _("schema.org medical specialty"),
        max_length=100,
        blank=True,
        help_text=_("For search engines, e.g. Oncologic, Radiology, NuclearMedicine."),
    )
    is_demo_profile = models.BooleanField(
        _("demo profile"),
        default=False,
        help_text=_("Shown to visitors as an example profile, not a real person."),
    )
    photo = models.ImageField(_("photo"), upload_to="doctors/", blank=True)
    photo_renditions = models.JSONField(default=dict, blank=True, editable=False)
    published = models.BooleanField(_("published"), default=True)
    order = models.PositiveIntegerField(_("order"), default=0)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PublishedManager()

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("doctor")
        verbose_name_plural = _("doctors")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("services:doctor", args=[self.slug])

    @property
    def accreditation_list(self) -> list[str]:
        return [line.strip() for line in self.accreditations.splitlines() if line.strip()]


class Treatment(models.Model):
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), unique=True)
    category = models.ForeignKey(
        TreatmentCategory, on_delete=models.PROTECT, related_name="treatments", verbose_name=_("category")
    )
    alternate_name = models.CharField(
        _("also known as"), max_length=200, blank=True, help_text=_("E.g. TARE, SIRT.")
    )
    summary = models.TextField(_("summary"), max_length=600)
    what_it_is = models.TextField(_("what it is"))
    who_for = models.TextField(_("who it is for"), help_text=_("Lines starting with '- ' become a list."))
    who_not_for = models.TextField(_("who it is not for"), blank=True)
    decision = models.TextField(_("how the decision is made"), blank=True)
    after_procedure = models.TextField(_("after the procedure"), blank=True)
    risks = models.TextField(_("risks"), blank=True)
    procedure_type = models.CharField(
        _("schema.org procedure type"),
        max_length=60,
        default="PercutaneousProcedure",
        help_text=_("SurgicalProcedure, NoninvasiveProcedure or PercutaneousProcedure."),
    )
    body_location = models.CharField(_("body location"), max_length=100, blank=True)
    hero_image = models.ImageField(_("hero image"), upload_to="treatments/", blank=True)
    hero_image_alt = models.CharField(_("hero image description"), max_length=200, blank=True)
    hero_renditions = models.JSONField(default=dict, blank=True, editable=False)
    doctors = models.ManyToManyField(Doctor, blank=True, related_name="treatments", verbose_name=_("doctors"))
    reviewer = models.ForeignKey(
        Doctor,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reviewed_treatments",
        verbose_name=_("clinical reviewer"),
    )
    last_reviewed = models.DateField(_("last reviewed"), null=True, blank=True)
    next_review = models.DateField(_("next review"), null=True, blank=True)
    seo_title = models.CharField(_("SEO title"), max_length=70, blank=True)
    seo_description = models.CharField(_("SEO description"), max_length=170, blank=True)
    published = models.BooleanField(_("published"), default=True)
    order = models.PositiveIntegerField(_("order"), default=0)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PublishedManager()

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("treatment")
        verbose_name_plural = _("treatments")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("services:treatment", args=[self.slug])

    @property
    def review_overdue(self) -> bool:
        return self.next_review is not None and self.next_review < date.today()


class TreatmentStep(models.Model):
    """One stage of a treatment, shown as a timeline."""

    treatment = models.ForeignKey(Treatment, on_delete=models.CASCADE, related_name="steps")
    order = models.PositiveIntegerField(_("order"), default=0)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"))
    duration = models.CharField(_("duration"), max_length=100, blank=True, help_text=_("E.g. 2–3 hours."))

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("stage")
        verbose_name_plural = _("stages")

    def __str__(self) -> str:
        return self.title


class PreparationItem(models.Model):
    treatment = models.ForeignKey(Treatment, on_delete=models.CASCADE, related_name="preparation")
    order = models.PositiveIntegerField(_("order"), default=0)
    text = models.CharField(_("text"), max_length=300)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("preparation item")
        verbose_name_plural = _("preparation checklist")

    def __str__(self) -> str:
        return self.text


class FollowUpItem(models.Model):
    treatment = models.ForeignKey(Treatment, on_delete=models.CASCADE, related_name="follow_up")
    order = models.PositiveIntegerField(_("order"), default=0)
    when = models.CharField(_("when"), max_length=100)
    what = models.CharField(_("what happens"), max_length=300)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("follow-up visit")
        verbose_name_plural = _("follow-up schedule")

    def __str__(self) -> str:
        return f"{self.when}: {self.what}"


class FAQ(models.Model):
    treatment = models.ForeignKey(Treatment, on_delete=models.CASCADE, related_name="faqs")
    order = models.PositiveIntegerField(_("order"), default=0)
    question = models.CharField(_("question"), max_length=300)
    answer = models.TextField(_("answer"))

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("question and answer")
        verbose_name_plural = _("questions and answers")

    def __str__(self) -> str:
        return self.question


class Reference(models.Model):
    treatment = models.ForeignKey(Treatment, on_delete=models.CASCADE, related_name="references")
    order = models.PositiveIntegerField(_("order"), default=0)
    title = models.CharField(_("title"), max_length=300)
    source = models.CharField(_("source"), max_length=300, blank=True)
    url = models.URLField(_("URL"), blank=True)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("reference")
        verbose_name_plural = _("references")

    def __str__(self) -> str:
        return self.title


class ClinicLocation(models.Model):
    name = models.CharField(_("name"), max_length=200)
    address = models.CharField(_("address"), max_length=300)
    street_address = models.CharField(_("street address"), max_length=200, blank=True)
    locality = models.CharField(_("town"), max_length=100, blank=True)
    region = models.CharField(_("region"), max_length=100, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=20, blank=True)
    latitude = models.DecimalField(_("latitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(_("longitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    phone = models.CharField(
        _("main phone"), max_length=30, help_text=_("As written, e.g. +7 (499) 460-15-61.")
    )
    whatsapp_url = models.URLField(_("WhatsApp link"), blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    licence_number = models.CharField(_("medical licence number"), max_length=100, blank=True)
    legal_name = models.CharField(_("legal entity"), max_length=300, blank=True)
    ogrn = models.CharField("ОГРН / OGRN", max_length=20, blank=True)
    inn = models.CharField("ИНН / INN", max_length=20, blank=True)
    is_main = models.BooleanField(_("main location"), default=True)
    order = models.PositiveIntegerField(_("order"), default=0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-is_main", "order", "id"]
        verbose_name = _("clinic location")
        verbose_name_plural = _("clinic locations")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("services:contacts")

    @property
    def phone_href(self) -> str:
        digits = "".join(ch for ch in self.phone if ch.isdigit())
        return f"tel:+{digits}" if self.phone.strip().startswith("+") else f"tel:{digits}"


class ExtraPhone(models.Model):
    location = models.ForeignKey(ClinicLocation, on_delete=models.CASCADE, related_name="extra_phones")
    order = models.PositiveIntegerField(_("order"), default=0)
    label = models.CharField(_("label"), max_length=100)
    number = models.CharField(_("number"), max_length=30)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("additional phone")
        verbose_name_plural = _("additional phones")

    def __str__(self) -> str:
        return f"{self.label}: {self.number}"


class OpeningHours(models.Model):
    class Weekday(models.IntegerChoices):
        MONDAY = 1, _("Monday")
        TUESDAY = 2, _("Tuesday")
        WEDNESDAY = 3, _("Wednesday")
        THURSDAY = 4, _("Thursday")
        FRIDAY = 5, _("Friday")
        SATURDAY = 6, _("Saturday")
        SUNDAY = 7, _("Sunday")

    location = models.ForeignKey(ClinicLocation, on_delete=models.CASCADE, related_name="hours")
    order = models.PositiveIntegerField(_("order"), default=0)
    label = models.CharField(_("what is open"), max_length=100, help_text=_("E.g. Outpatient department."))
    first_day = models.PositiveSmallIntegerField(_("from"), choices=Weekday.choices, default=Weekday.MONDAY)
    last_day = models.PositiveSmallIntegerField(_("to"), choices=Weekday.choices, default=Weekday.SUNDAY)
    opens = models.TimeField(_("opens"), null=True, blank=True)
    closes = models.TimeField(_("closes"), null=True, blank=True)
    around_the_clock = models.BooleanField(_("24 hours"), default=False)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("opening hours")
        verbose_name_plural = _("opening hours")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(around_the_clock=True)
                | (models.Q(opens__isnull=False) & models.Q(closes__isnull=False)),
                name="hours_have_times_unless_24h",
            ),
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def days(self) -> list[int]:
        return list(range(self.first_day, self.last_day + 1))


class TransportRoute(models.Model):
    location = models.ForeignKey(ClinicLocation, on_delete=models.CASCADE, related_name="routes")
    order = models.PositiveIntegerField(_("order"), default=0)
    station = models.CharField(_("from metro or station"), max_length=100)
    routes = models.CharField(_("bus or minibus"), max_length=200)
    stop = models.CharField(_("get off at"), max_length=200)
    walking_note = models.CharField(_("then"), max_length=300, blank=True)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("public-transport route")
        verbose_name_plural = _("public-transport routes")

    def __str__(self) -> str:
        return f"{self.station} → {self.stop}"


# The legally required information lives in its own module; importing it here makes its models
# part of this app.
from services.legal import (  # noqa: E402, F401
    LegalText,
    Licence,
    LicensedWork,
    MedicalOrganisation,
    PriceItem,
    SupervisingBody,
    TreatmentCost,
)
