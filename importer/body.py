"""An article's body element (lxml) to a list of pieces that become the NewsPage's StreamField blocks.

Paragraphs keep bold, italic, links and lists; headings map to h2-h4; images keep their caption (from
<figcaption>, an image table's caption cell, or the centred italic line under the image); data tables and
quotes become their own blocks; links to PDF/DOCX... files are marked so they can be imported as documents.
"""

import html
import re
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

DOCUMENT_EXTENSIONS = (".pdf", ".doc", ".docx", ".xls", ".xlsx", ".odt", ".ods", ".ppt", ".pptx")
BLOCK_TAGS = {"p", "div", "section", "article", "center", "main", "header", "footer", "span", "font", "form"}
INLINE_KEEP = {"b": "b", "strong": "b", "i": "i", "em": "i", "a": "a", "br": "br", "u": None, "sup": None}
LIST_TAGS = {"ul", "ol"}
SKIP_TAGS = {"script", "style", "noscript", "iframe", "object", "embed", "hr", "button", "input", "select", "svg"}


@dataclass
class Paragraph:
    html: str
    documents: list = field(default_factory=list)  # [(absolute url, link text)]


@dataclass
class Heading:
    text: str
    level: str


@dataclass
class Picture:
    src: str
    caption: str = ""
    alt: str = ""


@dataclass
class Table:
    caption: str
    rows: list
    header: bool


@dataclass
class Quote:
    text: str


def text_of(element):
    return " ".join("".join(element.itertext()).split()) if element is not None else ""


def clean_text(text):
    return " ".join((text or "").split())


def absolute(url, base):
    url = (url or "").strip()
    if not url or url.startswith(("data:", "javascript:", "mailto:", "tel:", "#")):
        return url
    return urljoin(base, url)  # handles "../anh/x.jpg" and protocol-relative "//host/x.jpg"


def is_document(url):
    return urlsplit(url).path.lower().endswith(DOCUMENT_EXTENSIONS)


def image_source(img, base):
    for attribute in ("data-src", "data-original", "src"):
        value = (img.get(attribute) or "").strip()
        if value and not value.startswith("data:"):
            return absolute(value, base)
    return ""


def _tag(element):
    return element.tag.lower() if isinstance(element.tag, str) else ""


