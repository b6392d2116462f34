"""The Taiwan and Hong Kong editions: one table, OpenCC with regional layers, notes for the reviewer, QA, re-runs."""
from dataclasses import replace
from pathlib import Path

import polib
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from l10n import editions, pipeline
from l10n.editions import boundaries, layers, neighbours, quotes, senses, stacks, variant
from l10n.editions.variant import convert_text
from l10n.plumbing.errors import UsageError
from l10n.glossary import Glossary, parse
from l10n.model import Part, Segment
from l10n.pipeline import RunOptions, run
from l10n.text.words import dictionary_words, is_word, settled_dictionary_words
from l10n.qa.catalogs import check_files


def test_one_row_per_edition_and_the_old_opencc_names_mean_the_newsroom_ones():
    taiwan, hong_kong = editions.get("tw"), editions.get("hk")
    assert (taiwan.locale, taiwan.tag, taiwan.glossary_column, taiwan.opencc) == ("zh_TW", "zh-Hant-TW", "zh_TW", "s2tw")
    assert (hong_kong.locale, hong_kong.tag, hong_kong.opencc) == ("zh_HK", "zh-Hant-HK", "s2hk")
    assert editions.get("s2twp") is taiwan and editions.get("s2hk") is hong_kong
    assert editions.get("plain-s2twp").plain and not taiwan.plain
    assert editions.get("plain-s2twp").locale == "zh_TW" and editions.get("plain-s2twp").quotes is None
    assert editions.by_tag("zh-hant-hk") is hong_kong and editions.by_tag("zh-TW") is taiwan
    with pytest.raises(UsageError, match="plain-s2twp"):
        editions.get("zh-tw")


def test_every_newsroom_edition_has_its_glossary_column_and_its_place_in_the_help():
    """What is made from the rows follows a new one: its overrides column, the help's list of editions."""
    from l10n.glossary import COLUMNS
    from l10n.config.settings import registry

    assert set(editions.GLOSSARY_COLUMNS) == {edition.glossary_column for edition in editions.NEWSROOM}
    assert editions.GLOSSARY_COLUMNS[0] == editions.TRADITIONAL.glossary_column  # what every edition falls back on
    assert set(editions.GLOSSARY_COLUMNS) <= set(COLUMNS)
    assert all(f"{edition.key} ({edition.locale})" in registry()["editions"].help for edition in editions.NEWSROOM)


@pytest.mark.parametrize("source, taiwan", [
    ("外交部发言人发布了一份声明。", "外交部發言人發布了一份聲明。"),  # not 釋出了一份宣告: software phrasing
    ("电网调度中心", "電網調度中心"),  # not 排程
    ("管理权限", "管理權限"),  # not 許可權
    ("如果无法回归，", "如果無法回歸，"),  # 迴歸 is statistics
    ("特朗普、普京、扎克伯格、盖茨在悉尼。", "川普、普丁、祖克柏、蓋茲在雪梨。"),
    ("布雷特说", "布雷特說"),  # not 佈雷特 (布雷, mine-laying)
    ("并为客户提供服务", "並為客戶提供服務"),  # not 併為 (merge into)
    ("北回归线和线性回归", "北迴歸線和線性迴歸"),  # the tropic and the statistics keep 迴歸
])
def test_the_issue_examples_come_out_as_a_taiwan_newsroom_prints_them(source, taiwan):
    assert convert_text(source, "tw") == taiwan


@pytest.mark.parametrize("source, hong_kong", [
    ("外交部发言人发布了一份声明。", "外交部發言人發布了一份聲明。"),
    ("电网调度中心，管理权限，如果无法回归", "電網調度中心，管理權限，如果無法回歸"),
    ("特朗普、普京在悉尼会见扎克伯格。", "特朗普、普京在悉尼會見朱克伯格。"),
    ("布雷特说", "布雷特説"),
    ("并为客户提供服务", "並為客户提供服務"),
])
def test_hong_kong_keeps_its_own_names_and_gets_the_same_repairs(source, hong_kong):
    assert convert_text(source, "hk") == hong_kong


@pytest.mark.parametrize("edition, google", [("tw", "Google"), ("hk", "谷歌")])
def test_a_name_that_an_opencc_phrase_runs_into_stands(edition, google):
    # OpenCC's 年谷 (harvest) takes the 谷 of 谷歌 (穀歌); a known name wins over a phrase that is no word there
    assert variant.convert("2024年谷歌", "s2twp") == "2024年穀歌"
    assert convert_text("2024年谷歌宣布", edition) == f"2024年{google}宣布"


@pytest.mark.parametrize("edition", ["tw", "hk"])
def test_a_name_at_the_start_of_an_opencc_phrase_does_not_run_into_it(edition):
    # 克里 (Kerry) begins OpenCC's 克里姆林宫 at the start of a sentence: the Kremlin, not 凱瑞姆林宮
    assert convert_text("克里姆林宫发言人说", edition).startswith("克里姆林宮")
    assert convert_text("在克里姆林宫", edition) == "在克里姆林宮"


def test_a_rule_is_taken_back_where_it_is_no_word_of_the_sentence():
    assert convert_text("增加纳税", "tw") == "增加納稅"  # not 增迦納稅: 加纳 (Ghana) runs across 增加 and 纳税
    assert convert_text("在格拉斯哥", "tw") == "在格拉斯哥"  # 格拉斯 (Grass) lies inside the name Glasgow
    assert convert_text("乙肝病毒", "tw") == "B肝病毒"  # inside a longer common word, the rule is that word's
    # jieba tags 卫星 (satellite) as a person's name: 卫星通信 is still 卫星 + 通信, not a name keeping 通訊 out
    assert convert_text("发展卫星通信", "tw") == "發展衛星通訊"
    assert convert_text("通信卫星发射", "tw") == "通訊衛星發射"
    assert convert_text("谷歌DeepMind", "tw") == "Google DeepMind"  # a Latin rendering keeps a space to Latin text


@pytest.mark.parametrize("source, taiwan", [
    ("三所大学牵头发起成立联盟", "三所大學牽頭發起成立聯盟"),  # OpenCC's 头发 (hair) across 牵头|发起
    ("董事长发来贺信", "董事長發來賀信"),  # 长发 (long hair) across 董事长|发来
    ("夜色里乌黑发亮的眼睛", "夜色裡烏黑發亮的眼睛"),  # 黑发 (black hair) across 乌黑|发亮
    ("他每天都洗头发", "他每天都洗頭髮"),  # 头发 is the sentence's word
    ("她戴着手表表示满意", "她戴著手錶表示滿意"),  # 手表 is a word of its own: no word runs across it
    ("日本本周遭强烈地震袭击", "日本本週遭強烈地震襲擊"),  # jieba's 周遭 crosses one edge only: its mistake
    ("球员阿尔德里奇得分", "球員阿爾德里奇得分"),  # 德里 across a rare name's pieces (里奇) stands
])
def test_a_common_opencc_phrase_is_cut_only_where_both_its_halves_belong_to_common_words(source, taiwan):
    assert convert_text(source, "tw") == taiwan


def test_the_note_says_which_common_phrase_was_cut():
    target = variant.traditional_variant(variant._lines("三所大学牵头发起成立联盟"), "tw")
    assert "word boundary: 头发 is not a word here" in target.notes["0"]


@pytest.mark.parametrize("source, taiwan, plain", [
    ("他坐在出租车上", "他坐在計程車上", "他坐在出租車上"),  # OpenCC's 在出 keeps the rule 出租车 out
    ("公司的新发动机", "公司的新引擎", "公司的新發動機"),  # 新发 keeps 发动机 out
    ("他为总统制造麻烦", "他為總統製造麻煩", "他為總統制造麻煩"),  # 总统制 keeps OpenCC's own 制造 out
    ("市场迎来复苏", "市場迎來復甦", "市場迎來復蘇"),  # 来复 keeps 复苏 out
])
def test_a_phrase_an_opencc_phrase_ran_into_stands_where_it_is_a_word(source, taiwan, plain):
    assert variant.convert(source, "s2tw") == plain
    assert convert_text(source, "tw") == taiwan


