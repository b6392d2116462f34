"""Hostile input, bounded (issue 19, items 7-10): repeated blocks and long lines cost what their size costs,
front matter is read safely, text that looks like our placeholders stays text, one bad document fails alone,
and a document over the limits fails with one clear line.

Inputs are made here and kept small. Work that used to grow with the square of the input is checked by
what it allocates or copies, never by the clock: benchmarks/growth.py measures time and memory at size."""
import importlib
import tracemalloc
from pathlib import Path

import polib
import pytest
from typer.testing import CliRunner

from l10n.text import placeholders
from l10n.reading.clean import clean
from l10n.cli import app
from l10n.plumbing.errors import InputError
from l10n.reading.ingest import parse_article
from l10n.model import Part
from l10n.pipeline import RunOptions, run
from l10n.reading.readers import html
from l10n.reading.readers.base import PageBlock, Page
from l10n.reading.segment import split_sentences
from l10n.translate.markup import restore

runner = CliRunner()
SENTENCE = "微软宣布新的人工智能计划，投资规模达到一百亿元。"


def _peak_bytes(work) -> int:
    tracemalloc.start()
    try:
        work()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


# 7. Repeated-block detection: 6,000 identical lines took 2.3 GB (every copy paired with every other).

def test_thousands_of_identical_blocks_cost_little_memory():
    page = Page("text", [PageBlock(Part.BODY, "同一行文字。", line) for line in range(1, 6001)])
    assert _peak_bytes(lambda: clean(page)) < 32 * 2**20


def test_an_article_carried_twice_still_loses_its_copy_among_many_repeated_lines():
    article = [f"第{n}段正文，内容各不相同，足够长的一句话。" for n in range(1, 6)]
    blocks = [*article, *(["分隔线"] * 40), *article]
    page = Page("text", [PageBlock(Part.BODY, text, line) for line, text in enumerate(blocks, start=1)])
    reasons = {removal.line: removal.reason for removal in clean(page).removed}
    assert all(reasons.get(line, "").startswith("repeated copy of lines 1-5") for line in range(46, 51))


# 8. Sentence splitting copied the rest of the text at every sentence end.

class _CountingText(str):
    """A text that counts the characters taken out of it by indexing and slicing."""

    taken = 0

    def __getitem__(self, key):
        piece = super().__getitem__(key)
        type(self).taken += len(piece)
        return piece


def test_splitting_a_long_line_copies_each_character_a_few_times_not_once_per_sentence():
    text = _CountingText(SENTENCE * 5000)
    _CountingText.taken = 0
    sentences = split_sentences(text)
    assert len(sentences) == 5000
    assert _CountingText.taken <= 4 * len(text)


def test_unclosed_brackets_and_long_dot_runs_split_as_before():
    assert split_sentences("（" * 3000 + "文字。" + "」" * 3000) == ["（" * 3000 + "文字。" + "」" * 3000]
    assert split_sentences("尔虞我诈" + "." * 5000 + "似乎。") == ["尔虞我诈" + "." * 5000, "似乎。"]


def test_a_hard_wrapped_paragraph_of_many_lines_is_one_block_in_text_and_markdown():
    lines = [f"第{number:04d}行没有结束，接着下一行继续写下去" for number in range(3000)]
    for name in ("a.txt", "a.md"):
        document = parse_article("标题\n\n" + "\n".join(lines) + "。\n", Path(name))
        assert document.paragraphs[-1].text == "".join(lines) + "。"


# 9. YAML front matter: aliases, depth, size, dates that are no dates.

_ALIAS_BOMB = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 9)}]\n" for n in range(1, 9)) + "title: *a8\n"


@pytest.mark.parametrize("front_matter, problem", [
    (_ALIAS_BOMB, "aliases (*name) are not allowed"),
    ("title: " + "[" * 5000 + "]" * 5000 + "\n", "nested more than 32 levels deep"),
    ("title: 标题\nnote: " + "很长" * 40000 + "\n", "front matter is longer than 64 KB"),
    ("title: [broken\n", "front matter is not valid YAML"),
    ("title: !!int 标题\n", "front matter holds a value YAML cannot read"),
])
def test_front_matter_that_cannot_be_read_safely_is_read_as_text_with_a_warning(front_matter, problem):
    document = parse_article(f"---\n{front_matter}---\n\n{SENTENCE}\n", Path("a.md"))
    [warning] = document.warnings
    assert warning.startswith("a.md:") and problem in warning and warning.endswith("; read as text")
    assert document.metadata == ()
    assert document.paragraphs[-1].text == SENTENCE


