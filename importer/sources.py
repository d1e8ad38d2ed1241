"""The articles of a source, one at a time (streamed: a large sitemap or export is never held as objects):
a list of addresses, an XML sitemap (and sitemap index), an RSS/Atom feed, a folder or ZIP of saved pages,
or a WordPress export (WXR)."""

import io
import re
import zipfile
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from pathlib import Path, PurePosixPath
from urllib.parse import urljoin

from django.utils.translation import gettext as _
from lxml import etree

from .body import fragment, pieces_from
from .dates import parse_iso
from .extraction import Article, _source_from_last_paragraph

ARCHIVE_HOST = "http://archive.invalid/"  # base of saved pages' relative links: read from the archive, not fetched
WP_CAPTION = re.compile(r"\[caption[^\]]*\](.*?)\[/caption\]", re.DOTALL)
WP_SHORTCODE = re.compile(r"\[/?[a-z_]+[^\]]*\]")


class SourceError(Exception):
    """The source itself cannot be read (the run stops); the message goes in the report."""


@dataclass
class Item:
    url: str  # the article's address on the old portal: its identity and the redirect's old path
    html: bytes | None = None  # the saved page, when it need not be fetched
    base_url: str = ""  # what relative links resolve against (the address, or the file inside an archive)
    title: str = ""
    date: object = None
    article: Article | None = None  # already extracted (WordPress)
    read_local: object = None  # callable(url) -> bytes | None for files inside an archive
    extra: dict = field(default_factory=dict)


def _xml_parser():
    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=True)


def _local(tag):
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _iter_xml(data, tags):
    """(element) for each element whose local name is in `tags`, cleared after use (constant memory)."""
    stream = io.BytesIO(data) if isinstance(data, bytes) else data
    for _event, element in etree.iterparse(
        stream, events=("end",), resolve_entities=False, no_network=True, recover=True
    ):
        if _local(element.tag) in tags:
            yield element
            element.clear()
            while element.getprevious() is not None:
                del element.getparent()[0]


def url_list(source, fetcher):
    for line in source.location.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            yield Item(url=line)


def sitemap(source, fetcher, url=None, depth=0):
    response = fetcher.get(url or source.location.strip())
    nested = []
    for element in _iter_xml(response.content, {"sitemap", "url"}):
        loc = next((child.text.strip() for child in element if _local(child.tag) == "loc" and child.text), "")
        if not loc:
            continue
        if _local(element.tag) == "sitemap":
            nested.append(loc)
        else:
            yield Item(url=loc)
    for loc in nested:
        if depth < 3:
            yield from sitemap(source, fetcher, loc, depth + 1)


def _date_of(text):
    if not text:
        return None
    try:
        return parsedate_to_datetime(text.strip())
    except (TypeError, ValueError):
        return parse_iso(text)


def feed(source, fetcher):
    response = fetcher.get(source.location.strip())
    for element in _iter_xml(response.content, {"item", "entry"}):
        fields = {_local(child.tag): child for child in element}
        link = ""
        if "link" in fields:
            links = [child for child in element if _local(child.tag) == "link"]
            alternate = next((c for c in links if c.get("rel", "alternate") == "alternate" and c.get("href")), None)
            link = alternate.get("href") if alternate is not None else (links[0].text or "").strip()
        if not link:
            continue
        # Not `a or b`: an XML element without children is falsy, so a date element would always be passed over.
        date_element = next((fields[name] for name in ("pubDate", "published", "updated") if name in fields), None)
        title = fields["title"].text if "title" in fields else ""
        yield Item(
            url=link, title=(title or "").strip(), date=_date_of(date_element.text if date_element is not None else "")
        )


