from django.urls import path

from appointments import views

app_name = "appointments"

urlpatterns = [
    # Short, for the SMS; the longer address of the first e-mails still opens the page.
    path("a/<str:token>/", views.appointment, name="appointment"),
    path("appointment/<str:token>/", views.appointment),
]
