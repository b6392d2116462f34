"""Every quantity of the source appears in the English, correctly scaled (77亿 is 7.7 billion, not 77 billion),
as the same date and in the same currency, one English mention for each source mention; a count the English
may leave unsaid is reported only on evidence (a spare figure in its place, the trace a dropped figure
leaves, or the noun it counts said bare: 两名男子 → "men"). Parsing and matching are in l10n/text/numbers.py."""
from __future__ import annotations

import bisect
import itertools
import re
from functools import lru_cache

from ..plumbing.deferred import Deferred
from ..model import Segment, Severity
from .registry import ENGLISH, Context, check

# Parsing numbers compiles some fifty patterns (~0.05 s of CPU), which only English targets need: a run without MT
# and the command line's start-up never do.
numbers = Deferred("l10n.text.numbers")


@lru_cache(maxsize=1024)
def _unrendered(source: str, text: str, terms: tuple[tuple[int, int, str], ...]):
    """(source quantities the English lacks, (quantity, other currency) pairs, whether a source quantity has no
    English mention rendering it at all). `terms`: (start, end, English rendering) of the source's glossary terms.
    Numbers inside them (Azure Maia 100, Ignite 2023) belong to names, which the glossary check covers; a counted
    noun among them is looked for in the English as the glossary renders it."""
    checked = [quantity for quantity in numbers.quantities(source)
               if not any(start < quantity.end and quantity.start < end for start, end, _ in terms)]
    from .spelling import slip_among  # imported here: the checks register in the order their modules load

    targets = numbers.english_quantities(text, slip_among)
    if numbers.states_a_temperature(checked):
        targets = numbers.with_spaced_scales(targets, text)
    glossary = tuple((source[start:end], english) for start, end, english in terms)
    said_bare: dict[str, bool] = {}  # by the count as written: asked once per text, not once per mention
    written: dict[str, list[numbers.Quantity]] = {}
    for quantity in checked:
        written.setdefault(quantity.text, []).append(quantity)

    def noun_said_bare(quantity: numbers.Quantity) -> bool:
        """A count written twice shares its noun's evidence (两方当事人…另两方)."""
        if quantity.text not in said_bare:
            said_bare[quantity.text] = any(count_noun_said_bare(same, source, text, glossary)
                                           for same in written[quantity.text])
        return said_bare[quantity.text]

    def dropped(quantity: numbers.Quantity) -> bool:
        return noun_said_bare(quantity) or name_said_without_its_number(quantity, source, text)

    renderers = numbers.Renderers(targets)
    absent = numbers.unrendered(checked, renderers, text, source, dropped,
                                lambda quantity, spare: counts_the_same(quantity, source, spare, text, glossary))
    missing = set(absent)
    conflicts = [(quantity, other) for quantity in checked if quantity not in missing
                 if (other := numbers.currency_conflict(quantity, renderers))]
    unsaid = any(not renderers.of(quantity) for quantity in checked)
    return tuple(absent), tuple(conflicts), unsaid


# English words before a noun that carry or replace its count: "the men", "their sons", "both sides".
_DETERMINERS = frozenset("""a an the this that these those their his her its our your my both all each every several
many some few other others no any such various multiple numerous whose which what half another""".split())
_IRREGULAR_PLURALS = {"people": "person", "men": "man", "women": "woman", "children": "child", "feet": "foot",
                      "teeth": "tooth"}
_DURATIONS = frozenset("seconds minutes hours days weeks months years decades centuries".split())
_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d[\d,.]*|[^\sA-Za-z\d]")
_POSSESSIVE = re.compile(r"['’]s?$")
_NUMERAL_PREFIX = "第0123456789零〇一二两三四五六七八九十百千"  # stripped off a count to leave its measure word
_QUOTATION_MARKS = frozenset("“”‘’\"'《》「」『』")  # around a counted noun, not the end of its phrase
_PHRASE_LENGTH = 24  # characters after a count read for the noun it counts
_WORDS_BEFORE = 2  # English words before a noun read for its determiner: "the big toes", not "the show has toes"
_WORDS_AFTER = 4  # English words after a number read for the noun it counts: "four sets of proposals"
# Words that end a noun phrase on its left: what stands before them is not the noun's determiner.
_PHRASE_BOUNDARIES = frozenset("""in on at of for with to from by about into over after before between among against
during without under and or but is are was were be been has have had will would that who which""".split())


