"""What the importer remembers: the sources of a commune's old portal, each imported article, and every run's report."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class ImportSource(models.Model):
    """Where a commune's old articles come from, where they go, and how politely to fetch them."""

    URLS = "urls"
    SITEMAP = "sitemap"
    FEED = "feed"
    ARCHIVE = "archive"
    WORDPRESS = "wordpress"
    KINDS = [
        (URLS, _("List of addresses")),
        (SITEMAP, _("XML sitemap")),
        (FEED, _("RSS or Atom feed")),
        (ARCHIVE, _("Folder or ZIP of saved HTML pages")),
        (WORDPRESS, _("WordPress export (WXR)")),
    ]

    site = models.ForeignKey("wagtailcore.Site", verbose_name=_("site"), on_delete=models.CASCADE)
    name = models.CharField(_("name"), max_length=120)
    kind = models.CharField(pgettext_lazy("import source", "kind"), max_length=20, choices=KINDS, default=SITEMAP)
    location = models.TextField(
        _("addresses or file"),
        help_text=_(
            "The sitemap or feed address; for a list, one address a line; for a folder, ZIP or WordPress export, "
            "its path on the server (or upload the file below)."
        ),
    )
    upload = models.FileField(_("uploaded file"), upload_to="importer/", blank=True)
    old_portal_url = models.URLField(
        _("address of the old portal"),
        blank=True,
        help_text=_("E.g. http://iako.chuse.gialai.gov.vn. Needed for saved pages that do not name their address."),
    )
    section = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("news section"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("The news section the articles are created in."),
    )
    category = models.ForeignKey(
        "news.NewsCategory", verbose_name=_("category"), null=True, blank=True, on_delete=models.SET_NULL
    )
    collection = models.ForeignKey(
        "wagtailcore.Collection",
        verbose_name=_("collection"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        help_text=_("Where the images and documents go. Empty: the collection named after the site, or the root."),
    )
    publish = models.BooleanField(
        _("publish directly"), default=False, help_text=_("Off: the articles are created as drafts for review.")
    )
    user_agent = models.CharField(_("User-Agent"), max_length=200, default="PortalImporter/1.0 (+cong thong tin xa)")
    delay = models.FloatField(_("seconds between requests"), default=1.0)
    timeout = models.FloatField(_("timeout in seconds"), default=20.0)
    max_bytes = models.PositiveIntegerField(_("largest file in bytes"), default=20 * 1024 * 1024)
    title_selector = models.CharField(_("title selector"), max_length=200, blank=True)
    date_selector = models.CharField(_("date selector"), max_length=200, blank=True)
    lead_selector = models.CharField(_("lead selector"), max_length=200, blank=True)
    body_selector = models.CharField(_("body selector"), max_length=200, blank=True)
    source_selector = models.CharField(_("source line selector"), max_length=200, blank=True)
    image_selector = models.CharField(
        _("image selector"), max_length=200, blank=True, help_text=_("Only the images it matches are imported.")
    )

    class Meta:
        verbose_name = _("import source")
        verbose_name_plural = _("import sources")
        ordering = ["site", "name"]

    def __str__(self):
        return self.name

    def clean(self):
        """The section and category must be the site's own: a site admin never imports into another commune."""
        from django.core.exceptions import ValidationError

        errors = {}
        if self.site_id and self.section_id:
            section = self.section
            if section.specific_class.__name__ != "NewsIndexPage" or section.get_site() != self.site:
                errors["section"] = _("Choose a news section of this site.")
        if self.site_id and self.category_id and self.category.site_id != self.site_id:
            errors["category"] = _("Choose a category of this site.")
        if errors:
            raise ValidationError(errors)

    @property
    def selectors(self):
        names = ["title", "date", "lead", "body", "source", "image"]
        return {name: getattr(self, f"{name}_selector") for name in names if getattr(self, f"{name}_selector")}


class ImportedArticle(models.Model):
    """One old article and the page made from it: the key that makes a second import update, not duplicate."""

    site = models.ForeignKey("wagtailcore.Site", on_delete=models.CASCADE)
    source = models.ForeignKey(ImportSource, on_delete=models.SET_NULL, null=True, related_name="articles")
    original_url = models.URLField(_("original address"), max_length=1000)
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    content_hash = models.CharField(max_length=64)
    imported_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("imported article")
        verbose_name_plural = _("imported articles")
        constraints = [models.UniqueConstraint(fields=["site", "original_url"], name="importer_one_page_per_url")]

    def __str__(self):
        return self.original_url


class ImportRun(models.Model):
    """The report of one run: what was created, updated, skipped, and what failed and why."""

    source = models.ForeignKey(ImportSource, verbose_name=_("source"), on_delete=models.CASCADE, related_name="runs")
    started_at = models.DateTimeField(_("started"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    dry_run = models.BooleanField(_("dry run"), default=False)
    created = models.PositiveIntegerField(pgettext_lazy("import count", "created"), default=0)
    updated = models.PositiveIntegerField(_("updated"), default=0)
    skipped = models.PositiveIntegerField(_("skipped"), default=0)
    failed = models.PositiveIntegerField(_("failed"), default=0)

    class Meta:
        verbose_name = _("import run")
        verbose_name_plural = _("import runs")
        ordering = ["-started_at", "-pk"]

    def __str__(self):
        return f"{self.source} – {self.started_at:%Y-%m-%d %H:%M}"


class ImportEvent(models.Model):
    """One line of a run's report: an article created, updated or skipped, a failure, or a warning."""

    CREATED = "created"
    UPDATED = "updated"
    SKIPPED = "skipped"
    FAILED = "failed"
    WARNING = "warning"
    OUTCOMES = [
        (CREATED, pgettext_lazy("import count", "created")),
        (UPDATED, _("updated")),
        (SKIPPED, _("skipped")),
        (FAILED, _("failed")),
        (WARNING, _("warning")),
    ]

    run = models.ForeignKey(ImportRun, on_delete=models.CASCADE, related_name="events")
    outcome = models.CharField(_("outcome"), max_length=10, choices=OUTCOMES)
    url = models.URLField(_("address"), max_length=1000)
    reason = models.TextField(_("reason"), blank=True)
    page = models.ForeignKey("wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = _("import event")
        verbose_name_plural = _("import events")
        ordering = ["pk"]

    def __str__(self):
        return f"{self.get_outcome_display()}: {self.url}"
