"""Each QA check on real news sentences (the bundled sample and the dev pages), both ways; the shared
name-style rule; enforcement's repair; findings written into entries."""
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from l10n.catalog.entries import Catalog, Entry
from l10n.glossary import Glossary, parse
from l10n.model import Part, Segment, Severity
from l10n.qa import CHECKS, build_context, check_catalog, check_texts
from l10n.qa import spelling
from l10n.qa.spelling import available as spelling_available
from l10n.qa.terms import requirements, satisfied
from l10n.translate.enforce import draft_documents
from test_enforce import FakeTranslator

GLOSSARY = ("zh_Hans,en,en_short,zh_Hant,kind,en_forbidden\n"
            "山姆·奥特曼,Sam Altman,Altman,,person,Sam Ultraman|Ultraman\n"
            "奥特曼,Sam Altman,Altman,,person,Ultraman\n"
            "伊利亚,Ilya Sutskever,Sutskever,,person,Elijah\n"
            "乔布斯,Steve Jobs,Jobs,,person,\n"
            "界面新闻,Jiemian News,Jiemian,界面新聞,org,Interface News\n")


def _segments(*sources):
    entries, problems = parse(GLOSSARY, Path("g.csv"))
    assert not problems
    return Glossary(entries).annotate([Segment(f"s{i}", i + 1, 1, Part.BODY, i + 1, s) for i, s in enumerate(sources)])


def codes(sources, targets, locale="en", style="full", hant="s2twp"):
    segments = _segments(*sources)
    texts = {f"s{i}": t for i, t in enumerate(targets)}
    issues = check_texts(segments, texts, build_context(segments, texts, locale, style, hant))
    return [(issue.segment_id, issue.code) for issue in issues]


def test_every_check_has_an_id_a_severity_and_an_explanation():
    assert len(CHECKS) >= 12
    for check in CHECKS.values():
        assert check.id and isinstance(check.severity, Severity) and check.explanation


# ---- glossary: whole word, own case; forbidden; one name-style rule

def test_a_lower_case_common_word_does_not_satisfy_a_name():
    assert codes(["乔布斯曾说过。"], ["Steve jobs once said."]) == [("s0", "glossary-missing")]
    assert codes(["乔布斯曾说过。"], ["Steve Jobs once said."]) == []


def test_a_rendering_inside_a_longer_word_does_not_count():
    assert codes(["乔布斯曾说过。"], ["Steve Jobsworth once said."]) == [("s0", "glossary-missing")]


def test_a_forbidden_rendering_is_an_error_in_any_case():
    assert ("s0", "glossary-forbidden") in codes(["奥特曼回来了。"], ["Sam Altman, not ULTRAMAN, is back."])


def test_short_form_before_the_full_one_is_reported_once_at_the_first_mention():
    sources = ["伊利亚走了。", "伊利亚回来了。"]
    assert codes(sources, ["He left.", "Sutskever came back."], style="news") == [("s0", "glossary-missing")]
    assert codes(sources, ["Sutskever left.", "Ilya Sutskever came back."], style="news") == [
        ("s0", "glossary-missing")]
    assert codes(sources, ["Ilya Sutskever left.", "Sutskever came back."], style="news") == []


def test_enforcement_and_qa_use_the_same_requirements():
    segments = _segments("伊利亚走了。", "伊利亚回来了。")
    needs = requirements(segments, "news")
    answers = {"伊利亚走了。": ["He left."], "Ilya Sutskever 走了。": ["He left."],
               "伊利亚回来了。": ["Sutskever came back."]}
    [drafts], report = draft_documents([segments], FakeTranslator(answers), "news")
    texts = {i: d.text for i, d in drafts.items()}
    flagged = {i for i, _ in codes(["伊利亚走了。", "伊利亚回来了。"], [texts["s0"], texts["s1"]], style="news")}
    unmet = {i for i, d in drafts.items() if not all(satisfied(d.text, n) for n in needs.get(i, []))}
    assert flagged == unmet == {"s0"} and report.present == 1


def test_traditional_override_is_required():
    assert codes(["界面新闻报道。"], ["界面新聞報導。"], locale="zh_TW") == []
    assert codes(["据界面新闻Pro报道。"], ["據界面新聞Pro報導。"], locale="zh_TW") == []
    assert codes(["界面新闻报道。"], ["介面新聞報導。"], locale="zh_TW") == [("s0", "glossary-missing")]