def test_a_phrase_an_opencc_phrase_ran_into_stays_out_where_it_is_no_word():
    assert convert_text("为了解决问题", "tw") == "為了解決問題"  # 了解 runs across 为了 and 解决: not 瞭解
    assert convert_text("这取决于谦虚", "tw") == "這取決於謙虛"  # the name 于谦 runs across 取决于 and 谦虚
    assert convert_text("三天后，他来了", "tw") == "三天後，他來了"  # 天后 (a goddess) is no word here
    assert convert_text("比特币价格", "tw") == "比特幣價格"  # OpenCC's longer 比特币 begins where 比特 would


@pytest.mark.parametrize("edition", ["tw", "hk"])
def test_restraint_is_ke_not_the_ke_of_overcoming(edition):
    # a sourced correction: OpenCC's phrase 克制 writes 剋, which the probe now lets through after 保持
    assert variant.convert("克制", "s2tw") == "剋制"
    assert convert_text("保持克制", edition) == "保持克制"
    assert convert_text("他克制住了", edition) == "他克制住了"


@pytest.mark.parametrize("source, taiwan", [
    ("该应用被指鼓动扮演", "該應用程式被指鼓動扮演"),  # a determiner before it: an app
    ("这款应用很受欢迎", "這款應用程式很受歡迎"),  # the classifier of products
    ("许多手机应用都使用这种技术", "許多手機應用程式都使用這種技術"),  # a device before it
    ("该技术应用于医疗", "該技術應用於醫療"),  # 于 after it: the verb 'apply'
    ("人工智能的应用", "人工智慧的應用"),  # the application of a technique
    ("综合应用多源卫星", "綜合應用多源衛星"),
    ("公司推出了两款应用", "公司推出了兩款應用程式"),  # a numeral and the classifier
    ("我们应该应用新技术", "我們應該應用新技術"),  # 该 ends 应该 (should): the verb 'apply'
    ("本条款应用范围有限", "本條款應用範圍有限"),  # 款 ends 条款 (clause)
    ("贷款应用场景", "貸款應用場景"),  # 款 ends 贷款 (loan)
])
def test_ying_yong_is_an_app_where_its_neighbours_make_it_a_count_noun(source, taiwan):
    assert convert_text(source, "tw") == taiwan


@pytest.mark.parametrize("source, taiwan", [
    ("在目标跟踪等领域", "在目標追蹤等領域"),  # tracking: 追蹤, wherever it stands
    ("跟踪调查显示", "追蹤調查顯示"),
    ("涉嫌跟踪骚扰他人", "涉嫌跟蹤騷擾他人"),  # following a person (Taiwan's 跟蹤騷擾防制法)
    ("一名男子跟踪她回家", "一名男子跟蹤她回家"),  # a person followed
    ("他发现有人跟踪他", "他發現有人跟蹤他"),
])
def test_gen_zong_is_tracking_unless_it_is_stalking(source, taiwan):
    assert convert_text(source, "tw") == taiwan


@pytest.mark.parametrize("source, taiwan", [
    ("反击数字威权主义", "反擊數位威權主義"),  # modifying the noun after it: the digital
    ("进入数字时代以后", "進入數位時代以後"),
    ("推进数字人民币试点", "推進數位人民幣試點"),
    ("这个数字很大", "這個數字很大"),  # the head of its phrase, before an adverb: a figure
    ("统计数字显示", "統計數字顯示"),  # before a verb
    ("他写下一串数字。", "他寫下一串數字。"),  # before punctuation
    ("破产呈请书数字 9190 宗", "破產呈請書數字 9190 宗"),  # before a space and a number
    ("数字化转型", "數位化轉型"),  # inside a longer word, the word's own rule (a correction)
    ("输入六位数字密码", "輸入六位數字密碼"),  # counted: six digits
])
def test_shu_zi_is_digital_where_it_modifies_the_noun_after_it(source, taiwan):
    assert convert_text(source, "tw") == taiwan


@pytest.mark.parametrize("source, taiwan", [
    ("两国领导人举行视频会晤", "兩國領導人舉行視訊會晤"),  # before a word of a live exchange: the link
    ("他们通过视频连线交流", "他們通過視訊連線交流"),
    ("他发表了视频讲话", "他發表了視訊講話"),
    ("日前通过视频在联合国会议上发言", "日前通過視訊在聯合國會議上發言"),  # the means, where after it
    ("这段视频显示", "這段影片顯示"),  # a clip, what it shows
    ("总统在推特上发布了该视频。", "總統在推特上發布了該影片。"),
    ("通过预先录制的视频对峰会发表讲话", "通過預先錄製的影片對峰會發表講話"),  # modified: a clip
    ("通过视频平台传播", "通過影片平臺傳播"),  # a noun after it
    ("参加视频会议", "參加視訊會議"),  # OpenCC's longer phrase stands
])
def test_shi_pin_is_a_video_link_where_its_neighbours_say_so_and_a_clip_elsewhere(source, taiwan):
    assert convert_text(source, "tw") == taiwan


def test_a_sense_overrules_the_rule_of_its_word_alone_with_its_own_note_but_not_the_glossary():
    target = variant.traditional_variant(variant._lines("两国领导人举行视频会晤"), "tw")
    assert target.notes["0"] == ("regional vocabulary: 视频 → 視訊",)
    assert convert_text("两国领导人举行视频会晤", "hk") == "兩國領導人舉行視頻會晤"
    glossary = _glossary("视频,video,,,視頻,term")
    segments = glossary.annotate([Segment("s1", 1, 1, Part.BODY, 1, "两国领导人举行视频会晤。")])
    phrases = variant.glossary_phrases(glossary.entries.values(), "tw")
    segments = variant.respect_boundaries(segments, "tw", phrases)
    assert variant.traditional_variant(segments, "tw", phrases).texts["s1"] == "兩國領導人舉行視頻會晤。"


class _CountedList(list):
    """A list that counts how often it is walked."""

    walks = 0

    def __iter__(self):
        _CountedList.walks += 1
        return super().__iter__()


def test_deciding_a_long_sentence_walks_its_rules_and_runs_once_not_once_per_word(monkeypatch):
    """A sentence has no length limit: each word decided (in OpenCC's text, 应用; over a rule, 视频) is found without
    a walk over the sentence's rules, runs and marks, which made a sentence of thousands of them quadratic."""
    source = "特朗普说该应用举行视频连线，" * 200 + "。"
    calls = []
    decide = senses.decide
    monkeypatch.setattr(senses, "decide", lambda *given: calls.append(given) or decide(*given))
    assert variant.convert_text(source, "tw") == "川普說該應用程式舉行視訊連線，" * 200 + "。"
    [(stack, _, marked, applied, runs)] = calls
    expected = decide(stack, source, marked, applied, runs)
    marks = []
    monkeypatch.setattr(senses, "MARKS", type("Counted", (), {"finditer": lambda self, text: marks.append(text) or
                                                                stacks.MARKS.finditer(text)})())
    _CountedList.walks = 0
    assert decide(stack, source, marked, _CountedList(applied), _CountedList(runs)) == expected
    assert _CountedList.walks <= 2 and len(marks) <= 1


@pytest.mark.parametrize("source, taiwan", [
    ("黑客可以通过漏洞来远程操控个人的设备", "駭客可以通過漏洞來遠端操控個人的設備"),  # acting from afar
    ("具有跨境、远程、电子支付等特征", "具有跨境、遠端、電子支付等特徵"),
    ("公司允许员工远程办公", "公司允許員工遠端辦公"),
    ("试射一枚远程导弹", "試射一枚遠程飛彈"),  # long range: a weapon
    ("具备远程打击能力", "具備遠程打擊能力"),  # a strike
])
def test_yuan_cheng_is_remote_unless_it_is_long_range(source, taiwan):
    assert convert_text(source, "tw") == taiwan