def _plural(word: str) -> bool:
    lower = word.lower()
    return lower in _IRREGULAR_PLURALS or (len(lower) > 3 and lower.endswith("s") and not lower.endswith(("ss", "us")))


def counted_nouns(quantity: numbers.Quantity, source: str, with_measure: bool = False,
                  owned: bool = True) -> tuple[str, ...]:
    """The nouns of what a count in Chinese numerals counts, by jieba's parts of speech: the measure word when it
    is the noun (两人, 两国), else those of the phrase after it (两名驻孟加拉的公务人员 → 公务人员; a clause describing
    them is read through when a 的 ends it; 两大股指涨幅 → 股指, 涨幅); none for 两次. `with_measure`: both the
    measure word that is a noun and those after it (五方面建议 → 方面, 建议). `owned`: also the nouns after a 的 that
    follows nouns alone (两名男性嫌疑人的照片 → 男性, 嫌疑人 and 照片; without: 男性, 嫌疑人, whose photos they are)."""
    words = _phrase(quantity, source)
    consumed, measure, position = 0, "", 0
    while position < len(words) and consumed < len(quantity.text):
        word, tag = words[position]
        consumed += len(word)
        position += 1
        if consumed >= len(quantity.text) and tag.startswith("n"):
            measure = word.lstrip(_NUMERAL_PREFIX)
    if measure and not with_measure:
        return (measure,)  # 两国的部长: the ministers are not what is counted
    nouns = [measure] if measure else []
    rest = [(word, tag) for word, tag in words[position:] if word not in _QUOTATION_MARKS]  # 四方“当事人”
    read, clause = len(nouns), False
    for index, (word, tag) in enumerate(rest):
        if tag in ("n", "ng", "nz", "vn", "t") or (tag == "v" and _a_thing_by_dictionary(word)):
            nouns.append(word)
            clause |= tag in ("vn", "t")  # 正在运作的: an action or a time before 的 makes a clause, not an owner
        elif word == "的" and len(nouns) > read and not clause and not owned:
            break
        elif (tag != "x" or word == "、") and _describes(rest[index + 1:]):
            clause = True
            continue  # 驻孟加拉的, 志在必得的, 年龄分别为6岁、10岁和16岁的: words describing the noun
        elif tag == "v" and index and rest[index - 1][0] == "的":
            continue  # 正在运作的隔离检疫中心: a verb opening the phrase after 的 qualifies its noun
        elif not (tag.startswith(("n", "a", "b")) or word == "的"):
            break
    return tuple(nouns)


@lru_cache(maxsize=256)
def _phrase(quantity: numbers.Quantity, source: str) -> tuple[tuple[str, str], ...]:
    """The words of a count and the phrase after it, with their parts of speech: tagged once for every reading of
    its nouns."""
    from ..text.words import tagged

    return tuple(tagged(source[quantity.start:quantity.start + len(quantity.text) + _PHRASE_LENGTH]))


def _describes(words: list[tuple[str, str]]) -> bool:
    """Whether a 的 ends the clause the words run on in (a list's 、 inside it): what stands before it describes
    the noun after it."""
    for word, tag in words:
        if word == "的":
            return True
        if tag == "x" and word != "、":
            return False
    return False


_LONGEST_NAME = 8  # characters of a dictionary word holding a count: 第二次世界大战
_ROMAN_NUMERAL = re.compile(r"[IVX]+")
_NEXT_WORD = re.compile(r"\s*(\S*)")


