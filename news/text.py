"""Text of articles: the words of a StreamField, reading time. Folding is core/text.py."""

from django.utils.html import strip_tags


def stream_text(raw_data):
    """All the human-readable strings in a StreamField's raw data (rich text stripped of tags)."""
    parts = []

    def walk(value):
        if isinstance(value, str):
            if not value.startswith(("http://", "https://")):
                parts.append(strip_tags(value))
        elif isinstance(value, dict):
            for key, item in value.items():
                if key not in ("type", "id", "decorative"):
                    walk(item)
        elif isinstance(value, list | tuple):
            for item in value:
                walk(item)

    walk(raw_data)
    return " ".join(part for part in parts if part and not part.isdigit())


def reading_minutes(text, words_per_minute=200):
    words = len((text or "").split())
    return max(1, round(words / words_per_minute))
