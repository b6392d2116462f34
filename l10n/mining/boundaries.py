"""Where a Chinese term starts, from evidence: name shapes, titles, word classes and the English beside it.

A term introduced as `中文（English）` ends at the parenthesis; its start is the hard part. The evidence, in order:
- quotes or book-title marks around it (《框架》, “超对准”);
- a transliterated foreign name: a run of transliteration characters joined by `·` (蒂姆·库克), or a
  transliteration standing alone when the English is a Western name (冈德拉克 (Jeffrey Gundlach));
- a Chinese name whose romanization is pinyin (温俭 (Jian Wen): two syllables, two characters), or that the
  segmenter tags as a person's name;
- otherwise jieba's words and part-of-speech tags: the term is the run of content words before the
  parenthesis, stopped by function words, verbs, numbers, titles and roles (首席执行官, 制造商), and as long as the
  English asks for: an acronym of n letters or n English content words covers about n Chinese words (CISA ↔
  网络安全 和 基础设施 安全局), a single English word a run of nouns (谷歌大脑 (Google Brain) after 旗下的).

Words and tags come from jieba (see words.py), loaded only when mining, with two corrections: pieces jieba cut out
of one name are joined again (英伟达 where jieba reads 英 + 伟达, because CC-CEDICT knows the word; 贝莱德 from 贝 +
莱德, transliteration characters throughout), and a verb or a descriptor that jieba leaves in front of the term
(持有 B类普通股, 芯片巨头 英伟达公司) is left out when CC-CEDICT's senses for it meet nothing in the English while the
rest of the term does. A space between Chinese and a Latin word the English shares is typography
(`持有 B类普通股` in one copy of a page, `持有B类普通股` in another), not a boundary.
"""
from __future__ import annotations

import itertools
import re

from ..plumbing.deferred import DeferredPattern
from ..text.words import tagged

HAN = "\u3400-\u4dbf\u4e00-\u9fff"
NAME_DOT = "·"
# Characters of the standard transliteration of foreign names (Xinhua's 外国人名译名 tables use about 400;
# these are the ones common in news). Function characters such as 的, 和, 在, 与 are deliberately absent.
TRANSLITERATION = set(
    "阿埃艾爱安昂奥澳巴拜班邦保鲍贝本比彼毕宾波伯勃博布采查柴昌彻陈楚茨达戴丹道德登邓迪狄蒂丁东杜敦多厄恩尔"
    "法凡范菲费芬丰冯佛夫弗福富盖甘冈高戈哥格葛根古瓜圭果哈海汉豪赫亨洪胡华怀霍基吉加贾杰金卡凯坎康考柯科克肯"
    "库夸奎昆拉莱兰朗劳勒雷蕾里理丽利莉连列林琳伦罗洛隆卢鲁路吕伦玛马迈麦曼芒毛梅门蒙米密明缪摩莫默姆穆"
    "纳娜奈南内妮尼宁纽努诺欧帕潘庞佩彭皮普齐奇乔切琴琼丘屈萨塞赛桑瑟森沙莎山尚舍申什施史斯松苏索塔泰坦汤唐"
    "特提汀图托瓦万旺威韦维温文沃乌伍西希席锡夏谢辛欣休雅亚扬耶伊因英尤约泽扎詹兹佐卓祖"
    "翰逊思茜琪黛娅薇芙缇珀璐瑞睿芮蓓碧黎孚腾滕谭涅聂耐撒肖萧幸修秀雪延燕叶依宜翁吴武喜仙香晓贡桂郭杭"
    "霍季济嘉坚姜杰捷津京久卓喀凯堪柯肯孔寇拉腊赖兰岚劳乐雷黎理利列琳柳龙娄卢鲁伦罗洛麦曼梅蒙孟弥米"
    "敏莫墨姆慕穆娜南尼涅宁纽农诺帕派潘佩蓬皮平珀浦普奇琪契乔切钦青琼丘屈让荣茹瑞若萨赛森瑟沙珊绍舍"
    "圣施什舒斯松苏素隋索塔泰坦唐陶特滕提天廷汀通图托妥瓦王旺威韦维卫温沃乌悉锡夏仙贤霄肖谢欣许薛"
    "顿廉可汗夫娃诗迦珂瑙朵嘉蔻德赫克里")
