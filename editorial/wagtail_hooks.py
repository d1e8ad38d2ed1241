from django.urls import path
from wagtail import hooks

from . import localize_guard
from .panels import MyDraftsAwaitingApprovalPanel, OutOfDateIndicatorsPanel, out_of_date_indicators


@hooks.register("construct_homepage_panels")
def add_editorial_panels(request, panels):
    panels.append(MyDraftsAwaitingApprovalPanel())
    indicators = out_of_date_indicators(request.user)
    if indicators is not None:  # the indicators app offers no such list: no panel
        panels.append(OutOfDateIndicatorsPanel(indicators))


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