@pytest.mark.parametrize("source, taiwan", [
    ("提供更便捷的渠道", "提供更便捷的管道"),  # 渠道 is a waterway in the Ministry's dictionary
    ("两届温网女单冠军", "兩屆溫布頓女單冠軍"),
    ("奥普拉的政治捐助", "歐普拉的政治捐助"),
])
def test_news_words_and_names_of_session_7s_corrections(source, taiwan):
    assert convert_text(source, "tw") == taiwan


@pytest.mark.parametrize("source, taiwan", [
    ("这家公司的营销费用翻了一番", "這家公司的行銷費用翻了一番"),
    ("部署一套反导系统", "部署一套反飛彈系統"),
    ("本州新增两例寨卡病例", "本州新增兩例茲卡病例"),
    ("她买了三斤土豆", "她買了三斤馬鈴薯"),  # the peanut in Taiwan
    ("他在土豆网看了这段节目", "他在土豆網看了這段節目"),  # the video site keeps its name
    ("把行李放进后备箱", "把行李放進後車廂"),
    ("这条动态获得上万人点赞", "這條動態獲得上萬人按讚"),
    ("他在微博发帖回应", "他在微博發文回應"),
    ("她参加了皮划艇比赛", "她參加了輕艇比賽"),
    ("发展可再生能源", "發展再生能源"),
    ("车站里的自动售货机坏了", "車站裡的自動販賣機壞了"),
    ("一辆大巴在山路上翻覆", "一輛巴士在山路上翻覆"),
    ("涉嫌欺诈被起诉", "涉嫌詐欺被起訴"),
    ("据日本时事通信社消息", "據日本時事通信社消息"),  # a name: 通信 通訊 is the telecommunications word
    ("美国疾病控制和预防中心表示", "美國疾病管制暨預防中心表示"),
    ("她在女子蛙泳和仰泳比赛中都有实力", "她在女子蛙式和仰式比賽中都有實力"),
    ("男子蝶泳与自由泳接力", "男子蝶式與自由式接力"),
    ("这支朋克乐队", "這支龐克樂團"),
    ("央行宣布加息", "央行宣布升息"),
    ("游乐园的过山车停运", "遊樂園的雲霄飛車停運"),
    ("患上创伤后应激障碍", "患上創傷後壓力症候群"),
    ("医生用超声检查胎儿", "醫生用超音波檢查胎兒"),
    ("一架超声速客机", "一架超音速客機"),  # not 超音波速
    ("早高峰道路拥堵", "早高峰道路壅塞"),
    ("码头堆满了集装箱", "碼頭堆滿了貨櫃"),
    ("宇航员返回空间站", "太空人返回太空站"),
    ("他在酒吧打台球", "他在酒吧打撞球"),
])
def test_news_words_and_names_of_session_11s_corrections(source, taiwan):
    assert convert_text(source, "tw") == taiwan


@pytest.mark.parametrize("source, taiwan", [
    ("他们翻越大巴山", "他們翻越大巴山"),  # the Daba Mountains
    ("伊斯坦布尔的大巴扎游客很多", "伊斯坦堡的大巴扎遊客很多"),  # a bazaar
    ("游客乘坐大巴车前往景区", "遊客乘坐巴士前往景區"),  # the coach once, not 巴士車
    ("这是一种反导向飞弹", "這是一種反導向飛彈"),  # OpenCC's 反導向 is 反 + 导向, not 反导
    ("舆论出现反导向", "輿論出現反導向"),
])
def test_a_correction_stays_out_of_longer_words_that_only_hold_its_characters(source, taiwan):
    assert convert_text(source, "tw") == taiwan


@pytest.mark.parametrize("source, taiwan", [
    ("政府的响应十分迟缓", "政府的回應十分遲緩"),  # a reply: after the possessive
    ("公司很快作出响应", "公司很快作出回應"),
    ("完善应急准备和响应机制", "完善應急準備和回應機制"),
    ("市民积极响应这项倡议", "市民積極響應這項倡議"),  # answering a call
    ("各界纷纷和响应号召的志愿者一起行动", "各界紛紛和響應號召的志願者一起行動"),  # the call follows
])
def test_xiang_ying_is_a_reply_where_it_is_a_noun_and_answers_a_call_elsewhere(source, taiwan):
    assert convert_text(source, "tw") == taiwan


@pytest.mark.parametrize("source, taiwan", [
    ("她报名参加女子个人项目", "她報名參加女子個人項目"),  # an event
    ("跳水项目的决赛", "跳水項目的決賽"),
    ("该剧是本届艺术节的重点演出项目", "該劇是本屆藝術節的重點演出項目"),  # an item of a programme
    ("滑板成为正式比赛项目", "滑板成為正式比賽項目"),
    ("这座桥梁项目延期了", "這座橋梁專案延期了"),  # a project
    ("政府资助研究项目", "政府資助研究專案"),
])
def test_xiang_mu_is_an_event_or_an_item_after_a_word_of_its_kind_and_a_project_elsewhere(source, taiwan):
    assert convert_text(source, "tw") == taiwan


def test_a_word_its_neighbours_decide_has_its_note_and_only_in_its_region():
    target = variant.traditional_variant(variant._lines("这款应用很受欢迎"), "tw")
    assert target.notes["0"] == ("regional vocabulary: 应用 → 應用程式",)
    assert convert_text("这款应用很受欢迎", "hk") == "這款應用很受歡迎"
    target = variant.traditional_variant(variant._lines("反击数字威权主义"), "tw")
    assert target.notes["0"] == ("regional vocabulary: 数字 → 數位",)
    assert convert_text("反击数字威权主义", "hk") == "反擊數字威權主義"


def test_the_note_says_which_phrase_was_given_back():
    segment = variant._lines("他坐在出租车上")
    target = variant.traditional_variant(segment, "tw")
    assert "word boundary: 出租车 is a word here" in target.notes["0"]


def test_a_long_run_of_blocked_phrases_is_converted_a_window_at_a_time(monkeypatch):
    # each phrase given back was checked by converting the rest of its run: 20,000 characters took 7.6 s
    converted = []

    def counting(probe, source, probed, marked, runs, alone, convert_text, longest_rule):
        def convert(text):
            converted.append(len(text))
            return convert_text(text)
        return blocked(probe, source, probed, marked, runs, alone, convert, longest_rule)

    blocked = variant.blocked
    monkeypatch.setattr(variant, "blocked", counting)
    source = "在出租车" * 1000
    assert convert_text(source, "tw") == "在計程車" * 1000
    assert converted  # the check ran (else the bound below holds of nothing)
    assert sum(converted) < 50 * 1000  # a window per phrase, not what is left of 4,000 characters (2,000,000)


def test_a_rule_holds_inside_longer_words_made_of_it():
    assert convert_text("网络安全规则", "tw") == "網路安全規則"  # vocabulary inside a longer name (jieba's 网络安全) stands
    # OpenCC's own longer phrase (克罗地亚语) would win over the name: it gets the name's rendering inside it
    assert convert_text("克罗地亚语中的", "tw") == "克羅埃西亞語中的"
    assert convert_text("东盟会议", "tw") == "東協會議"  # an abbreviation (jieba's 'j') is a name, not an ordinary word
    assert convert_text("据报道", "tw") == "據報導"  # the Ministry of Education's form


