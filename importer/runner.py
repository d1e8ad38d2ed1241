"""One import run: every article of a source through fetch -> extract -> media -> page, each in its own
transaction, each outcome written to the run's report. A failing article is reported and skipped; a broken
image is reported and the article keeps its text; nothing stops the run but an unreadable source."""

import logging
from urllib.parse import urlsplit

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Collection

from .encoding import decode_html
from .extraction import ExtractionError, extract_article
from .fetching import Fetcher, FetchError, Refused
from .media import MediaError, save_document, save_image
from .models import ImportedArticle, ImportEvent, ImportRun
from .pages import content_hash, write_article
from .sources import SourceError, items

logger = logging.getLogger(__name__)


def source_host(source):
    for candidate in (source.old_portal_url, source.location.strip().splitlines()[0] if source.location else ""):
        if candidate.startswith(("http://", "https://")):
            return urlsplit(candidate).netloc.lower()
    return ""


def default_collection(source):
    if source.collection_id:
        return source.collection
    root = Collection.get_first_root_node()
    named = root.get_children().filter(name=source.site.site_name or source.site.hostname).first()
    return named or root


class ImportRunner:
    def __init__(self, source, dry_run=False, publish=None, resume=False, limit=None, out=None):
        self.source = source
        self.dry_run = dry_run
        self.publish = source.publish if publish is None else publish
        self.resume = resume
        self.limit = limit
        self.out = out
        self.fetcher = Fetcher(
            source_host(source),
            source.user_agent,
            delay=source.delay,
            timeout=source.timeout,
            max_bytes=source.max_bytes,
        )
        self.collection = default_collection(source)

    # Report ------------------------------------------------------------------------------------------------
    def _event(self, outcome, url, reason="", page=None):
        ImportEvent.objects.create(run=self.run, outcome=outcome, url=url[:1000], reason=reason, page=page)
        if outcome in (ImportEvent.CREATED, ImportEvent.UPDATED, ImportEvent.SKIPPED, ImportEvent.FAILED):
            field = outcome
            setattr(self.run, field, getattr(self.run, field) + 1)
        if self.out is not None:
            label = dict(ImportEvent.OUTCOMES)[outcome]
            self.out.write(f"{label}: {url}" + (f" – {reason}" if reason else ""))

    def execute(self):
        self.run = ImportRun.objects.create(source=self.source, dry_run=self.dry_run)
        try:
            for number, item in enumerate(items(self.source, self.fetcher), start=1):
                if self.limit and number > self.limit:
                    break
                self.import_item(item)
        except (SourceError, FetchError) as error:
            self._event(ImportEvent.FAILED, self.source.location.strip()[:1000], _("Source unreadable: %s") % error)
        self.run.finished_at = timezone.now()
        self.run.save()
        return self.run

    # One article -------------------------------------------------------------------------------------------
    def import_item(self, item):
        site = self.source.site
        record = ImportedArticle.objects.filter(site=site, original_url=item.url).select_related("page").first()
        if record is not None and self.resume:
            self._event(ImportEvent.SKIPPED, item.url, _("Already imported (resuming)."), record.page)
            return
        try:
            article = item.article or self.extract(item)
        except Refused as error:
            self._event(ImportEvent.SKIPPED, item.url, str(error))
            return
        except (FetchError, ExtractionError) as error:
            self._event(ImportEvent.FAILED, item.url, str(error))
            return
        article.url = item.url
        digest = content_hash(article)
        if record is not None and record.content_hash == digest:
            self._event(ImportEvent.SKIPPED, item.url, _("Unchanged since the last import."), record.page)
            return
        if self.dry_run:
            if record is None:
                self._event(ImportEvent.CREATED, item.url, _("Would create “%s”.") % article.title)
            else:
                self._event(ImportEvent.UPDATED, item.url, _("Would update: the article changed."), record.page)
            return
        try:
            downloads = self.download_media(item, article)
            with transaction.atomic():
                images, documents = self.save_media(item, downloads)
                page, created = write_article(self.source, article, record, images, documents, self.publish, digest)
        except Exception as error:  # one bad article never stops the run; the report says why
            logger.exception("Import of %s failed", item.url)
            self._event(ImportEvent.FAILED, item.url, _("Could not save the article: %s") % error)
            return
        if created:
            self._event(ImportEvent.CREATED, item.url, article.title, page)
        else:
            self._event(ImportEvent.UPDATED, item.url, _("The article changed."), page)

    def extract(self, item):
        if item.html is not None:
            content, content_type = item.html, ""
        else:
            response = self.fetcher.get(item.url)
            if "html" not in response.content_type and response.content_type:
                raise ExtractionError(_("Not an HTML page (%s).") % response.content_type.split(";")[0])
            content, content_type = response.content, response.content_type
        text = decode_html(content, content_type)
        return extract_article(
            text, item.base_url or item.url, self.source.selectors, title_hint=item.title, date_hint=item.date
        )

    def _download(self, item, url):
        if item.read_local is not None:
            local = item.read_local(url)
            if local is not None:
                return local
            if url.startswith("http://archive.invalid/"):
                raise MediaError(_("Not in the saved pages."))
        return self.fetcher.get(url).content

    def download_media(self, item, article):
        """The bytes of the article's pictures and documents: [(kind, url, title, bytes)]. A failure is a
        warning: the article keeps its text."""
        from .body import Paragraph, Picture

        wanted = {}
        for piece in article.pieces:
            if isinstance(piece, Picture):
                wanted.setdefault(piece.src, ("image", piece.caption or piece.alt))
            elif isinstance(piece, Paragraph):
                for url, title in piece.documents:
                    wanted.setdefault(url, ("document", title))
        downloads = []
        for url, (kind, title) in wanted.items():
            try:
                downloads.append((kind, url, title, self._download(item, url)))
            except (FetchError, MediaError) as error:
                self._warn(item, kind, url, error)
        return downloads

    def save_media(self, item, downloads):
        images, documents = {}, {}
        for kind, url, title, content in downloads:
            try:
                with transaction.atomic():
                    if kind == "image":
                        images[url] = save_image(content, url, title, self.collection)
                    else:
                        documents[url] = save_document(content, url, title, self.collection)
            except MediaError as error:
                self._warn(item, kind, url, error)
        return images, documents

    def _warn(self, item, kind, url, error):
        if kind == "image":
            reason = _("Image %(url)s: %(reason)s") % {"url": url, "reason": error}
        else:
            reason = _("Document %(url)s: %(reason)s") % {"url": url, "reason": error}
        self._event(ImportEvent.WARNING, item.url, reason)


def run_import(source, **options):
    return ImportRunner(source, **options).execute()
