from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet

from .models import CommuneProfile
from .permissions import SiteScopedSnippetViewSet


class CommuneProfileViewSet(SiteScopedSnippetViewSet):
    model = CommuneProfile
    icon = "site"
    menu_label = _("Commune profile")
    add_to_settings_menu = True
    list_display = ["portal_name", "site", "locale"]
    list_filter = ["locale"]


register_snippet(CommuneProfileViewSet)