def test_quotation_marks_nest_across_the_sentences_of_a_paragraph():
    style = editions.CORNER_BRACKETS
    texts, changes = quotes.requote(["他说：“我认为‘新质生产力’很重要。", "这是关键。”", "“好。”"], style)
    assert texts == ["他说：「我认为『新质生产力』很重要。", "这是关键。」", "「好。」"]
    assert changes[0] == ("“ → 「", "‘ → 『", "’ → 』") and changes[1] == ("” → 」",)
    assert quotes.requote(["McDonald’s “Big Mac”"], style)[0] == ["McDonald’s 「Big Mac」"]
    assert convert_text("他说：“她说‘走’。”", "hk") == "他説：「她説『走』。」"


def test_software_phrasing_only_in_a_text_about_software():
    news = convert_text("外交部发言人发布了一份声明，调度中心说程序合法。", "tw")
    assert "發布" in news and "調度" in news and "程序" in news
    software = convert_text("微软发布了新版操作系统的源代码，程序员可以通过软件更新下载补丁，服务器和数据库的用户需要调度程序。", "tw")
    assert "排程程式" in software and "作業系統" in software
    assert "發布" in software  # 释出 is wrong in news even about software: the dev set's software pages print 發布


def test_the_stacks_mark_sets_are_the_rules_kinds():
    """_unmarked and the software test look marks up in sets made once per stack: they name the same rules as the
    rules' own fields."""
    stack = variant._stack("tw", ())
    for marks, kind in ((stack.latin_marks, "latin"), (stack.software_marks, "software"),
                        (stack.technical_marks, "technical")):
        assert marks == {stacks.mark(index) for index, rule in enumerate(stack.table) if getattr(rule, kind)}
        assert marks  # the Taiwan data holds rules of each kind


def test_a_known_name_beginning_with_li_is_found_by_its_length():
    names = layers.neighbours()[("name-start", "里")]
    for name in names:
        assert neighbours._begins_a_known_name(f"在{name}访问", 1)
        # the same as scanning every name (the slow way): only where the name is followed by 约 + a quantity
        assert neighbours._begins_a_known_name(f"{name}有300人", 0) == any(
            f"{name}有300人".startswith(other) and not neighbours.about_a_quantity(f"{name}有300人", len(other))
            for other in names)
    assert not neighbours._begins_a_known_name("在这里访问", 2) and not neighbours._begins_a_known_name("里", 0)


def _glossary(*rows: str) -> Glossary:
    entries, problems = parse("zh_Hans,en,en_short,zh_Hant,zh_TW,kind\n" + "\n".join(rows), Path("g.csv"))
    assert not problems
    return Glossary(entries)


def test_the_desks_glossary_wins_over_every_layer():
    glossary = _glossary("特朗普,Donald Trump,Trump,,特朗普,person", "回归,,,,回歸,term")
    segments = glossary.annotate([Segment("s1", 1, 1, Part.BODY, 1, "特朗普说经济回归分析很重要。")])
    phrases = variant.glossary_phrases(glossary.entries.values(), "tw")
    segments = variant.respect_boundaries(segments, "tw", phrases)
    target = variant.traditional_variant(segments, "tw", phrases)
    # the desk writes 特朗普 for Taiwan, and its 回归 beats the layer's longer 回归分析 (迴歸分析)
    assert target.texts["s1"] == "特朗普說經濟回歸分析很重要。"
    assert not any("regional name" in note for note in target.notes.get("s1", ()))


