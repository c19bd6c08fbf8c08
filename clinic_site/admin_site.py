"""The staff admin: a second factor (TOTP) when STAFF_2FA_REQUIRED is on."""

from typing import Any

from django.conf import settings
from django.contrib.admin import AdminSite
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.models import AbstractBaseUser
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django_otp import devices_for_user
from django_otp.admin import OTPAdminAuthenticationForm


class StaffOTPAuthenticationForm(OTPAdminAuthenticationForm):
    """Password plus code; the device is the staff member's only one, so nobody has to pick it."""

    # django-otp ships no Russian; these are the messages a staff member can meet here.
    otp_error_messages = {
        **OTPAdminAuthenticationForm.otp_error_messages,
        "token_required": _("Введите шестизначный код из приложения-аутентификатора."),
        "invalid_token": _("Код не подошёл. Проверьте время на телефоне и введите новый код."),
        "device_required": _(
            "Для этой учётной записи нет устройства второго фактора: обратитесь к администратору."
        ),
        "n_failed_attempts": _("Слишком много неверных кодов подряд. Подождите немного и попробуйте снова."),
    }

    def clean_otp(self, user: AbstractBaseUser | None) -> None:
        # django-otp wants the device named; a staff member has one, so name it for them.
        # django-otp still checks that the named device belongs to this user.
        if user is not None and not self.cleaned_data.get("otp_device"):
            devices = list(devices_for_user(user, confirmed=True))
            if len(devices) == 1:
                self.cleaned_data["otp_device"] = devices[0].persistent_id
        super().clean_otp(user)


# Apps and models of the libraries that ship no Russian names (django-axes is "Axes",
# django-otp "TOTP devices"): named here for the index and the sidebar.
APP_NAMES = {
    "axes": _("Sign-in attempts"),
    "otp_totp": _("Two-factor authentication"),
    "django_tasks_database": _("Background tasks"),
}
MODEL_NAMES = {
    ("otp_totp", "TOTPDevice"): _("Authenticator apps (TOTP)"),
    ("django_tasks_database", "DBTaskResult"): _("Task results"),
}


class ClinicAdminSite(AdminSite):
    site_header = _("Клиника Лядова: рабочее место")
    site_title = _("Клиника Лядова")
    index_title = _("Заявки и содержание сайта")

    @property
    def login_form(self) -> type[AdminAuthenticationForm]:  # type: ignore[override]
        # Read per request, so the setting can change without a new site object.
        return StaffOTPAuthenticationForm if settings.STAFF_2FA_REQUIRED else AdminAuthenticationForm

    @property
    def login_template(self) -> str:  # type: ignore[override]
        return "admin/login_otp.html" if settings.STAFF_2FA_REQUIRED else "admin/login.html"

    def has_permission(self, request: HttpRequest) -> bool:
        if not super().has_permission(request):
            return False
        # Without a verified device a staff account is treated like a visitor's.
        # django-otp's middleware adds is_verified() to the user; the stubs cannot know.
        return not settings.STAFF_2FA_REQUIRED or request.user.is_verified()  # type: ignore[union-attr]

    def get_app_list(self, request: HttpRequest, app_label: str | None = None) -> list[dict[str, Any]]:
        app_list = super().get_app_list(request, app_label)
        for app in app_list:
            app["name"] = APP_NAMES.get(app["app_label"], app["name"])
            for model in app["models"]:
                model["name"] = MODEL_NAMES.get((app["app_label"], model["object_name"]), model["name"])
            app["models"].sort(key=lambda model: str(model["name"]).lower())
        # In the order of the names people read, as Django orders its own.
        app_list.sort(key=lambda app: str(app["name"]).lower())
        return app_list
