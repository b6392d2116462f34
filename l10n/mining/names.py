"""Chinese people named without English: the Hanyu Pinyin rendering news style uses, offered as a guess.

范剑磊 → Fan Jianlei: surname first, the given name joined and capitalized, an apostrophe where a syllable starting
with a, o or e would run into the one before (张嘉安 → Zhang Jia'an; the orthography of GB/T 16159). A surname is
read as a surname (单 Shan, 曾 Zeng, 解 Xie) and a compound surname stays one word (欧阳 Ouyang, 司马 Sima); the
given name is read by pypinyin, a maintained library with phrase data for characters of several readings.

Whether a word is a Chinese person's name, by signals, never by a list of people:
- jieba tags it a person's name (nr; transliterated foreign names get nrt; a compound surname it cuts off, 欧阳 +
  娜娜, is joined again), of two to four characters, starting with a Chinese surname;
- it is not a word of the dictionary, nor starts with one (jieba also tags 顾问, 支付宝 or 智能化 as names; CC-CEDICT
  says what they are); its given name holds no numeral (商三);
- its "surname" is not a preposition or conjunction before one character or a word (往返于云, 委身于微软), nor the
  end of the word before it wherever it stands (基于云), nor followed by a verb or a two-character common word
  (左移, 高水平: jieba's dictionary says 移 is a verb, 水平 a noun; a doubled given name such as 娜娜 is a name);
- it is not made only of transliteration characters (马斯克 is Musk, 林肯 Lincoln), and the text never joins it to
  a `·` name.
The reviewer confirms: people in Hong Kong, Taiwan and abroad often spell their names otherwise.
"""
from __future__ import annotations

import re

from ..text.words import dictionary_tag
from .boundaries import NAME_DOT, TRANSLITERATION

# The common single-character surnames, most frequent first (the ranking of the national household register).
_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
    "姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康"
    "施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗"
    "谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜"
    "冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠"
    "荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄"
    "平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公湛"
    "宾戎勾茅利呼居揭干尉冶斯元束檀衣展阴昝智幸奉植衡富尧闭")
# Compound surnames and how they are written.
_COMPOUND_SURNAMES = {
    "欧阳": "Ouyang", "司马": "Sima", "上官": "Shangguan", "诸葛": "Zhuge", "东方": "Dongfang", "皇甫": "Huangfu",
    "尉迟": "Yuchi", "公孙": "Gongsun", "慕容": "Murong", "长孙": "Zhangsun", "令狐": "Linghu", "夏侯": "Xiahou",
    "司徒": "Situ", "司空": "Sikong", "澹台": "Tantai", "宇文": "Yuwen", "万俟": "Moqi", "轩辕": "Xuanyuan",
    "独孤": "Dugu", "端木": "Duanmu", "南宫": "Nangong", "申屠": "Shentu", "西门": "Ximen", "呼延": "Huyan",
    "钟离": "Zhongli", "闻人": "Wenren", "赫连": "Helian", "太史": "Taishi", "百里": "Baili"}
# Surnames whose reading as a surname is not a character's first reading.
_SURNAME_READINGS = {
    "单": "shan", "曾": "zeng", "解": "xie", "仇": "qiu", "区": "ou", "朴": "piao", "查": "zha", "盖": "ge",
    "翟": "zhai", "覃": "qin", "缪": "miao", "乐": "yue", "尉": "wei", "召": "shao", "繁": "po", "员": "yun",
    "秘": "bi", "种": "chong", "黑": "he", "隗": "wei", "宿": "su", "卜": "bu", "牟": "mou", "都": "du", "薄": "bo",
    "谌": "chen", "阚": "kan", "冼": "xian", "任": "ren", "万": "wan", "相": "xiang", "长": "chang", "燕": "yan",
    "应": "ying", "盛": "sheng", "过": "guo", "华": "hua", "纪": "ji", "沈": "shen", "石": "shi", "曲": "qu"}