# ---- enforcement repair

@pytest.mark.parametrize("draft, repaired", [
    ("Sam Ultraman is back.", "Sam Altman is back."),
    ("Ultraman is back.", "Sam Altman is back."),
    ("Ultraman and Ultraman.", "Sam Altman and Sam Altman."),
    ("Ultramania spread; Ultraman is back.", "Ultramania spread; Sam Altman is back."),
])
def test_repair_replaces_whole_words_without_duplicating(draft, repaired):
    source = "奥特曼回来了。"
    answers = {source: [draft], "Sam Altman 回来了。": [draft]}
    [drafts], _ = draft_documents([_segments(source)], FakeTranslator(answers))
    assert drafts["s0"].text == repaired
    assert codes([source], [drafts["s0"].text]) == []


def test_qa_catches_the_old_repair_result():
    assert ("s0", "doubled-word") in codes(["奥特曼回来了。"], ["Sam Sam Altman is back."])


# ---- numbers (more in test_numbers.py)

def test_numbers_check_runs_on_english_only():
    assert ("s0", "numbers") in codes(["该项目投资77亿元。"], ["The project cost 77 billion yuan."])
    assert codes(["该项目投资77亿元。"], ["該專案投資77億元。"], locale="zh_TW") == []  # 项目 is 專案 in Taiwan


# ---- leaks

def test_chinese_left_in_the_english():
    assert codes(["奥特曼回归OpenAI。"], ["Sam Altman 回归 OpenAI."]) == [("s0", "source-leak")]
    assert ("s0", "source-leak") in codes(["奥特曼回归OpenAI。"], ["奥特曼回归OpenAI。"])
    assert codes(["奥特曼回归OpenAI。"], ["Sam Altman returns to OpenAI."]) == []


def test_simplified_characters_left_in_traditional():
    assert codes(["微软发展很快。"], ["微軟发展很快。"], locale="zh_TW") == [("s0", "simplified-leak")]
    assert codes(["微软发展很快。"], ["微軟發展很快。"], locale="zh_TW") == []
    # a reviewer's own wording and OpenCC's phrase choices (回 where OpenCC writes 迴) are not leaks
    assert codes(["奥特曼的回归很重要。"], ["奧特曼的回歸很重要。"], locale="zh_Hant", hant="s2t") == []
    assert codes(["微软发展很快。"], ["微軟成長迅速。"], locale="zh_TW") == []


def test_a_form_the_glossary_keeps_in_traditional_is_no_leak():
    # the desk keeps the surname 范 in Traditional (OpenCC writes 範); 范 elsewhere is still a leak
    glossary = Glossary(parse("zh_Hans,en,zh_Hant,kind\n范剑磊,Fan Jianlei,范劍磊,person\n", Path("g.csv"))[0])
    source = "图片来源：范剑磊"
    [segment] = glossary.annotate([Segment("s0", 1, 1, Part.BODY, 1, source)])
    for edition in ("tw", "hk", "hant"):
        texts = {"s0": "圖片來源：范劍磊"}
        assert check_texts([segment], texts, build_context([segment], texts, "zh_TW", edition=edition)) == []
    # checked without the glossary (build elsewhere, another glossary): the run's glossary note says the form
    bare = Segment("s0", 1, 1, Part.BODY, 1, source)
    noted = Entry(source, "圖片來源：范劍磊", notes=["glossary: 范剑磊 → 范劍磊 (person)"])
    assert check_catalog(Catalog({}, [noted]).for_segments([bare]), [bare], "zh_TW", edition="tw") == []
    unnoted = Entry(source, "圖片來源：范劍磊")
    [issue] = check_catalog(Catalog({}, [unnoted]).for_segments([bare]), [bare], "zh_TW", edition="tw")
    assert issue.code == "simplified-leak" and "范 (→ 範)" in issue.message
    # a run passes the edition's conversion: the notes are read where the text departs from it
    converted = {"s0": "圖片來源：範劍磊"}
    assert check_catalog(Catalog({}, [noted]).for_segments([bare]), [bare], "zh_TW", edition="tw",
                         converted=converted) == []
    [issue] = check_catalog(Catalog({}, [unnoted]).for_segments([bare]), [bare], "zh_TW", edition="tw",
                            converted=converted)
    assert issue.code == "simplified-leak"
    leaked = Entry("范围很广：范剑磊", "范圍很廣：范劍磊", notes=["glossary: 范剑磊 → 范劍磊 (person)"])
    leaked_segment = Segment("s0", 1, 1, Part.BODY, 1, "范围很广：范剑磊")
    [issue] = check_catalog(Catalog({}, [leaked]).for_segments([leaked_segment]), [leaked_segment], "zh_TW",
                            edition="tw")
    assert issue.code == "simplified-leak"


