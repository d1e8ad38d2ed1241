"""The "Văn bản mới" widget: the site's latest documents, for the home page or the sidebar."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.models import Site


def documents_page_for(site):
    """The site's live documents page in the active language (falls back to the default one)."""
    from .models import DocumentsIndexPage

    page = DocumentsIndexPage.objects.live().public().filter(path__startswith=site.root_page.path).first()
    return page.localized if page else None


def latest_documents(site, count, request=None):
    from .models import LegalDocument

    page = documents_page_for(site)
    documents = LegalDocument.objects.filter(site=site, published=True).select_related("replaced_by")[:count]
    return {
        "index_url": page.get_url(request) if page else "",
        "documents": [
            {
                "label": str(document),
                "abstract": document.abstract,
                "issue_date": document.issue_date,
                "in_force": document.is_in_force,
                "url": page.document_url(document, request) if page else "",
            }
            for document in documents
        ],
    }


class LatestDocumentsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), required=False, help_text=_("Empty: “New documents”."))
    count = blocks.IntegerBlock(label=_("Number of documents"), default=5, min_value=1, max_value=20)

    class Meta:
        icon = "doc-full"
        label = _("New documents")
        template = "legaldocs/blocks/latest_documents.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        request = (parent_context or {}).get("request")
        site = Site.find_for_request(request) if request else None
        count = value.get("count") or 5
        if site is None:
            context["widget"] = {"index_url": "", "documents": []}
        else:
            context["widget"] = latest_documents(site, count, request)  # cached with the home widgets / sidebar
        return context
