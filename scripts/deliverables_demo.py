"""The deliverables end to end on the bundled sample: run, a scripted review, build, review page, TMX, XLIFF.

Run: python scripts/deliverables_demo.py [OUT]   (default: a new temporary folder)

The review is scripted: the Traditional catalog is accepted as OpenCC wrote it, and the English is our
own translation of the first seven paragraphs (and of one dated sentence); every later sentence gets a
labelled stand-in (no translation model is installed offline). `run` is then repeated so that QA checks
the reviewed text, and, as a reviewer would, the script adds to each flagged stand-in what its QA
findings ask for (a glossary rendering, a number in English form) and runs again, until no entry has a
QA error.
"""
from __future__ import annotations

import re
import sys
import tempfile
from pathlib import Path

import polib

from l10n.build import BuildOptions, build
from l10n.exchange import TmxOptions, XliffOptions, export_tmx, export_xliff
from l10n.pipeline import BUNDLED_SAMPLE, RunOptions, run

ROOT = Path(__file__).resolve().parent.parent
ENGLISH = {
    "OpenAI宫斗剧完结,谁是最大赢家?": "The OpenAI palace drama is over: who is the biggest winner?",
    "微软的AI野望。": "Microsoft's AI ambitions.",
    "图片来源:界面新闻 范剑磊": "Image: Jiemian News, Fan Jianlei",
    "文|惊蛰研究所 雨谷": "By Yu Gu, Jingzhe Research Institute",
    "全球瞩目的OpenAI“宫斗剧”终于落下帷幕,这场持续近一周的科技界大戏,以山姆·奥特曼(Sam Altman,下简称奥特曼)的回归以及新董事会的成立暂时画上句号。":
        "The OpenAI \"palace drama\" that held the world's attention is finally over: the week-long tech saga "
        "has closed, for now, with the return of Sam Altman and the formation of a new board.",
    "自上周五至今,不到7天的时间,这场AI界“权力的游戏”剧情变化之复杂,令人目不暇接,一度有人表示“这是不是ChatGPT写的剧本?”":
        "In under 7 days since last Friday, this AI-world \"Game of Thrones\" twisted so often that some "
        "wondered whether ChatGPT had written the script.",
    "然而现阶段的“大结局”仍有诸多疑点。": "Yet this \"finale\" still leaves many questions open.",
    "特别是OpenAI发布的公告中,并未看到有关伊利亚·苏茨克沃(Ilya Sutskever,下简称伊利亚)的消息。":
        "In particular, OpenAI's announcement said nothing about Ilya Sutskever.",
    "作为舆论分析中诱发奥特曼发起此次宫变的始作俑者,伊利亚“反水”董事会的做法,直接让整个事件的走向发生了反转。":
        "Seen by commentators as the one who set off the coup against Sam Altman, Ilya Sutskever turned on "
        "the board, and that reversed the whole affair.",
    "而以奥特曼的回归以及成立新董事会的结果来看,OpenAI未来的发展正越来越受到微软的影响。":
        "With Sam Altman back and a new board in place, OpenAI's future is coming ever more under "
        "Microsoft's influence.",
    # a date a stand-in cannot carry in a form the numbers check accepts
    "辛顿在2018年被授予了图灵奖;然而到了2023年5月,他却说后悔研发人工智能,担心人工智能会为世界带来严重危害。":
        "Geoffrey Hinton received the Turing Award in 2018; yet in May 2023 he said he regretted developing AI, "
        "fearing it could do the world serious harm.",
}
# What a QA error asks to find in the translation, in the wordings the checks have used:
# "must be rendered 'X'", "should appear as X [numbers]", "…: expected X in the English [numbers]".
_ASKED_FOR = re.compile(r"^QA error: .*?(?:must be rendered '(.+?)'|should appear as (.+?) \[|"
                        r"expected '?(.+?)'? in the English)")
ROUNDS = 4


def _review(path: Path, english: bool) -> int:
    """One pass of the scripted reviewer; returns how many entries still had a QA error."""
    catalog = polib.pofile(str(path))
    flagged = 0
    for entry in catalog:
        asked = [next(filter(None, match.groups())) for line in entry.comment.splitlines()
                 if (match := _ASKED_FOR.match(line))]
        flagged += bool(asked)
        if english and not entry.msgstr:
            entry.msgstr = ENGLISH.get(entry.msgid) or f"[English of the {entry.comment.splitlines()[0]}]"
        missing = [item for item in asked if not re.search(rf"(?<!\w){re.escape(item)}(?!\w)", entry.msgstr)]
        if english and missing:
            entry.msgstr = entry.msgstr.rstrip("]") + " — " + ", ".join(missing) + "]"
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
    catalog.save(str(path))
    return flagged


def main(out: Path) -> int:
    options = RunOptions(out_dir=out, glossary=(ROOT / "glossary.csv",), mt="none")
    folder = run([BUNDLED_SAMPLE], options).documents[0].folder
    for round in range(ROUNDS):
        flagged = sum(_review(path, path.stem == "en") for path in sorted(folder.glob("*.po")))
        run([BUNDLED_SAMPLE], options)  # QA comments now describe the reviewed text
        print(f"review round {round + 1}: {flagged} entries had QA errors before it")
        if round and not flagged:
            break
    result = build([folder], BuildOptions())
    if result.exit_code:  # entries the scripted review could not clear: listed, then built marked as fuzzy
        for document in result.documents:
            print("\n".join(map(str, document.gaps)) or str(document.error))
        result = build([folder], BuildOptions(allow_fuzzy=True))
        print(f"built with --allow-fuzzy: {[(b.locale, b.fuzzy) for d in result.documents for b in d.locales]}")
        if result.exit_code:
            return result.exit_code
    build([folder], BuildOptions(review=True))
    for path in sorted(folder.glob("article.*.txt")):
        print(f"== {path} (first 7 paragraphs)")
        print("\n\n".join(path.read_text(encoding="utf-8").split("\n\n")[:7]))
    print(f"== review page: {folder / 'review.html'}")
    for tmx in export_tmx([folder], folder, TmxOptions(folder)):
        print(f"== {tmx.path}: {tmx.units} translation units; " + ", ".join(f"{lang} {n}" for lang, n in tmx.counts))
    for item in export_xliff([folder], folder, XliffOptions(folder)):
        print(f"== {item.path}: {item.units} segments; " + ", ".join(f"{n} {state}" for state, n in item.counts))
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp(prefix="l10n-demo-"))))
