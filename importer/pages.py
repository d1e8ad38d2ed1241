"""An extracted article to a NewsPage, created or updated the way an editor would (a revision, published or
left as a draft), with the redirect from its old address and the record that makes the next import an update."""

import hashlib
import html
import json
import re
from dataclasses import asdict
from urllib.parse import urlsplit

from django.utils import timezone
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update

from core.slugs import vietnamese_slugify
from news.models import NewsPage

from .body import Heading, Paragraph, Picture, Quote, Table
from .models import ImportedArticle


def content_hash(article):
    """Changes when anything the page shows changes; unchanged articles are skipped on the next run."""
    data = {
        "title": article.title,
        "date": article.date.isoformat() if article.date else "",
        "lead": article.lead,
        "source": article.source,
        "tags": list(article.tags),
        "pieces": [[type(piece).__name__, asdict(piece)] for piece in article.pieces],
    }
    return hashlib.sha256(json.dumps(data, ensure_ascii=False, sort_keys=True).encode()).hexdigest()


def _paragraph_html(piece, documents):
    text = piece.html
    for url, _title in piece.documents:
        document = documents.get(url)
        if document is not None:
            text = text.replace(f'<a href="{html.escape(url)}">', f'<a linktype="document" id="{document.pk}">')
    return text


def body_blocks(pieces, images, documents):
    """Raw StreamField data for NewsBodyStreamBlock; pictures whose image failed to import are left out."""
    blocks = []
    for piece in pieces:
        if isinstance(piece, Paragraph):
            only_link = re.fullmatch(r"<p>\s*<a [^>]+>([^<]*)</a>\s*</p>", piece.html)
            if only_link and len(piece.documents) == 1 and piece.documents[0][0] in documents:
                url, title = piece.documents[0]
                blocks.append({"type": "document", "value": {"document": documents[url].pk, "title": title}})
            else:
                blocks.append({"type": "paragraph", "value": _paragraph_html(piece, documents)})
        elif isinstance(piece, Heading):
            blocks.append({"type": "heading", "value": {"text": piece.text, "level": piece.level}})
        elif isinstance(piece, Picture):
            image = images.get(piece.src)
            if image is None:
                continue
            alt = piece.alt or piece.caption or image.title
            value = {"image": {"image": image.pk, "alt_text": alt[:255], "decorative": False}}
            blocks.append({"type": "image", "value": {**value, "caption": piece.caption[:300]}})
        elif isinstance(piece, Quote):
            blocks.append({"type": "quote", "value": {"quote": piece.text, "attribution": ""}})
        elif isinstance(piece, Table):
            table = {
                "data": piece.rows,
                "first_row_is_table_header": piece.header,
                "first_col_is_header": False,
                "table_caption": "",
            }
            blocks.append({"type": "table", "value": {"caption": piece.caption, "table": table}})
    return blocks


def _unique_slug(section, title):
    base = vietnamese_slugify(title, max_length=80) or "bai-viet"
    taken = set(section.get_children().filter(slug__startswith=base).values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def write_article(source, article, record, images, documents, publish, digest):
    """Create or update the article's page (call inside a transaction). Returns (page, created)."""
    section = source.section.specific
    body = body_blocks(article.pieces, images, documents)
    pictures = [piece for piece in article.pieces if isinstance(piece, Picture) and piece.src in images]
    cover = images[pictures[0].src] if pictures else None
    created = record is None
    if created:
        page = NewsPage(title=article.title, slug=_unique_slug(section, article.title), live=False)
    else:
        page = record.page.specific
    page.title = article.title
    page.publication_date = article.date or page.publication_date or timezone.now()
    page.lead = article.lead
    page.body = body
    page.source = article.source
    page.cover_image = cover
    if source.category_id:
        page.categories.set([source.category])
    if article.tags:
        page.tags.set(article.tags)
    # Adding, revising and publishing save the page three times and Wagtail rebuilds its reference index on each
    # save: switched off (in this thread only) and rebuilt once from the final page, the rows are the same.
    with disable_reference_index_auto_update():
        if created:
            section.add_child(instance=page)
        # A new page published now is validated in full by publish(): once is enough.
        revision = page.save_revision(log_action=True, clean=not (created and publish))
        if publish:
            revision.publish()
            page.refresh_from_db()
    ReferenceIndex.create_or_update_for_object(page)
    _redirect_old_address(source.site, article.url, page)
    ImportedArticle.objects.update_or_create(
        site=source.site,
        original_url=article.url,
        defaults={"page": page, "source": source, "content_hash": digest},
    )
    return page, created


def _redirect_old_address(site, original_url, page):
    parts = urlsplit(original_url)
    old_path = Redirect.normalise_path(parts.path + (f"?{parts.query}" if parts.query else ""))
    if old_path in ("", "/") or old_path == Redirect.normalise_path(page.get_url_parts()[2] if page.live else ""):
        return
    Redirect.objects.update_or_create(
        site=site, old_path=old_path, defaults={"redirect_page": page, "is_permanent": True, "redirect_link": ""}
    )
