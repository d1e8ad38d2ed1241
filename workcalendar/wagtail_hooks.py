from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet

from core.permissions import SiteScopedSnippetViewSet

from .models import CalendarEntry


class CalendarEntryViewSet(SiteScopedSnippetViewSet):
    model = CalendarEntry
    icon = "date"
    menu_label = _("Work calendar")
    add_to_admin_menu = True
    menu_order = 260
    list_display = ["date", "start_time", "content", "chair", "venue", "site"]
    list_filter = ["date", "site"]
    search_fields = ["content", "chair", "participants", "venue"]
    search_backend_name = None
    ordering = ["-date", "start_time"]


register_snippet(CalendarEntryViewSet)
