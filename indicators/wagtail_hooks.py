from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from core.permissions import SiteScopedSnippetViewSet

from . import views
from .models import Indicator, Observation


class IndicatorViewSet(SiteScopedSnippetViewSet):
    model = Indicator
    icon = "table"
    menu_label = _("Indicators")
    list_display = ["name", "code", "group", "site", "locale"]
    list_filter = ["locale", "group"]
    search_fields = ["name", "code"]


class ObservationViewSet(SiteScopedSnippetViewSet):
    model = Observation
    icon = "date"
    menu_label = _("Observations")
    site_field_path = "indicator__site"
    list_display = ["indicator", "period_code", "value", "rank", "rank_of"]
    list_filter = ["period_kind"]
    ordering = ["indicator__sort_order", "indicator__code", "-period_start"]


class IndicatorsGroup(SnippetViewSetGroup):
    items = (IndicatorViewSet, ObservationViewSet)
    menu_icon = "table"
    menu_label = _("Indicators")
    menu_name = "indicators"
    submenu_hook = "register_indicators_menu_item"


register_snippet(IndicatorsGroup)


@hooks.register("register_admin_urls")
def register_import_urls():
    return [
        path("indicators/import/", views.import_observations, name="indicators_import"),
        path("indicators/export/", views.export_observations, name="indicators_export"),
    ]


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perms(views.IMPORT_PERMISSIONS)


@hooks.register("register_indicators_menu_item")
def register_import_menu_item():
    return ImportMenuItem(_("Import / export (CSV)"), reverse("indicators_import"), icon_name="upload", order=900)
