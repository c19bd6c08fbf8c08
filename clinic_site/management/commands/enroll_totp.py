"""Give a staff member a TOTP device and print what their authenticator app needs."""

import io
from typing import Any

import segno
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django_otp.plugins.otp_totp.models import TOTPDevice


class Command(BaseCommand):
    help = (
        "Create a TOTP device for a staff user and print the otpauth:// address and a QR code "
        "to scan with an authenticator app. --replace removes the user's old devices first."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("--replace", action="store_true", help="remove the user's existing devices")
        parser.add_argument("--no-qr", action="store_true", help="print only the otpauth:// address")

    def handle(self, *args: Any, username: str, replace: bool, no_qr: bool, **options: Any) -> None:
        user_model = get_user_model()
        try:
            user = user_model.objects.get(**{user_model.USERNAME_FIELD: username})
        except user_model.DoesNotExist:
            raise CommandError(f"No user named {username!r}.") from None
        if not user.is_staff:
            raise CommandError(f"{username!r} is not staff: only staff sign in to the admin.")
        devices = TOTPDevice.objects.filter(user=user)
        if devices.exists() and not replace:
            raise CommandError(f"{username!r} already has a TOTP device; use --replace to issue a new one.")
        devices.delete()
        device = TOTPDevice.objects.create(user=user, name="authenticator", confirmed=True)
        uri = device.config_url
        self.stdout.write(f"TOTP device created for {username}. Add it to an authenticator app:")
        self.stdout.write(uri)
        if not no_qr:
            qr = segno.make(uri, error="m")
            drawing = io.StringIO()
            qr.terminal(out=drawing, compact=True)
            self.stdout.write(drawing.getvalue(), ending="")
        admin = f"{settings.SITE_URL}/{settings.ADMIN_URL}"
        self.stdout.write(f"Then sign in at {admin} with the password and the six-digit code.")
