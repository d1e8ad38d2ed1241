"""Pieces every commune site shares: its identity (header/footer), contact settings and BasePage."""

from django.db import models
from django.db.models import Q
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Page, PageViewRestriction, Site, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from .outbox import QueuedMail  # noqa: F401  (the mail outbox's model, defined with its logic)
from .slugs import vietnamese_slugify


class CommuneProfile(TranslatableMixin, models.Model):
    """The translatable identity of one commune site: what the header and footer say.

    One per (site, locale). Numbers that must not differ between locales (phone, e-mail)
    live in PortalSettings instead, so translating never forks them.
    """

    site = models.ForeignKey(Site, verbose_name=_("site"), on_delete=models.CASCADE, related_name="commune_profiles")
    unit_name = models.CharField(
        _("full unit name"), max_length=200, help_text=_("E.g. People's Committee of Ia Ko commune")
    )
    portal_name = models.CharField(
        _("portal name"), max_length=200, help_text=_("E.g. Ia Ko commune electronic information portal")
    )
    parent_unit = models.CharField(_("province"), max_length=200, blank=True)
    responsible_person = models.CharField(_("person responsible"), max_length=200, blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    no_data_text = models.CharField(
        _("'no data' text"),
        max_length=120,
        blank=True,
        help_text=_("Shown by widgets that have nothing to show. Empty: the standard translated text."),
    )
    footer_note = RichTextField(_("footer note"), blank=True, features=["bold", "italic", "link"])

    override_translatable_fields = [SynchronizedField("site", overridable=False)]

    panels = [
        FieldPanel("site"),
        FieldPanel("unit_name"),
        FieldPanel("portal_name"),
        FieldPanel("parent_unit"),
        FieldPanel("responsible_person"),
        FieldPanel("address"),
        FieldPanel("no_data_text"),
        FieldPanel("footer_note"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("commune profile")
        verbose_name_plural = _("commune profiles")
        constraints = [
            models.UniqueConstraint(fields=["site", "locale"], name="one_profile_per_site_locale"),
        ]

    def __str__(self):
        return self.portal_name


@register_setting(icon="site")
class PortalSettings(BaseSiteSetting):
    """Per-site settings that are the same in every language."""

    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("emblem or logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    fax = models.CharField(_("fax"), max_length=50, blank=True)
    facebook_url = models.URLField(_("Facebook page"), blank=True)
    public_services_url = models.URLField(
        _("online public services"),
        blank=True,
        default="https://dichvucong.gov.vn/",
        help_text=_("Link in the main menu to the national public-service portal."),
    )

    panels = [
        FieldPanel("logo"),
        MultiFieldPanel([FieldPanel("phone"), FieldPanel("email"), FieldPanel("fax")], heading=_("Contact")),
        MultiFieldPanel([FieldPanel("facebook_url"), FieldPanel("public_services_url")], heading=_("Links")),
    ]

    class Meta:
        verbose_name = _("portal settings")


class RememberedRestrictions(list):
    """View restrictions read from a cache, answering the part of the QuerySet API serving uses."""

    def exists(self):
        return bool(self)


class BasePage(Page):
    """Every public page type extends this: sidebar opt-out and cache headers in one place."""

    show_sidebar = models.BooleanField(
        _("show sidebar"), default=True, help_text=_("Show the site's sidebar widgets beside this page.")
    )

    settings_panels = Page.settings_panels + [FieldPanel("show_sidebar")]
    search_fields = Page.search_fields + [index.FilterField("locale_id")]

    # Public pages may be kept by browsers and shared caches briefly; publishing purges them.
    cache_max_age = 60
    cache_s_maxage = 300

    class Meta:
        abstract = True

    # Foreign keys every view reads, e.g. ("cover_image",): the cached router (core.routing) keeps them
    # in its snapshot of the page.
    route_select_related = ()

    def serve(self, request, *args, **kwargs):
        return self.with_cache_headers(request, super().serve(request, *args, **kwargs))

    def _set_core_field_defaults(self):
        # Wagtail fills a missing slug with Django's slugify, which drops "đ": fill it first with the
        # Vietnamese rule (pages created from code, imports and copies saved without a slug).
        if not self.slug and (self.path or getattr(self, "_cached_parent_obj", None)):
            base_slug = vietnamese_slugify(self.title)
            if base_slug:
                self.slug = self._get_autogenerated_slug(base_slug)
        super()._set_core_field_defaults()

    def get_view_restrictions(self):
        """Wagtail's rules (this page and its ancestors; an alias counts as its source page) in one query
        instead of two, and remembered on this instance: Wagtail's serve hook evaluates it, and
        with_cache_headers reads the same result instead of asking again."""
        if "_view_restrictions" not in self.__dict__:
            self._view_restrictions = self._view_restrictions_query()
        return self._view_restrictions

    def remember_view_restrictions(self, restrictions):
        """Serve with restrictions the router read from its cache (the site's generation changes whenever a
        restriction does). Only page instances the router made for serving get this; they need no more than
        what Wagtail's serve hook and with_cache_headers do with it: iterate and ask whether there are any.
        Building a real queryset here would cost more than the rest of the route."""
        self._view_restrictions = RememberedRestrictions(restrictions)

    def _view_restrictions_query(self):
        steplen = self.steplen
        prefixes = [self.path[:end] for end in range(steplen, len(self.path) + 1, steplen)]
        checked = Page.objects.filter(path__in=prefixes)
        return PageViewRestriction.objects.filter(
            Q(page__in=checked.filter(alias_of__isnull=True))
            | Q(page__in=checked.filter(alias_of__isnull=False).values("alias_of"))
        )

    def with_cache_headers(self, request, response):
        """Public pages: short shared caching. Editors and restricted pages: never a shared copy.

        Page types whose serve() does not reach BasePage.serve (routable pages) call this too."""
        is_editor = getattr(request, "user", None) and request.user.is_authenticated
        if is_editor or self.get_view_restrictions().exists():  # evaluated once, by Wagtail's serve hook
            # Editors and readers of restricted pages must never get or leave a shared copy.
            patch_cache_control(response, private=True, no_cache=True)
        elif not response.has_header("Cache-Control"):
            patch_cache_control(
                response,
                public=True,
                max_age=self.cache_max_age,
                s_maxage=self.cache_s_maxage,
                stale_while_revalidate=60,
            )
        return response
