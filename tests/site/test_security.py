"""Staff sign-in: brute-force lockout, the TOTP second factor, short sessions, password rules."""

import io

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.test import Client, override_settings
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

ADMIN = f"/{settings.ADMIN_URL}"
LOGIN = f"{ADMIN}login/"
PASSWORD = "correct horse battery staple 42"


@pytest.fixture
def staff(django_user_model: type[User]) -> User:
    return django_user_model.objects.create_user(
        "duty.manager", password=PASSWORD, is_staff=True, is_superuser=True
    )


def _current_code(device: TOTPDevice) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"


def _sign_in(client: Client, password: str, ip: str = "203.0.113.7", **extra: str) -> int:
    data = {"username": "duty.manager", "password": password, "next": ADMIN, **extra}
    return client.post(LOGIN, data, REMOTE_ADDR=ip).status_code


@pytest.mark.django_db
def test_a_staff_member_signs_in_with_the_right_password(client: Client, staff: User) -> None:
    assert _sign_in(client, PASSWORD) == 302
    assert client.get(ADMIN).status_code == 200


@pytest.mark.django_db
def test_five_wrong_passwords_lock_the_account_for_that_address(client: Client, staff: User) -> None:
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        assert _sign_in(client, "wrong password") == 200  # the form again, with an error
    assert _sign_in(client, "wrong password") == 429
    # Now even the right password is refused from this address.
    response = client.post(
        LOGIN, {"username": "duty.manager", "password": PASSWORD}, REMOTE_ADDR="203.0.113.7"
    )
    assert response.status_code == 429
    assert "Вход временно заблокирован" in response.content.decode()
    assert client.get(ADMIN).status_code == 302  # not signed in


@pytest.mark.django_db
def test_a_lockout_does_not_shut_out_the_same_account_elsewhere(client: Client, staff: User) -> None:
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        _sign_in(client, "wrong password", ip="203.0.113.7")
    assert _sign_in(Client(), PASSWORD, ip="198.51.100.20") == 302


@pytest.mark.django_db
def test_failures_below_the_limit_do_not_lock(client: Client, staff: User) -> None:
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        _sign_in(client, "wrong password")
    assert _sign_in(client, PASSWORD) == 302


@pytest.mark.django_db
@override_settings(STAFF_2FA_REQUIRED=True)
def test_with_two_factor_on_a_password_alone_does_not_open_the_admin(client: Client, staff: User) -> None:
    TOTPDevice.objects.create(user=staff, name="phone", confirmed=True)
    assert _sign_in(client, PASSWORD) == 200
    assert client.get(ADMIN).status_code == 302


@pytest.mark.django_db
@override_settings(STAFF_2FA_REQUIRED=True)
def test_with_two_factor_on_a_signed_in_but_unverified_staff_member_is_sent_to_sign_in(
    client: Client, staff: User
) -> None:
    client.force_login(staff)
    response = client.get(ADMIN)
    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN)


@pytest.mark.django_db
@override_settings(STAFF_2FA_REQUIRED=True)
def test_with_two_factor_on_password_and_code_open_the_admin(client: Client, staff: User) -> None:
    device = TOTPDevice.objects.create(user=staff, name="phone", confirmed=True)
    assert _sign_in(client, PASSWORD, otp_token=_current_code(device)) == 302
    assert client.get(ADMIN).status_code == 200


@pytest.mark.django_db
@override_settings(STAFF_2FA_REQUIRED=True)
def test_with_two_factor_on_a_wrong_code_is_refused(client: Client, staff: User) -> None:
    device = TOTPDevice.objects.create(user=staff, name="phone", confirmed=True)
    wrong = f"{(int(_current_code(device)) + 1) % 10**6:06d}"
    data = {"username": "duty.manager", "password": PASSWORD, "otp_token": wrong}
    response = client.post(LOGIN, data, REMOTE_ADDR="203.0.113.7")
    assert response.status_code == 200
    assert "Код не подошёл" in response.content.decode()
    assert client.get(ADMIN).status_code == 302


@pytest.mark.django_db
@override_settings(STAFF_2FA_REQUIRED=True)
def test_the_sign_in_page_asks_for_the_code(client: Client) -> None:
    page = client.get(LOGIN).content.decode()
    assert 'name="otp_token"' in page
    assert 'autocomplete="one-time-code"' in page


@pytest.mark.django_db
def test_enroll_totp_prints_an_authenticator_address_and_creates_a_device(staff: User) -> None:
    out = io.StringIO()
    call_command("enroll_totp", "duty.manager", "--no-qr", stdout=out)
    assert "otpauth://totp/" in out.getvalue()
    assert TOTPDevice.objects.filter(user=staff, confirmed=True).count() == 1


@pytest.mark.django_db
def test_enroll_totp_prints_a_qr_code(staff: User) -> None:
    out = io.StringIO()
    call_command("enroll_totp", "duty.manager", stdout=out)
    assert "█" in out.getvalue() or "▀" in out.getvalue()


@pytest.mark.django_db
def test_enroll_totp_does_not_silently_replace_a_device(staff: User) -> None:
    call_command("enroll_totp", "duty.manager", "--no-qr", stdout=io.StringIO())
    with pytest.raises(CommandError, match="already has"):
        call_command("enroll_totp", "duty.manager", "--no-qr", stdout=io.StringIO())
    call_command("enroll_totp", "duty.manager", "--no-qr", "--replace", stdout=io.StringIO())
    assert TOTPDevice.objects.filter(user=staff).count() == 1


@pytest.mark.django_db
def test_enroll_totp_refuses_someone_who_is_not_staff(django_user_model: type[User]) -> None:
    django_user_model.objects.create_user("visitor", password=PASSWORD)
    with pytest.raises(CommandError, match="not staff"):
        call_command("enroll_totp", "visitor", stdout=io.StringIO())


def test_two_factor_is_required_by_default_when_debug_is_off() -> None:
    import subprocess
    import sys

    code = "from django.conf import settings; print(settings.STAFF_2FA_REQUIRED)"
    env = {"DJANGO_SECRET_KEY": "x" * 50, "PATH": "/usr/bin:/bin"}
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        env={**env, "DJANGO_SETTINGS_MODULE": "clinic_site.settings"},
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip().splitlines()[-1] == "True"


def test_staff_sessions_are_short_and_slide_with_activity() -> None:
    assert settings.SESSION_COOKIE_AGE <= 2 * 60 * 60
    assert settings.SESSION_SAVE_EVERY_REQUEST


def test_cookies_are_http_only_and_same_site() -> None:
    assert settings.SESSION_COOKIE_HTTPONLY and settings.CSRF_COOKIE_HTTPONLY
    assert settings.SESSION_COOKIE_SAMESITE == settings.CSRF_COOKIE_SAMESITE == "Lax"


@pytest.mark.parametrize("weak", ["12345678", "password", "qwerty123", "clinic"])
def test_weak_staff_passwords_are_refused(weak: str) -> None:
    with pytest.raises(ValidationError):
        validate_password(weak)


@pytest.mark.django_db
def test_the_test_clients_login_still_works_without_a_request(client: Client, staff: User) -> None:
    # The lockout only counts web sign-ins; code without a request is not throttled.
    assert client.login(username="duty.manager", password=PASSWORD)
