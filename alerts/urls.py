from django.urls import path

from .views import dismiss

urlpatterns = [path("dismiss/", dismiss, name="alert-dismiss")]