def test_a_date_that_is_no_date_stays_the_text_it_is():
    document = parse_article(f"---\ntitle: 标题\ndate: 2024-02-30\n---\n\n{SENTENCE}\n", Path("a.md"))
    assert dict(document.metadata) == {"title": "标题", "date": "2024-02-30"} and document.warnings == ()
    valid = parse_article(f"---\ndate: 2024-02-28 10:00:00\n---\n\n{SENTENCE}\n", Path("a.md"))
    assert dict(valid.metadata) == {"date": "2024-02-28 10:00:00"}


# 10. Text that looks like our placeholders; one bad document among others.

_LOOKALIKE = "<\u2060b7>"  # <b7> escaped: a WORD JOINER after its <


@pytest.mark.parametrize("name, source", [
    ("a.html", f"<html><body><p>{SENTENCE[:12]}&lt;b7&gt;{SENTENCE[12:]}</p></body></html>"),
    ("b.html", f"<html><body><p>{SENTENCE[:12]}&lt;b<span>7</span>&gt;{SENTENCE[12:]}</p></body></html>"),
    ("c.md", f"# 标题\n\n{SENTENCE[:12]}\\<b7\\>{SENTENCE[12:]}\n"),
    ("d.txt", f"标题\n\n{SENTENCE[:12]}<b7>{SENTENCE[12:]}\n"),
])
def test_text_that_looks_like_a_placeholder_is_escaped_not_parsed(name, source):
    document = parse_article(source, Path(name))
    [paragraph] = [p for p in document.paragraphs if "b7" in p.text]
    assert paragraph.text == SENTENCE[:12] + _LOOKALIKE + SENTENCE[12:]
    assert paragraph.spans == () and placeholders.tags(paragraph.text) == []


def test_escaped_lookalikes_read_as_the_text_they_are_and_never_pair_with_real_placeholders():
    assert placeholders.escape("<b7>") == _LOOKALIKE and placeholders.unescape(_LOOKALIKE) == "<b7>"
    assert placeholders.escape(_LOOKALIKE) == _LOOKALIKE
    document = parse_article(f"<p>{SENTENCE}<b>重要</b>&lt;/b1&gt;</p>", Path("a.html"))
    assert document.paragraphs[0].text == f"{SENTENCE}<b1>重要</b1>{placeholders.escape('</b1>')}"


def _articles(folder: Path) -> list[Path]:
    folder.mkdir()
    files = {"a.html": f"<html><body><p>{SENTENCE}&lt;b7&gt;这是第二句话也很长很长的。</p></body></html>",
             "b.md": f"# 标题\n\n{SENTENCE}\\<b7\\>这是第二句话。\n",
             "c.md": f"---\ntitle: 测试\ndate: 2024-02-30\n---\n\n# 测试\n\n{SENTENCE}\n",
             "d.txt": f"{SENTENCE}\n第二句话也很长很长的句子在这里。\n"}
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return sorted(folder.iterdir())


def test_a_folder_with_lookalikes_and_an_impossible_date_is_localized_whole(tmp_path):
    result = run(_articles(tmp_path / "in"), RunOptions(out_dir=tmp_path / "out", mt="none"))
    assert result.failures == []
    assert sorted(done.document.name for done in result.documents) == ["a", "b", "c", "d"]
    catalog = polib.pofile(str(tmp_path / "out" / "b" / "zh_TW.po"))
    assert f"{_LOOKALIKE}这是第二句话。" in [entry.msgid for entry in catalog]