def name_said_without_its_number(quantity: numbers.Quantity, source: str, text: str) -> bool:
    """Whether the English gives the name a dictionary word holding the count stands for without its number:
    CC-CEDICT has 第二次世界大战 as "World War II", and "World War" with no number beside it (not "World War Two",
    "the Second World War") lost the two. The name is a sense's leading capitalized words."""
    from ..text.cedict import definitions, entries

    senses = entries()[0]
    end_of_count = quantity.start + len(quantity.text)
    words = {source[start:end] for start in range(max(0, quantity.start - 3), quantity.start + 1)
             for end in range(end_of_count, min(len(source), start + _LONGEST_NAME) + 1)
             if end - start > len(quantity.text) and source[start:end] in senses}
    for word in words:
        for sense in definitions(senses[word]):
            name = list(itertools.takewhile(lambda token: token[:1].isupper() or token.isdigit(), sense.split()))
            rest = [token for token in name if not _a_number(token)]
            if not rest or len(rest) == len(name):
                continue
            if _said_without_a_number(tuple(rest), text):
                return True
    return False


@lru_cache(maxsize=256)
def _said_without_a_number(name: tuple[str, ...], text: str) -> bool:
    """Whether the text gives the name (its words other than the number) with no number beside it; asked once
    for every count of an entry that the name holds."""
    for said in re.finditer(r"(?<![\w-])" + r"\s+".join(map(re.escape, name)) + r"(?![\w-])", text):
        if not any(map(_names_a_number, (_word_before(text, said.start()), _word_after(text, said.end())))):
            return True
    return False


def _word_before(text: str, position: int) -> str:
    """The whitespace-separated word ending before `position`, read back only as far as it reaches."""
    end = position
    while end and text[end - 1].isspace():
        end -= 1
    start = end
    while start and not text[start - 1].isspace():
        start -= 1
    return text[start:end]


def _word_after(text: str, position: int) -> str:
    """The whitespace-separated word starting after `position`."""
    return _NEXT_WORD.match(text, position).group(1)


def _names_a_number(word: str) -> bool:
    """Whether a word beside a name is its number, with the punctuation, possessive or hyphenated word after it
    taken off: "II", "II's", "II-era"."""
    word = _POSSESSIVE.sub("", word.strip(".,;:!?\"'()“”‘’"))
    return bool(word) and _a_number(word.split("-")[0])


@lru_cache(maxsize=4096)
def _a_number(token: str) -> bool:
    """A number as a name writes it: II, 2, Two, Second."""
    return bool(_ROMAN_NUMERAL.fullmatch(token)) or any(True for _ in numbers.english_quantities(token))


# How CC-CEDICT writes a verb's sense: "to appear", "(of an athlete) to enter the arena".
_VERB_SENSE = re.compile(r"\s*(?:\([^)]*\)\s*)?to\s")


def _a_thing_by_dictionary(word: str) -> bool:
    """Whether CC-CEDICT gives a word only senses that name things: it writes a verb's senses as "to …", so a word
    jieba tags as a verb (殊荣 "special glory; rare honor") is a noun when none of its senses is written so."""
    from ..text.cedict import definitions, entries

    senses = entries()[0].get(word)
    return bool(senses) and not any(_VERB_SENSE.match(sense) for sense in definitions(senses))


def count_noun_said_bare(quantity: numbers.Quantity, source: str, text: str,
                         glossary: tuple[tuple[str, str], ...] = ()) -> bool:
    """Whether the English says what a count in Chinese numerals counts as a bare plural, with no number or
    determiner before it: 八只带标签的金雕失踪了 → "tagged golden eagles disappeared" lost its "eight", where "the
    eagles" or "both" would still say it. The noun is matched through CC-CEDICT's senses and, for a glossary term
    (`glossary`: its source forms and renderings), its rendering."""
    if not quantity.counted or quantity.approximate or quantity.ordinal or quantity.stage:
        return False  # a rank (第三届论坛, 八强赛) says which one: dropped, it leaves "the forum", no plural said bare
    nouns = counted_nouns(quantity, source)
    senses = (_senses(nouns + _measure_word(quantity) + _counted_action(quantity, source)) | _glossed(nouns, glossary)
              | _related(counted_nouns(quantity, source, owned=False) + _measure_word(quantity)))
    said_bare, named = _named_in(senses, text) if senses else (False, False)
    # A translator who leaves a subject's count unsaid refers to the group ("the men", "both", "they"): then a bare
    # plural opening the sentence is another noun ("Prosecutors jailed the brothers").
    if said_bare or named:
        return said_bare
    return ((_opens_a_clause(quantity, source) and not numbers.refers_to_a_group(text)
             and _a_clause_opens_with_a_bare_plural(text))
            or (_introduces_a_list(quantity, source) and _a_bare_plural_introduces_a_list(text)))


