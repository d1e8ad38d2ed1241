from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.snippets.models import register_snippet

from .models import CommuneProfile, QueuedMail
from .permissions import SiteScopedSnippetViewSet


class CommuneProfileViewSet(SiteScopedSnippetViewSet):
    model = CommuneProfile
    icon = "site"
    menu_label = _("Commune profile")
    add_to_settings_menu = True
    list_display = ["portal_name", "site", "locale"]
    list_filter = ["locale"]


register_snippet(CommuneProfileViewSet)


def is_confidential(pk):
    return str(pk).isdigit() and QueuedMail.objects.filter(pk=pk, confidential=True).exists()


class QueuedMailViewSet(SiteScopedSnippetViewSet):
    """Readers' mail as the worker sees it: editors spot what has not gone out (read-only for them)."""

    model = QueuedMail
    icon = "mail"
    menu_label = pgettext_lazy("outgoing mail", "Outgoing mail")
    add_to_settings_menu = True
    inspect_view_enabled = True
    list_display = ["subject", "source", "status", "attempts", "created_at", "next_attempt_at", "site"]
    list_filter = ["status"]  # a site filter would name every commune
    ordering = ["-created_at"]

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        # Subscribers' addresses and personal links are not for editors (subscriptions/).
        return queryset if request.user.is_superuser else queryset.filter(confidential=False)

    def guard(self, view):
        guarded = super().guard(view)

        def hide_confidential(request, *args, **kwargs):
            pk = kwargs.get("pk")
            if pk is not None and not request.user.is_superuser and is_confidential(unquote(str(pk))):
                raise PermissionDenied
            return guarded(request, *args, **kwargs)

        return hide_confidential


register_snippet(QueuedMailViewSet)