class BodyConverter:
    def __init__(self, base_url, image_filter=None):
        self.base_url = base_url
        self.image_filter = image_filter  # a set of <img> elements to keep, or None for all
        self.pieces = []
        self._inline = []  # pending inline html of the current paragraph
        self._documents = []

    # Inline content --------------------------------------------------------------------------------------
    def _inline_html(self, element, documents):
        parts = []
        for child in element:
            parts.append(self._inline_child(child, documents))
            if child.tail:
                parts.append(html.escape(child.tail, quote=False))
        return (html.escape(element.text, quote=False) if element.text else "") + "".join(parts)

    def _inline_child(self, child, documents):
        tag = _tag(child)
        if not tag or tag in SKIP_TAGS or tag == "img":
            return ""
        inner = self._inline_html(child, documents)
        if tag == "br":
            return "<br/>"
        if tag == "a":
            href = absolute(child.get("href"), self.base_url)
            if not href or href.startswith(("javascript:", "#")) or not inner.strip():
                return inner
            if is_document(href):
                documents.append((href, text_of(child)))
            return f'<a href="{html.escape(href)}">{inner}</a>'
        if INLINE_KEEP.get(tag) and inner.strip():
            name = INLINE_KEEP[tag]
            return f"<{name}>{inner}</{name}>"
        return inner

    def _flush(self):
        text = " ".join("".join(self._inline).split())
        text = re.sub(r"^(<br/>\s*)+|(\s*<br/>)+$", "", text)
        if re.sub(r"<[^>]+>", "", text).strip():
            self.pieces.append(Paragraph(html=f"<p>{text}</p>", documents=self._documents))
        self._inline, self._documents = [], []

    # Blocks ----------------------------------------------------------------------------------------------
    def convert(self, root):
        if root.text:
            self._inline.append(html.escape(root.text, quote=False))
        for child in root:
            self._block(child)
            if child.tail and child.tail.strip():
                self._inline.append(html.escape(child.tail, quote=False))
        self._flush()
        return merge_captions(self.pieces)

    def _images_in(self, element):
        images = [element] if _tag(element) == "img" else element.iter("img")
        return [img for img in images if self.image_filter is None or img in self.image_filter]

    def _picture(self, img, caption=""):
        src = image_source(img, self.base_url)
        if src:
            self.pieces.append(Picture(src=src, caption=clean_text(caption), alt=clean_text(img.get("alt"))))

    def _block(self, element):
        tag = _tag(element)
        if not tag or tag in SKIP_TAGS:
            return
        if tag in INLINE_KEEP or tag in ("u", "sup", "sub", "small", "abbr", "code", "label"):
            if tag == "a" and element.find(".//img") is not None:
                self._flush()
                for img in self._images_in(element):
                    self._picture(img)
                return
            self._inline.append(self._inline_child(element, self._documents))
            return
        self._flush()
        if tag == "img":
            if self._images_in(element):
                self._picture(element)
        elif tag == "figure":
            caption = text_of(element.find(".//figcaption"))
            for img in self._images_in(element):
                self._picture(img, caption)
        elif tag == "table":
            self._table(element)
        elif tag == "blockquote":
            text = text_of(element)
            if text:
                self.pieces.append(Quote(text=text))
        elif re.fullmatch(r"h[1-6]", tag):
            text = text_of(element)
            if text:
                level = {"h1": "h2", "h2": "h2", "h3": "h3"}.get(tag, "h4")
                self.pieces.append(Heading(text=text[:200], level=level))
        elif tag in LIST_TAGS:
            documents = []
            items = "".join(
                f"<li>{' '.join(self._inline_html(li, documents).split())}</li>"
                for li in element
                if _tag(li) == "li" and text_of(li)
            )
            if items:
                self.pieces.append(Paragraph(html=f"<{tag}>{items}</{tag}>", documents=documents))
        elif tag == "figcaption":
            self.pieces.append(Paragraph(html=f"<p>{html.escape(text_of(element))}</p>"))
        else:  # p, div and any other container
            self._container(element)

    def _container(self, element):
        has_blocks = any(
            _tag(child) in BLOCK_TAGS | LIST_TAGS | {"table", "figure", "blockquote", "img", "ul", "ol"}
            or re.fullmatch(r"h[1-6]", _tag(child))
            for child in element
        )
        if not has_blocks and element.find(".//img") is None:
            documents = []
            inner = self._inline_html(element, documents)
            self._inline.append(inner)
            self._documents.extend(documents)
            self._flush()
            return
        if element.text and element.text.strip():
            self._inline.append(html.escape(element.text, quote=False))
        for child in element:
            self._block(child)
            if child.tail and child.tail.strip():
                self._inline.append(html.escape(child.tail, quote=False))
        self._flush()

    def _table(self, element):
        images = self._images_in(element)
        if images or element.find(".//img") is not None:
            # A layout table around a photo: the photo, captioned by the table's text.
            for img in images:
                self._picture(img, text_of(element))
            return
        rows = []
        for tr in element.iter("tr"):
            cells = [text_of(cell) for cell in tr if _tag(cell) in ("td", "th")]
            if any(cells):
                rows.append(cells)
        if not rows:
            return
        width = max(len(row) for row in rows)
        rows = [row + [""] * (width - len(row)) for row in rows]
        first = next((tr for tr in element.iter("tr")), None)
        header = first is not None and all(_tag(cell) == "th" for cell in first if _tag(cell))
        caption = text_of(element.find("caption"))
        if not caption and self.pieces and isinstance(self.pieces[-1], Paragraph):
            previous = re.sub(r"<[^>]+>", "", self.pieces[-1].html).strip()
            if previous.endswith(":") and len(previous) <= 200:
                caption = previous.rstrip(":").strip()
        self.pieces.append(Table(caption=(caption or " | ".join(rows[0]))[:250], rows=rows, header=header))


CAPTION_LINE = re.compile(r"^<p>(?:<i>(.*)</i>|<b><i>(.*)</i></b>|<i><b>(.*)</b></i>)</p>$", re.DOTALL)


def merge_captions(pieces):
    """An italic line straight after an uncaptioned picture is that picture's caption."""
    merged = []
    for piece in pieces:
        previous = merged[-1] if merged else None
        if isinstance(piece, Paragraph) and isinstance(previous, Picture) and not previous.caption:
            match = CAPTION_LINE.match(piece.html)
            if match and "<" not in next(group for group in match.groups() if group is not None):
                previous.caption = html.unescape(next(group for group in match.groups() if group is not None))
                continue
        merged.append(piece)
    return merged


def pieces_from(root, base_url, image_filter=None):
    return BodyConverter(base_url, image_filter).convert(root)


def fragment(html_text):
    """A parsed body fragment (e.g. a WordPress post's content)."""
    from lxml import html as lxml_html

    return lxml_html.fragment_fromstring(html_text or "", create_parent="div")


__all__ = ["Heading", "Paragraph", "Picture", "Quote", "Table", "fragment", "pieces_from", "text_of"]
