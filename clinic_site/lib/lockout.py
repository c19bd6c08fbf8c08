"""Brute-force lockout for staff sign-in (django-axes), limited to web sign-ins."""

from typing import Any

from axes.backends import AxesStandaloneBackend
from django.http import HttpRequest


class WebLoginLockoutBackend(AxesStandaloneBackend):
    """Axes' backend, except that a sign-in without an HTTP request is not counted.

    Only the login form can be brute-forced from outside. Code that authenticates
    without a request (the shell, management commands, the test client's login())
    cannot be throttled per address, and axes would refuse it with an exception.
    """

    def authenticate(
        self,
        request: HttpRequest | None,
        username: str | None = None,
        password: str | None = None,
        **kwargs: Any,
    ) -> None:
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
