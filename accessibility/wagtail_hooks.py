"""Editor-side accessibility checks: Wagtail's content checker (userbar and editor side panel) also
flags images without alt text, unlabelled form fields and links that rely on colour alone."""

from wagtail import hooks
from wagtail.admin.userbar import ContentCheckerItem

EXTRA_AXE_RULES = ["image-alt", "role-img-alt", "svg-img-alt", "input-image-alt", "label", "link-in-text-block"]


class PortalContentCheckerItem(ContentCheckerItem):
    axe_run_only = ContentCheckerItem.axe_run_only + EXTRA_AXE_RULES


@hooks.register("construct_wagtail_userbar")
def add_portal_accessibility_checks(request, items, page):
    for position, item in enumerate(items):
        # Wagtail still builds the deprecated AccessibilityItem subclass here; replace any stock checker.
        if isinstance(item, ContentCheckerItem) and not isinstance(item, PortalContentCheckerItem):
            items[position] = PortalContentCheckerItem(in_editor=item.in_editor)