# ---- punctuation and markup

def test_full_width_punctuation_in_english():
    assert codes(["谁是最大赢家？"], ["Who is the biggest winner？"]) == [("s0", "fullwidth-punctuation")]
    assert codes(["他说：“可能吗？”"], ["He said: “Is it possible?”"]) == []


def test_unbalanced_brackets_and_quotes():
    assert codes(["英伟达（NVIDIA）宣布合作。"], ["Nvidia (NVIDIA announced a partnership."]) == [
        ("s0", "unbalanced-brackets")]
    assert codes(["英伟达（NVIDIA）宣布合作。"], ["Nvidia (NVIDIA) announced a partnership."]) == []
    # a quotation running over several sentences opens in the source too
    assert codes(["他说：“我们会回来。"], ["He said: “We will be back."]) == []


@pytest.mark.parametrize("english, flagged", [
    ('The centre stands 6\'9" tall.', False),  # a double prime after feet: inches, no quote
    ('He ran the mile in 4\'09".', False),
    ('He bought a 12" laptop.', False),
    ('He said the answer was "12.', True),  # a quote opened and left open before a figure
    ('The index closed at 12".', True),  # after a figure, measuring nothing: a quote closing none
    ("One reader wrote: so sad :-(", False),  # a smiley's bracket
    ("One reader wrote :) that it was fine.", False),
    ("One reader (a teacher) wrote :) that it was fine.", False),
    ("One reader (a teacher, as it happens :-) wrote that it was fine.", False),  # the smiley doubles as )
    ("One reader (a teacher wrote :( that it was awful.", True),  # a smiley opens no bracket
    ("The plan has three parts: 1) lower costs, 2) higher output and 3) more jobs.", False),
    ("It includes a) lower costs and b) higher output.", False),  # a list's markers, mid-sentence
    ("It includes 1) lower costs and 2) higher output (and more jobs.", True),
    ("There are two kinds: 1) those who plan 2) the rest of us.", False),
    ("It includes lower costs and 2) higher output.", True),  # one marker alone is a bracket
])
def test_primes_smileys_and_list_markers_are_no_brackets(english, flagged):
    assert (("s0", "unbalanced-brackets") in codes(["计划包括降低成本和提高产量。"], [english])) is flagged


@pytest.mark.parametrize("english, flagged", [
    ('She said:"It is a sure thing."', False),  # no space after the colon: the quote opens all the same
    ('She said,"It is a sure thing."', False),
    ('She said:"It is a "sure" thing."', False),
    ('She said "It is a sure thing.', True),
    ('She called the plan"a sure thing"and left.', False),  # straight quotes typed without spaces
    ('"It is a sure thing,"she said.', False),
    ('She called the plan"a sure thing and left.', True),
])
def test_a_straight_quote_typed_without_a_space_opens_where_none_is_open(english, flagged):
    assert (("s0", "unbalanced-brackets") in codes(["她说：“这事十拿九稳。”"], [english])) is flagged


@pytest.mark.parametrize("source, english, flagged", [
    ("AI技术发展迅速。", "Artificial intelligence is developing fast.", False),  # spelled out in lower case
    ("今年GDP增长6.5%。", "This year gross domestic product grew 6.5%.", False),
    ("今年GDP增长6.5%。", "This year output grew 6.5%.", True),
    ("AI技术发展迅速。", "The technology is developing fast.", True),
    ("AI技术发展迅速。", "As it is, the technology is developing fast.", True),  # short words spell nothing
    ("他说了声OK。", 'He said "okay".', False),  # the letters said by their names
    ("DJ开始放歌。", "The deejay started playing.", False),
    ("他说了声OK。", 'He said "oh".', True),
])
def test_an_acronym_spelled_out_in_lower_case_is_kept(source, english, flagged):
    assert (("s0", "latin-dropped") in codes([source], [english])) is flagged


