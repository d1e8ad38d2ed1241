"""One old article page (HTML text) to its parts: title, date, lead (sapo), source line and body pieces.

Per-source CSS selectors win; otherwise meta tags and the usual class names of Vietnamese portals, and
trafilatura finds the main content. "Tin liên quan", "Tin nổi bật" and similar boxes, menus, breadcrumbs,
headers and footers are removed before anything is looked for, so they never reach the body.
"""

import re
from dataclasses import dataclass, field

import trafilatura
from django.utils.translation import gettext as _
from lxml import etree
from lxml import html as lxml_html

from .body import Paragraph, Picture, pieces_from, text_of
from .dates import parse_any_date, parse_iso

BOX_TITLES = re.compile(
    r"^(tin|bài viết|bài|các tin)\s*(liên quan|nổi bật|cùng chuyên mục|khác|mới|mới nhất|đọc nhiều|xem nhiều|đã đưa)"
    r"|^(xem nhiều|đọc nhiều|liên kết website|chia sẻ|bình luận|từ khóa|tags?)\b",
    re.IGNORECASE,
)
CHROME = re.compile(r"(^|[\s_-])(menu|nav|navbar|breadcrumbs?|header|footer|banner|sidebar|share|social)($|[\s_-])")
CHROME_TAGS = {"nav", "header", "footer", "aside", "form"}
LEAD_CLASS = re.compile(r"sapo|lead|summary|mo-ta|mota|tom-tat|tomtat|description|chapeau|intro", re.IGNORECASE)
DATE_CLASS = re.compile(r"date|time|ngay|thoi-gian|publish", re.IGNORECASE)
SOURCE_CLASS = re.compile(r"author|tac-gia|tacgia|nguon|source|byline", re.IGNORECASE)
DATE_META = [
    "article:published_time",
    "og:published_time",
    "datePublished",
    "pubdate",
    "publishdate",
    "date",
    "dc.date",
    "dcterms.created",
]
TITLE_CLASS = re.compile(r"title|tieu-de|tieude", re.IGNORECASE)
NOT_TEXT = re.compile(r"^[\W_]*$|^(lượt xem|lượt đọc|số lượt xem|in bài|gửi bài|bản in|cỡ chữ)\b", re.IGNORECASE)
SOURCE_PREFIX = re.compile(r"^(nguồn|tác giả|theo)\s*:\s*", re.IGNORECASE)


class ExtractionError(Exception):
    """The page holds no article we can import; the message is the reason shown in the report."""


@dataclass
class Article:
    url: str
    title: str
    date: object = None
    lead: str = ""
    source: str = ""
    pieces: list = field(default_factory=list)
    tags: list = field(default_factory=list)


def parse_document(text):
    try:
        document = lxml_html.document_fromstring(text)
    except (etree.ParserError, ValueError) as error:
        raise ExtractionError(_("The page is not readable HTML.")) from error
    etree.strip_elements(document, etree.Comment, "script", "style", "noscript", with_tail=False)
    return document


def _classes(element):
    return f"{element.get('class', '')} {element.get('id', '')}".lower()


def _select(document, selector):
    try:
        found = document.cssselect(selector)
    except Exception as error:  # cssselect raises several parse errors
        raise ExtractionError(_("The CSS selector %(selector)s is not valid.") % {"selector": selector}) from error
    return found[0] if found else None


def _first_with_class(document, pattern, tags=("div", "p", "span", "time", "strong", "em", "h4", "h5", "h6")):
    for element in document.iter(*tags):
        if pattern.search(_classes(element)) and text_of(element):
            return element
    return None


def _meta(document, *names):
    wanted = {name.lower() for name in names}
    for element in document.iter("meta"):
        key = (element.get("property") or element.get("name") or element.get("itemprop") or "").lower()
        if key in wanted and element.get("content"):
            return element.get("content").strip()
    return ""


def _remove(element):
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail
    parent.remove(element)
    if tail and tail.strip():
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail


def remove_boxes_and_chrome(document, keep=()):
    """Drop related/featured boxes, menus, breadcrumbs, headers, footers; never an element in `keep` or above it."""
    protected = set()
    for element in keep:
        if element is not None:
            protected.update(element.iterancestors())
            protected.add(element)
    doomed = []
    for element in document.iter():
        if not isinstance(element.tag, str) or element in protected:
            continue
        tag = element.tag.lower()
        if tag in CHROME_TAGS or (tag in ("div", "ul", "section", "table") and CHROME.search(_classes(element))):
            doomed.append(element)
            continue
        if tag in ("div", "section", "ul", "table", "dl"):
            heading = next(
                (
                    child
                    for child in element.iter()
                    if isinstance(child.tag, str) and child is not element and text_of(child)
                ),
                None,
            )
            if heading is not None and BOX_TITLES.search(text_of(heading)):
                doomed.append(element)
    for element in doomed:
        if any(ancestor in doomed for ancestor in element.iterancestors()):
            continue
        _remove(element)


