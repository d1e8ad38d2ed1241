from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet

from core.permissions import SiteScopedSnippetViewSet

from .models import Question
from .reports import RatingReportView


class QuestionViewSet(SiteScopedSnippetViewSet):
    model = Question
    icon = "help"
    menu_label = _("Questions")
    add_to_admin_menu = True
    menu_order = 270
    list_display = ["subject", "submitted_at", "status", "published", "site"]
    list_filter = ["status", "published", "site"]
    search_fields = ["subject", "question", "answer"]
    search_backend_name = None
    ordering = ["-submitted_at"]


register_snippet(QuestionViewSet)


@hooks.register("register_admin_urls")
def rating_report_urls():
    return [path("reports/ratings/", RatingReportView.as_view(), name="feedback_rating_report")]


@hooks.register("register_reports_menu_item")
def rating_report_menu_item():
    return MenuItem(_("Satisfaction ratings"), reverse("feedback_rating_report"), icon_name="pick", order=900)