def _article(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    return path


def _catalog(out: Path, locale: str = "zh_TW") -> polib.POFile:
    return polib.pofile(str(out / "a" / f"{locale}.po"))


def test_every_rewrite_beyond_characters_is_in_the_entrys_note(tmp_path):
    article = _article(tmp_path, "扎克伯格表示，人工智能芯片的项目“进展顺利”。\n")
    run([article], RunOptions(out_dir=tmp_path / "out", mt="none", glossary=(), editions=("tw", "hk")))
    [entry] = [entry for entry in _catalog(tmp_path / "out") if entry.msgid.startswith("扎克伯格")]
    assert entry.msgstr == "祖克柏表示，人工智慧晶片的專案「進展順利」。"
    notes = entry.comment.splitlines()
    for note in ("regional name: 扎克伯格 → 祖克柏", "regional vocabulary: 人工智能 → 人工智慧",
                 "regional vocabulary: 芯片 → 晶片", "regional vocabulary: 项目 → 專案", "punctuation: “ → 「, ” → 」"):
        assert note in notes
    [hong_kong] = [entry for entry in _catalog(tmp_path / "out", "zh_HK") if entry.msgid.startswith("扎克伯格")]
    assert "regional name: 扎克伯格 → 朱克伯格" in hong_kong.comment.splitlines()
    assert _catalog(tmp_path / "out").metadata["X-L10n-Origin"].startswith("l10n edition tw: OpenCC ")


def test_plain_opencc_stays_available_for_comparison(tmp_path):
    article = _article(tmp_path, "外交部发言人发布了一份声明。\n")
    run([article], RunOptions(out_dir=tmp_path / "out", mt="none", glossary=(), editions=("plain-s2twp",)))
    [entry] = list(_catalog(tmp_path / "out"))
    assert entry.msgstr == "外交部發言人釋出了一份宣告。" and "regional" not in entry.comment


def test_check_warns_of_a_mainland_form_left_in_an_edition(tmp_path):
    article = _article(tmp_path, "特朗普今天讲话。\n\n普京没有回应。\n")
    run([article], RunOptions(out_dir=tmp_path / "out", mt="none", glossary=(), editions=("tw",)))
    path = tmp_path / "out" / "a" / "zh_TW.po"
    catalog = polib.pofile(str(path))
    for entry in catalog:
        entry.flags = []
        if entry.msgid.startswith("特朗普"):
            assert entry.msgstr == "川普今天講話。"
            entry.msgstr = "特朗普今天講話。"  # a reviewer typed the mainland name
        else:
            entry.msgstr = "普丁沒有回應特朗普。"  # not this source's form: check looks only for the source's
    catalog.save(str(path))
    [report] = check_files([path], Glossary([]))
    found = [(finding.msgid, finding.issue.code, finding.issue.severity.value) for finding in report.findings]
    assert found == [("特朗普今天讲话。", "mainland-form", "warning")]
    assert "mainland form 特朗普 left; the Traditional (Taiwan) edition prints 川普" in report.findings[0].issue.message


def test_a_rerun_refreshes_unreviewed_edition_drafts_and_never_touches_reviewed_ones(tmp_path, monkeypatch):
    article = _article(tmp_path, "特朗普今天讲话。\n\n扎克伯格回应了。\n")
    options = RunOptions(out_dir=tmp_path / "out", mt="none", glossary=(), editions=("tw",))
    run([article], options)
    path = tmp_path / "out" / "a" / "zh_TW.po"
    catalog = polib.pofile(str(path))
    reviewed = next(entry for entry in catalog if entry.msgid.startswith("扎克伯格"))
    reviewed.msgstr, reviewed.flags = "祖克柏作出回應。", []
    catalog.save(str(path))

    # the regional data changes (a new release of it): Taiwan prints another form of both names
    changed = tuple(replace(rule, rendering=rule.rendering + "氏") if rule.source in ("特朗普", "扎克伯格") else rule
                    for rule in layers.rewrites("tw"))
    monkeypatch.setattr(layers, "rewrites", lambda region: changed if region == "tw" else ())
    monkeypatch.setattr(pipeline, "layers_signature", lambda: "changed")
    variant.forget_built()
    try:
        result = run([article], options)  # no --force: the changed data alone redoes the document
    finally:
        variant.forget_built()
    assert result.summary.documents == 1
    after = {entry.msgid: entry for entry in polib.pofile(str(path))}
    assert after["特朗普今天讲话。"].msgstr == "川普氏今天講話。" and after["特朗普今天讲话。"].fuzzy
    assert after["扎克伯格回应了。"].msgstr == "祖克柏作出回應。" and not after["扎克伯格回应了。"].fuzzy


@pytest.mark.parametrize("source, taiwan, hong_kong", [
    ("2016年里约奥运会", "2016年里約奧運會", "2016年里約奧運會"),  # OpenCC's 年里 (in the year) took the name's 里
    ("俄罗斯克里姆林宫", "俄羅斯克里姆林宮", "俄羅斯克里姆林宮"),
    ("总统约韦里·穆塞韦尼", "總統約韋里·穆塞韋尼", "總統約韋里·穆塞韋尼"),  # a name's dot beside it
    ("城里约有三千人", "城裡約有三千人", "城裏約有三千人"),  # 城里 is a word: the locative stays
    ("在这里安装", "在這裡安裝", "在這裏安裝"),
    ("里福说，他来了。", "里福說，他來了。", "里福説，他來了。"),  # no noun before it: no locative
    ("他说：里福来了。", "他說：里福來了。", "他説：里福來了。"),
    ("里面有人。", "裡面有人。", "裏面有人。"),  # 里面 is a word
    ("iPhone里的应用", "iPhone裡的應用", "iPhone裏的應用"),  # after a Latin noun the locative stands
    ("《西游记》里有一句话", "《西遊記》裡有一句話", "《西遊記》裏有一句話"),  # and after a title
    ("他们走了5里路", "他們走了5里路", "他們走了5里路"),  # an OpenCC phrase looked up past the end crashed this
])
def test_li_in_a_name_is_li_and_the_locative_stays(source, taiwan, hong_kong):
    assert (convert_text(source, "tw"), convert_text(source, "hk")) == (taiwan, hong_kong)


@pytest.mark.parametrize("source, taiwan, hong_kong", [
    ("于晓光说，比赛推迟了。", "于曉光說，比賽推遲了。", "于曉光説，比賽推遲了。"),  # a clause opens with the surname
    ("赛后，于海洋接受了采访", "賽後，于海洋接受了採訪", "賽後，于海洋接受了採訪"),
    ("如果于队长同意，我们就出发", "如果于隊長同意，我們就出發", "如果于隊長同意，我們就出發"),  # after a conjunction
    ("于是他们走了。", "於是他們走了。", "於是他們走了。"),  # a word begins with the preposition
    ("于2019年成立。", "於2019年成立。", "於2019年成立。"),  # a quantity
    ("工厂，于三月投产", "工廠，於三月投產", "工廠，於三月投產"),
    ("如果于明年实施", "如果於明年實施", "如果於明年實施"),  # a time word
    ("，于当地时间周一", "，於當地時間週一", "，於當地時間週一"),  # a place word
    ("会议结束后，于上海签约", "會議結束後，於上海簽約", "會議結束後，於上海簽約"),  # a common place name
    ("于情于理都说不过去", "於情於理都說不過去", "於情於理都説不過去"),  # the parallel phrases of an idiom
    ("于法有据，于情有理", "於法有據，於情有理", "於法有據，於情有理"),  # two short clauses side by side
    ("于大宝说，他会来", "于大寶說，他會來", "于大寶説，他會來"),  # one clause: the name
    ("以致于无人注意", "以致於無人注意", "以致於無人注意"),  # 以致于 is a word: no conjunction before the 于
    ("以便于把水向南输送", "以便於把水向南輸送", "以便於把水向南輸送"),  # 便于 is a word: the 于 is its own
    ("以免于受伤", "以免於受傷", "以免於受傷"),
    ("由于于大宝受伤", "由於于大寶受傷", "由於于大寶受傷"),  # 于于 is no common word
    ("于会议期间，双方签署协议", "於會議期間，雙方簽署協議", "於會議期間，雙方簽署協議"),  # a locative closes it
    ("于大会上发言的代表", "於大會上發言的代表", "於大會上發言的代表"),
    ("于大宝上场后", "于大寶上場後", "于大寶上場後"),  # 上场 is a word: no locative
    ("于强上任后", "于強上任後", "于強上任後"),  # 后 closes a clause of a verb too
    ("他于周一抵达。", "他於週一抵達。", "他於週一抵達。"),  # after a subject: the preposition
    ("对于大家来说", "對於大家來說", "對於大家來説"),
])
def test_yu_opening_a_clause_is_the_surname(source, taiwan, hong_kong):
    assert (convert_text(source, "tw"), convert_text(source, "hk")) == (taiwan, hong_kong)


@pytest.mark.parametrize("source, traditional", [
    ("新建的京沈高铁全线通车", "新建的京瀋高鐵全線通車"),  # Beijing and Shenyang: 沈 is Shenyang's short name
    ("在京沈先生说", "在京沈先生說"),  # 沈先生 is a word: Mr Shen, the surname
    ("在京沈女士说", "在京沈女士說"),  # a form of address after it: Ms Shen
    ("沈女士在京工作", "沈女士在京工作"),
    ("北京沈阳两地", "北京瀋陽兩地"),  # 京 is inside 北京; OpenCC's own 沈阳
])
def test_a_place_short_name_after_another_is_shenyangs(source, traditional):
    assert convert_text(source, "tw") == traditional
    assert convert_text(source, "hk").replace("説", "說") == traditional


def test_a_number_decides_the_measure_word_and_the_metre():
    assert convert_text("测试的12只水瓶", "hk") == "測試的12隻水瓶"  # 只 after a number is the measure word
    assert convert_text("第2只是开始", "tw") == "第2只是開始"  # but 只是 is a word: 'only'
    assert convert_text("200米仰泳和30平方米", "tw") == "200公尺仰式和30平方公尺"  # 仰泳 仰式: Taiwan's word for the stroke
    assert convert_text("200米仰泳", "hk") == "200米仰泳"  # Hong Kong prints 米
    assert convert_text("5米饭", "tw") == "5米飯"
    # a space between the number and the unit, as text translated from English often has it
    assert convert_text("长约 18 英尺（5 米），有 12 只脚和 30 平方米", "tw") == "長約 18 英尺（5 公尺），有 12 隻腳和 30 平方公尺"
    assert convert_text("他买了 2 只是为了送人，吃了 5 米饭", "tw") == "他買了 2 只是為了送人，吃了 5 米飯"
    assert convert_text("第 5 米", "hk") == "第 5 米"
    segments = [Segment("1", 1, 1, Part.BODY, 1, "全长760米。")]
    target = variant.traditional_variant(segments, "tw")
    assert target.texts["1"] == "全長760公尺。"
    assert target.notes["1"] == ("regional vocabulary: 米 → 公尺 (after a number)",)


def test_a_surname_people_share_gets_no_one_persons_rendering():
    # Wikipedia renders 伍德 活特 for one British politician and 伍德 for other people named Wood: no rule; a
    # contested surname still keeps a name's 里 (里德, not the locative 裡德); a surname all agree on applies.
    assert convert_text("伍德说", "tw") == "伍德說"
    assert convert_text("里德说", "tw") == "里德說"
    assert convert_text("普京表示", "tw") == "普丁表示"


def test_a_word_jieba_counts_often_is_common_whatever_its_tag():
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
    import derive_edition_data

    words = derive_edition_data._jieba_words()
    assert words["卫星"][1] == "nr" and derive_edition_data._common("卫星", words)  # mis-tagged: satellite
    assert not derive_edition_data._common("卡拉", words)  # a piece of transliterated names (卡拉哈里)
    longer = derive_edition_data.longer_names(words, {"通信"})
    assert "卫星通信" not in longer and "通信卫星" not in longer and "光通信" in longer  # 光 alone is no common word
    assert "卡拉哈里" in derive_edition_data.longer_names(words, {"哈里"})


def test_the_derivation_leaves_out_a_surname_full_names_render_two_ways(tmp_path):
    import json
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
    import derive_edition_data

    for group, conv in (("A", "zh-cn:约翰·伍德;zh-tw:約翰·活特;"), ("B", "zh-cn:玛丽·伍德;zh-tw:瑪麗·伍德;"),
                        ("C", "zh-cn:安娜·普京;zh-tw:安娜·普丁;")):
        (tmp_path / f"{group}.json").write_text(json.dumps({"rules": [{"conv": conv}]}), encoding="utf-8")
    contested = derive_edition_data._contested_parts(tmp_path)
    assert "伍德" in contested["tw"] and "普京" not in contested["tw"]


def test_a_topic_groups_name_is_taken_only_where_most_groups_give_its_form(tmp_path):
    import json
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
    import derive_edition_data

    for group, conv in (("LuaIT", "zh-cn:比特币;zh-tw:位元幣;"), ("IT", "zh-cn:比特币;zh-tw:比特幣;"),
                        ("PLT", "zh-cn:比特币;zh-tw:比特幣;"), ("A", "zh-cn:阿尔法·罗密欧;zh-tw:愛快·羅密歐;"),
                        ("B", "zh-cn:阿尔法·罗密欧;zh-tw:愛快羅密歐;"), ("C", "zh-cn:洛伦兹;zh-tw:羅倫茲;"),
                        ("D", "zh-cn:洛伦兹;zh-tw:勞侖茲;")):
        (tmp_path / f"{group}.json").write_text(json.dumps({"rules": [{"conv": conv}]}), encoding="utf-8")
    most = derive_edition_data._most_given(tmp_path)["tw"]
    # two groups against one; a tie is no form; the name's dot is no difference
    assert most == {"比特币": "比特幣", "洛伦兹": None}
    # as shipped: LuaIT's 位元幣 is not taken, Transport's 順風 (the Plymouth car) is no rule for the city
    assert convert_text("比特币价格下跌。", "tw") == "比特幣價格下跌。"
    assert convert_text("普利茅斯是英国的港口。", "tw") == "普利茅斯是英國的港口。"
    assert convert_text("普利茅斯是英国的港口。", "hk") == "普利茅斯是英國的港口。"


def test_hong_kong_takes_a_wikipedia_form_only_where_taiwan_shares_it():
    # Wikipedia's zh-hk forms of their own are mostly Cantonese renderings the papers do not print (達禾斯, 燕豪芬,
    # 朗·迪桑提斯); a form Taiwan shares is the Traditional one (北韓, 國際太空站); Taiwan keeps its own forms
    assert convert_text("罗恩·德桑蒂斯在达沃斯发言。", "hk") == "羅恩·德桑蒂斯在達沃斯發言。"
    assert convert_text("球队从埃因霍温飞往密尔沃基。", "hk") == "球隊從埃因霍温飛往密爾沃基。"
    assert convert_text("朝鲜宣布在国际空间站附近试射。", "hk") == "北韓宣布在國際太空站附近試射。"
    assert convert_text("球队从埃因霍温飞往密尔沃基。", "tw") == "球隊從恩荷芬飛往密爾瓦基。"


def test_taiwan_takes_the_vocabulary_cc_cedict_and_a_wikipedia_group_agree_on(tmp_path):
    import gzip
    import json
    import sys

    import opencc

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
    import derive_edition_data

    cedict = tmp_path / "cedict.txt.gz"
    with gzip.open(cedict, "wt", encoding="utf-8") as file:
        file.write("# a comment line\n"
                   "速食 速食 [su4 shi2] /fast food (Tw)/\n"
                   "快餐 快餐 [kuai4 can1] /fast food/snack/\n"
                   "軌域 轨域 [gui3 yu4] /(Tw) orbital/\n"  # the chemistry sense, 轨道's last one
                   "軌道 轨道 [gui3 dao4] /track (for trains etc)/orbit/orbital/\n"
                   "正妹 正妹 [zheng4 mei4] /(Tw) beautiful woman/\n"  # slang: no Wikipedia group agrees
                   "美女 美女 [mei3 nu:3] /beautiful woman/\n"
                   "大眾運輸 大众运输 [da4 zhong4 yun4 shu1] /(Tw) public transportation/\n"
                   "公共交通 公共交通 [gong1 gong4 jiao1 tong1] /public transportation/\n"
                   "塞席爾 塞席尔 [sai1 xi2 er3] /(Tw) Seychelles/\n"
                   "塞舌爾群島 塞舌尔群岛 [sai1 she2 er3 qun2 dao3] /Seychelles/\n")
    for name, conv in (("Food", "zh-cn:快餐;zh-tw:速食;"), ("Chemistry", "zh-cn:轨道;zh-tw:軌域;")):
        (tmp_path / f"{name}.json").write_text(json.dumps({"rules": [{"conv": conv}]}), encoding="utf-8")
    assert derive_edition_data.cedict_taiwan_words(cedict) == {"快餐": {"速食"}, "美女": {"正妹"},
                                                               "公共交通": {"大眾運輸"}, "塞舌尔群岛": {"塞席爾"}}
    # MediaWiki's zh-TW conversion agrees where it rewrites the word in a form ending alike (its 公共運輸), not where
    # its form ends otherwise (the islands 塞席爾群島, CC-CEDICT's country 塞席爾)
    mediawiki = {"公共交通": "公共運輸", "美女": None, "塞舌尔群岛": "塞席爾群島"}.get
    agreed = derive_edition_data.agreed_taiwan_words(cedict, tmp_path, opencc.OpenCC("s2tw"), set(), mediawiki)
    # MediaWiki's own form (GPL) is not quoted in the origin: the shipped data holds none of its text
    assert agreed == {"快餐": ("速食", "CC-CEDICT (Tw) and Wikipedia conversion group Food"),
                      "公共交通": ("大眾運輸", "CC-CEDICT (Tw), and MediaWiki's zh-TW conversion rewrites the word too")}
    shipped = [row for row in layers._rows(layers.DATA / "tw-vocabulary.tsv") if "MediaWiki" in row[3]]
    assert shipped and all(row[3] == agreed["公共交通"][1] for row in shipped)
    assert not (layers.DATA / "LICENSE-GPL-2.0.txt").exists()
    assert derive_edition_data.agreed_taiwan_words(cedict, tmp_path, opencc.OpenCC("s2tw"), {"快餐", "公共交通"},
                                                   mediawiki) == {}
    # the conversion's own answer: a word rewritten (公共交通), only its characters (发布 發布) or nothing (美女)
    assert derive_edition_data.rewritten_in_taiwan("公共交通") == "公共運輸"
    assert derive_edition_data.rewritten_in_taiwan("美女") is None
    assert derive_edition_data.rewritten_in_taiwan("发布") is None
    assert derive_edition_data.default_cedict().is_file()  # what the derivation reads unless told otherwise
    # a CEDICT word holding one of OpenCC's computing terms still counts as one for the software test
    assert variant.about_software("智能手机的闪存盘和鼠标垫都坏了。", "tw")
    # as shipped: Taiwan's words, Hong Kong's left as they were
    assert convert_text("地震的震中在海上，附近的快餐店关门了。", "tw") == "地震的震央在海上，附近的速食店關門了。"
    assert convert_text("地震的震中在海上，附近的快餐店关门了。", "hk") == "地震的震中在海上，附近的快餐店關門了。"


def test_li_before_about_a_quantity_is_the_locative():
    # OpenCC's 里约 (Rio) runs into 约 'about' before a number: 公司里 is 'in the company'
    assert convert_text("公司里约有300名员工", "tw") == "公司裡約有300名員工"
    assert convert_text("公司里约三成", "hk") == "公司裏約三成"
    assert convert_text("里约有很多海滩", "tw") == "里約有很多海灘"


def test_a_title_in_the_name_groups_is_vocabulary_to_the_reviewer():
    segments = [Segment("1", 1, 1, Part.BODY, 1, "苹果首席执行官库克")]
    notes = variant.traditional_variant(segments, "tw").notes["1"]
    assert "regional vocabulary: 首席执行官 → 執行長" in notes


def test_the_federal_reserve_is_each_regions_name_for_it():
    # a sourced correction (scripts/editions/corrections.tsv): Wikipedia's groups have only 联储 and 联储会
    assert convert_text("美联储加息", "tw") == "聯準會升息"  # 加息 升息: Taiwan's word
    assert convert_text("美联储加息", "hk") == "聯儲局加息"
    segments = [Segment("1", 1, 1, Part.BODY, 1, "美联储宣布")]
    assert variant.traditional_variant(segments, "tw").notes["1"] == ("regional name: 美联储 → 聯準會",)


def test_the_variant_forms_of_hui_are_the_standard_one():
    # OpenCC writes 詆譭 and 銷燬; the Ministry of Education's form and Hong Kong's list have 毀
    assert convert_text("诋毁和销毁", "tw") == "詆毀和銷毀"
    assert convert_text("诋毁和销毁", "hk") == "詆毀和銷毀"


def test_taiwan_writes_accounts_with_the_ministrys_zhang():
    # OpenCC's s2tw writes 轉賬, 賬戶; the Ministry of Education's dictionary has 帳 (賬 its variant form); Hong Kong
    # prints 賬 and keeps it
    assert convert_text("他转账到银行账户，账号是123", "tw") == "他轉帳到銀行帳戶，帳號是123"
    assert convert_text("他转账到银行账户", "hk") == "他轉賬到銀行賬户"
    assert convert_text("蚊帐和帐篷", "tw") == "蚊帳和帳篷"


def test_taiwan_writes_the_kindergarten_of_its_2012_law():
    # a sourced correction outranks Wikipedia's Organization group (幼稚園), which Hong Kong keeps
    assert convert_text("她的孩子在社区幼儿园上学", "tw") == "她的孩子在社區幼兒園上學"
    assert convert_text("她的孩子在社区幼儿园上学", "hk") == "她的孩子在社區幼稚園上學"


def test_hong_kong_papers_name_nvidia_their_own_way():
    # a sourced correction outranks the Organization group's 輝達, which is Taiwan's
    assert convert_text("英伟达股价上涨", "hk") == "英偉達股價上漲"
    assert convert_text("英伟达股价上涨", "tw") == "輝達股價上漲"
    segments = [Segment("1", 1, 1, Part.BODY, 1, "英伟达发布新芯片")]
    assert not any("英伟达" in note for note in variant.traditional_variant(segments, "hk").notes.get("1", ()))


def test_disney_is_the_companys_own_name_in_both_regions():
    # a sourced correction: 迪斯尼, an older mainland transliteration, is 迪士尼 in Taipei and Hong Kong
    assert convert_text("他们带孩子去迪斯尼乐园", "tw") == "他們帶孩子去迪士尼樂園"
    assert convert_text("他们带孩子去迪斯尼乐园", "hk") == "他們帶孩子去迪士尼樂園"
    segments = [Segment("1", 1, 1, Part.BODY, 1, "迪斯尼宣布裁员")]
    assert variant.traditional_variant(segments, "hk").notes["1"] == ("regional name: 迪斯尼 → 迪士尼",)
    assert convert_text("迪士尼乐园", "tw") == "迪士尼樂園"  # the company's form is left as it is


def test_taiwan_writes_maduro_as_its_news_agency_does():
    # a sourced correction (CNA: 馬杜洛); Hong Kong papers keep the mainland transliteration
    assert convert_text("马杜罗周二发表讲话", "tw") == "馬杜洛週二發表講話"
    assert convert_text("马杜罗周二发表讲话", "hk") == "馬杜羅週二發表講話"
    segments = [Segment("1", 1, 1, Part.BODY, 1, "马杜罗表示")]
    assert variant.traditional_variant(segments, "tw").notes["1"] == ("regional name: 马杜罗 → 馬杜洛",)


def test_hong_kong_writes_privacy_as_its_ordinance_does():
    # a sourced correction (個人資料（私隱）條例); Taiwan keeps 隱私, inside OpenCC's phrase 个人隐私 too
    assert convert_text("应用程序泄露了个人隐私", "hk") == "應用程序泄露了個人私隱"
    assert convert_text("保护隐私是义务", "hk") == "保護私隱是義務"
    assert convert_text("保护隐私是义务", "tw") == "保護隱私是義務"
    segments = [Segment("1", 1, 1, Part.BODY, 1, "隐私很重要")]
    assert variant.traditional_variant(segments, "hk").notes["1"] == ("regional vocabulary: 隐私 → 私隱",)


def test_taiwan_prints_its_units_for_the_centimetre_and_the_kilogram():
    assert convert_text("每平方厘米有5千克", "tw") == "每平方公分有5公斤"
    assert convert_text("每平方厘米有5千克", "hk") == "每平方釐米有5千克"


_PIECES = ["项目", "一项", "目中", "这一项目", "数据中心", "人工智能", "增加", "纳税", "加纳", "格拉斯哥", "乌云密布",
           "洛克曼", "生死轮回", "归于", "2024年", "谷歌", "DeepMind", "A1", "b", "7", " ", "\r\n", "\n", "，", "。",
           "·", "-", "_", "%", "里约", "城里", "约有", "300", "人", "的", "并为", "客户", "首席执行官", "芯片", "产线", "𠀀"]


@settings(max_examples=200, derandomize=True, deadline=None, database=None)
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=10), st.data())
def test_the_crossing_pre_check_stops_where_no_word_can_start(pieces, data):
    """boundaries._may_cross stops extending a piece once no dictionary word begins with it: the same answer as
    looking every piece up."""
    text = "".join(pieces)
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    every_piece = any(is_word(text[word_start:word_end]) for edge in (start, end) if 0 < edge < len(text)
                      for word_start in range(max(0, edge - 4), edge)
                      for word_end in range(edge + 1, min(len(text), word_start + 5) + 1))
    assert boundaries._may_cross(text, start, end) == every_piece


