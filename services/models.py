from datetime import date

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import Promise
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
    specialty = models.CharField(
        _("specialty"), max_length=200, blank=True, help_text=_("As in the diploma, e.g. Oncology.")
    )
    degrees = models.CharField(
        _("degrees and titles, one line"),
        max_length=300,
        blank=True,
        help_text=_("Shown under the name on cards, e.g. Academician, Professor, MD."),
    )
    academic_degree = models.CharField(
        _("academic degree"), max_length=200, blank=True, help_text=_("E.g. Doctor of Medical Sciences.")
    )
    academic_degree_awarded_by = models.CharField(
        _("degree awarded by"), max_length=300, blank=True, help_text=_("The body that awarded the degree.")
    )
    academic_title = models.CharField(_("academic title"), max_length=200, blank=True)
    academic_title_awarded_by = models.CharField(_("title awarded by"), max_length=300, blank=True)
    practice_since = models.PositiveSmallIntegerField(
        _("in practice since (year)"),
        null=True,
        blank=True,
        help_text=_("The site counts the years of practice from it."),
    )
    clinic_work = models.TextField(
        _("what they do in the clinic"),
        blank=True,
        help_text=_("Only what this doctor really does: consults, performs a procedure, plans the dose…"),
    )
    reception_schedule = models.CharField(
        _("reception schedule"),
        max_length=300,
        blank=True,
        help_text=_("E.g. Mon, Wed 10:00–15:00, by appointment."),
    )
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

    def clean(self) -> None:
        if self.practice_since is not None and self.practice_since > timezone.localdate().year:
            raise ValidationError({"practice_since": _("This year has not come yet.")})

    @property
    def years_of_practice(self) -> int | None:
        if self.practice_since is None:
            return None
        return timezone.localdate().year - self.practice_since

    @property
    def has_academic_record(self) -> bool:
        return bool(self.academic_degree or self.academic_title)


class DoctorEducation(models.Model):
    doctor = models.ForeignKey(Doctor, on_delete=models.CASCADE, related_name="education")
    order = models.PositiveIntegerField(_("order"), default=0)
    institution = models.CharField(_("institution"), max_length=300)
    year = models.PositiveSmallIntegerField(_("year of graduation"))
    specialty = models.CharField(_("specialty"), max_length=200)

    class Meta:
        ordering = ["order", "year", "id"]
        verbose_name = _("education")
        verbose_name_plural = _("education")

    def __str__(self) -> str:
        return f"{self.institution}, {self.year}"

    def clean(self) -> None:
        if self.year is not None and self.year > timezone.localdate().year:
            raise ValidationError({"year": _("This year has not come yet.")})


class DoctorQualification(models.Model):
    class Kind(models.TextChoices):
        ACCREDITATION = "accreditation", _("Specialist accreditation")
        CERTIFICATE = "certificate", _("Specialist certificate")
        INTERNATIONAL = "international", _("International qualification")

    doctor = models.ForeignKey(Doctor, on_delete=models.CASCADE, related_name="qualifications")
    order = models.PositiveIntegerField(_("order"), default=0)
    kind = models.CharField(_("document"), max_length=20, choices=Kind.choices, default=Kind.ACCREDITATION)
    specialty = models.CharField(
        _("specialty"), max_length=200, help_text=_("E.g. Interventional radiology (EBIR).")
    )
    issued = models.DateField(_("date of issue"))
    valid_until = models.DateField(
        _("valid until"),
        null=True,
        blank=True,
        help_text=_("Required for a Russian accreditation or certificate."),
    )

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("accreditation or certificate")
        verbose_name_plural = _("accreditations and certificates")

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.specialty}"

    def clean(self) -> None:
        today = timezone.localdate()
        errors: dict[str, str | Promise] = {}
        if self.issued is not None and self.issued > today:
            errors["issued"] = _("This date is in the future. Enter the date on the document.")
        if self.valid_until is None and self.kind != self.Kind.INTERNATIONAL:
            errors["valid_until"] = _("Enter the date until which the document is valid.")
        elif self.valid_until is not None and self.valid_until < today:
            errors["valid_until"] = _(
                "This document expired on %(date)s. The site must not show it as valid: "
                "enter the new accreditation or delete this row."
            ) % {"date": self.valid_until.strftime("%d.%m.%Y")}
        elif self.valid_until is not None and self.issued is not None and self.valid_until <= self.issued:
            errors["valid_until"] = _("The document must be valid until a date after it was issued.")
        if errors:
            raise ValidationError(errors)

    @property
    def expired(self) -> bool:
        return self.valid_until is not None and self.valid_until < timezone.localdate()