# What follows a count that introduces the list of what it counts: a colon, or the list's first item (一是…二是…),
# before the sentence stops.
_LIST_OPENING = re.compile(r"(?=[：:]|一是|其一)")
_SENTENCE_STOP = re.compile(r"[。！？；!?;]")


def _introduces_a_list(quantity: numbers.Quantity, source: str) -> bool:
    """Whether the count's sentence goes on to list what it counts (以下两点：…, 两种可能的原因，一是…二是…)."""
    openings, stops = _list_openings_and_stops(source)
    after = quantity.start + len(quantity.text)
    opening, stop = bisect.bisect_left(openings, after), bisect.bisect_left(stops, after)
    return opening < len(openings) and (stop == len(stops) or openings[opening] < stops[stop])


@lru_cache(maxsize=256)
def _list_openings_and_stops(source: str) -> tuple[list[int], list[int]]:
    """Where a list opens and where a sentence stops in the source, found once per source however many counts it
    has (a search from each count to its stop was quadratic in a long sentence of counts)."""
    return ([match.start() for match in _LIST_OPENING.finditer(source)],
            [match.start() for match in _SENTENCE_STOP.finditer(source)])


@lru_cache(maxsize=256)
def _a_bare_plural_introduces_a_list(text: str) -> bool:
    """Whether a plural said bare stands right before a colon ("accounted for in ways: one was …"): English that
    lists what the source counts names the count or a determiner before the list ("two ways:", "the following
    points:"); where the noun the source counts is named nowhere the dictionaries can see, such a plural is it."""
    tokens = _TOKEN.findall(text)
    return any(token == ":" and index and tokens[index - 1][0].isalpha() and _plural(_head_word(tokens[index - 1]))
               and _bare(tokens, index - 1) for index, token in enumerate(tokens))


@lru_cache(maxsize=256)
def _named_in(senses: frozenset[str], text: str) -> tuple[bool, bool]:
    """Whether the English says a noun of these senses as a bare plural, and whether it names several of them at
    all (not one alone: "killing a man" names the victim of 两名男性嫌疑人…杀害了一名男性, not the two): asked once
    per text for each counted noun, not once per count."""
    tokens = _TOKEN.findall(text)
    heads = [_head_word(token) for token in tokens]
    return (any(_plural(word) and _means(word, senses) and _bare(tokens, index)
                for index, word in enumerate(heads) if word[:1].isalpha()),
            any(_means(word, senses) and not _one_alone(tokens, index) for index, word in enumerate(heads)))


_ONE = frozenset("a an one another each every".split())


def _one_alone(tokens: list[str], index: int) -> bool:
    """Whether the noun at `index` is a singular after a word that makes it one ("a man", "another one")."""
    return not _plural(tokens[index]) and index > 0 and tokens[index - 1].lower() in _ONE


def _bare(tokens: list[str], index: int) -> bool:
    """Whether the noun at `index` has no number, determiner or possessive in the words before it, and is no verb
    after its subject ("he visits")."""
    if _after_a_subject(tokens, index) or _after_named_members(tokens, index):
        return False
    before = []
    for previous in reversed(tokens[max(0, index - _WORDS_BEFORE):index]):
        if not (previous[0].isalpha() or previous[0].isdigit()) or previous.lower() in _PHRASE_BOUNDARIES:
            break
        before.append(previous.lower())
    return not any(word in _DETERMINERS or word.endswith(("'s", "’s", "s'")) for word in before) \
        and not any(not said.ordinal for said in numbers.english_quantities(" ".join(reversed(before))))


_LIST_JOINS = frozenset(", and & /".split())


def _after_named_members(tokens: list[str], index: int) -> bool:
    """Whether the noun at `index` follows the names of its members, listed ("China, Vietnam militaries", "French and
    German ministers"): the names count it, as 中越两军 counts its armies."""
    names = tokens[max(0, index - 3):index]
    return len(names) == 3 and names[1] in _LIST_JOINS and all(name[:1].isupper() for name in names[::2])