# Titles and roles written before a name or an organization: they describe it and are not part of it.
ROLES = (
    "董事会主席", "联合创始人", "首席执行官", "首席科学家", "首席技术官", "首席财务官", "首席运营官", "首席投资官",
    "创始人", "总检察长", "检察长", "董事长", "董事", "主席", "总裁", "副总裁", "总经理", "经理", "局长", "部长",
    "总统", "总理", "主任", "研究员", "教授", "博士", "律师", "顾问", "发言人", "分析师", "工程师", "科学家",
    "记者", "编辑", "作者", "专家", "负责人", "高管", "执行官", "合伙人", "投资人", "创办人", "法官", "议员",
    "大使", "部门主管", "主管", "助理", "共犯", "侦探", "宇航员", "制造商", "提供商", "供应商", "开发商", "运营商",
    "服务商", "厂商", "外媒", "兼")
ORG_ENDINGS = ("公司", "集团", "局", "署", "部", "院", "会", "委员会", "组织", "基金", "银行", "央行", "大学",
               "学院", "团队", "办公室", "联盟", "协会", "中心", "研究所", "部门", "法院", "政府", "机构", "交易所")
# Joiners may stand inside a term (网络安全和基础设施安全局, 卫生与公众服务部, 策略、技术和程序) but never start it.
JOINERS = frozenset("和与及、")
# jieba tags that end a term wherever they stand: particles, pronouns, numbers, measure words, time words,
# punctuation, interjections, onomatopoeia, and Latin words that the English does not share.
_STOP_TAGS = ("u", "r", "m", "t", "x", "y", "e", "o", "w", "uj", "ul", "uz", "ud", "ug", "uv")
# Tags of words a term may hold only while the English asks for more (已知 被 利用 漏洞 for KEV).
_SOFT_TAGS = ("p", "v", "vd", "d", "a", "ad", "f", "c", "b", "q")
# Function words inside a term that do not stand for a word of the English (被 in 已知被利用漏洞 for KEV).
_UNCOUNTED_TAGS = ("p", "c", "d", "f")
# What a term may not start with: prepositions, conjunctions, and one-character adverbs or verbs (已, 将).
_LEADING_TAGS = ("p", "c")
_CONJUNCTIONS_THAT_STOP = ("以及", "或者", "或", "而", "并", "但")
# A pinyin syllable: initial and final, close enough to tell Jian Wen from Simon Zhu.
_PINYIN_SYLLABLE = (r"(?:(?:zh|ch|sh|[bpmfdtnlgkhzcsryw])?(?:iang|iong|uang|ueng|ang|eng|ing|ong|ian|iao|uai|uan"
                    r"|ai|ei|ao|ou|an|en|er|in|un|ia|ie|iu|ua|uo|ui|ue|a|o|e|i|u)|(?:[jqx])(?:iang|iong|ian|iao|ing"
                    r"|ia|ie|iu|in|ue|uan|un|i|u))")
_ENGLISH_FUNCTION_WORDS = frozenset({"of", "and", "the", "for", "in", "on", "to", "a", "an", "&"})
_HAN_CHARACTER = DeferredPattern(f"[{HAN}]")
_MARKUP_RUN = re.compile(r"(?:\*\*|__|\*|_|`)$")
_LONGEST_KNOWN = 8  # characters of the longest CC-CEDICT word looked for when joining jieba's pieces
_CLOSING_MARKS = {"》": "《", "”": "“", "」": "「", "』": "『", "’": "‘", '"': '"', "〉": "〈"}


def is_person_name(english: str) -> bool:
    """Two to four capitalized words, initials allowed: Tim Cook, Katheryn A. Wilson, Mohamed El-Erian."""
    words = english.replace("\u00a0", " ").split()
    return 2 <= len(words) <= 4 and all(re.fullmatch(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)*|[A-Z]\.", word)
                                        for word in words) and sum(len(word) > 2 for word in words) >= 2


def pinyin_syllables(english: str) -> int:
    """How many syllables a romanized Chinese name has, or 0 when it is not all pinyin (Simon Zhu)."""
    total = 0
    for word in english.split():
        syllables = _split_pinyin(word.lower())
        if not syllables:
            return 0
        total += syllables
    return total


def _split_pinyin(word: str) -> int:
    """The number of pinyin syllables the word divides into (fewest), 0 if it does not."""
    best = [0] + [-1] * len(word)
    for end in range(1, len(word) + 1):
        for start in range(max(0, end - 6), end):
            if best[start] >= 0 and re.fullmatch(_PINYIN_SYLLABLE, word[start:end]):
                candidate = best[start] + 1
                if best[end] < 0 or candidate < best[end]:
                    best[end] = candidate
    return max(best[-1], 0)


