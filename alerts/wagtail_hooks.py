from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet

from core.permissions import SiteScopedSnippetViewSet

from .models import AlertBanner


class AlertBannerViewSet(SiteScopedSnippetViewSet):
    model = AlertBanner
    icon = "warning"
    menu_label = _("Alert banners")
    add_to_admin_menu = True
    menu_order = 250
    list_display = ["title", "site", "severity", "starts_at", "ends_at", "locale"]
    list_filter = ["severity", "locale"]


register_snippet(AlertBannerViewSet)