def _opens_a_clause(quantity: numbers.Quantity, source: str) -> bool:
    """Whether a count begins its sentence or clause (两名男子被捕, 他说，两名男子…): what it counts is the subject."""
    return quantity.start == 0 or source[quantity.start - 1] in "，,：:；;"


# Verbs of saying after which a reported clause opens: "He added civil servants … fled".
_REPORTING = frozenset("said says added adds told".split())
_SUBJECT_WORDS = 3  # an opening plural and the words qualifying it: "civil servants", "eminent foreign scholars"
# Words opening a subordinate clause, whose subject is not the sentence's: ", where uniformed workers scurried".
_SUBORDINATORS = frozenset("where when while as because if since though although whereas whose unless until".split())


@lru_cache(maxsize=256)
def _a_clause_opens_with_a_bare_plural(text: str) -> bool:
    """Whether the English sentence or a clause it reports opens with a plural noun said bare, as its subject
    ("Brothers have been jailed", "he added civil servants fled"): where the source's count is the subject, a
    translator who leaves it unsaid writes "the men", "both" or "they"."""
    tokens = _TOKEN.findall(text)
    for opening, token in enumerate(tokens):
        if opening and tokens[opening - 1].lower() not in _REPORTING:
            continue
        for index in range(opening, min(opening + _SUBJECT_WORDS, len(tokens))):
            word = tokens[index]
            lower = word.lower()
            if not word[0].isalpha() or lower in _DETERMINERS | _PHRASE_BOUNDARIES | _DURATIONS | _SUBORDINATORS:
                break
            if _plural(word) and tokens[index + 1:index + 2] != [","] and _bare(tokens, index):
                return True
    return False


# Words a verb follows as its subject: "he visits", "who visits" (a verb's -s, not a plural: its counted action's
# senses are verbs', 访问 "to visit"), and adverbs that may stand between them ("he often visits").
_SUBJECTS = frozenset("he she it who which that".split())
_ADVERBS = frozenset("also often still never always now again even only just rarely seldom sometimes usually".split())


# Verbs that follow a subject: after one of them, a word ending in -s after "that" is that subject, not a verb
# ("said that plans had been prepared", not "a company that plans to").
_AUXILIARIES = frozenset("is are was were has have had will would can could may might must should do did".split())


def _after_a_subject(tokens: list[str], index: int) -> bool:
    """Whether the token at `index` is a verb after its subject ("he visits", "he often visits")."""
    before = [token.lower() for token in tokens[max(0, index - 2):index]]
    if before and (before[-1] in _ADVERBS or before[-1].endswith("ly")):
        before.pop()
    if before and before[-1] == "that" and tokens[index + 1:index + 2] and tokens[index + 1].lower() in _AUXILIARIES:
        return False
    return bool(before) and before[-1] in _SUBJECTS


_ASPECT_PARTICLES = frozenset("了过着")
# A CC-CEDICT sense that makes a measure word count occurrences of an action (次, 遍, 趟, 番), not things.
_COUNTS_ACTIONS = re.compile(r"classifier for [^:]*\b(?:times?|actions?|occurrences?|iterations?|enumerated events)\b")


def _counted_action(quantity: numbers.Quantity, source: str) -> tuple[str, ...]:
    """The action a count of occurrences counts: the word right before it (a particle 了, 过, 着 skipped) or right
    after its measure word, when CC-CEDICT gives it a verb's sense ("to …"; jieba tags some, 出场, as nouns):
    两次访问 → 访问, so "made visits" said bare lost the two."""
    from ..text.cedict import definitions, entries
    from ..text.words import tagged

    measure = quantity.text.lstrip(_NUMERAL_PREFIX)
    if not measure or not any(_COUNTS_ACTIONS.match(sense.strip())
                              for sense in definitions(entries()[0].get(measure, []))):
        return ()
    before = [word for word, _ in tagged(source[max(0, quantity.start - 8):quantity.start]) if word not in _ASPECT_PARTICLES]
    after = [word for word, _ in tagged(source[quantity.start + len(quantity.text):][:6])]
    senses = entries()[0]
    return tuple(word for word in before[-1:] + after[:1]
                 if any(_VERB_SENSE.match(sense) for sense in definitions(senses.get(word, []))))


