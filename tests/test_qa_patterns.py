"""The false-alarm patterns and misses of issue 18, each both ways, on sentences written for these tests: a
careful translation passes, the same translation with the mistake is caught.

Every case in GOOD and MISSED, and every test function below them, failed on main at d77f4ae (before issue 18):
GOOD raised an alarm there, MISSED went unreported. CONTROLS are renderings that were silent already and must
stay so (a count said as "both", the new checks' good cases); CAUGHT are mistakes in the patterns' own
sentences that the checks caught before and must still catch."""
import pytest

from l10n.model import Part, Segment
from l10n.text.numbers import english_quantities, quantities
from l10n.qa import build_context, check_texts
from l10n.qa.spelling import available as spelling_available


def found(source: str, english: str) -> set[str]:
    segments = [Segment("s", 1, 1, Part.BODY, 1, source)]
    texts = {"s": english}
    return {issue.code for issue in check_texts(segments, texts, build_context(segments, texts, "en"))}


def document(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    segments = [Segment(f"s{i}", i + 1, 1, Part.BODY, i + 1, source) for i, (source, _) in enumerate(pairs)]
    texts = {f"s{i}": english for i, (_, english) in enumerate(pairs)}
    return [(issue.segment_id, issue.code) for issue in check_texts(segments, texts, build_context(segments, texts, "en"))]


GOOD = [
    # a weekday before a verb: 周四起诉 is Thursday, not four
    ("苹果公司周四起诉三星侵犯专利。", "Apple sued Samsung for patent infringement on Thursday."),
    # a date followed by an hour
    ("发布会于10月8日15时举行。", "The launch was held at 3 p.m. on October 8."),
    # generations and decades
    ("不少90后选择回乡创业。", "Many post-90s young people chose to start businesses at home."),
    ("这首歌流行于九十年代。", "The song was popular in the nineties."),
    ("这首歌流行于九十年代。", "The song was popular in the 1990s."),
    ("这种发型流行于二十年代。", "The haircut was in fashion in the twenties."),
    ("这座桥建于20世纪60年代。", "The bridge was built in the 1960s."),
    # counts a translator says as words or leaves implicit
    ("两人随后离开了会场。", "They then left the venue."),
    ("两人都没有回应。", "Neither responded."),
    ("这两条公路明年通车。", "The roads open next year."),
    ("法国和德国两国的部长出席了会议。", "Ministers from France and Germany attended."),
    ("两位部长和三名助手随后离开了会场。", "The two ministers and their aides then left the venue."),
    ("她买了两只手套。", "She bought a pair of gloves."),
    ("二位请随我来。", "Would you follow me, please?"),
    ("她的双脚像两条小金鱼。", "Her feet looked like tiny goldfish."),
    # English number words side by side are separate numbers
    ("前三名选手进入决赛。", "The first three competitors reached the final."),
    ("他们分别获得第三和第四名。", "They came third and fourth."),
    ("会议定于9点30分开始，共有3个议题。", "The meeting starts at nine thirty and has three items."),
    # words holding a numeral that are no quantity, and decimals in words
    ("他环顾四周，没有看到任何人。", "He looked around and saw no one."),
    ("老人骑着三轮车去集市。", "The old man rode his tricycle to the market."),
    ("这篇文章写得像八股文。", "The essay reads like a stale formula."),
    ("利率下调了零点五个百分点。", "The rate was cut by 0.5 percentage points."),
    ("这座老宅有百十年的历史了。", "The old house is a hundred-odd years old."),
    # reduplication in the source
    ("好，好，好，我马上就来。", "Fine, fine, fine, I am coming."),
    ("圆圆今天没有上学。", "Yuan Yuan did not go to school today."),
]

CONTROLS = [
    ("火车于晚上9点半到站。", "The train arrived at 9:30 pm."),
    ("两人都拒绝置评。", "Both declined to comment."),
    ("两人随后离开了会场，去年两人曾同台演出。", "The two left the venue; they performed together last year."),
    # acronyms kept or spelled out (the latin-dropped check is new: nothing to raise an alarm before)
    ("美国证券交易委员会（SEC）周三发布了新规。", "The SEC issued new rules on Wednesday."),
    ("SEC周三发布了新规。", "The Securities and Exchange Commission issued new rules on Wednesday."),
    ("苹果发布了iPhone 15。", "Apple released the iPhone 15."),
]

MISSED = [
    # one English mention for each source mention
    ("2019年营收增长，2019年利润也增长。", "Revenue rose in 2018, and profit rose in 2019.", "numbers"),
    ("两家公司都同意延期两个月。", "Both companies agreed to a three-month delay.", "numbers"),
    # classifier quantities are read
    ("报告提出了五方面建议。", "The report made four sets of proposals.", "numbers"),
    ("四大银行均下调了利率。", "The three big banks all cut rates.", "numbers"),
    # a rounded mention of a nearby value does not cover a changed figure
    ("报告提出了十三项建议和一项附则，总额10.86亿元。", "The report made 13 proposals and one annex, worth 1.2 billion "
     "yuan, or about 1 billion yuan.", "numbers"),
    # dropped acronyms and Latin names
    ("美国证券交易委员会（SEC）周三发布了新规。", "The regulator issued new rules on Wednesday.", "latin-dropped"),
    ("3月制造业PMI回升至50.8。", "Manufacturing activity rose to 50.8 in March.", "latin-dropped"),
    ("苹果发布了iPhone 15。", "Apple released the new iPhone.", "latin-dropped"),
]

CAUGHT = [
    ("苹果公司周四起诉三星，索赔4亿美元。", "Apple sued Samsung on Thursday, seeking $4 million.", "numbers"),
    ("发布会于10月8日15时举行。", "The launch was held at 4 p.m. on October 8.", "numbers"),
    ("不少90后选择回乡创业。", "Many post-80s young people chose to start businesses at home.", "numbers"),
    ("这座桥建于20世纪60年代。", "The bridge was built in the 1970s.", "numbers"),
    ("前三名选手进入决赛。", "The first four competitors reached the final.", "numbers"),
    ("利率下调了零点五个百分点。", "The rate was cut by 5 percentage points.", "numbers"),
    # reduplication in the source does not excuse doubled words it has no counterpart for
    ("圆圆今天没有上学。", "Yuan Yuan did not go to to school today.", "doubled-word"),
    # nor does a source that repeats nothing excuse a repetition or a doubled name
    ("好的，我马上就来。", "Fine, fine, fine, I am coming.", "repetition"),
    ("她今天没有上学。", "Yuan Yuan did not go to school today.", "doubled-word"),
]


@pytest.mark.parametrize("source, english", GOOD + CONTROLS)
def test_a_careful_translation_raises_no_alarm(source, english):
    assert found(source, english) == set()


@pytest.mark.parametrize("source, english, check", MISSED + CAUGHT)
def test_the_mistake_is_caught(source, english, check):
    assert check in found(source, english)


def test_english_number_words_are_not_added_together():
    values = [q.value for q in english_quantities("the first three, third and fourth, nine thirty, two decades")]
    assert values == [1, 3, 3, 4, 9, 30, 20]


def test_numerals_inside_words_are_not_quantities_and_decimals_in_words_are():
    assert quantities("他环顾四周") == [] and quantities("三轮车") == [] and quantities("王二根本不在") == []
    [half] = quantities("零点五")
    assert half.value == 0.5
    [weekday_and_count] = quantities("周四起诉了三家公司")
    assert weekday_and_count.text == "三家"


def test_a_quotation_running_over_sentences_is_not_unbalanced():
    pairs = [("他说：“我们会坚持到底。”", 'He said: "We will see this through.'),
             ("“我们有信心。”", 'We are confident."')]
    assert document(pairs) == []
    # a quotation left open inside a clause is still caught
    assert document([("他称之为“一场胜利”，然后离开了。", 'He called it "a victory, then left.')]) == [
        ("s0", "unbalanced-brackets")]
    # and so is one whose English put the source's "she wrote:" after it, where it has to close first
    assert document([("她写道：“政府被迫作出选择。”", '"The administration was forced to choose, she wrote.')]) == [
        ("s0", "unbalanced-brackets")]
    assert document([("她写道：“政府被迫作出选择。”", 'She wrote: "The administration was forced to choose.')]) == []


def test_a_quote_left_open_is_caught_even_where_a_quotation_may_run_on():
    """Where the source's quotation runs on (its closing mark in a later sentence) or a neighbour closes one, a
    quote left open inside a clause, or a second one, or one closed by the other kind of mark, is still a slip."""
    source = "海老公道：“你不会想法子借给他吗？"  # the source's quotation closes in a later sentence
    assert document([(source, "'Then you should have found a way to lend it.")]) == []
    assert document([(source, "He said: “Then you should have found a way to lend it.")]) == []
    assert document([(source, "'Then you “should have found a way to lend it.")]) == [("s0", "unbalanced-brackets")]
    running_on = [("他说：“我们打算浇筑堤坝。", 'He said: "We will fill the dam with cement.'),
                  ("这样会更坚固。”", 'It will be solid."')]
    assert document(running_on) == []
    assert document([running_on[0], ("这样会更坚固。”", 'And the “bank will be solid."')]) == [
        ("s1", "unbalanced-brackets")]
    # the next sentence closes its own quotation (its opening mark lost), not this one's
    assert document([("德扬表示：“我希望公投。”", '"I want a referendum, said Deyan.'),
                     ("他说：“我会参加。”", 'I will take part," he said.')]) == [
        ("s0", "unbalanced-brackets"), ("s1", "unbalanced-brackets")]


def test_a_list_of_points_is_not_a_closing_bracket():
    assert found("要注意两点：一是成本；二是时间。", "Two things matter: 1) cost; 2) time.") == set()


@pytest.mark.skipif(not spelling_available(), reason="no English hunspell dictionary installed")
def test_spelling_is_a_warning_that_skips_names_latin_words_and_recurring_terms():
    assert "spelling" in found("政府宣布了新政策。", "The goverment announced a new policy.")
    assert found("政府宣布了新政策。", "The government announced a new policy.") == set()
    assert found("Zalgorix公司宣布了新政策。", "The zalgorix company announced a new policy.") == set()
    pairs = [("她坐在炕上。", "She sat on the kang."), ("他也爬上了炕。", "He climbed onto the kang too.")]
    assert document(pairs) == []


@pytest.mark.skipif(not spelling_available(), reason="no English hunspell dictionary installed")
@pytest.mark.parametrize(("source", "english", "flagged"), [
    ("她坐在炕上。", "She sat on the kang.", False),  # the source's own word in pinyin, said once
    ("他早饭吃了两个馒头。", "He had two mantou for breakfast.", False),
    ("几位大妈在广场上跳舞。", "A few dama were dancing in the square.", False),
    ("她坐在床上。", "She sat on the kang.", True),  # no 炕 in this source: one slip from a word
    ("他早饭吃了两个馒头。", "He had two mantou for brekfast.", True),
])
def test_a_word_of_the_source_in_pinyin_is_no_misspelling(source, english, flagged):
    assert ("spelling" in found(source, english)) is flagged
