from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet

from core.permissions import SiteScopedSnippetViewSet

from .models import LegalDocument


class LegalDocumentViewSet(SiteScopedSnippetViewSet):
    model = LegalDocument
    icon = "doc-full"
    menu_label = _("Legal documents")
    add_to_admin_menu = True
    menu_order = 250
    list_display = ["__str__", "abstract", "issue_date", "issuer", "site"]
    list_filter = ["doc_type", "site"]
    search_fields = ["number", "abstract", "issuer", "signer", "field"]
    search_backend_name = None  # plain database search: no index to keep in sync per site
    ordering = ["-issue_date", "-id"]


register_snippet(LegalDocumentViewSet)
