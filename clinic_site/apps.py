from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class ClinicSiteConfig(AppConfig):
    default = True  # ClinicAdminConfig below lives in this module too
    name = "clinic_site"
    verbose_name = "Clinic site"

    def ready(self) -> None:
        from clinic_site import checks  # noqa: F401  (registers the compliance checks)


class ClinicAdminConfig(admin_apps.AdminConfig):
    """django.contrib.admin whose default site asks staff for a TOTP code."""

    default = False
    default_site = "clinic_site.admin_site.ClinicAdminSite"