def _measure_word(quantity: numbers.Quantity) -> tuple[str, ...]:
    """The measure word of a count when its own senses may be what English counts (两盒 → "boxes", 二十两 →
    "taels", 四项 → "items", 两次 → "times"); not a measure word of people or parties (名, 位, 个: CC-CEDICT's
    "classifier for people" would make any "people" the counted noun)."""
    measure = quantity.text.lstrip(_NUMERAL_PREFIX)
    if not measure and len(quantity.text) > 1 and quantity.text.endswith("两"):
        measure = "两"  # 二十两: the tael, the one measure word that is also a numeral
    return (measure,) if measure and measure not in numbers.PARTIES else ()


def _senses(nouns: tuple[str, ...]) -> frozenset[str]:
    """The stemmed English senses CC-CEDICT gives nouns (a word it lacks: those of its last dictionary word)."""
    if not nouns:
        return frozenset()
    from ..align.lexicon import cedict

    lexicon = cedict()
    return frozenset().union(*(lexicon.translations.get(noun) or frozenset().union(
        *(lexicon.translations.get(word, frozenset()) for word in lexicon.words(noun)[-1:])) for noun in nouns))


def _related(nouns: tuple[str, ...]) -> frozenset[str]:
    return frozenset().union(*(_related_nouns(noun) for noun in nouns if noun not in numbers.PARTIES))


_WORDNET_SENSES = 2  # a sense's most frequent WordNet senses: later ones are rare ("greenback" for 方案's "bill")
# An English noun stands for a synset only in its own most frequent senses: "case" is a kind of problem in its
# eighth sense of twenty ("cases of fraud" is no 问题), "session" a kind of meeting in its fourth of four.
_LEMMA_SENSES = 4
# A synset with more kinds than this is a broad category (person: 402, region: 41), read by its synonyms alone: its
# kinds would let a count of 东西 or 地方 find almost any English noun ("counties" for 三个地方).
_BROAD_CATEGORY = 20


@lru_cache(maxsize=4096)
def _related_nouns(word: str) -> frozenset[str]:
    """The stemmed English nouns WordNet gives as synonyms of CC-CEDICT's senses of a word (飞机 "airplane" →
    "plane", 米 "meter" → "metre") and, for a word of two characters or more, as kinds of them (比赛 "competition" →
    "game", "match", "race"): a single character has too many senses, too loosely (字 "character; word" would
    make "numbers" a kind of what it counts). A sense of several words is looked up whole (商圈 "business
    district"), else by its last word; a broad category by its synonyms alone (see _BROAD_CATEGORY), and each noun
    only where it means the synset in one of its own frequent senses (see _LEMMA_SENSES). Not for the measure words
    of people and parties (人 "person" → "individual": "attended as individuals" is no count said bare)."""
    from ..align.lexicon import sense_phrases, stem
    from ..text.cedict import definitions, entries
    from ..text.wordnet import noun_senses, synset

    related: set[str] = set()
    for phrase in sense_phrases(definitions(entries()[0].get(word, []))):
        if _VERB_SENSE.match(phrase):
            continue
        for offset in (noun_senses(phrase) or noun_senses(phrase.split()[-1]))[:_WORDNET_SENSES]:
            kinds = synset(offset)[1] if len(word) > 1 else ()
            if len(kinds) > _BROAD_CATEGORY:  # a broad category (person, country) by its synonyms alone
                kinds = ()
            related.update(stem(lemma) for meant in (offset, *kinds) for lemma in _nouns_meaning(meant))
    return frozenset(related)


def _nouns_meaning(offset: int) -> tuple[str, ...]:
    """The single-word lemmas of a synset that mean it in one of their most frequent senses ("issue" and "number"
    share a magazine's synset, which is "number"'s sixth sense: "numbers" says no 问题)."""
    from ..text.wordnet import noun_senses, synset

    return tuple(lemma for lemma in synset(offset)[0]
                 if "_" not in lemma and offset in noun_senses(lemma)[:_LEMMA_SENSES])


