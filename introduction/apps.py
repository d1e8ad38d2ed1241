from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IntroductionConfig(AppConfig):
    name = "introduction"
    verbose_name = _("Introduction")
