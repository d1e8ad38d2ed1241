"""Numbers in the reader's convention: Vietnamese 1.234,5; English 1,234.5.

Django's localisation would follow settings (USE_THOUSAND_SEPARATOR...) and may differ per
template; indicators need the same spelling in pages, widgets, charts and CSV files.
"""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.utils.translation import get_language

# (decimal mark, thousands separator) per language; languages not listed use Vietnamese.
SEPARATORS = {"vi": (",", "."), "en": (".", ","), "jra": (",", ".")}


def separators(language=None):
    language = (language or get_language() or "vi").split("-")[0]
    return SEPARATORS.get(language, SEPARATORS["vi"])


def format_number(value, decimal_places=0, language=None, signed=False):
    """`value` rounded to `decimal_places` and spelled for `language` (the active one by default)."""
    if value is None:
        return ""
    decimal_mark, thousands = separators(language)
    number = Decimal(value).quantize(Decimal(1).scaleb(-decimal_places), rounding=ROUND_HALF_UP)
    sign = "-" if number < 0 else ("+" if signed and number > 0 else "")
    whole, _, fraction = f"{abs(number):f}".partition(".")
    groups = []
    while len(whole) > 3:
        whole, group = whole[:-3], whole[-3:]
        groups.insert(0, group)
    text = thousands.join([whole] + groups)
    if fraction:
        text = f"{text}{decimal_mark}{fraction}"
    return sign + text


class NumberFormat:
    """How a CSV file writes numbers; the importer is told which one, it never guesses."""

    VIETNAMESE = "vi"
    PLAIN = "plain"
    CHOICES = [(VIETNAMESE, "1.234,5"), (PLAIN, "1234.5")]


def parse_number(text, number_format):
    """A Decimal from a CSV cell; ValueError if the cell does not follow `number_format`."""
    text = (text or "").strip().replace("\u00a0", "").replace(" ", "")
    if not text:
        raise ValueError("empty")
    if number_format == NumberFormat.VIETNAMESE:
        whole, comma, fraction = text.partition(",")
        if "," in fraction:
            raise ValueError(text)
        digits = whole.lstrip("+-")
        if "." in digits:  # thousands groups must be exactly three digits
            groups = digits.split(".")
            if not (1 <= len(groups[0]) <= 3 and all(len(group) == 3 for group in groups[1:])):
                raise ValueError(text)
        text = whole.replace(".", "") + ("." + fraction if comma else "")
    elif "," in text:
        raise ValueError(text)
    try:
        number = Decimal(text)
    except InvalidOperation as error:
        raise ValueError(text) from error
    if not number.is_finite():
        raise ValueError(text)
    return number


def write_number(value, number_format):
    """The CSV spelling of a Decimal in `number_format` (no rounding: the stored value as it is)."""
    if value is None:
        return ""
    text = f"{Decimal(value).normalize():f}"
    if number_format == NumberFormat.PLAIN:
        return text
    sign = "-" if text.startswith("-") else ""
    whole, _, fraction = text.lstrip("-").partition(".")
    groups = []
    while len(whole) > 3:
        whole, group = whole[:-3], whole[-3:]
        groups.insert(0, group)
    spelled = ".".join([whole] + groups)
    return sign + spelled + ("," + fraction if fraction else "")
