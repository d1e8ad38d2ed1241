from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet

from core.permissions import SiteScopedSnippetViewSet

from .models import NewsCategory


class NewsCategoryViewSet(SiteScopedSnippetViewSet):
    model = NewsCategory
    icon = "tag"
    menu_label = _("News categories")
    list_display = ["name", "site", "locale"]
    list_filter = ["locale"]


register_snippet(NewsCategoryViewSet)
