import os
import subprocess
from pathlib import Path

import polib
import pytest
from lxml import html
from typer.testing import CliRunner

from l10n.cli import app
from l10n.model import Document, Paragraph, Part, Segment, Span
from l10n.catalog.entries import Catalog, Entry
from l10n.catalog.reviewed import DocumentCatalog
from l10n.writers.review import render

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
runner = CliRunner()


@pytest.fixture(scope="module")
def review_page(tmp_path_factory) -> Path:
    """The sample after a (fake) English review that misses glossary terms, so `run` writes QA errors."""
    out = tmp_path_factory.mktemp("review")
    command = ["run", "--out", str(out), "--mt", "none", "-q", "--glossary", str(ROOT / "glossary.csv")]
    assert runner.invoke(app, command).exit_code == 0
    folder = out / "jiemian-openai-board"
    catalog = polib.pofile(str(folder / "en.po"))
    for number, entry in enumerate(catalog, start=1):
        entry.msgstr = "OpenAI's board, sentence {}.".format(number)
        if number % 2:
            entry.flags.append("fuzzy")
    catalog.save(str(folder / "en.po"))
    assert runner.invoke(app, command).exit_code == 0  # keeps the review, writes QA findings
    result = runner.invoke(app, ["build", str(folder), "--review", "-q"])
    assert result.exit_code == 0, result.output
    return folder / "review.html"


def test_the_review_page_shows_counts_terms_findings_and_fuzzy_entries(review_page):
    page = html.fromstring(review_page.read_text(encoding="utf-8"))
    assert [th.text_content() for th in page.xpath("//thead//th")] == [
        "Simplified (source)", "Traditional (Taiwan)", "English"]
    assert len(page.xpath("//tbody/tr")) == 83
    counts = [li.text_content() for li in page.xpath("//header/ul/li")]
    assert counts[0] == "Traditional (Taiwan): 0 reviewed, 83 fuzzy, 0 untranslated, 0 QA errors, 0 QA warnings"
    reviewed = sum(1 for entry in polib.pofile(str(review_page.parent / "en.po")) if not entry.fuzzy)
    assert 0 < reviewed < 43  # half were reviewed; a QA error sends a reviewed entry back to fuzzy
    assert counts[1].startswith(f"English: {reviewed} reviewed, {83 - reviewed} fuzzy, 0 untranslated, ")
    first = page.xpath("//tbody/tr")[0]
    assert first.xpath("td[1]/mark[@class='term']/text()") == ["OpenAI"]
    assert first.xpath("td[1]/ul[@class='terms']/li/text()") == ["OpenAI → OpenAI (org)"]
    assert first.xpath("td[3]/mark[@class='term']/text()") == ["OpenAI"]  # present, so no QA error
    credit = page.xpath("//tbody/tr")[2]
    assert credit.xpath("td[2]/mark[@class='term']/text()") == ["界面新聞", "范劍磊"]  # the Traditional overrides
    second = page.xpath("//tbody/tr")[1]
    assert second.xpath("td[3]/ul[@class='qa']/li[@class='qa-error']/text()") == [
        "QA error: 微软 must be rendered 'Microsoft' [glossary-missing]"]
    assert first.xpath("td[3]/@class") == ["fuzzy"] and second.xpath("td[3]/@class") == ["fuzzy"]
    assert not page.xpath("//script | //link | //img | //*[@src]")


def test_article_text_is_escaped():
    source = "他写了<script>alert(1)</script>。"
    document = Document("x", "x.txt", "utf-8", "", (Paragraph(1, Part.BODY, source, 1),))
    segment = Segment("abc", 1, 1, Part.BODY, 1, source)
    entry = Entry(source, "He wrote <script>alert(2)</script>.", notes=["QA warning: <b>odd</b> [x]"], line=5)
    catalog = DocumentCatalog(Catalog({}, [entry], Path("en.po")), {"abc": entry}, {})
    page = html.fromstring(render(document, [segment], [catalog], {}))
    assert not page.xpath("//script | //b")
    assert page.xpath("//tbody//td[2]/text()")[0] == "He wrote <script>alert(2)</script>."
    assert page.xpath("//li[@class='qa-warning']/text()") == ["QA warning: <b>odd</b> [x]"]