def _is_acronym(english: str) -> bool:
    """CISA, RCE, H2O: one word of two or more capitals and digits, standing for as many words."""
    words = english.split()
    return len(words) == 1 and sum(char.isupper() or char.isdigit() for char in words[0]) >= 2


def english_size(english: str) -> int:
    """How many Chinese words the English stands for: letters of an acronym, else content words."""
    words = [word for word in re.split(r"[\s\u00a0]+", english.strip()) if word]
    if _is_acronym(english):
        return sum(char.isupper() or char.isdigit() for char in words[0])
    return sum(word.lower() not in _ENGLISH_FUNCTION_WORDS for word in words)


def quoted_term(left: str) -> str | None:
    """《人工智能风险管理框架》 or “超对准” right before the parenthesis: the text inside the marks. Markdown's
    emphasis or code marks count as such marks where a plain-text copy keeps them (持有**B类普通股**)."""
    emphasis = _MARKUP_RUN.search(left)
    if emphasis:
        start = left.rfind(emphasis[0], 0, emphasis.start())
        inner = left[start + len(emphasis[0]):emphasis.start()] if start >= 0 else ""
        return inner if 1 <= len(inner) <= 30 and re.search(f"[{HAN}]", inner) and not re.search(
            r"[。！？；，,.!?;*_`\s]", inner) else None
    if not left or left[-1] not in _CLOSING_MARKS:
        return None
    opening = _CLOSING_MARKS[left[-1]]
    start = left.rfind(opening, 0, len(left) - 1)
    inner = left[start + 1:-1] if start >= 0 else ""
    if 1 <= len(inner) <= 30 and not re.search(r"[。！？；，,.!?;]", inner):
        return inner
    return None


def _window(left: str, english: str) -> str:
    """The end of the text that can belong to the term: Chinese characters, name dots, joiners and the Latin
    words the English shares (Anthropic公司 (Anthropic PBC), A类普通股 (Class A Common Stock))."""
    shared = {word.casefold() for word in re.findall(r"[A-Za-z0-9]+", english)}
    pieces = re.findall(rf"[{HAN}{NAME_DOT}、]+|[A-Za-z0-9]+| |.", left, flags=re.DOTALL)
    kept: list[str] = []
    for index in range(len(pieces) - 1, -1, -1):
        piece = pieces[index]
        if re.fullmatch(rf"[{HAN}{NAME_DOT}、]+", piece) or piece.casefold() in shared:
            kept.append(piece)
        elif piece == " " and kept and index > 0 and _typographic_space(pieces[index - 1], kept[-1], shared):
            kept.append(piece)
        else:
            break
    return "".join(reversed(kept)).lstrip("、 ")


def _typographic_space(before: str, after: str, shared: set[str]) -> bool:
    """A space between Chinese and a Latin word the English shares (Anthropic 公司, 持有 B类)."""
    return (before.casefold() in shared and bool(_HAN_CHARACTER.match(after))) or \
        (after.casefold() in shared and bool(_HAN_CHARACTER.match(before[-1:])))


def transliterated_name(window: str) -> str | None:
    """蒂姆·库克 at the end of 苹果公司首席执行官蒂姆·库克: transliteration runs joined by `·`."""
    match = re.search(rf"([{HAN}]{{1,8}})((?:{NAME_DOT}[{HAN}]{{1,8}})+)$", window)
    if not match:
        return None
    parts = [match[1], *match[2].split(NAME_DOT)[1:]]
    family = len(parts[-1])  # 拉布拉姆告诉法庭: the name ends where transliteration does
    family_end = next((index for index, char in enumerate(parts[-1]) if char not in TRANSLITERATION), family)
    parts[-1] = parts[-1][:family_end] if family_end else parts[-1]
    later = "".join(parts[1:])
    if sum(char in TRANSLITERATION for char in later) < 0.6 * len(later):  # 经济·科技 is no name
        return None
    first = parts[0]
    given = len(first)
    while given > 0 and first[given - 1] in TRANSLITERATION and len(first) - given < 5:
        given -= 1
    while given < len(first) and _is_role_ending(window[:match.start()] + first[:given + 1]):
        given += 1  # 主席莉娜·可汗: 席 belongs to 主席
    given_name = first[given:]
    if len(given_name) < 2 or not parts[-1]:
        return None
    return NAME_DOT.join([given_name, *parts[1:]])


