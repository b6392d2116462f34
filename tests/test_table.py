"""The segment table (l10n/plumbing/table.py): TSV as Python's csv writer writes it, guarded against formulas."""
import csv
import io

from hypothesis import given, settings
from hypothesis import strategies as st

from l10n.plumbing.escapes import spreadsheet_cell
from l10n.plumbing.table import render_rows

_CELL = st.one_of(st.text(st.sampled_from('ab东\t\n\r"= ,'), max_size=5), st.integers(-5, 5), st.none(),
                  st.floats(allow_nan=False), st.booleans())


@settings(max_examples=300)
@given(st.lists(st.lists(_CELL, min_size=1, max_size=4), max_size=5))
def test_tsv_is_the_csv_writers_whether_a_row_is_joined_directly_or_written_by_it(rows):
    """Rows whose cells need no quoting are joined without the writer; every row, quoted or not, a lone empty
    cell, None, floats and booleans included, comes out as the writer would write it."""
    expected = io.StringIO()
    writer = csv.writer(expected, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(["a", "b"])
    writer.writerows([spreadsheet_cell(cell) if isinstance(cell, str) else cell for cell in row] for row in rows)
    assert render_rows(["a", "b"], rows) == expected.getvalue()


def test_a_cell_a_spreadsheet_would_run_as_a_formula_is_kept_text():
    assert render_rows(["id", "text"], [[1, "=SUM(A1)"], [2, "a\tb"]]) == 'id\ttext\n1\t\'=SUM(A1)\n2\t"a\tb"\n'