def test_the_crossing_pre_check_is_asked_once_per_context_of_an_edge():
    """Only the characters a word across an edge can hold decide it: the same phrase among the same neighbours in
    another sentence is not looked up again."""
    boundaries._crossed.cache_clear()
    boundaries._may_cross("今天上午他说软件很好用的啊", 6, 8)
    asked = boundaries._crossed.cache_info().misses
    boundaries._may_cross("昨天上午他说软件很好用的吗", 6, 8)
    assert asked and boundaries._crossed.cache_info().hits == asked


def test_the_crossing_pre_check_reads_on_past_a_prefix_that_is_no_word():
    # 一丘 and 一丘之 are in jieba's dictionary only as prefixes of the idiom 一丘之貉
    assert boundaries._may_cross("一丘之貉", 0, 1) and not boundaries._may_cross("一丘之", 0, 1)


def _whole_window_check(monkeypatch, text, start, end, phrase, name):
    """The word check as it was before stretches: the whole window segmented."""
    with monkeypatch.context() as patched:
        patched.setattr(boundaries, "_words_around", lambda whole, *_: boundaries._words(whole))
        return boundaries._window_check.__wrapped__(text, start, end, phrase, name)


@settings(max_examples=300, derandomize=True, deadline=None, database=None)
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=10), st.data())
def test_a_stretch_is_segmented_as_the_whole_window_segments_it(pieces, data):
    """boundaries._words_around segments only the stretch between places no dictionary word runs across: inside
    that stretch it gives the words that segmenting the whole text gives, and the word check the same answer."""
    text = "".join(pieces)
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    first, last = boundaries._stretch(text, start, end)
    assert first <= start and end <= last

    def inside(found):
        return {word for word in found if first <= word[0] and word[1] <= last}

    assert inside(boundaries._words_around(text, start, end)) == inside(boundaries._words(text))
    phrase, name = data.draw(st.booleans()), data.draw(st.booleans())
    with pytest.MonkeyPatch.context() as monkeypatch:
        assert boundaries._window_check.__wrapped__(text, start, end, phrase, name) == _whole_window_check(
            monkeypatch, text, start, end, phrase, name)


