"""CSV import and export of observations: code, period, value, rank, rank_of, note.

An import is all or nothing: every row is checked first and the first problems are reported
(row and column named); only a file without any problem is written, in one transaction.
"""

import csv
import io
from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import Locale

from .models import Indicator, Observation
from .numbers import parse_number, write_number
from .periods import format_period_code, parse_period

COLUMNS = ["code", "period", "value", "rank", "rank_of", "note"]
REQUIRED = {"code", "period", "value"}
MAX_BYTES = 1024 * 1024
MAX_ROWS = 10000
MAX_ERRORS = 20


class ImportRejected(Exception):
    def __init__(self, errors):
        super().__init__("; ".join(errors))
        self.errors = errors


@dataclass
class Row:
    line: int
    indicator: Indicator
    period_kind: str
    period_start: object
    value: object
    rank: int | None
    rank_of: int | None
    note: str
    existing: Observation | None = None

    @property
    def period_code(self):
        return format_period_code(self.period_kind, self.period_start)


def _decode(data):
    if len(data) > MAX_BYTES:
        raise ImportRejected([_("The file is larger than %(size)s KB.") % {"size": MAX_BYTES // 1024}])
    for encoding in ("utf-8-sig", "cp1258"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ImportRejected([_("The file is not UTF-8 text.")])


def _integer(text):
    text = text.strip()
    if not text:
        return None
    if not text.isdigit():
        raise ValueError(text)
    return int(text)


def parse(data, site, number_format):
    """The rows of a CSV file (bytes) for `site`, checked; ImportRejected lists the problems."""
    text = _decode(data)
    reader = csv.DictReader(io.StringIO(text))
    header = [name.strip().lower() for name in (reader.fieldnames or [])]
    missing = [name for name in COLUMNS if name in REQUIRED and name not in header]
    if missing:
        raise ImportRejected([_("Missing column(s): %(columns)s.") % {"columns": ", ".join(missing)}])
    reader.fieldnames = header
    indicators = {
        indicator.code: indicator for indicator in Indicator.objects.filter(site=site, locale=Locale.get_default())
    }
    existing = {
        (observation.indicator_id, observation.period_kind, observation.period_start): observation
        for observation in Observation.objects.filter(indicator__in=list(indicators.values()))
    }
    errors, rows, seen = [], [], {}

    def error(line, column, message):
        errors.append(
            _("Row %(row)s, column “%(column)s”: %(message)s") % {"row": line, "column": column, "message": message}
        )

    for line, record in enumerate(reader, start=2):  # line 1 is the header
        if line - 1 > MAX_ROWS:
            raise ImportRejected([_("The file has more than %(rows)s rows.") % {"rows": MAX_ROWS}])
        if record.get(None):
            error(line, _("(extra)"), _("too many cells in this row."))
            continue
        cells = {name: (record.get(name) or "").strip() for name in COLUMNS}
        if not any(cells.values()):
            continue  # blank line
        count_before = len(errors)
        indicator = indicators.get(cells["code"])
        if indicator is None:
            error(line, "code", _("unknown indicator code “%(code)s”.") % {"code": cells["code"]})
        try:
            kind, start = parse_period(cells["period"])
        except ValueError:
            kind = start = None
            error(
                line,
                "period",
                _("“%(period)s” is not a period (write 2025, 2025-Q3, 2025-07 or 2025-07-15).")
                % {"period": cells["period"]},
            )
        try:
            value = parse_number(cells["value"], number_format)
        except ValueError:
            value = None
            error(line, "value", _("“%(value)s” is not a number in the chosen format.") % {"value": cells["value"]})
        else:
            if value.as_tuple().exponent < -6 or abs(value) >= 10**14:
                error(line, "value", _("“%(value)s” has too many digits.") % {"value": cells["value"]})
        ranks = {}
        for column in ("rank", "rank_of"):
            try:
                ranks[column] = _integer(cells[column])
            except ValueError:
                error(line, column, _("“%(value)s” is not a whole number.") % {"value": cells[column]})
        if ranks.get("rank") and ranks.get("rank_of") and ranks["rank"] > ranks["rank_of"]:
            error(line, "rank", _("the rank is larger than the number ranked."))
        if len(cells["note"]) > 300:
            error(line, "note", _("the note is longer than 300 characters."))
        if len(errors) == count_before:
            key = (indicator.pk, kind, start)
            if key in seen:
                error(
                    line,
                    "period",
                    _("period %(period)s of “%(code)s” is already on row %(other)s.")
                    % {"period": cells["period"], "code": cells["code"], "other": seen[key]},
                )
            else:
                seen[key] = line
                rows.append(
                    Row(
                        line,
                        indicator,
                        kind,
                        start,
                        value,
                        ranks["rank"],
                        ranks["rank_of"],
                        cells["note"],
                        existing.get(key),
                    )
                )
        if len(errors) >= MAX_ERRORS:
            break
    if errors:
        raise ImportRejected(errors)
    if not rows:
        raise ImportRejected([_("The file has no data rows.")])
    return rows


@transaction.atomic
def apply(rows):
    """Write checked rows: new periods are added, existing periods of the same indicator are updated."""
    created = updated = 0
    for row in rows:
        observation = row.existing or Observation(
            indicator=row.indicator, period_kind=row.period_kind, period_start=row.period_start
        )
        if row.existing is not None:
            updated += 1
        else:
            created += 1
        observation.value = row.value
        observation.rank = row.rank
        observation.rank_of = row.rank_of
        observation.note = row.note
        observation.save()
    return created, updated


def export(site, number_format):
    """The site's observations as CSV text in the import's format."""
    output = io.StringIO()
    writer = csv.writer(output, lineterminator="\n")
    writer.writerow(COLUMNS)
    observations = (
        Observation.objects.filter(indicator__site=site, indicator__locale=Locale.get_default())
        .select_related("indicator")
        .order_by("indicator__sort_order", "indicator__code", "period_kind", "period_start")
    )
    for observation in observations:
        writer.writerow(
            [
                observation.indicator.code,
                observation.period_code,
                write_number(observation.value, number_format),
                observation.rank if observation.rank is not None else "",
                observation.rank_of if observation.rank_of is not None else "",
                observation.note,
            ]
        )
    return output.getvalue()