def _matching_parts(name: str, english: str) -> str:
    """A `·` name has no more parts than its English name has names (initials aside): in 罗杰·马克·吐温 given as
    (Mark Twain), 罗杰 belongs to the text before."""
    if not is_person_name(english):
        return name
    names = [word for word in english.split() if not re.fullmatch(r"[A-Z]\.", word)]
    parts = name.split(NAME_DOT)
    return NAME_DOT.join(parts[-len(names):]) if len(parts) > len(names) >= 2 else name


def _is_role_ending(text: str) -> bool:
    return any(text.endswith(role) for role in ROLES if len(role) >= 2)


def person_name(window: str, english: str) -> str | None:
    """The Chinese for a person introduced with a romanized name, when it has no `·`."""
    syllables = pinyin_syllables(english)
    if syllables and len(window) >= syllables:  # 温俭 (Jian Wen), 张亚迪 (Yadi Zhang)
        return window[-syllables:]
    tail = len(window)
    while tail > 0 and window[tail - 1] in TRANSLITERATION:
        tail -= 1
    if len(window) - tail >= 2:  # 冈德拉克 (Jeffrey Gundlach) after 、 or 和
        return window[tail:]
    words = tagged(window)
    if words and words[-1][1].startswith("nr") and 2 <= len(words[-1][0]) <= 4:  # 总裁朱原 (Simon Zhu)
        return words[-1][0]
    return None


def _is_role(word: str) -> bool:
    """首席执行官, 总裁, and trades such as 制造商 or 酿酒商 (a word ending in 商)."""
    return word in ROLES or (len(word) >= 2 and word.endswith("商")) or any(
        word.endswith(role) for role in ROLES if len(role) >= 2)


def _ends_an_organization(words: list[tuple[str, str]]) -> bool:
    return bool(words) and (words[-1][1] == "nt" or words[-1][0].endswith(ORG_ENDINGS))


def _short_form_start(window: str, short: str) -> int | None:
    """Where the full form must start at the latest for its declared short form to be made of it: 战投部 is
    made of 战略投资部门, 深度求索 of 深度求索公司. None when the short form is not drawn from the window."""
    if not short or not re.search(f"[{HAN}]", short):
        return None
    for start in range(len(window) - 1, -1, -1):
        if window[start] != short[0]:
            continue
        rest = iter(window[start:])
        if all(char in rest for char in short):
            return start
    return None


