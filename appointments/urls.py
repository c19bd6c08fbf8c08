from django.urls import path

from appointments import views

app_name = "appointments"

urlpatterns = [
    path("appointment/<str:token>/", views.appointment, name="appointment"),
]