def test_built_articles_give_lookalikes_back_as_text(tmp_path):
    run(_articles(tmp_path / "in"), RunOptions(out_dir=tmp_path / "out", mt="none"))
    result = runner.invoke(app, ["build", str(tmp_path / "out"), "--allow-fuzzy", "-l", "zh_TW", "-q"])
    assert result.exit_code == 0, result.output
    page = (tmp_path / "out" / "a" / "article.zh_TW.html").read_text(encoding="utf-8")
    markdown = (tmp_path / "out" / "b" / "article.zh_TW.md").read_text(encoding="utf-8")
    assert "&lt;b7&gt;" in page and "\\<b7\\>" in markdown
    assert placeholders.LITERAL not in page + markdown


def _of_b(value) -> bool:
    """Whether a stage's first argument belongs to b.md: its document, its job or its segments."""
    document = getattr(value, "document", value)
    segments = value if isinstance(value, list) else []
    return getattr(document, "name", None) == "b" or any(segment.source.endswith("这是第二句话。")
                                                          for segment in segments)


@pytest.mark.parametrize("module, stage", [("l10n.reading.segment", "segment_document"),
                                           ("l10n.editions.variant", "traditional_variant"),
                                           ("l10n.pipeline", "_render_document")])
def test_a_fault_on_one_document_fails_it_alone(tmp_path, monkeypatch, module, stage):
    module = importlib.import_module(module)  # where the pipeline takes the stage from when it runs it
    real = getattr(module, stage)

    def faulty(first, *arguments, **keywords):
        if _of_b(first):
            raise KeyError(7)
        return real(first, *arguments, **keywords)

    monkeypatch.setattr(module, stage, faulty)
    result = run(_articles(tmp_path / "in"), RunOptions(out_dir=tmp_path / "out", mt="none"))
    assert [(failure.path.name, str(failure.error).split(": ", 1)[1]) for failure in result.failures] == [
        ("b.md", "failed: KeyError: 7")]
    assert sorted(done.document.name for done in result.documents) == ["a", "c", "d"]


def test_machine_drafts_that_look_like_placeholders_are_escaped():
    assert restore("看<a1>OpenAI</a1>。", "See OpenAI <b7>.") == f"See <a1>OpenAI</a1> {_LOOKALIKE}."


# Limits: a document over them fails alone, in one line.

@pytest.mark.parametrize("name, source, where", [
    ("many.html", "<html><body>" + "<p>x</p>" * 30 + "</body></html>", "many.html:1: more than the 20 blocks"),
    ("many.md", "# 标题\n\n" + "- x\n" * 30, "many.md: 33 lines, more than the 20 blocks"),
    ("raw.md", "# 标题\n\n<div>" + "<p>x</p>" * 30 + "</div>\n", "raw.md:3: more than the 20 blocks"),
    ("many.txt", "字。\n" * 30, "many.txt: 31 lines, more than the 20 blocks"),
    # one block, but markdown-it holds objects for each mark: 16 MB of them took 8.6 GB
    ("stars.md", "# 标题\n\n" + "*" * 30 + "字。" + "*" * 30 + "\n",
     "stars.md: 60 emphasis marks and backslashes (* _ \\), more than the 40 (2 a block)"),
])
def test_a_document_over_the_block_limit_fails_alone_with_one_line(tmp_path, name, source, where):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / name).write_text(source, encoding="utf-8")
    (folder / "fine.txt").write_text(f"{SENTENCE}\n", encoding="utf-8")
    result = runner.invoke(app, ["run", str(folder), "--out", str(tmp_path / "out"), "--mt", "none", "-q",
                                 "--max-blocks", "20"])
    assert result.exit_code == 2
    [error] = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert where in error and error.endswith("a document may have (--max-blocks)")
    assert (tmp_path / "out" / "fine" / "zh_TW.po").is_file()
    assert not (tmp_path / "out" / Path(name).stem).exists()


def test_the_html_reader_stops_at_the_limit_instead_of_holding_every_block(monkeypatch):
    made = []
    monkeypatch.setattr(html, "PageBlock",
                        lambda *arguments, **keywords: made.append(PageBlock(*arguments, **keywords)))
    with pytest.raises(InputError, match="a.html:1: more than the 100 blocks"):
        html.read("<p>x</p>" * 100_000, Path("a.html"), max_blocks=100)
    assert len(made) == 100