class WarningSign(models.Model):
    """A symptom after treatment that should make the patient call the clinic, and when it can appear."""

    treatment = models.ForeignKey("Treatment", on_delete=models.CASCADE, related_name="warning_signs")
    order = models.PositiveIntegerField(_("order"), default=0)
    symptom = models.CharField(_("symptom"), max_length=300)
    timing = models.CharField(
        _("when it can appear"), max_length=100, help_text=_("E.g. the first days; 1–2 months after.")
    )

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("when to call us")
        verbose_name_plural = _("when to call us")

    def __str__(self) -> str:
        return self.symptom


class QuestionToAsk(models.Model):
    treatment = models.ForeignKey("Treatment", on_delete=models.CASCADE, related_name="questions_to_ask")
    order = models.PositiveIntegerField(_("order"), default=0)
    text = models.CharField(_("question"), max_length=300)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("question to ask your doctor")
        verbose_name_plural = _("questions to ask your doctor")

    def __str__(self) -> str:
        return self.text


class ProcedureDayItem(models.Model):
    """One moment of the day of the procedure, shown hour by hour."""

    treatment = models.ForeignKey("Treatment", on_delete=models.CASCADE, related_name="procedure_day")
    order = models.PositiveIntegerField(_("order"), default=0)
    time = models.CharField(_("time"), max_length=60, help_text=_("E.g. 8:00, 10:00–12:00, next morning."))
    what = models.CharField(_("what happens"), max_length=300)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("the day of the procedure")
        verbose_name_plural = _("the day of the procedure, hour by hour")

    def __str__(self) -> str:
        return f"{self.time}: {self.what}"


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
    aims = models.TextField(_("what the treatment aims for"), blank=True)
    alternatives = models.TextField(_("alternatives"), blank=True)
    microspheres = models.CharField(
        _("microspheres the clinic uses"),
        max_length=300,
        blank=True,
        help_text=_("The product name, e.g. TheraSphere (glass). Shown only when filled in."),
    )
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

    @property
    def has_cost_section(self) -> bool:
        """Whether the page has something to say about cost: prices, or a note on what they depend on."""
        cost = getattr(self, "cost", None)  # the note is optional (a missing one-to-one row)
        noted = cost is not None and bool(cost.price_factors or cost.state_funding)
        return noted or self.prices.exists()


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
    telegram = models.CharField(
        _("Telegram username"),
        max_length=32,
        blank=True,
        validators=[
            RegexValidator(r"^[A-Za-z][A-Za-z0-9_]{4,31}$", _("5–32 Latin letters, digits or _, without @."))
        ],
        help_text=_("Without @, e.g. lyadov_clinic: the site links to t.me/lyadov_clinic."),
    )
    email = models.EmailField(_("e-mail"), blank=True)
    licence_number = models.CharField(_("medical licence number"), max_length=100, blank=True)
    legal_name = models.CharField(_("legal entity"), max_length=300, blank=True)
    ogrn = models.CharField("ОГРН / OGRN", max_length=20, blank=True)
    inn = models.CharField("ИНН / INN", max_length=20, blank=True)
    car_directions = models.TextField(
        _("by car"), blank=True, help_text=_("How to drive here: the road, the turn, the gate.")
    )
    parking = models.TextField(_("parking"), blank=True, help_text=_("Where to park, whether it is free."))
    map_image = models.ImageField(
        _("map image"),
        upload_to="contacts/",
        blank=True,
        help_text=_("A picture of the map, kept on this site."),
    )
    map_image_alt = models.CharField(_("map image description"), max_length=300, blank=True)
    map_renditions = models.JSONField(default=dict, blank=True, editable=False)
    entrance_photo = models.ImageField(_("entrance photo"), upload_to="contacts/", blank=True)
    entrance_photo_alt = models.CharField(_("entrance photo description"), max_length=300, blank=True)
    entrance_renditions = models.JSONField(default=dict, blank=True, editable=False)
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

    @property
    def telegram_url(self) -> str:
        return f"https://t.me/{self.telegram}" if self.telegram else ""

    def clean(self) -> None:
        # A picture without a description says nothing to a blind visitor: both languages are asked for.
        missing = {}
        for image, alt in (("map_image", "map_image_alt"), ("entrance_photo", "entrance_photo_alt")):
            if getattr(self, image):
                for language in ("ru", "en"):
                    if not getattr(self, f"{alt}_{language}", getattr(self, alt)):
                        missing[f"{alt}_{language}"] = _(
                            "Describe the picture for visitors who cannot see it."
                        )
        if missing:
            raise ValidationError(missing)


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