def locate_main_content(document, exclude_texts):
    """The element that holds the main text trafilatura finds: the lowest common ancestor of its paragraphs."""
    serialised = etree.tostring(document, encoding="unicode")
    text = trafilatura.extract(serialised, output_format="txt", include_tables=True, favor_recall=True, fast=True)
    if not text:
        text = trafilatura.extract(serialised, output_format="txt", include_tables=True, favor_recall=True)
    if not text:
        return None
    lines = {" ".join(line.split()) for line in text.splitlines()} - {""} - set(exclude_texts)
    marked = []
    for element in document.body.iter("p", "li", "td", "th", "h2", "h3", "h4", "h5", "h6", "blockquote", "div"):
        own = text_of(element)
        if own and own in lines and not any(ancestor in marked for ancestor in element.iterancestors()):
            marked.append(element)
    if not marked:
        return None
    paths = [list(reversed([element, *element.iterancestors()])) for element in marked]
    common = None
    for level in zip(*paths, strict=False):
        if all(node is level[0] for node in level):
            common = level[0]
        else:
            break
    if common is marked[0] and len(marked) == 1 and common.getparent() is not None:
        common = common.getparent()
    return common


def _title(document, selectors, fallback):
    if selectors.get("title"):
        element = _select(document, selectors["title"])
        return text_of(element), element
    for h1 in document.iter("h1"):
        if text_of(h1) and not CHROME.search(" ".join(_classes(a) for a in h1.iterancestors())):
            return text_of(h1), h1
    title = _meta(document, "og:title") or fallback
    if not title:
        element = document.find(".//title")
        title = re.split(r"\s+[-|–]\s+", text_of(element))[0] if element is not None else ""
    # The same words printed as the article's heading (h2, or a "title" class): that element is the title.
    for element in document.body.iter("h2", "h3", "div", "p", "span", "strong"):
        if text_of(element) == title and (element.tag in ("h2", "h3") or TITLE_CLASS.search(_classes(element))):
            return title, element
    return title, None


def _date(document, selectors):
    if selectors.get("date"):
        element = _select(document, selectors["date"])
        if element is None:
            return None, None
        return parse_any_date(element.get("datetime") or text_of(element)), element
    value = parse_iso(_meta(document, *DATE_META))
    if value:
        return value, None
    for element in document.iter("time"):
        value = parse_any_date(element.get("datetime") or text_of(element))
        if value:
            return value, element
    for element in document.iter("div", "span", "p", "time", "em", "small", "li"):
        if DATE_CLASS.search(_classes(element)):
            value = parse_any_date(text_of(element))
            if value:
                return value, element
    return None, None


def _by_selector_or_class(document, selectors, name, pattern):
    if selectors.get(name):
        return _select(document, selectors[name])
    return _first_with_class(document, pattern)


def _source_from_last_paragraph(pieces):
    """A short line closing the body, "Nguồn: ..." or entirely bold, is the source line."""
    if not pieces or not isinstance(pieces[-1], Paragraph):
        return ""
    html_text = pieces[-1].html
    plain = re.sub(r"<[^>]+>", "", html_text).strip()
    if len(plain) > 120:
        return ""
    if SOURCE_PREFIX.match(plain) or re.fullmatch(r"<p>\s*<b>[^<]+</b>\s*</p>", html_text):
        pieces.pop()
        return SOURCE_PREFIX.sub("", plain).strip()
    return ""


def extract_article(text, url, selectors=None, title_hint="", date_hint=None):
    """The article in the page `text` found at `url`. Raises ExtractionError when there is none."""
    selectors = selectors or {}
    document = parse_document(text)
    document.make_links_absolute(url, resolve_base_href=True, handle_failures="ignore")
    if document.body is None:
        raise ExtractionError(_("The page has no body."))
    title, title_element = _title(document, selectors, title_hint)
    date, date_element = _date(document, selectors)
    lead_element = _by_selector_or_class(document, selectors, "lead", LEAD_CLASS)
    source_element = _by_selector_or_class(document, selectors, "source", SOURCE_CLASS)
    body = _select(document, selectors["body"]) if selectors.get("body") else None
    if selectors.get("body") and body is None:
        raise ExtractionError(_("The body selector matches nothing on this page."))
    image_filter = set(document.cssselect(selectors["image"])) if selectors.get("image") else None
    remove_boxes_and_chrome(document, keep=[body, title_element, lead_element, date_element, source_element])
    lead = text_of(lead_element)
    source = SOURCE_PREFIX.sub("", text_of(source_element))
    if body is None:
        body = locate_main_content(document, exclude_texts={title, lead, text_of(date_element)})
    if body is None or not title:
        raise ExtractionError(_("No article found on this page."))
    for element in (title_element, date_element, lead_element, source_element):
        if element is not None and element is not body and any(a is body for a in element.iterancestors()):
            parent = element.getparent()
            _remove(element)
            # A small info line around the date ("Ngày đăng: ... | Lượt xem: ...") goes with it.
            small = parent is not body and len(text_of(parent)) < 120 and parent.find(".//img") is None
            if element is date_element and small and parent.find(".//p") is None:
                _remove(parent)
    pieces = pieces_from(body, url, image_filter)
    if not source:
        source = _source_from_last_paragraph(pieces)
    pieces = [piece for piece in pieces if not _repeats(piece, title, lead)]
    if not any(not isinstance(piece, Picture) for piece in pieces) and not lead:
        raise ExtractionError(_("No article text found on this page."))
    return Article(url=url, title=title[:255], date=date or date_hint, lead=lead, source=source[:200], pieces=pieces)


def _repeats(piece, title, lead):
    """Paragraphs that only repeat the title or lead, or are page furniture ("Lượt xem: 120", "|")."""
    if not isinstance(piece, Paragraph):
        return False
    plain = " ".join(re.sub(r"<[^>]+>", " ", piece.html).split())
    return plain in {title, lead} or bool(NOT_TEXT.search(plain))