def test_the_review_page_in_a_real_browser(review_page, tmp_path):
    """Debian's chromium, driven by Playwright: the page renders offline, the three columns stand side by
    side, a highlighted term and a QA finding are visible. Set L10N_REVIEW_SCREENSHOT to keep the picture."""
    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(f"{CHROMIUM} not found: install Debian's chromium (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    screenshot = Path(os.environ.get("L10N_REVIEW_SCREENSHOT") or tmp_path / "review.png")
    requests: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run"])
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            page.on("request", lambda request: requests.append(request.url))
            page.goto(review_page.as_uri())
            headers = page.locator("thead th")
            assert headers.count() == 3
            boxes = [headers.nth(index).bounding_box() for index in range(3)]
            assert boxes[0]["x"] < boxes[1]["x"] < boxes[2]["x"]
            assert len({round(box["y"]) for box in boxes}) == 1 and all(box["width"] > 300 for box in boxes)
            term = page.locator("tbody tr").nth(0).locator("td").nth(0).locator("mark.term")
            assert term.is_visible() and term.inner_text() == "OpenAI"
            assert term.evaluate("mark => getComputedStyle(mark).backgroundColor") == "rgb(207, 230, 255)"
            finding = page.locator("li.qa-error").first
            assert finding.is_visible() and finding.inner_text().startswith("QA error: ")
            assert page.locator("td.fuzzy .badge").first.is_visible()
            page.screenshot(path=str(screenshot))
        finally:
            browser.close()
    assert requests == [review_page.as_uri()]  # nothing fetched from elsewhere
    assert screenshot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and screenshot.stat().st_size > 20_000



def test_placeholders_show_as_the_formatting_they_stand_for_escaped():
    """Before, a reviewer saw <a1>…</a1> and <b2>…</b2> as literal text."""
    source = "<a1>奥特曼</a1>回归，<b2>董事会</b2>改组<x3/>。"
    spans = (Span(1, "link", 'https://example.com/a?"><script>alert(1)</script>'), Span(2, "strong"),
             Span(3, "image", "https://example.com/i.png"))
    document = Document("x", "x.md", "utf-8", "", (Paragraph(1, Part.BODY, source, 1, 0, spans),))
    segment = Segment("abc", 1, 1, Part.BODY, 1, source)
    entry = Entry(source, "<a1>Altman</a1> is back; the <b2>board</b2> is <i9>reshaped<x3/>.", line=5)
    catalog = DocumentCatalog(Catalog({}, [entry], Path("en.po")), {"abc": entry}, {})
    page = html.fromstring(render(document, [segment], [catalog], {}))
    source_cell, target_cell = page.xpath("//tbody/tr/td")
    assert "<a1>" not in source_cell.text_content()
    assert source_cell.xpath("span[@class='link']/text()") == ["奥特曼"]
    assert source_cell.xpath("span[@class='link']/@title") == ['https://example.com/a?"><script>alert(1)</script>']
    assert source_cell.xpath("strong/text()") == ["董事会"]
    assert source_cell.xpath("span[@class='image']/@title") == ["https://example.com/i.png"]
    assert not page.xpath("//script | //img | //*[@src] | //*[@href]")
    # a translation whose placeholders do not pair up is shown as typed, marked
    assert target_cell.xpath("span[@class='unpaired']")[0].text_content() == (
        "<a1>Altman</a1> is back; the <b2>board</b2> is <i9>reshaped<x3/>.")


def test_a_fuzzy_entry_shows_what_it_was_translated_from_its_comments_and_where_the_draft_came_from(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("董事会风波\n\n微软迅速作出回应。\n", encoding="utf-8")
    out = tmp_path / "out"
    memory = tmp_path / "memory.sqlite3"
    tmx = tmp_path / "desk.tmx"
    tmx.write_text('<tmx version="1.4"><header srclang="zh-CN" creationtool="x" creationtoolversion="1" '
                   'segtype="sentence" o-tmf="x" adminlang="en" datatype="plaintext"/><body><tu tuid="t1">'
                   '<tuv xml:lang="zh-CN"><seg>董事会风波</seg></tuv><tuv xml:lang="en"><seg>Board turmoil</seg></tuv>'
                   "</tu></body></tmx>", encoding="utf-8")
    assert runner.invoke(app, ["import", "tmx", str(tmx), "--memory", str(memory)]).exit_code == 0
    command = ["run", str(article), "--out", str(out), "--mt", "none", "-q", "--memory", str(memory)]
    assert runner.invoke(app, command).exit_code == 0
    folder = out / "a"
    catalog = polib.pofile(str(folder / "en.po"))
    entry = catalog.find("微软迅速作出回应。")
    entry.msgstr, entry.tcomment = "Microsoft responded quickly.", "checked against the WSJ"
    catalog.save(str(folder / "en.po"))
    article.write_text("董事会风波\n\n微软迅速做出回应。\n", encoding="utf-8")
    assert runner.invoke(app, command).exit_code == 0
    subprocess.run(["msgmerge", "--quiet", "--update", "--previous", "--backup=none", str(folder / "en.po"),
                    str(folder / "a.pot")], check=True)  # the origin notes are gone from the catalog now
    assert runner.invoke(app, ["build", str(folder), "--review", "-q"]).exit_code == 0
    page = html.fromstring((folder / "review.html").read_text(encoding="utf-8"))
    title, reply = page.xpath("//tbody/tr")
    assert [li.text_content() for li in title.xpath("td[3]/ul[@class='context']/li")] == [
        "draft from translation memory: desk.tmx (tu t1)"]
    assert [li.text_content() for li in reply.xpath("td[3]/ul[@class='context']/li")] == [
        "translated from: 微软迅速作出回应。", "translator: checked against the WSJ"]
