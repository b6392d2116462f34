"""Mining articles for glossary entries: patterns, boundaries, short forms, kinds, many articles, the command."""
import csv
import io
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from l10n.cli import app
from l10n.glossary import Glossary, load, parse
from l10n.reading.ingest import parse_article, read_article
from l10n.model import Kind
from l10n.mining.suggest import NEEDS_ENGLISH, suggest, suggest_many

ROOT = Path(__file__).resolve().parent.parent
HEADER = "zh_Hans,en,en_short,zh_Hant,zh_TW,zh_HK,kind,en_forbidden,note"
runner = CliRunner()


def _article(body: str, name: str = "a.txt"):
    return parse_article(f"标题\n\n{body}\n", Path(name))


def _mined(body: str, glossary: Glossary | None = None) -> dict:
    return {s.source: s for s in suggest(_article(body), glossary or Glossary([]))}


@pytest.mark.parametrize("body, source, english", [
    ("苹果公司首席执行官蒂姆·库克（Tim Cook）今天发布了新产品。", "蒂姆·库克", "Tim Cook"),
    ("董事会主席布雷特·泰勒（Bret Taylor）表示反对。", "布雷特·泰勒", "Bret Taylor"),
    ("纽约州总检察长莱蒂夏·詹姆斯（Letitia James）提起诉讼。", "莱蒂夏·詹姆斯", "Letitia James"),
    ("公司联合创始人兼首席科学家伊利亚·苏茨克沃（Ilya Sutskever）离开了。", "伊利亚·苏茨克沃", "Ilya Sutskever"),
    ("美国联邦调查局局长克里斯托弗·雷（Christopher Wray）出席。", "克里斯托弗·雷", "Christopher Wray"),
    ("主席莉娜·汗 (Lina Khan) 发表声明。", "莉娜·汗", "Lina Khan"),  # ASCII parentheses after a space
    ("**Anthropic公司（Anthropic PBC）发布了新模型。", "Anthropic公司", "Anthropic PBC"),
    ("公司发行A类普通股（Class A Common Stock）。", "A类普通股", "Class A Common Stock"),
    ("美国网络安全和基础设施安全局（CISA）发出警告。", "美国网络安全和基础设施安全局", "CISA"),
    ("国务院、国家安全局和联邦调查局（FBI）联合发布警报。", "联邦调查局", "FBI"),
    ("该缺陷已被列为已知被利用漏洞（KEV）。", "已知被利用漏洞", "KEV"),
    ("黑客利用插件机制的远程代码执行(RCE)漏洞。", "远程代码执行", "RCE"),
    ("谷歌将旗下的谷歌大脑(Google Brain)与DeepMind合并。", "谷歌大脑", "Google Brain"),
    ("她的助理温俭(Jian Wen)被判有罪。", "温俭", "Jian Wen"),  # pinyin: two syllables, two characters
    ("分析师、葛罗斯 (Bill Gross)和冈德拉克(Jeffrey Gundlach)都表示担忧。", "冈德拉克", "Jeffrey Gundlach"),
    ("美国《国家人工智能倡议法》（National Artificial Intelligence Initiative Act）生效。", "国家人工智能倡议法",
     "National Artificial Intelligence Initiative Act"),
    ("团队研究“超对准”(Superalignment)问题。", "超对准", "Superalignment"),
])
def test_the_chinese_boundary_comes_from_evidence(body, source, english):
    mined = _mined(body)
    assert source in mined, sorted(mined)
    assert mined[source].english == english
    assert not [other for other in mined if other != source and source in other]  # nothing glued in front


def test_english_then_chinese_in_parentheses():
    mined = _mined("攻击者使用名为BYOVD（带来易受攻击的驱动程序）的技术，黑客组织Kimsuky（也被称为APT43）仍然活跃。")
    assert mined["带来易受攻击的驱动程序"].english == "BYOVD"
    assert not [source for source in mined if "也被称为" in source]


