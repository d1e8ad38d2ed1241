from django.urls import path

from .views import set_preferences

urlpatterns = [path("", set_preferences, name="reader-preferences")]
