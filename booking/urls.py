from django.urls import path

from booking import views

app_name = "booking"

urlpatterns = [
    path("consultation/", views.request_consultation, name="request"),
    path("consultation/thanks/<str:token>/", views.thanks, name="thanks"),
    path("consent/", views.consent, name="consent"),
]