@pytest.mark.parametrize("body, full, short, english", [
    ("山姆·奥特曼(Sam Altman,下简称奥特曼)回归了。", "山姆·奥特曼", "奥特曼", "Sam Altman"),
    ("特定入侵行动办公室（Office of Tailored Access Operation，以下简称“TAO办”）参与攻击。", "特定入侵行动办公室",
     "TAO办", "Office of Tailored Access Operation"),
    ("公司拟收购北京天御云安科技有限公司（以下简称“天御云安”）的股权。", "北京天御云安科技有限公司", "天御云安", ""),
    ("网易裁撤整个战略投资部门（以下简称「战投部」）。", "战略投资部门", "战投部", ""),
    ("针对2025年哈尔滨第九届亚冬会（以下简称：亚冬会）的攻击。", "哈尔滨第九届亚冬会", "亚冬会", ""),
    ("发布了《人工智能风险管理框架》（AI RMF）（以下简称《框架》）。", "人工智能风险管理框架", "框架", "AI RMF"),
    ("他创办了深度求索公司，简称深度求索。", "深度求索公司", "深度求索", ""),
    ("他提出了大语言模型，又称大模型。", "大语言模型", "大模型", ""),
])
def test_declared_short_forms(body, full, short, english):
    mined = _mined(body)
    assert mined[full].english == english
    assert mined[short].english == english
    assert mined[short].note.startswith(f"short form of {full}")


def test_a_name_without_english_is_suggested_with_a_note():
    mined = _mined("谷歌首席执行官桑达尔·皮查伊表示，皮查伊将继续推进。")
    assert mined["桑达尔·皮查伊"].english == "" and mined["桑达尔·皮查伊"].kind is Kind.PERSON
    assert NEEDS_ENGLISH in mined["桑达尔·皮查伊"].note
    assert mined["皮查伊"].note.startswith("later mentions of 桑达尔·皮查伊")
    assert not _mined("本站栏目：经济·科技频道。")  # a dot between words is no name


def test_later_mentions_become_short_forms():
    mined = _mined("苹果公司首席执行官蒂姆·库克（Tim Cook）今天发布了新产品。库克表示，销量很好。")
    assert (mined["库克"].english, mined["库克"].english_short, mined["库克"].kind) == ("Tim Cook", "Cook", Kind.PERSON)
    assert mined["蒂姆·库克"].english_short == "Cook"
    assert "库克" not in _mined("苹果公司首席执行官蒂姆·库克（Tim Cook）今天发布了新产品。")  # never alone


@pytest.mark.parametrize("body, source, kind", [
    ("美国联邦贸易委员会（FTC）起诉。", "美国联邦贸易委员会", Kind.ORG),
    ("盖茨基金会(Gates Foundation)捐款。", "盖茨基金会", Kind.ORG),
    ("阿里巴巴集团（Alibaba Group）宣布。", "阿里巴巴集团", Kind.ORG),
    ("欧盟的《通用数据保护条例》（General Data Protection Regulation）生效。", "通用数据保护条例", Kind.WORK),
    ("端点检测和响应 （EDR）工具被关闭。", "端点检测和响应", Kind.TERM),
    ("文森特·坎纳迪（Vincent Cannady）被捕。", "文森特·坎纳迪", Kind.PERSON),
    ("第九届亚冬会（以下简称“亚冬会”）开幕。", "亚冬会", Kind.WORK),
])
def test_kinds_are_guessed_from_evidence(body, source, kind):
    assert _mined(body)[source].kind is kind


def test_latin_names_keep_no_neighbours_and_no_acronyms_alone():
    mined = _mined("据悉，CEO Tim Cook称，新款Mac搭载AMD CPU，售价更低。用户可加入QQ群和BBS讨论。")
    assert "Tim Cook" in mined and "CEO Tim Cook" not in mined
    assert "AMD" not in mined and "AMD CPU" not in mined  # AMD alone is a bare acronym, like QQ and BBS
    assert not {"BBS", "QQ", "CEO", "CPU"} & set(mined)
    assert "Mac" in mined


def test_a_latin_run_the_glossary_ends_is_not_offered_again():
    glossary = _glossary("Copilot for Azure,Copilot for Azure,,,,,product,,")
    assert "GuidesCopilot for Azure" not in _mined("推出了GuidesCopilot for Azure服务。", glossary)


def test_placeholders_are_not_mined():
    article = _article("微软CEO[萨蒂亚·纳德拉](https://example.com)(Satya Nadella)与**OpenAI**合作。", "a.md")
    assert "<a1>萨蒂亚·纳德拉</a1>" in article.paragraphs[-1].text and "<b2>OpenAI</b2>" in article.paragraphs[-1].text
    mined = {s.source: s for s in suggest(article, Glossary([]))}
    assert mined["萨蒂亚·纳德拉"].english == "Satya Nadella"
    assert not [source for source in mined if "<" in source or ">" in source]