_NAME_LENGTHS = range(2, 5)
_FUNCTION_TAGS = ("p", "c", "d", "u", "r")  # jieba's prepositions, conjunctions, adverbs, particles, pronouns
_COMMON_WORD_TAGS = ("n", "v", "vn", "a", "ad", "an", "d")  # nouns, verbs, adjectives, adverbs
_NUMERALS = re.compile("[一二三四五六七八九十百千万两零〇]")
PINYIN_GUESS = "pinyin guess"


def surname_of(name: str) -> str | None:
    """The surname a Chinese name starts with, compound ones first; None when it starts with none."""
    if name[:2] in _COMPOUND_SURNAMES and len(name) >= 3:
        return name[:2]
    return name[0] if name[:1] in _SURNAMES else None


def is_chinese_person(name: str, tag: str, text: str) -> bool:
    """Whether a word jieba tagged `tag` in `text` is a Chinese person's name (see the module's description)."""
    if tag != "nr" or len(name) not in _NAME_LENGTHS or not re.fullmatch(r"[\u4e00-\u9fff]+", name):
        return False
    surname = surname_of(name)
    if surname is None or len(name) - len(surname) > 2:
        return False
    if len(surname) == 1 and all(char in TRANSLITERATION for char in name) or _NUMERALS.search(name[len(surname):]):
        return False
    from ..align.lexicon import cedict

    words = cedict().translations
    fused = name[:len(surname) + 1]
    if name in words or len(name) > len(fused) and fused in words:  # 阳光, 智能化: words of the language
        return False
    given = name[len(surname):]
    if dictionary_tag(surname) in _FUNCTION_TAGS and (len(given) == 1 or given in words):
        return False  # 往返于云, 委身于微软: 于 is a preposition far more often than a surname
    tag = dictionary_tag(given)
    if tag == "v" or len(given) == 2 and given[0] != given[1] and tag in _COMMON_WORD_TAGS:
        return False  # 高水平, 左移, 智驾: a word of the language after a character that is also a surname
    occurrences = list(re.finditer(re.escape(name), text))
    if any(text[max(0, match.start() - 1):match.start()] == NAME_DOT or text[match.end():match.end() + 1] == NAME_DOT
           for match in occurrences):
        return False
    # 基于云, 面向未来: the "surname" ends the word before it wherever the name stands
    glued = [match for match in occurrences if match.start() and text[match.start() - 1:match.start() + 1] in words]
    return len(glued) < len(occurrences)


def chinese_people(words: list[tuple[str, str]], text: str) -> list[str]:
    """The Chinese people's names among jieba's words of `text`, in order."""
    names: list[str] = []
    index = 0
    while index < len(words):
        word, tag = words[index]
        following = words[index + 1] if index + 1 < len(words) else ("", "")
        if word in _COMPOUND_SURNAMES and 1 <= len(following[0]) <= 2 and following[1].startswith("nr"):
            word, tag = word + following[0], "nr"
            index += 1
        if is_chinese_person(word, tag, text):
            names.append(word)
        index += 1
    return names


def pinyin_name(name: str) -> tuple[str, str]:
    """(full name, surname) in Hanyu Pinyin: 范剑磊 → ("Fan Jianlei", "Fan"), 欧阳娜娜 → ("Ouyang Nana", "Ouyang")."""
    from pypinyin import Style, lazy_pinyin

    surname = surname_of(name) or name[0]
    family = _COMPOUND_SURNAMES.get(surname) or _SURNAME_READINGS.get(surname) or \
        "".join(lazy_pinyin(surname, style=Style.NORMAL, v_to_u=True))
    syllables = lazy_pinyin(name[len(surname):], style=Style.NORMAL, v_to_u=True)
    given = syllables[0] + "".join(f"'{s}" if s[:1] in "aoe" else s for s in syllables[1:]) if syllables else ""
    family = family.capitalize()
    return (f"{family} {given.capitalize()}" if given else family), family
