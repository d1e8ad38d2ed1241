from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def document_url(context, index, document):
    """The document's detail URL under the documents page (relative to the current site)."""
    return index.document_url(document, context.get("request"))