def test_a_stretch_ends_where_no_word_runs_across():
    # the dictionary words 一项, 项目 and 目中 chain 一项目中 together; 这 and the comma stand alone
    text = "他说这一项目中，数据很多"
    assert boundaries._stretch(text, 4, 6) == (3, 7)
    assert boundaries._words_around(text, 4, 6) == ((3, 4), (4, 6), (6, 7))


def test_an_unsettled_or_latin_stretch_is_segmented_with_its_whole_window(monkeypatch):
    text = "他说增加纳税的人变多了"
    whole = boundaries._words(text)
    assert boundaries._words_around(text, 3, 5) != whole  # the stretch alone: 增加纳税
    boundaries._stretch_words.cache_clear()
    monkeypatch.setattr(boundaries, "_NEAR_TIE", 1e9)  # every rival route counts as a tie
    assert boundaries._words_around(text, 3, 5) == whole
    boundaries._stretch_words.cache_clear()
    monkeypatch.undo()
    assert boundaries._words_around("用GPT4o写稿", 1, 5) == boundaries._words("用GPT4o写稿")


def test_settled_words_are_jiebas_and_a_near_tie_or_latin_text_is_not_settled():
    assert settled_dictionary_words("增加纳税人", 1e-9) == [(start, end) for _, start, end in
                                                        dictionary_words("增加纳税人")]
    assert settled_dictionary_words("增加纳税人", 1e9) is None  # 增加/纳税 beat 增/加纳/税 by less than that
    assert settled_dictionary_words("的", 1e9) == [(0, 1)]  # one character: no rival route
    assert settled_dictionary_words("AI芯片", 1e-9) is None  # jieba joins Latin letters its own way
    assert settled_dictionary_words("芯片，", 1e-9) is None  # punctuation is outside jieba's blocks


