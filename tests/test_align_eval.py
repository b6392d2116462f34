"""benchmarks/align_eval.py on a tiny corpus in MAC-Dev's layout: gold links read English ids first."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parent.parent / "benchmarks" / "align_eval.py"


def _sentences(texts):
    body = "".join(f'<s id="1:{k}">{text}</s>' for k, text in enumerate(texts, start=1))
    return f"<?xml version='1.0' encoding='utf-8'?>\n<text><p id=\"1\">{body}</p></text>\n"


def test_eval_script_scores_a_tiny_corpus(tmp_path):
    zh = ["苹果公司周二发布了新款手机。", "这款手机的价格为999美元，比去年贵了100美元。", "公司股价上涨了百分之三。"]
    en = ["Apple released a new phone on Tuesday.", "The phone costs 999 dollars.",
          "That is 100 dollars more expensive than last year.", "The company's share price rose three percent."]
    (tmp_path / "dev-anno.001_zh.xml").write_text(_sentences(zh), encoding="utf-8")
    (tmp_path / "dev-anno.001_en.xml").write_text(_sentences(en), encoding="utf-8")
    links = ["<link type='1-1' xtargets='1:1;1:1'/>", "<link type='2-1' xtargets='1:2 1:3;1:2'/>",
             "<link type='1-1' xtargets='1:4;1:3'/>"]  # English ids before ';', as the corpus has them
    (tmp_path / "dev-anno.001_zh.001_en.xml").write_text(
        "<?xml version='1.0' encoding='utf-8'?>\n<linkGrp>" + "".join(links) + "</linkGrp>\n", encoding="utf-8")
    result = subprocess.run([sys.executable, str(SCRIPT), str(tmp_path), "--confidence"],
                            capture_output=True, text=True, check=True)
    overall = next(line for line in result.stdout.splitlines() if line.startswith("overall")).split()
    assert overall[1:] == ["1.000"] * 6
    assert "Bertalign" in result.stdout and "exactly right" in result.stdout
