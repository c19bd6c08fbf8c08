from django.urls import path

from services import legal_views, views

app_name = "services"

urlpatterns = [
    path("treatments/", views.treatment_list, name="treatments"),
    path("treatments/<slug:slug>/", views.treatment_detail, name="treatment"),
    path("doctors/", views.doctor_list, name="doctors"),
    path("doctors/<slug:slug>/", views.doctor_detail, name="doctor"),
    path("contacts/", views.contacts, name="contacts"),
    path("privacy/", views.privacy, name="privacy"),
    path("organisation/", legal_views.legal_index, name="legal"),
    path("organisation/licences/", legal_views.legal_licences, name="legal_licences"),
    path("organisation/prices/", legal_views.legal_prices, name="legal_prices"),
    path("organisation/paid-services/", legal_views.legal_paid_services, name="legal_paid_services"),
    path("organisation/contract/", legal_views.legal_contract_file, name="legal_contract"),
    path("organisation/patients/", legal_views.legal_patients, name="legal_patients"),
    path("organisation/supervision/", legal_views.legal_supervision, name="legal_supervision"),
]