@pytest.mark.parametrize("english, flagged", [
    ("ByteDance's TikTok is now one of Meta's main rivals.", False),
    ("ByteDance's app is now one of Meta's main rivals.", True),
    ("ByteDance's tiktok is now one of Meta's main rivals.", True),  # no capitals, no parts
])
def test_an_acronym_may_take_the_capitals_of_one_word_in_parts(english, flagged):
    """字节的TT is TikTok: a word whose parts each begin with a capital spells their initials (PlayStation: PS)."""
    assert (("s0", "latin-dropped") in codes(["现在字节的 TT 是 Meta 主要的竞争对手之一。"], [english])) is flagged


def test_placeholders_must_match_the_source():
    source = "<a1>OpenAI</a1>宣布<b2>奥特曼</b2>回归。"
    assert codes([source], ["<a1>OpenAI</a1> announced that <b2>Sam Altman</b2> is back."]) == []
    assert codes([source], ["OpenAI announced that <b2>Sam Altman</b2> is back."]) == [("s0", "placeholders")]
    assert codes([source], ["<a1>OpenAI announced that <b2>Sam Altman</a1></b2> is back."]) == [
        ("s0", "placeholders")]


# ---- repetition and length

def test_repetition_loop():
    loop = "The board said that the company the company the company will survive."
    assert ("s0", "repetition") in codes(["董事会表示公司会存活下来。"], [loop])
    assert codes(["董事会表示公司会存活下来。"], ["The board said the company will survive."]) == []


@pytest.mark.parametrize("english, flagged", [
    ("Green flames shot from his eyes, and beads of sweat scurried scurried down his face.", True),
    ("She was shaken, and he could not shake the piss out of her her!", True),
    ("That didn't bother her her at all.", True),
    ("He asked her her name.", False),  # the second her is a possessive
    ("It was a very very long night.", False),  # English says some words twice on purpose
    ("There were many many reasons.", False),
    ("I'd better not ask too many many questions.", True),  # the intensifier doubled after a degree word
    ("How many many people came?", True),
    ("No no, that is not what I meant.", False),
    ("A persistent tock tock tock came from the clock.", False),  # a sound said thrice: the repetition check's
])
def test_a_doubled_word_is_a_slip_unless_english_says_it_so(english, flagged):
    source = "钟里传来咯当咯当的响声，他一直流汗。"  # the source repeats a sound: that excuses a sound, not a slip
    assert (("s0", "doubled-word") in codes([source], [english])) is flagged


def test_a_doubled_name_or_sound_needs_a_repetition_in_the_source():
    assert codes(["圆圆今天没有上学。"], ["Yuan Yuan did not go to school today."]) == []
    assert ("s0", "doubled-word") in codes(["她今天没有上学。"], ["Yuan Yuan did not go to school today."])


def test_a_doubled_name_renders_two_characters_read_alike():
    """倪妮 (ni2 ni1) is "Ni Ni": two neighbouring characters read as the doubled syllable, tones aside; 倪 alone
    or 倪娜 (ni na) is no "Ni Ni"."""
    assert codes(["她被前女友倪妮指挥。"], ["She takes orders from her ex-girlfriend, played by Ni Ni."]) == []
    assert ("s0", "doubled-word") in codes(["她被前女友倪娜指挥。"], ["She takes orders from her ex, played by Ni Ni."])
    assert ("s0", "doubled-word") in codes(["倪先生说，她被前女友指挥。"], ["Mr Ni Ni said she takes orders from her ex."])


@pytest.mark.skipif(not spelling_available(), reason="no English hunspell dictionary installed")
def test_a_doubled_name_the_dictionary_knows_is_a_slip_though_the_source_repeats_something():
    """直挺挺 repeats a character, which may excuse a romanized name (Yuan Yuan) or a sound, but "Buddha" is neither:
    hunspell knows it as written, though not in lower case."""
    source = "小和尚直挺挺的。"
    assert ("s0", "doubled-word") in codes([source], ["His little Buddha Buddha stood stiff."])
    assert codes([source], ["His little Buddha stood stiff."]) == []
    assert codes(["用户[Wilson](/~Wilson)发表于周六。"], ["Posted by Wilson Wilson on Saturday."]) == []


