from django.urls import path

from services import views

app_name = "services"

urlpatterns = [
    path("treatments/", views.treatment_list, name="treatments"),
    path("treatments/<slug:slug>/", views.treatment_detail, name="treatment"),
    path("doctors/", views.doctor_list, name="doctors"),
    path("doctors/<slug:slug>/", views.doctor_detail, name="doctor"),
    path("contacts/", views.contacts, name="contacts"),
    path("privacy/", views.privacy, name="privacy"),
]
