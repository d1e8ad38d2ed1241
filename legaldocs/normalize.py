"""Vietnamese text folded for diacritic-insensitive search: "Quyết định" and "quyet dinh" match."""

import unicodedata


def fold(text):
    """Lowercase, without diacritics (đ → d), whitespace collapsed."""
    text = (text or "").replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return " ".join(stripped.lower().split())
