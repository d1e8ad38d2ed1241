"""Admin: a commune's site admin manages the import sources of their own site, runs them (or a dry run) and
reads each run's report. Another site's source or report answers 403."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.snippets.models import register_snippet

from core.permissions import SiteScopedSnippetViewSet

from . import views
from .models import ImportSource


class ImportSourceViewSet(SiteScopedSnippetViewSet):
    model = ImportSource
    icon = "download"
    menu_label = _("Import from an old portal")
    add_to_admin_menu = True
    menu_order = 900
    list_display = ["name", "kind", "section", "site"]
    search_backend_name = None
    inspect_view_enabled = False
    panels = [
        FieldPanel("site"),
        FieldPanel("name"),
        FieldPanel("kind"),
        FieldPanel("location"),
        FieldPanel("upload"),
        FieldPanel("old_portal_url"),
        PageChooserPanel("section", "news.NewsIndexPage"),
        FieldPanel("category"),
        FieldPanel("collection"),
        FieldPanel("publish"),
        MultiFieldPanel(
            [FieldPanel("user_agent"), FieldPanel("delay"), FieldPanel("timeout"), FieldPanel("max_bytes")],
            heading=_("Polite fetching"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("title_selector"),
                FieldPanel("date_selector"),
                FieldPanel("lead_selector"),
                FieldPanel("body_selector"),
                FieldPanel("source_selector"),
                FieldPanel("image_selector"),
            ],
            heading=_("CSS selectors (optional)"),
        ),
    ]


register_snippet(ImportSourceViewSet)


@hooks.register("register_admin_urls")
def importer_urls():
    return [
        path("importer/<int:pk>/", views.source_runs, name="importer_source_runs"),
        path("importer/run/<int:pk>/", views.run_report, name="importer_run_report"),
    ]


@hooks.register("register_snippet_listing_buttons")
def runs_button(snippet, user, next_url=None):
    from wagtail.admin.widgets import ListingButton

    if isinstance(snippet, ImportSource):
        yield ListingButton(
            _("Run and reports"), reverse("importer_source_runs", args=[snippet.pk]), icon_name="history", priority=5
        )