def test_the_sample_gives_its_people_short_forms_and_parentheticals(sample_path):
    mined = {s.source: s for s in suggest(read_article(sample_path), Glossary([]))}
    for source, english, short in [("山姆·奥特曼", "Sam Altman", "Altman"), ("奥特曼", "Sam Altman", "Altman"),
                                   ("伊利亚·苏茨克沃", "Ilya Sutskever", "Sutskever"),
                                   ("伊利亚", "Ilya Sutskever", "Sutskever"),
                                   ("萨蒂亚·纳德拉", "Satya Nadella", "Nadella"), ("纳德拉", "Satya Nadella", "Nadella"),
                                   ("杰弗里·辛顿", "Geoffrey Hinton", "Hinton"), ("辛顿", "Geoffrey Hinton", "Hinton")]:
        assert (mined[source].english, mined[source].kind, mined[source].english_short) == (english, Kind.PERSON, short)
    assert mined["谷歌大脑"].english == "Google Brain"
    assert mined["蓝移团队"].english == "Blueshift"
    for latin in ["Copilot Studio", "Azure Maia 100", "GPT-4", "ChatGPT Plus", "Phi-2"]:
        assert mined[latin].english == latin
    assert not {"AI", "CEO", "AGI", "Creating safe AGI that benefits all of humanity"} & set(mined)


def test_rows_the_glossary_has_are_left_out(sample_path):
    assert suggest(read_article(sample_path), load(ROOT / "glossary.csv")) == []


def _glossary(*rows: str) -> Glossary:
    entries, problems = parse(HEADER + "\n" + "\n".join(rows), Path("g.csv"))
    assert not problems
    return Glossary(entries)


def test_many_articles_give_one_row_per_term_with_articles_and_conflicts():
    first = _article("微软CEO萨蒂亚·纳德拉（Satya Nadella）表示。英伟达（NVIDIA）股价上涨。", "first.txt")
    second = _article("纳德拉出席了会议，萨蒂亚·纳德拉（Satya Nadela）说。谷歌（Google）回应。", "second.txt")
    third = _article("萨蒂亚·纳德拉表示支持。", "third.txt")
    proposals = {p.suggestion.source: p for p in suggest_many([first, second, third], _glossary("谷歌,Google,,,,,org,,"))}
    nadella = proposals["萨蒂亚·纳德拉"]
    assert nadella.documents == ["first", "second", "third"]
    assert nadella.conflicting and nadella.renderings == {"Satya Nadella": ["first"], "Satya Nadela": ["second"]}
    row = nadella.row()
    assert row[:2] == ["萨蒂亚·纳德拉", "Satya Nadella"]
    assert row[-1].startswith("3 articles: first, second, third; first: 中文（English） in paragraph 2")
    assert "conflicting renderings: Satya Nadella (first); Satya Nadela (second)" in row[-1]
    assert proposals["英伟达"].documents == ["first"] and not proposals["英伟达"].conflicting
    assert "谷歌" not in proposals
    assert list(proposals)[0] == "萨蒂亚·纳德拉"  # the most widely used first


def test_cli_suggests_over_a_folder_as_csv_and_table(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text("标题\n\n微软CEO萨蒂亚·纳德拉（Satya Nadella）表示。\n", encoding="utf-8")
    (folder / "2024").mkdir()
    (folder / "2024" / "b.md").write_text("# 标题\n\n萨蒂亚·纳德拉说，Copilot Studio发布了。\n", encoding="utf-8")
    (folder / "notes.csv").write_text("not an article\n", encoding="utf-8")
    empty = tmp_path / "empty.csv"
    empty.write_text(HEADER + "\n", encoding="utf-8")
    result = runner.invoke(app, ["glossary", "suggest", str(folder), "--glossary", str(empty)])
    assert result.exit_code == 0, result.stderr
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0] == HEADER.split(",")
    by_source = {row[0]: row for row in rows[1:]}
    assert by_source["萨蒂亚·纳德拉"][1:3] == ["Satya Nadella", "Nadella"]
    assert by_source["萨蒂亚·纳德拉"][-1].startswith("2 articles: a, b")
    assert by_source["Copilot Studio"][-1].startswith("1 article: b")
    table = runner.invoke(app, ["glossary", "suggest", str(folder / "a.txt"), "--glossary", str(empty),
                                "--format", "table"])
    assert table.exit_code == 0 and "萨蒂亚·纳德拉" in table.stdout and "Satya Nadella" in table.stdout
    assert "1 suggestions from 1 article(s); 0 with conflicting renderings" in table.stdout