def test_computing_terms_make_a_text_about_software_only_dense_enough():
    """The software test counts computing terms against all the Han characters of a document, across its lines."""
    terms = "新版操作系统的源代码和数据库服务器都在更新。"
    assert variant.about_software(terms, "tw")
    filler = "\n".join(["今天天气很好，市民们在河边的公园里散步，孩子们在草地上放风筝。"] * 20)  # ~560 Han characters
    assert not variant.about_software(terms + "\n" + filler, "tw")
    assert not variant.about_software("今天天气很好。", "tw")


def test_taiwan_news_vocabulary_of_the_sourced_corrections():
    # found on the newstest part (WMT news), each a correction with its source (scripts/editions/corrections.tsv)
    assert convert_text("今年前7个月进出口总值13.21万亿元人民币。", "tw") == "今年前7個月進出口總值13.21兆元人民幣。"
    assert convert_text("日元汇率走低，云计算企业受益。", "tw") == "日圓匯率走低，雲端運算企業受益。"
    assert convert_text("伊朗发生里氏6.1级地震。", "tw") == "伊朗發生芮氏6.1級地震。"
    assert convert_text("谷歌搜索的搜索结果", "tw") == "Google搜尋的搜尋結果"
    assert convert_text("数字货币和数字经济推动移动支付和人脸识别。", "tw") == "數位貨幣和數位經濟推動行動支付和人臉辨識。"
    assert convert_text("的发动机由运营商在帖子里提到的计算机控制。", "tw") == "的引擎由營運商在貼文裡提到的電腦控制。"
    assert convert_text("福岛核电站附近的乐队在社交平台上发布短视频。", "tw") == "福島核電廠附近的樂團在社群平台上發布短影音。"
    assert convert_text("首艘国产航母的应用程序", "tw") == "首艘國產航艦的應用程式"
    # the words alone in their other senses stay: a number, identifying, moving
    assert convert_text("这个数字很大，识别身份后向南移动。", "tw") == "這個數字很大，識別身分後向南移動。"
    # Hong Kong keeps its own forms
    assert convert_text("13.21万亿元的日元和数字货币", "hk") == "13.21萬億元的日元和數字貨幣"
    assert convert_text("谷歌搜索", "hk") == "谷歌搜索"
    # 云计算, corrected from TWPhrases' 雲端計算, is still one of the computing terms that tell a text about software
    assert variant.about_software("软件、服务器和云计算都坏了。", "tw")


def test_a_source_character_of_the_marks_planes_is_kept_as_it_is():
    # the converter marks each rule with a private-use character of planes 15 and 16: a source's own is no mark
    # (U+F0001 came out as some rule's rendering, U+F2FF7 ended the run with an IndexError)
    assert convert_text("私用字\U000f0001软件和\U000f2ff7\ufffc“引号”", "tw") == "私用字\U000f0001軟體和\U000f2ff7\ufffc「引號」"
    segments = [Segment("1", 1, 1, Part.BODY, 1, "特朗普\U000f0001说")]
    assert variant.respect_boundaries(segments, "tw") == segments
    assert variant.traditional_variant(segments, "tw").texts["1"] == "川普\U000f0001說"


def test_the_neighbours_decide_each_of_their_characters_in_a_run_that_starts_inside_its_sentence():
    """rewrite looks only at the characters it may decide (a class searched from the run's start): each of them in
    the run is still decided, with the run's own offsets, and nothing before the run is."""
    source = "12只。他买了12只水瓶，跑了200米，京沈高铁里约热内卢"
    offset = source.index("他")
    written = variant.convert(source[offset:], "s2tw")
    assert neighbours.rewrite(source, offset, written, "公尺") == (
        "他買了12隻水瓶，跑了200公尺，京瀋高鐵里約熱內盧", ("regional vocabulary: 米 → 公尺 (after a number)",))
    assert neighbours.rewrite(source, offset, written, None)[0] == "他買了12隻水瓶，跑了200米，京瀋高鐵里約熱內盧"


@pytest.mark.parametrize("locale, traditional", [
    ("zh_TW", True), ("zh_HK", True), ("zh_Hant", True), ("zh-Hant-TW", True), ("zh_Hant_MO", True), ("zh-tw", True),
    ("zh_MO", True),  # CLDR: zh-MO is zh-Hant-MO, though no row writes it
    ("zh_CN", False), ("zh_SG", False), ("zh_Hans", False), ("zh_Hans_HK", False), ("zh", False), ("en_TW", False)])
def test_a_locale_is_traditional_by_its_script_or_its_region(locale, traditional):
    assert editions.is_traditional(locale) is traditional


def test_a_new_rows_region_is_traditional_without_touching_the_test_of_it(monkeypatch):
    singapore_hant = replace(editions.HONG_KONG, key="sg-hant", locale="zh_SG", tag="zh-Hant-SG", aliases=())
    monkeypatch.setattr(editions, "NEWSROOM", (*editions.NEWSROOM, singapore_hant))
    assert editions.is_traditional("zh_SG") and not editions.is_traditional("zh_Hans_SG")


def test_how_an_edition_writes_the_metre_is_a_fact_of_its_row(monkeypatch):
    """Taiwan's row says 公尺; a new row that says so gets it without touching the neighbours' code, and a row
    that says nothing keeps 米."""
    assert convert_text("跑了200米，吃米饭", "tw") == "跑了200公尺，吃米飯"
    assert convert_text("跑了200米", "hk") == "跑了200米"
    metric = replace(editions.HONG_KONG, key="hk-metre", metre="米突", aliases=())
    monkeypatch.setitem(editions._BY_NAME, metric.key, metric)
    assert convert_text("跑了200米，吃米饭", metric.key) == "跑了200米突，吃米飯"
    assert not metric.plain and editions.get("plain-s2tw").metre is None