@pytest.mark.skipif(not spelling_available(), reason="no English hunspell dictionary installed")
@pytest.mark.parametrize("english, flagged", [
    ("The goverment acted.", True),  # a letter dropped
    ("They were protestting outside.", True),  # a letter doubled (protest + ting is no excuse)
    ("She picked up scrapps of cloth.", True),
    ("It opened in the firt stage.", True),  # four letters, one slip from a word of five
    ("He fell into a hyperosmolar coma.", False),  # a rare word, one slip from no other
    ("She wore wrinkled cheongsams.", False),  # a plural the dictionary lacks
    ("The rate of khun was low.", False),  # short: one slip from khan says nothing
    ("We ain't goin' nowhere, he said.", False),  # the g dropped in speech, marked by the apostrophe
    ("We are goin nowhere, he said.", True),  # no apostrophe: a slip of going
    ("Pride goeth before a fall, and the wise man turneth away.", False),  # archaic endings of go, turn
    ("It maketh no difference.", False),
    ("The river's bredth was great.", True),  # a word (bred) plus "th" is no archaic ending: a slip of breadth
    ("Thou knowest not what thou sayest.", False),
    ("He knowest the way.", True),  # -est on a verb only after thou
    ("It was the bigest fish.", True),  # nor is a slip of a superlative an archaic form
    ("Posts tagged #metoo spread quickly.", False),  # a hashtag is no word
    ("Posts tagged metoo spread quickly.", True),
    ("They use costly microstructured screens.", False),  # a prefix before a dictionary word: a word formed
    ("The comission met on Monday.", True),  # co + mission: a short prefix is a doubled letter's slip as often
    ("He bought a new televison.", True),  # tele + vison: too short a word after the prefix to say so
])
def test_spelling_reports_a_word_one_slip_from_a_dictionary_word(english, flagged):
    assert (("s0", "spelling") in codes(["政府宣布了新政策。"], [english])) is flagged


@pytest.mark.skipif(not spelling_available() or not spelling.listed("snifting"),
                    reason="no English hunspell dictionary or no SCOWL size-70 word list installed")
@pytest.mark.parametrize("english, flagged", [
    ("The snifting valve let the air out.", False),  # rare words hunspell lacks, one slip from common ones
    ("She baked it on an ungreased tray.", False),
    ("The shifting valve let the air out.", False),
    ("The snifing valve let the air out.", True),  # a slip the larger lists do not know either
    ("They fixed the vaccuum pump.", True),
    ("It is a tax deductable expense.", True),  # a misspelling hunspell and the lists both lack
])
def test_a_rare_word_of_the_larger_word_lists_is_no_slip(english, flagged):
    assert (("s0", "spelling") in codes(["政府宣布了新政策。"], [english])) is flagged


@pytest.mark.skipif(not spelling_available(), reason="no English hunspell dictionary installed")
def test_a_word_longer_than_any_dictionary_word_asks_the_dictionary_nothing(monkeypatch):
    """Every slip of a word is one dictionary look-up: a word of 1,500 letters in a catalog entry took 12 s. A word
    past the longest the dictionaries hold (45 letters) is one slip from none, so none is tried."""
    asked = []
    monkeypatch.setattr(spelling, "known", lambda word: asked.append(word) or False)
    assert not spelling.slip_of_a_word("q" * 1500)
    assert asked == []
    assert not spelling.slip_of_a_word("q" * 40)
    assert len(asked) > 40


def test_length_far_from_the_documents_usual_ratio():
    sources = ["微软宣布聘用奥特曼和布洛克曼，两人将领导新的研究团队。", "董事会在周五突然解雇了公司的首席执行官奥特曼。",
               "数百名员工联名要求董事会全体成员立即辞职。", "投资者对此表示非常担忧和不满，要求公司作出解释。",
               "公司的估值因此受到了很大影响，融资计划也被推迟。", "这场风波持续了整整五天时间，最终以董事会改组结束。"]
    targets = ["Microsoft announced it had hired Sam Altman and Brockman.", "The board abruptly fired the CEO on Friday.",
               "Employees signed a letter asking the board to resign.", "Investors were deeply worried and unhappy.",
               "The company's valuation was badly hit as a result.", "It."]
    assert ("s5", "length-ratio") in codes(sources, targets)
    assert ("s5", "length-ratio") not in codes(sources, targets[:5] + ["The turmoil lasted five full days."])