class _Archive:
    """A folder or ZIP of saved pages."""

    def __init__(self, path):
        self.path = Path(path)
        self.zip = zipfile.ZipFile(self.path) if self.path.is_file() else None
        if self.zip is None and not self.path.is_dir():
            raise SourceError(_("No folder or ZIP file at %(path)s.") % {"path": path})

    def names(self):
        if self.zip is not None:
            names = [info.filename for info in self.zip.infolist() if not info.is_dir()]
        else:
            names = [str(p.relative_to(self.path).as_posix()) for p in self.path.rglob("*") if p.is_file()]
        return sorted(name for name in names if name.lower().endswith((".html", ".htm")))

    def read(self, name):
        name = str(PurePosixPath(name))
        try:
            if self.zip is not None:
                return self.zip.read(name)
            target = (self.path / name).resolve()
            if self.path.resolve() not in target.parents:
                return None
            return target.read_bytes()
        except (KeyError, OSError):
            return None

    def read_url(self, url):
        if not url.startswith(ARCHIVE_HOST):
            return None
        from urllib.parse import unquote

        return self.read(unquote(url.removeprefix(ARCHIVE_HOST).split("?")[0]))


CANONICAL = re.compile(rb"""<link[^>]+rel=["']canonical["'][^>]*href=["']([^"']+)["']""", re.IGNORECASE)
OG_URL = re.compile(rb"""<meta[^>]+property=["']og:url["'][^>]*content=["']([^"']+)["']""", re.IGNORECASE)


def archive(source, fetcher):
    location = source.upload.path if source.upload else source.location.strip()
    saved = _Archive(location)
    old_portal = source.old_portal_url.rstrip("/") + "/" if source.old_portal_url else ""
    for name in saved.names():
        content = saved.read(name)
        match = CANONICAL.search(content[:20000]) or OG_URL.search(content[:20000])
        url = match.group(1).decode("utf-8", "replace").strip() if match else ""
        if not url.startswith(("http://", "https://")):
            url = "" if not old_portal else urljoin(old_portal, url or name)
        yield Item(
            url=url or urljoin(ARCHIVE_HOST, name),
            html=content,
            base_url=urljoin(ARCHIVE_HOST, name),
            read_local=saved.read_url,
            extra={"file": name},
        )


def _wordpress_html(content):
    content = WP_CAPTION.sub(_caption_figure, content or "")
    content = WP_SHORTCODE.sub("", content)
    if "<p" not in content:
        content = "".join(f"<p>{part.strip()}</p>" for part in re.split(r"\n\s*\n", content) if part.strip())
    return content


def _caption_figure(match):
    inner = match.group(1)
    image = re.search(r"<img[^>]*>", inner)
    caption = re.sub(r"<[^>]+>", "", inner).strip()
    return f"<figure>{image.group(0) if image else ''}<figcaption>{caption}</figcaption></figure>"


def wordpress(source, fetcher):
    location = source.upload.path if source.upload else source.location.strip()
    try:
        stream = open(location, "rb")  # noqa: SIM115  (closed below, after streaming)
    except OSError as error:
        raise SourceError(_("Cannot read the WordPress export %(path)s.") % {"path": location}) from error
    with stream:
        for element in _iter_xml(stream, {"item", "base_site_url"}):
            if _local(element.tag) == "base_site_url":
                if not fetcher.host and element.text:
                    fetcher.host = element.text.strip().split("//")[-1].split("/")[0].lower()
                continue
            fields = {}
            tags = []
            for child in element:
                name = _local(child.tag)
                if name == "category" and child.get("domain") == "post_tag" and child.text:
                    tags.append(child.text.strip())
                elif name == "encoded":
                    fields["excerpt" if "excerpt" in child.tag else "content"] = child.text or ""
                else:
                    fields[name] = (child.text or "").strip()
            if fields.get("post_type") != "post" or fields.get("status") != "publish":
                continue
            url = fields.get("link") or fields.get("guid", "")
            gmt = fields.get("post_date_gmt", "")
            date = parse_iso(gmt.replace(" ", "T") + "Z") if gmt.strip("0-: ") else parse_iso(fields.get("post_date"))
            pieces = pieces_from(fragment(_wordpress_html(fields.get("content"))), url)
            source_line = _source_from_last_paragraph(pieces)
            lead = " ".join(re.sub(r"<[^>]+>", " ", fields.get("excerpt", "")).split())
            article = Article(
                url=url,
                title=fields.get("title", "")[:255],
                date=date,
                lead=lead,
                source=source_line,
                pieces=pieces,
                tags=tags,
            )
            yield Item(url=url, article=article)


READERS = {"urls": url_list, "sitemap": sitemap, "feed": feed, "archive": archive, "wordpress": wordpress}


def items(source, fetcher):
    return READERS[source.kind](source, fetcher)
