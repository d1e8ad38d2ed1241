from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import localize_guard
from .guide import guide_view
from .panels import GuidePanel, MyDraftsAwaitingApprovalPanel, OutOfDateIndicatorsPanel, out_of_date_indicators
from .summary import use_own_portal_words


@hooks.register("construct_homepage_panels")
def add_editorial_panels(request, panels):
    panels.append(GuidePanel())
    panels.append(MyDraftsAwaitingApprovalPanel())
    indicators = out_of_date_indicators(request.user)
    if indicators is not None:  # the indicators app offers no such list: no panel
        panels.append(OutOfDateIndicatorsPanel(indicators))


hooks.register("construct_homepage_summary_items", use_own_portal_words, order=100)


@hooks.register("register_admin_urls")
def guard_localize_views():
    # Same paths as wagtail-localize's; this app's hooks run first, so these match first and the
    # URL names (wagtail_localize:submit_page_translation...) still reverse to the same paths.
    return [
        path("localize/submit/page/<int:page_id>/", localize_guard.submit_page_translation),
        path(
            "localize/submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
            localize_guard.submit_snippet_translation,
        ),
        path("localize/update/<int:translation_source_id>/", localize_guard.update_translations_view),
    ]


@hooks.register("register_admin_urls")
def register_guide_url():
    return [path("guide/", guide_view, name="editorial_guide")]


@hooks.register("register_help_menu_item")
def register_guide_menu_item():
    return MenuItem(_("User guide"), reverse("editorial_guide"), icon_name="help", order=900, name="editorial-guide")


@hooks.register("construct_help_menu")
def leave_out_wagtails_english_guides(request, menu_items):
    # Wagtail's editor guide and release notes are English pages on guide.wagtail.org: the portal's own
    # Vietnamese guide (above) is the one an office clerk can read.
    menu_items[:] = [
        item for item in menu_items if item.name != "editor-guide" and not item.name.startswith("whats-new-in-wagtail")
    ]


@hooks.register("insert_editor_js")
def hold_saves_during_autosave():
    return format_html('<script src="{}"></script>', static("editorial/admin/save-after-autosave.js"))
