from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet

from core.permissions import SiteScopedSnippetViewSet

from .models import ConsultationComment


class ConsultationCommentViewSet(SiteScopedSnippetViewSet):
    """Moderators read and publish comments of their own communes, and export them as CSV for the drafting body."""

    model = ConsultationComment
    icon = "comment"
    menu_label = _("Comments on drafts")
    add_to_admin_menu = True
    menu_order = 275
    list_display = ["consultation", "section", "submitted_at", "published"]
    list_filter = ["published", "consultation"]
    list_export = ["consultation", "section", "comment", "name", "email", "phone", "submitted_at", "published"]
    export_filename = "gop-y-du-thao"
    search_fields = ["section", "comment"]
    search_backend_name = None
    ordering = ["-submitted_at"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("consultation")


register_snippet(ConsultationCommentViewSet)
