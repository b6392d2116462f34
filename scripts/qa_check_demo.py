"""`l10n check` on the bundled sample after a review seeded with the mistakes QA is there to catch.

Run: python scripts/qa_check_demo.py [OUT]   (default: a new temporary folder)

The sample goes through `run` without a translation model; then a scripted review fills some English
entries (our own translations, each marked below as right or with the mistake it carries) and puts a
Simplified character into one Traditional entry, clearing their fuzzy flags as a reviewer would. Then
`l10n check` runs on the folder and its output is printed: a line per finding, the tables, the total.
"""
from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

import polib

from l10n.pipeline import BUNDLED_SAMPLE, RunOptions, run

ROOT = Path(__file__).resolve().parent.parent
REVIEWED_ENGLISH = {
    # right: 7 days, Game of Thrones and ChatGPT as the glossary has them
    "自上周五至今,不到7天的时间,这场AI界“权力的游戏”剧情变化之复杂,令人目不暇接,一度有人表示“这是不是ChatGPT写的剧本?”":
        "In under 7 days since last Friday, this AI-world “Game of Thrones” twisted so often that some "
        "wondered whether ChatGPT had written the script.",
    # wrong: 77亿 kept as 77 billion, 860亿 as 860 billion
    "北京时间21日早上一度曾有消息称,微软将为OpenAI的770名员工每人提供1000万美元的签约金,合计约为77亿美元,但这也比直接收购OpenAI要便宜的多——要知道今年十月,OpenAI估值约为860亿美元。":
        "On the morning of the 21st, Beijing time, there were reports that Microsoft would give each of "
        "OpenAI's 770 employees a $10 million signing bonus, about $77 billion in all, still far cheaper than "
        "buying OpenAI, which in October was valued at about $860 billion.",
    # wrong: 2.05% as 20.5%
    "特别是在微软聘请了当时被罢免的OpenAI前首席执行官奥特曼和该初创公司的其他关键员工后,截至美国东部时间11月20日收盘,微软股价涨2.05%,相当于市值凭空增加了近300亿美元。":
        "After Microsoft hired Sam Altman, OpenAI's ousted chief executive, and other key staff of the "
        "start-up, its shares closed up 20.5% on November 20, US Eastern time, adding nearly $30 billion "
        "of market value out of thin air.",
    # right: 77亿美元 as $7.7 billion
    "和这部分增加的市值相比,77亿美元也不过是洒洒水。":
        "Next to that added market value, $7.7 billion is small change.",
    # wrong: 美元 given as yuan
    "要知道,2014年谷歌花了6.25亿美元才收购了不足100人的英国人工智能公司DeepMind,并让它一直作为一个独立部门运营。":
        "In 2014 Google paid 625 million yuan for DeepMind, a British AI company of fewer than 100 people, "
        "and ran it as a separate unit.",
    # wrong: a full-width full stop
    "据公开资料显示,自2019年起至2023年初,微软已经成为OpenAI公司的最大外部投资者,累计向OpenAI公司投资超过130亿美元。":
        "Public records show that from 2019 to early 2023 Microsoft became OpenAI's largest outside "
        "investor, with more than $13 billion invested。",
    # wrong: an MT loop
    "联名信上的700多个名字就是最佳答案。": "The more than 700 names on the the the the letter are the best answer.",
    # wrong: Chinese left in the English
    "所以,这么看来,微软还是有“0元购”心思的,更是有这样的机会的。":
        "So Microsoft did have its “0元购” idea in mind, and the chance to carry it out.",
    # wrong under the default name style (full): a later mention of Geoffrey Hinton by his short form
    "辛顿在2018年被授予了图灵奖;然而到了2023年5月,他却说后悔研发人工智能,担心人工智能会为世界带来严重危害。":
        "Hinton received the Turing Award in 2018; but in May 2023 he said he regretted developing AI, fearing it "
        "could seriously harm the world.",
    # wrong: Steve Jobs in lower case
    "然而AI界的乔布斯,奥特曼则希望AI能成为促进世界进一步发展的工具。":
        "Sam Altman, the steve jobs of AI, wants AI to be a tool that moves the world forward.",
    # wrong: 两次 (twice) dropped
    "所以,他们要发展升级AI,就需要钱,也因此就需要通过商业化带来更多投资,这也是为何他要两次调整公司治理架构。":
        "So to develop AI they need money, and so more investment through commercialization, which is why "
        "he restructured the company's governance.",
}
# wrong: 这 left Simplified in the Traditional text
REVIEWED_TRADITIONAL = {"和这部分增加的市值相比,77亿美元也不过是洒洒水。": "和这部分增加的市值相比,77億美元也不過是灑灑水。"}


def review(path: Path, texts: dict[str, str]) -> None:
    catalog = polib.pofile(str(path))
    for entry in catalog:
        if entry.msgid in texts:
            entry.msgstr, entry.flags = texts[entry.msgid], []
    missing = set(texts) - {entry.msgid for entry in catalog}
    if missing:
        raise SystemExit(f"{path}: the sample no longer has {sorted(missing)[0]!r}")
    catalog.save(str(path))


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp(prefix="l10n-qa-demo-"))
    options = RunOptions(out_dir=out, glossary=(ROOT / "glossary.csv",), mt="none")
    [result] = run([BUNDLED_SAMPLE], options).documents
    review(result.folder / "en.po", REVIEWED_ENGLISH)
    review(result.folder / "zh_TW.po", REVIEWED_TRADITIONAL)
    command = [sys.executable, "-m", "l10n", "check", str(result.folder), "--glossary", str(ROOT / "glossary.csv")]
    print("$ l10n check", result.folder, "--glossary glossary.csv")
    return subprocess.run(command).returncode


if __name__ == "__main__":
    sys.exit(main())
