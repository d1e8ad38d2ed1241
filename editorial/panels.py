"""Dashboard panels: the editor's drafts awaiting approval, and indicators whose data is out of date."""

from wagtail.admin.ui.components import Component
from wagtail.models import Page, WorkflowState, get_default_page_content_type

from core.permissions import site_ids_for_user


class MyDraftsAwaitingApprovalPanel(Component):
    """Pages this user submitted that wait for a moderator, with the task they wait in."""

    name = "my_drafts_awaiting_approval"
    template_name = "editorial/panels/my_drafts_awaiting_approval.html"
    order = 90  # above Wagtail's own panels: this is what an editor checks first
    limit = 10

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        # Two queries whatever the number of drafts: the states, then their pages.
        states = (
            WorkflowState.objects.active()
            .filter(requested_by=request.user, base_content_type=get_default_page_content_type())
            .select_related("current_task_state__task")
            .order_by("-created_at")[: self.limit]
        )
        task_by_page = {
            int(state.object_id): state.current_task_state.task.name if state.current_task_state else ""
            for state in states
        }
        pages = list(Page.objects.filter(pk__in=task_by_page).select_related("locale").order_by("title"))
        for page in pages:
            page.task_name = task_by_page[page.pk]
        return {"pages": pages, "request": request}


def out_of_date_indicators(user):
    """Indicators whose data is out of date, on the user's sites; [] until the indicators app has them.

    The indicators app is built separately: it is used only if it offers
    `Indicator.objects.out_of_date()` (a queryset), and filtered by a `site` field when it has one.
    """
    try:
        from indicators.models import Indicator
    except ImportError:
        return None
    manager = Indicator._default_manager
    if not hasattr(manager, "out_of_date"):
        return None
    queryset = manager.out_of_date()
    if any(field.name == "site" for field in Indicator._meta.get_fields()):
        queryset = queryset.filter(site_id__in=site_ids_for_user(user))
    return list(queryset[:20])


class OutOfDateIndicatorsPanel(Component):
    name = "out_of_date_indicators"
    template_name = "editorial/panels/out_of_date_indicators.html"
    order = 95

    def __init__(self, indicators):
        self.indicators = indicators

    def get_context_data(self, parent_context):
        return {"indicators": self.indicators, "request": parent_context["request"]}


class GuidePanel(Component):
    """A link to the editors' guide (editorial/guide.py), on everyone's dashboard."""

    name = "editorial_guide"
    template_name = "editorial/panels/guide.html"
    order = 80

    def get_context_data(self, parent_context):
        return {"request": parent_context["request"]}
