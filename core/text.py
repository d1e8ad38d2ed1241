"""Vietnamese text folded for diacritic-insensitive matching: "chuyen doi so" matches "Chuyển đổi số"."""

import re
import unicodedata

_SPACES = re.compile(r"\s+")


def fold(text):
    """Lowercase, strip diacritics (đ→d included) and collapse whitespace."""
    text = (text or "").replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return _SPACES.sub(" ", plain).strip().lower()
