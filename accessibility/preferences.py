"""Reader display preferences (text size, contrast), stored in one cookie.

The cookie value is parsed strictly: anything that is not a known size or contrast is
ignored, so a forged or garbage cookie can never inject markup or break a page.
"""

from dataclasses import dataclass

COOKIE_NAME = "a11y"
COOKIE_MAX_AGE = 365 * 24 * 3600
TEXT_SIZES = (100, 125, 150, 175, 200)
DEFAULT_SIZE = 100
CONTRASTS = ("default", "high")


@dataclass(frozen=True)
class ReaderPreferences:
    text_size: int = DEFAULT_SIZE
    contrast: str = "default"

    @classmethod
    def from_cookie(cls, raw):
        size, contrast = DEFAULT_SIZE, "default"
        for part in (raw or "")[:64].split("."):
            if part.startswith("t") and part[1:].isdigit() and int(part[1:]) in TEXT_SIZES:
                size = int(part[1:])
            elif part in ("hc",):
                contrast = "high"
        return cls(text_size=size, contrast=contrast)

    def to_cookie(self):
        parts = [f"t{self.text_size}"]
        if self.contrast == "high":
            parts.append("hc")
        return ".".join(parts)

    @property
    def is_default(self):
        return self.text_size == DEFAULT_SIZE and self.contrast == "default"

    @property
    def html_class(self):
        classes = [f"text-{self.text_size}"]
        if self.contrast == "high":
            classes.append("contrast-high")
        return " ".join(classes)

    def larger(self):
        bigger = [s for s in TEXT_SIZES if s > self.text_size]
        return ReaderPreferences(bigger[0] if bigger else self.text_size, self.contrast)

    def smaller(self):
        smaller = [s for s in TEXT_SIZES if s < self.text_size]
        return ReaderPreferences(smaller[-1] if smaller else self.text_size, self.contrast)

    def reset_size(self):
        return ReaderPreferences(DEFAULT_SIZE, self.contrast)

    def with_contrast(self, contrast):
        return ReaderPreferences(self.text_size, contrast)