def test_cli_cells_are_spreadsheet_safe(tmp_path, monkeypatch):
    from l10n.mining import suggest as suggest_module

    article = tmp_path / "a.txt"
    article.write_text("标题\n\n正文。\n", encoding="utf-8")
    crafted = suggest_module.Proposal(suggest_module.Suggestion("某公司", "=HYPERLINK(1)", Kind.ORG, "", "-note"),
                                      "a", ["a"])
    monkeypatch.setattr(suggest_module, "suggest_many", lambda documents, glossary: [crafted])
    result = runner.invoke(app, ["glossary", "suggest", str(article)])
    assert result.exit_code == 0, result.stderr
    assert "某公司,'=HYPERLINK(1)" in result.stdout


def test_cli_suggest_refuses_an_empty_folder(tmp_path):
    result = runner.invoke(app, ["glossary", "suggest", str(tmp_path)])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1].startswith(f"error: {tmp_path}: no article files")


def test_a_dotted_name_has_no_more_parts_than_its_english():
    mined = _mined("他引用了罗杰·马克·吐温（Mark Twain）的话。")
    assert mined["马克·吐温"].english == "Mark Twain"
    assert "罗杰·马克·吐温" not in mined
    assert "凯瑟琳·威尔逊" in _mined("起诉书点名凯瑟琳·威尔逊（Katheryn A. Wilson）。")  # an initial is no part


def test_numbered_list_labels_are_not_names():
    mined = _mined("十大风险包括用户身份验证中断（API2）、数据过度泄露（API3）和资产管理不当（API9）。"
                   "命令和控制（C2）服务器也被发现，二氧化碳（CO2）排放增加。")
    assert not {"用户身份验证中断", "数据过度泄露", "资产管理不当"} & set(mined)
    assert mined["命令和控制"].english == "C2" and mined["二氧化碳"].english == "CO2"


def test_the_evaluation_script_scores_the_sample_without_dev_pages(tmp_path):
    import subprocess
    import sys

    result = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "glossary_suggest_eval.py"), str(tmp_path)],
                            capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["page", "gold", "sugg", "ok", "recall", "prec", "latin", "pinyin"]
    sample = lines[1].split()
    assert sample[0] == "jiemian-openai-board.zh.txt" and sample[1] == "11"
    assert lines[-1].startswith("overall")


@pytest.mark.parametrize("body, code", [
    ("研究人员发现该路由器存在严重漏洞（CVE-2025-12345），厂商已发布补丁。", "CVE-2025-12345"),
    ("微软本月修复了打印服务的提权缺陷（KB5034441）。", "KB5034441"),
    ("新版本的调度器（v3.2.1）上周发布。", "v3.2.1"),
    ("这家电商巨头（NYSE: BABA）公布了季度业绩。", "NYSE: BABA"),
    ("阿里巴巴（BABA）股价周二下跌3%。", "BABA"),
    ("系统更新（24H2）带来了新功能。", "24H2"),
])
def test_a_code_in_parentheses_is_a_reference_not_a_rendering(body, code):
    mined = _mined(body)
    assert not [source for source, s in mined.items() if s.english == code or source == code], mined


def test_an_acronym_or_a_product_in_parentheses_is_still_a_rendering():
    mined = _mined("美国联邦调查局（FBI）与微软的新系统（Windows 11）都被提及。")
    assert mined["美国联邦调查局"].english == "FBI"