# ---- findings in the catalog

def _catalog(msgstr):
    return Catalog({}, [Entry("该项目投资77亿元。", msgstr, notes=["body, paragraph 1, sentence 1"])])


def test_findings_replace_earlier_ones_and_an_error_makes_the_entry_fuzzy():
    segments = [Segment("s0", 1, 1, Part.BODY, 1, "该项目投资77亿元。")]
    catalog = _catalog("The project cost 77 billion yuan.")
    check_catalog(catalog.for_segments(segments), segments, "en")
    check_catalog(catalog.for_segments(segments), segments, "en")
    [entry] = catalog
    assert entry.notes == [
        "body, paragraph 1, sentence 1", "QA error: 77亿元: expected 7.7 billion CNY in the English [numbers]"]
    assert entry.fuzzy
    entry.msgstr, entry.flags = "The project cost 7.7 billion yuan.", []
    check_catalog(catalog.for_segments(segments), segments, "en")
    assert entry.notes == ["body, paragraph 1, sentence 1"] and not entry.fuzzy


def test_a_long_traditional_sentence_as_converted_is_not_diffed(monkeypatch):
    # difflib on a 21,000-character sentence took over a minute of a run; equal texts need no diff
    import difflib

    from l10n.qa.leaks import simplified_left

    monkeypatch.setattr(difflib, "SequenceMatcher", None)
    sentence = "公司發布新產品" * 3000 + "。"
    assert simplified_left(sentence, sentence) == []


def _loops_by_definition(text: str) -> list[str]:
    """Every unit of up to LONGEST_UNIT tokens followed by LOOP_REPEATS − 1 copies of itself, checked slice by slice."""
    from l10n.qa.repetition import LONGEST_UNIT, LOOP_REPEATS, _units

    tokens = _units(text)
    found: list[str] = []
    for size in range(1, LONGEST_UNIT + 1):
        for start in range(len(tokens) - size * LOOP_REPEATS + 1):
            unit = tokens[start:start + size]
            if all(tokens[start + size * k:start + size * (k + 1)] == unit for k in range(1, LOOP_REPEATS)):
                shown = " ".join(unit)
                if not any(shown in earlier for earlier in found):
                    found.append(shown)
    return found


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["the", "company", "a", "b", "公", "司"]), max_size=40))
def test_loops_finds_what_the_definition_finds(words):
    from l10n.qa.repetition import loops

    text = " ".join(words)
    assert loops(text) == _loops_by_definition(text)


_LOOP_WORDS = st.sampled_from(["the", "The", "company", "a", "b", "公", "司", "2024", "it's"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_LOOP_WORDS, min_size=1, max_size=6, unique_by=str.lower), st.lists(_LOOP_WORDS, max_size=8),
       st.lists(_LOOP_WORDS, max_size=8))
def test_a_unit_of_any_length_said_three_times_is_found(unit, before, after):
    """The quick search that rules texts out (each distinct token as one character) never rules out a loop: a unit
    of every length up to LONGEST_UNIT, said three times among other words, whatever its case."""
    from l10n.qa.repetition import LONGEST_UNIT, LOOP_REPEATS, loops

    assert LONGEST_UNIT == 6 and LOOP_REPEATS == 3  # the strategy's sizes
    text = " ".join(before + unit * 3 + after)
    assert loops(text) == _loops_by_definition(text) != []


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["公", "司", "a", "A", "b", "7", "12", "'", "’", "s", ".", " ", "，", "<a1>", "</a1>",
                                 "it's", "ß", "K", "ſ", "\U000F0000"]), max_size=40).map("".join))
def test_the_quick_search_writes_each_token_as_one_character_and_the_same_token_alike(text):
    from l10n.qa.repetition import _coded, _units

    tokens, coded = _units(text), _coded(text)
    assert len(coded) == len(tokens)
    assert all((token == other) == (code == other_code) for token, code in zip(tokens, coded)
               for other, other_code in zip(tokens, coded))


def test_loops_is_linear_on_a_huge_sentence():
    from l10n.qa.repetition import loops

    assert loops("公司发布新产品" * 30000) == []  # a 210,000-character sentence: no 3× unit of ≤ 6 tokens
    assert loops("公司" * 40000)[0] == "公 司"
