"""Rows as CSV or as an Excel workbook (openpyxl) that officers can open,
sort and filter: headings, widths, wrapped long text, dates as dates, and the
RAG column coloured.

Text that a spreadsheet would run as a formula (starting =, +, -, @) is
neutralised: in CSV with a leading apostrophe (tracker.neutralise), in the
workbook by storing the cell as text, so a minute that reads "=SUM(...)" or
"- the Chair agreed" is shown, never run.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import IO, Any

from .tracker import neutralise

#: Fill colours for the RAG cell (Excel's own light red, amber, green).
FILLS = {"red": "FFC7CE", "amber": "FFEB9C", "green": "C6EFCE"}
WIDE = {"action": 60, "action_taken": 60, "item": 30, "source": 40, "rag_reason": 28, "owner": 24}
DATE_COLUMNS = ("meeting_date", "due")


def to_csv(rows: Sequence[Mapping[str, Any]], columns: Mapping[str, str]) -> str:
    """CSV with the headings in ``columns`` (key -> heading), cells neutralised."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(list(columns.values()))
    for row in rows:
        writer.writerow([neutralise("" if row.get(key) is None else row.get(key)) for key in columns])
    return buf.getvalue()


def _date(value: Any) -> Any:
    if isinstance(value, str) and len(value) == 10:
        try:
            return date.fromisoformat(value)
        except ValueError:
            return value
    return value


def write_xlsx(
    rows: Sequence[Mapping[str, Any]], columns: Mapping[str, str], out: str | Path | IO[bytes], *,
    title: str = "Tracker", notes: Sequence[str] = (),
) -> None:
    """One sheet of rows (frozen heading row, filters, RAG colours) and a
    "Key" sheet with ``notes`` (e.g. the RAG rule and the as-of date)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    ws.title = title[:31]
    keys = list(columns)
    ws.append(list(columns.values()))
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for r, row in enumerate(rows, start=2):
        for c, key in enumerate(keys, start=1):
            value = row.get(key)
            cell = ws.cell(row=r, column=c)
            if key in DATE_COLUMNS and isinstance(_date(value), date):
                cell.value = _date(value)
                cell.number_format = "yyyy-mm-dd"
            elif isinstance(value, (int, float)) and not isinstance(value, bool):
                cell.value = value
            elif value is not None:
                cell.value = str(value)
                cell.data_type = "s"  # text, even when it starts with "=": never a formula
            if key in WIDE:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
            else:
                cell.alignment = Alignment(vertical="top")
            if key == "rag" and value in FILLS:
                cell.fill = PatternFill("solid", start_color=FILLS[value], end_color=FILLS[value])
    for c, key in enumerate(keys, start=1):
        ws.column_dimensions[get_column_letter(c)].width = WIDE.get(key, max(12, len(columns[key]) + 2))
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(keys))}{max(1, len(rows) + 1)}"
    key_sheet = wb.create_sheet("Key")
    for note in notes:
        key_sheet.append([note])
    key_sheet.column_dimensions["A"].width = 120
    wb.save(out)
