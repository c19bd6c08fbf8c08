from django.urls import path

from booking import views

app_name = "booking"

urlpatterns = [
    path("consultation/", views.request_consultation, name="request"),
]