@pytest.mark.parametrize("body, source, english", [
    ("截至年底，该基金持有A类普通股（Class A Common Stock）八十万股。", "A类普通股", "Class A Common Stock"),
    ("截至年底，该基金持有 A类普通股（Class A Common Stock）八十万股。", "A类普通股", "Class A Common Stock"),
    ("散户纷纷买入英伟达公司（NVIDIA Corporation）的股票。", "英伟达公司", "NVIDIA Corporation"),
    ("芯片巨头英伟达公司（NVIDIA Corporation）公布财报。", "英伟达公司", "NVIDIA Corporation"),
    ("全球最大的资产管理公司贝莱德集团（BlackRock Inc.）增持了股份。", "贝莱德集团", "BlackRock Inc."),
    ("他长期持有伯克希尔哈撒韦B类股（Berkshire Hathaway Class B）。", "伯克希尔哈撒韦B类股", "Berkshire Hathaway Class B"),
    ("由深圳市腾讯计算机系统有限公司（Shenzhen Tencent Computer Systems Co., Ltd.）运营。",
     "深圳市腾讯计算机系统有限公司", "Shenzhen Tencent Computer Systems Co., Ltd."),
])
def test_a_verb_or_descriptor_before_a_term_and_a_legal_form_after_it(body, source, english):
    mined = _mined(body)
    assert source in mined, sorted(mined)
    assert mined[source].english == english
    assert not [other for other in mined if other != source and other.endswith(source)]


@pytest.mark.parametrize("markdown, copied", [
    ("该基金持有**A类普通股**（Class A Common Stock）。", "该基金持有A类普通股（Class A Common Stock）。"),
    ("据报道，*Anthropic公司*（Anthropic PBC）发布了新模型。", "据报道，Anthropic 公司（Anthropic PBC）发布了新模型。"),
    ("散户买入`英伟达公司`（NVIDIA Corporation）的股票。", "散户买入英伟达公司（NVIDIA Corporation）的股票。"),
])
def test_a_page_read_as_markdown_as_text_or_as_its_copied_text_gives_one_boundary(markdown, copied):
    """Markdown's marks are placeholders to the Markdown reader and characters to the text reader, and a copied
    page may space Chinese from Latin words: the term is the same however the page was read."""
    terms = set()
    for body, name in ((markdown, "a.md"), (markdown, "a.txt"), (copied, "a.txt")):
        mined = suggest(_article(body, name), Glossary([]))
        terms.add(next((s.source.replace(" ", ""), s.english) for s in mined if re.search("[\u4e00-\u9fff]", s.source)))
    assert len(terms) == 1, terms


@pytest.mark.parametrize("body, source, english, short", [
    ("本报记者范剑磊报道，会议今天开幕。", "范剑磊", "Fan Jianlei", "Fan"),
    ("英伟达首席执行官黄仁勋表示，需求仍然强劲。", "黄仁勋", "Huang Renxun", "Huang"),
    ("主持人欧阳娜娜和评论员司马南出席了活动。", "欧阳娜娜", "Ouyang Nana", "Ouyang"),
    ("主持人欧阳娜娜和评论员司马南出席了活动。", "司马南", "Sima Nan", "Sima"),
    ("评书艺人单田芳的录音被修复。", "单田芳", "Shan Tianfang", "Shan"),
    ("特使解振华出席了气候会议。", "解振华", "Xie Zhenhua", "Xie"),
    ("演员曾志伟在发布会上致辞。", "曾志伟", "Zeng Zhiwei", "Zeng"),
])
def test_a_chinese_person_without_english_gets_a_pinyin_guess(body, source, english, short):
    mined = _mined(body)
    assert (mined[source].english, mined[source].english_short, mined[source].kind) == (english, short, Kind.PERSON)
    assert "pinyin guess" in mined[source].note


@pytest.mark.parametrize("body, name", [
    ("OpenAI首席执行官奥特曼表示，公司会继续发展。", "奥特曼"),
    ("特斯拉首席执行官马斯克回应了质疑。", "马斯克"),
    ("美国前总统林肯的演讲被反复引用。", "林肯"),
    ("她用支付宝付款，顾问表示这很方便。", "支付宝"),
    ("我们要实现高水平对外开放。", "高水平"),
    ("他认为安全左移很重要，汽车智驾功能正在普及。", "左移"),
    ("他认为安全左移很重要，汽车智驾功能正在普及。", "智驾"),
    ("这些负载运行基于云的训练，而无需往返于云。", "于云"),
    ("苹果公司首席执行官蒂姆·库克（Tim Cook）今天发布了新产品。", "库克"),
])
def test_foreign_names_and_common_words_get_no_pinyin_guess(body, name):
    mined = _mined(body)
    assert not [s for s in mined.values() if "pinyin guess" in s.note and name in s.source], mined
