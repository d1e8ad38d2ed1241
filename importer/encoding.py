"""Bytes of an old page to text: the charset of the HTTP header or the page's <meta>, UTF-8, or a legacy
Vietnamese code page (windows-1258 writes tones as combining marks: the text is composed to NFC)."""

import re
import unicodedata

CHARSET_IN_META = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_\-]+)""", re.IGNORECASE)
CHARSET_IN_HEADER = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_\-]+)", re.IGNORECASE)
FALLBACKS = ["utf-8", "cp1258"]


def _known(name):
    import codecs

    try:
        return codecs.lookup(name).name
    except (LookupError, TypeError):
        return None


def declared_charset(content, content_type=""):
    match = CHARSET_IN_HEADER.search(content_type or "")
    if match and _known(match.group(1)):
        return _known(match.group(1))
    match = CHARSET_IN_META.search(content[:4096])
    if match and _known(match.group(1).decode("ascii")):
        return _known(match.group(1).decode("ascii"))
    return None


def decode_html(content, content_type=""):
    """The page as NFC text."""
    if content.startswith(b"\xef\xbb\xbf"):
        content = content[3:]
    candidates = [declared_charset(content, content_type)] + FALLBACKS
    for charset in filter(None, candidates):
        try:
            text = content.decode(charset)
            break
        except UnicodeDecodeError:
            continue
    else:
        text = content.decode("utf-8", "replace")
    return unicodedata.normalize("NFC", text)
