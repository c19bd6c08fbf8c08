from django.urls import path

from documents import views

app_name = "documents"

urlpatterns = [
    path("documents/<str:token>/", views.upload, name="upload"),
    path("documents/<str:token>/tus/", views.tus_create, name="tus"),
    path("documents/<str:token>/tus/<str:upload_id>/", views.tus_upload, name="tus_upload"),
]
