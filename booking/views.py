from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def request_consultation(request: HttpRequest) -> HttpResponse:
    # Placeholder until the booking form lands: send people to the contacts.
    return render(request, "booking/request.html")
