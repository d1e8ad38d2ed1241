from django import template
from django.urls import reverse

from feedback.models import rating_item_key

register = template.Library()


@register.inclusion_tag("feedback/components/rating_form.html", takes_context=True)
def rating_form(context, page=None):
    """{% rating_form page %} rates a page, {% rating_form %} the portal. Works without JavaScript."""
    request = context.get("request")
    item = rating_item_key(page)
    return {
        "action": reverse("feedback:rate"),
        "item": item,
        # The path alone: the form is the same for every reader of the page, so it can sit in a cached fragment.
        "next": request.path if request else "/",
        "form_id": item.replace(":", "-"),
        "scores": [1, 2, 3, 4, 5],
    }
