"""What the law asks a medical organisation's site to publish (Minzdrav order 118n, 323-FZ
art. 79, Government decree 736 on paid services), entered by content editors as data.

The site has one organisation; its licences, supervising bodies, long texts and prices are
rows of their own. Long texts are ordered (heading, paragraph) rows, never free HTML.
Imported by services/models.py, so the models belong to the services app.
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modeltranslation.manager import MultilingualManager, MultilingualQuerySet

# Demo values carry this marker (as the demo clinic's "(DEMO)" numbers do): the pages show it and
# the compliance check names every field that still has it.
DEMO_MARK = "DEMO"
CONTRACT_EXTENSIONS = ["pdf", "docx", "odt", "rtf"]


def not_in_future(value: date) -> None:
    if value > date.today():
        raise ValidationError(_("This date is in the future: enter the date printed on the document."))


class MedicalOrganisation(models.Model):
    full_name = models.CharField(_("full legal name"), max_length=500)
    short_name = models.CharField(_("short name"), max_length=200)
    legal_form = models.CharField(
        _("legal form"), max_length=200, blank=True, help_text=_("E.g. limited liability company.")
    )
    legal_address = models.CharField(_("legal address"), max_length=300, blank=True)
    postal_address = models.CharField(_("postal address"), max_length=300, blank=True)
    registration_date = models.DateField(
        _("date of state registration"), null=True, blank=True, validators=[not_in_future]
    )
    registration_authority = models.CharField(_("registered by"), max_length=300, blank=True)
    ogrn = models.CharField(
        "ОГРН / OGRN",
        max_length=30,
        blank=True,
        validators=[RegexValidator(r"^\d{13}$|^\d{15}$", _("OGRN has 13 digits (15 for a sole trader)."))],
    )
    inn = models.CharField(
        "ИНН / INN",
        max_length=30,
        blank=True,
        validators=[RegexValidator(r"^\d{10}$|^\d{12}$", _("INN has 10 digits (12 for a person)."))],
    )
    kpp = models.CharField(
        "КПП / KPP",
        max_length=30,
        blank=True,
        validators=[RegexValidator(r"^\d{4}[\dA-Z]{2}\d{3}$", _("KPP has 9 characters."))],
    )
    founders = models.TextField(_("founders"), blank=True, help_text=_("One per line."))
    head_name = models.CharField(_("head: full name"), max_length=200, blank=True)
    head_position = models.CharField(_("head: position"), max_length=200, blank=True)
    head_reception = models.CharField(
        _("head: reception of citizens"),
        max_length=300,
        blank=True,
        help_text=_("Days and hours, e.g. Tuesdays 14:00–16:00, by appointment."),
    )
    head_phone = models.CharField(_("head: phone for appointments"), max_length=30, blank=True)
    head_email = models.EmailField(_("head: e-mail"), blank=True)
    prices_effective_from = models.DateField(_("price list in force since"), null=True, blank=True)
    contract_template = models.FileField(
        _("contract template (file)"),
        upload_to="legal/",
        blank=True,
        validators=[FileExtensionValidator(CONTRACT_EXTENSIONS)],
        help_text=_("PDF, DOCX, ODT or RTF. Or enter the contract's text as rows under 'Legal texts'."),
    )
    privacy_policy_date = models.DateField(_("personal-data policy dated"), null=True, blank=True)
    privacy_officer = models.CharField(
        _("person responsible for personal data"),
        max_length=200,
        blank=True,
        help_text=_("Full name and position of the person who organises the processing."),
    )
    privacy_officer_contact = models.CharField(_("their e-mail or phone"), max_length=200, blank=True)
    rkn_registry_number = models.CharField(
        _("Roskomnadzor registry number"),
        max_length=100,
        blank=True,
        help_text=_("The operator's number in the register of personal-data operators."),
    )
    is_demo = models.BooleanField(
        _("demo data"),
        default=False,
        help_text=_("Shown to visitors as an example, not the real organisation's details."),
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("medical organisation")
        verbose_name_plural = _("medical organisation")

    def __str__(self) -> str:
        return self.short_name

    def clean(self) -> None:
        if self.pk is None and MedicalOrganisation.objects.exists():
            raise ValidationError(
                _("The organisation is already entered: edit it instead of adding another.")
            )

    @property
    def founder_list(self) -> list[str]:
        return [line.strip() for line in self.founders.splitlines() if line.strip()]


class LegalText(models.Model):
    """A paragraph, with an optional heading, of one of the long texts the law asks for."""

    class Topic(models.TextChoices):
        STRUCTURE = "structure", _("Structure and management")
        RIGHTS = "rights", _("Patients' rights")
        DUTIES = "duties", _("Patients' duties")
        RULES = "rules", _("Internal rules for patients")
        GUARANTEES = "guarantees", _("State guarantees: OMS and high-tech care (VMP) quotas")
        ACCESSIBILITY = "accessibility", _("Accessibility for disabled visitors")
        PAID_SERVICES = "paid_services", _("Order and terms of paid services")
        CONTRACT = "contract", _("Contract for paid services")
        PAYMENT = "payment", _("Payment methods")

    topic = models.CharField(_("topic"), max_length=20, choices=Topic.choices)
    order = models.PositiveIntegerField(_("order"), default=0)
    heading = models.CharField(_("heading"), max_length=200, blank=True)
    text = models.TextField(_("text"), help_text=_("Lines starting with '- ' become a list."))

    class Meta:
        ordering = ["topic", "order", "id"]
        verbose_name = _("legal text")
        verbose_name_plural = _("legal texts")

    def __str__(self) -> str:
        return f"{self.get_topic_display()}: {self.heading or self.text[:60]}"


class Licence(models.Model):
    number = models.CharField(_("number"), max_length=100)
    issued_on = models.DateField(_("date"), validators=[not_in_future])
    authority = models.CharField(_("issued by"), max_length=300)
    registry_url = models.URLField(
        _("link to the public register"), blank=True, help_text=_("Roszdravnadzor's register of licences.")
    )
    order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("licence")
        verbose_name_plural = _("licences")

    def __str__(self) -> str:
        return self.number


class LicensedWork(models.Model):
    licence = models.ForeignKey(Licence, on_delete=models.CASCADE, related_name="works")
    order = models.PositiveIntegerField(_("order"), default=0)
    text = models.CharField(_("work or service"), max_length=500)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("licensed work or service")
        verbose_name_plural = _("licensed works and services")

    def __str__(self) -> str:
        return self.text


class SupervisingBody(models.Model):
    class Kind(models.TextChoices):
        HEALTH_MINISTRY = "health_ministry", _("Regional health ministry")
        ROSZDRAVNADZOR = "roszdravnadzor", _("Roszdravnadzor (territorial body)")
        ROSPOTREBNADZOR = "rospotrebnadzor", _("Rospotrebnadzor (territorial body)")
        OTHER = "other", _("Other")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    order = models.PositiveIntegerField(_("order"), default=0)
    name = models.CharField(_("name"), max_length=300)
    address = models.CharField(_("address"), max_length=300, blank=True)
    phone = models.CharField(_("phone"), max_length=100, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("website"), blank=True)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("supervising body")
        verbose_name_plural = _("supervising bodies")

    def __str__(self) -> str:
        return self.name


class PriceQuerySet(MultilingualQuerySet):
    def published(self) -> "PriceQuerySet":
        return self.filter(published=True)


PriceManager = MultilingualManager.from_queryset(PriceQuerySet)


class PriceItem(models.Model):
    treatment = models.ForeignKey(
        "services.Treatment",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="prices",
        verbose_name=_("treatment"),
        help_text=_("The treatment page that shows this price, if any."),
    )
    order = models.PositiveIntegerField(_("order"), default=0)
    service = models.CharField(_("service"), max_length=300)
    code = models.CharField(
        _("nomenclature code"),
        max_length=20,
        blank=True,
        validators=[
            RegexValidator(
                r"^[AB]\d{2}\.\d{2,3}\.\d{3}(\.\d{3})?$",
                _("A code of the national nomenclature of medical services looks like A16.14.020."),
            )
        ],
    )
    price = models.DecimalField(
        _("price, roubles"),
        max_digits=10,
        decimal_places=2,
        validators=[MinValueValidator(0, _("A price cannot be negative."))],
    )
    price_is_from = models.BooleanField(
        _("'from' price"), default=False, help_text=_("The final price depends on the case.")
    )
    includes = models.TextField(_("what is included"), blank=True)
    is_demo = models.BooleanField(_("demo price"), default=False)
    published = models.BooleanField(_("published"), default=True)

    objects = PriceManager()

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("price")
        verbose_name_plural = _("price list")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(price__gte=0),
                name="price_not_negative",
                violation_error_message=_("A price cannot be negative."),
            ),
        ]

    def __str__(self) -> str:
        return self.service


class TreatmentCost(models.Model):
    """What a treatment page says next to its prices."""

    treatment = models.OneToOneField(
        "services.Treatment", on_delete=models.CASCADE, related_name="cost", verbose_name=_("treatment")
    )
    price_factors = models.TextField(
        _("what changes the price"), blank=True, help_text=_("Lines starting with '- ' become a list.")
    )
    state_funding = models.TextField(
        _("OMS and VMP quotas"),
        blank=True,
        help_text=_("Whether this treatment can be had under OMS or a high-tech care quota, and how."),
    )

    class Meta:
        verbose_name = _("treatment cost note")
        verbose_name_plural = _("treatment cost notes")

    def __str__(self) -> str:
        return str(self.treatment)
