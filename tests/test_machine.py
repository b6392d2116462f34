"""The machine-text record (l10n/catalog/machine.py): written as JSON one entry per line, read back whole."""
import json

from hypothesis import given, settings
from hypothesis import strategies as st

from l10n.catalog import machine
from l10n.catalog.machine import Draft

_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=12)


@settings(max_examples=60)
@given(st.dictionaries(st.sampled_from(["en", "zh_TW", "zh_HK"]),
                       st.dictionaries(_TEXT, st.builds(Draft, _TEXT, st.lists(_TEXT, max_size=3).map(tuple)),
                                       max_size=4)))
def test_each_entry_is_json_as_json_dumps_writes_it_and_the_record_reads_back(record):
    """Entries are encoded string by string (escapes.json_string), not through an encoder each: the bytes are
    still json.dumps(..., ensure_ascii=False)'s, quotes, control characters and U+2028 included."""
    text = machine.render(record)
    lines = {line.removesuffix(",") for line in text.split("\n")}
    for locale, drafts in record.items():
        for entry_key, draft in drafts.items():
            expected = (f"  {json.dumps(entry_key, ensure_ascii=False)}: "
                        f"{json.dumps([draft.text, list(draft.notes)], ensure_ascii=False)}")
            assert expected in lines
    assert json.loads(text)["catalogs"] == {locale: {entry_key: [draft.text, list(draft.notes)]
                                                     for entry_key, draft in drafts.items()}
                                            for locale, drafts in record.items()}
