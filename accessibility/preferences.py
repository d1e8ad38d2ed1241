"""Reader display preferences (text size, contrast), stored in one cookie.

The cookie value is parsed strictly: anything that is not a known size or contrast is
ignored, so a forged or garbage cookie can never inject markup or break a page.

Cookie format: dot-separated tokens, e.g. "t150.hc". Tokens:
  t100 … t200   text size in percent (steps of TEXT_SIZES)
  hc            the reader chose high contrast
  nc            the reader chose normal contrast (so the OS "prefers-contrast: more" no longer applies)
The same format is parsed by portal/static/js/reader-prefs-early.js and reader-prefs.js.
"""

from dataclasses import dataclass

COOKIE_NAME = "a11y"
COOKIE_MAX_AGE = 365 * 24 * 3600
TEXT_SIZES = (100, 125, 150, 175, 200)
DEFAULT_SIZE = 100
MIN_SIZE, MAX_SIZE = TEXT_SIZES[0], TEXT_SIZES[-1]
CONTRASTS = ("default", "high")
MAX_COOKIE_LENGTH = 64


@dataclass(frozen=True)
class ReaderPreferences:
    text_size: int = DEFAULT_SIZE
    contrast: str = "default"
    contrast_chosen: bool = False

    @classmethod
    def from_cookie(cls, raw):
        size, contrast, chosen = DEFAULT_SIZE, "default", False
        for part in (raw or "")[:MAX_COOKIE_LENGTH].split("."):
            if part.startswith("t") and part[1:].isdigit() and int(part[1:]) in TEXT_SIZES:
                size = int(part[1:])
            elif part == "hc":
                contrast, chosen = "high", True
            elif part == "nc":
                contrast, chosen = "default", True
        return cls(text_size=size, contrast=contrast, contrast_chosen=chosen)

    def to_cookie(self):
        parts = [f"t{self.text_size}"]
        if self.contrast_chosen:
            parts.append("hc" if self.contrast == "high" else "nc")
        return ".".join(parts)

    @property
    def is_default(self):
        return self.text_size == DEFAULT_SIZE and not self.contrast_chosen

    @property
    def html_class(self):
        """`contrast-high` when chosen; `contrast-chosen` when the reader chose normal contrast, which
        switches off the system's `prefers-contrast: more` palette (high contrast is a choice by itself)."""
        classes = [f"text-{self.text_size}"]
        if self.contrast == "high":
            classes.append("contrast-high")
        elif self.contrast_chosen:
            classes.append("contrast-chosen")
        return " ".join(classes)

    @property
    def is_smallest(self):
        return self.text_size == MIN_SIZE

    @property
    def is_largest(self):
        return self.text_size == MAX_SIZE

    def larger(self):
        bigger = [s for s in TEXT_SIZES if s > self.text_size]
        return ReaderPreferences(bigger[0] if bigger else self.text_size, self.contrast, self.contrast_chosen)

    def smaller(self):
        smaller = [s for s in TEXT_SIZES if s < self.text_size]
        return ReaderPreferences(smaller[-1] if smaller else self.text_size, self.contrast, self.contrast_chosen)

    def reset_size(self):
        return ReaderPreferences(DEFAULT_SIZE, self.contrast, self.contrast_chosen)

    def with_contrast(self, contrast):
        if contrast not in CONTRASTS:
            return self
        return ReaderPreferences(self.text_size, contrast, True)


def preferences_for(request):
    return ReaderPreferences.from_cookie(request.COOKIES.get(COOKIE_NAME))


def cache_variant(request):
    """The part of a page-cache key that depends on the reader: the normalised `a11y` cookie.

    Pages differ between readers only in the <html> classes and the toolbar's pressed states,
    both derived from this value, so a page cache keyed on it (plus host, path and language)
    never serves one reader's style to another. Garbage cookies normalise to the default
    variant, so they cannot be used to fill the cache with entries.
    """
    return preferences_for(request).to_cookie()