def _glossed(nouns: tuple[str, ...], glossary: tuple[tuple[str, str], ...]) -> frozenset[str]:
    """The stemmed content words of the glossary's renderings of the terms that hold a counted noun or that it holds
    (两名公务人员 with 公务人员 → "civil servants": "civil", "servant")."""
    from ..align.lexicon import english_tokens

    return frozenset(token for form, english in glossary if any(noun in form or form in noun for noun in nouns)
                     for token in english_tokens(english) if not token.startswith("#"))


def _head_word(token: str) -> str:
    """The word a token's plural is read on: after its last hyphen, without a possessive (great-grandmothers,
    women's work)."""
    return _POSSESSIVE.sub("", token.rsplit("-", 1)[-1])


def _means(word: str, senses: frozenset[str]) -> bool:
    from ..align.lexicon import stem

    lower = word.lower()
    return stem(lower) in senses or stem(_IRREGULAR_PLURALS.get(lower, lower)) in senses


def counts_the_same(quantity: numbers.Quantity, source: str, spare: numbers.Quantity, text: str,
                    glossary: tuple[tuple[str, str], ...] = ()) -> bool:
    """Whether an English number counts what a count in Chinese numerals counts: a noun of its phrase or its
    measure word among the words right after it ("three big banks" for 四大银行, "four sets of proposals" for
    五方面建议, "three times" for 两次). When the English names that noun nowhere the dictionary can see, any
    plural noun the number counts will do ("the first four competitors" for 前三名选手), but a length of time ("ten
    years") counts no things."""
    nouns = counted_nouns(quantity, source, with_measure=True)
    senses = _senses(nouns + _measure_word(quantity)) | _glossed(nouns, glossary)
    named = any(_means(_POSSESSIVE.sub("", token), senses) for token in _TOKEN.findall(text) if token[0].isalpha())
    for token in _TOKEN.findall(text[spare.end:])[:_WORDS_AFTER]:
        if not token[0].isalpha() or token.lower() in _PHRASE_BOUNDARIES - {"of"}:
            break
        word = _head_word(token)
        if _means(word, senses) or (not named and _plural(word) and word.lower() not in _DURATIONS):
            return True
    return False


def _findings(segment: Segment, text: str):
    return _unrendered(segment.source, text, tuple((hit.start, hit.end, f"{hit.entry.english} {hit.entry.english_short}")
                                                   for hit in segment.terms))


def _uncertain(quantity: numbers.Quantity) -> bool:
    """Approximate ranges (五六天) and a bare day of the month (20日, often rendered as a weekday)."""
    return quantity.approximate or (quantity.kind == numbers.DATE and not quantity.month)


# A numeral of the source that a dropped figure may have rendered: not 一, which is in a great many words that
# count nothing (一起, 一直, 一样, 统一), so that "nothing to laugh at." after one of them is no trace of a figure.
_NUMERAL = re.compile(r"[0-9０-９零〇二两三四五六七八九十百千万亿]")


@check("numbers", Severity.ERROR, "a number, percentage or date of the source is missing from the English or "
       "wrongly scaled (77亿 is 7.7 billion), or the English shows where a figure was dropped (rose  percent)",
       (ENGLISH,))
def missing_numbers(segment: Segment, text: str, context: Context) -> list[str]:
    absent, _, unsaid = _findings(segment, text)
    messages = [f"{q.text}: expected {numbers.describe(q)} in the English" for q in absent if not _uncertain(q)]
    if _NUMERAL.search(segment.source) and (trace := numbers.dropped_figure_trace(text, unsaid)):
        messages.append(f"a figure seems to be missing from the English at {trace!r}")
    return messages


@check("numbers-approximate", Severity.WARNING, "an approximate quantity (五六天) or a bare day of the month "
       "(20日) of the source has another figure in its place in the English", (ENGLISH,))
def approximate_numbers(segment: Segment, text: str, context: Context) -> list[str]:
    absent, _, _ = _findings(segment, text)
    return [f"{q.text}: expected {numbers.describe(q)} in the English" for q in absent if _uncertain(q)]


@check("currency", Severity.ERROR, "an amount of the source appears in the English in another currency",
       (ENGLISH,))
def wrong_currency(segment: Segment, text: str, context: Context) -> list[str]:
    _, conflicts, _ = _findings(segment, text)
    return [f"{q.text} is in {q.currency}, the English gives it in {other}" for q, other in conflicts]
