from django.urls import path

from documents import views

app_name = "documents"

urlpatterns = [
    path("documents/<str:token>/", views.upload, name="upload"),
]