def _joined_names(words: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """jieba's words with the pieces of one name joined again: a CC-CEDICT word that spans several of them
    (英 + 伟达 → 英伟达), or transliteration characters throughout with a name piece among them (贝 + 莱德)."""
    from ..align.lexicon import cedict

    known = cedict().translations
    text = "".join(word for word, _ in words)
    offsets = list(itertools.accumulate((len(word) for word, _ in words), initial=0))
    word_ending_at = {offset: index for index, offset in enumerate(offsets[1:])}
    joined: list[tuple[str, str]] = []
    index = 0
    while index < len(words):
        start, last = offsets[index], index
        for length in range(min(_LONGEST_KNOWN, len(text) - start), 2, -1):
            if start + length in word_ending_at and text[start:start + length] in known:
                last = word_ending_at[start + length]
                break
        if last == index and _name_piece(words[index]):
            run = index
            while run + 1 < len(words) and _name_piece(words[run + 1]):
                run += 1
            if any(flag.startswith("nr") or flag in ("zg", "j") for _, flag in words[index:run + 1]):
                last = run
        joined.append(("".join(word for word, _ in words[index:last + 1]), "nz") if last > index else words[index])
        index = last + 1
    return joined


def _name_piece(word: tuple[str, str]) -> bool:
    return word[1] not in ("x", "eng", "m") and all(char in TRANSLITERATION for char in word[0])


def _unmatched_lead(word: tuple[str, str], english_tokens: set[str]) -> bool:
    """A verb or a common noun CC-CEDICT knows, none of whose senses is in the English (持有 before B类普通股 for
    Class B Common Stock, 巨头 before 英伟达公司)."""
    from ..align.lexicon import cedict

    text, flag = word
    if len(text) < 2 or not (flag == "n" or flag.startswith("v") and flag != "vn"):
        return False
    senses = cedict().translations.get(text)
    return bool(senses) and not senses & english_tokens


def _meets_english(words: list[tuple[str, str]], english_tokens: set[str]) -> bool:
    from ..align.lexicon import cedict, stem

    senses = cedict().translations
    return any(senses.get(word, frozenset()) & english_tokens or
               (flag == "eng" and stem(word.lower()) in english_tokens) for word, flag in words)


def word_run(window: str, english: str, short: str = "") -> str | None:
    """The term before the parenthesis, by words: see the module's description."""
    words = _joined_names(tagged(window))
    reach = _short_form_start(window, short)  # the term reaches back at least to here
    size = english_size(english) if english else 0
    # One plain English word (Blueshift, Suntory) asks for a run of nouns, however many words it holds.
    budget = size if size >= 2 or re.fullmatch(r"[A-Z0-9]{2,}", english or "") else 0
    kept: list[tuple[str, str]] = []
    covered = 0
    index = len(words)
    while index > 0:
        word, flag = words[index - 1]
        if word == " " and kept and index > 1 and (kept[0][1] == "eng" or words[index - 2][1] == "eng"):
            kept.insert(0, (word, flag))  # typography between Chinese and a Latin word the English shares
            index -= 1
            continue
        if reach is not None and len(window) - sum(len(kept_word) for kept_word, _ in kept) > reach:
            if flag == "x" and word not in JOINERS:
                break
            kept.insert(0, (word, flag))
            index -= 1
            continue
        if word in JOINERS:
            before = words[:index - 1]
            if not kept or not before or _ends_an_organization(before) or (budget and covered >= budget) or not budget:
                break
            kept.insert(0, (word, flag))
            index -= 1
            continue
        if kept and (budget and covered >= budget):
            break
        if word in _CONJUNCTIONS_THAT_STOP or flag in _STOP_TAGS and not re.fullmatch(r"第.+", word):
            break
        if kept and _is_role(word):
            break
        if kept and flag in _SOFT_TAGS and not (budget and covered < budget):
            break
        if flag == "eng" and word.casefold() not in english.casefold():
            break
        kept.insert(0, (word, flag))
        if not (flag in _UNCOUNTED_TAGS and len(word) == 1):
            covered += max(1, len(word) // 2)  # 美国国家安全局 stands for more than one word of NSA
        index -= 1
    while kept and (kept[0][0] in JOINERS or kept[0][1] in _LEADING_TAGS or _is_role(kept[0][0])
                    or len(kept[0][0]) == 1 and kept[0][1] in _SOFT_TAGS):
        kept.pop(0)
    if english and not _is_acronym(english):
        from ..align.lexicon import english_tokens

        tokens = set(english_tokens(english))
        while len(kept) > 1 and reach is None and _unmatched_lead(kept[0], tokens) and \
                _meets_english(kept[1:], tokens):
            kept.pop(0)
            while kept and kept[0][0] == " ":
                kept.pop(0)
    if kept and index > 0 and words[index - 1][1] == "ns" and kept[0][1] != "ns":
        kept.insert(0, words[index - 1])  # 美国 before 证券交易委员会 (SEC)
    term = "".join(word for word, _ in kept).lstrip("".join(JOINERS)).strip()
    return term if len(term) >= 2 else None


def term_before(left: str, english: str, short: str = "") -> str | None:
    """The Chinese term that ends where `left` ends, or None when the evidence gives none."""
    left = left.rstrip(" \u3000\u00a0")
    quoted = quoted_term(left)
    if quoted is not None:
        return quoted
    window = _window(left, english)[-40:]
    if not window:
        return None
    if NAME_DOT in window:
        name = transliterated_name(window)
        if name:
            return _matching_parts(name, english)
    if english and is_person_name(english):
        name = (person_name(window, english) or "").lstrip("".join(JOINERS))  # jieba may glue 及 to a name
        if len(name) >= 2:
            return name
    return word_run(window, english, short)  # 谷歌大脑 (Google Brain) reads like a person's name but is not one


def looks_like_person(source: str, english: str) -> bool:
    """A person's name by its shape: a `·` name, or a romanized name whose Chinese matches it (pinyin syllables,
    transliteration characters, or the segmenter's person tag)."""
    if NAME_DOT in source:
        return True
    if not is_person_name(english):
        return False
    words = tagged(source)
    return (pinyin_syllables(english) == len(source) or all(char in TRANSLITERATION for char in source)
            or len(words) == 1 and words[0][1].startswith("nr"))
