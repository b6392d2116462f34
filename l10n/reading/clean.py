"""Article or chrome: decides, block by block and whatever the input format, what is the article.

General signals only, no rules for one site:
1. markup context: blocks the reader found inside page furniture (HTML nav, footer, aside, share bars …);
2. short blocks that say what page chrome says (navigation, app download, share and comment widgets,
   WeChat account chrome, related-article lists, rights notices, ICP licence footers), or show its shape
   (counters, timestamps, promotions, code; shapes.py), blocks with no text of their own (an image, a
   lone link, punctuation), lists of links and what a list's heading heads;
3. repetition: a run of blocks that appears again is kept once; a short line a page prints again and
   again is a control; copies of the title are dropped;
4. the article region (region.py): the densest run (flat formats) or element (HTML) of prose. Short lines
   just before it with no links are its header (title, subtitle, byline), credits and attributions close
   it, and a brief keeps every sentence that no chrome separates from it.
Every dropped block is reported with its line and the reason. When the rules leave no article on a page
that has prose, a density-only pass keeps its densest prose and says so (CleanedArticle.fallback).
"""
from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from dataclasses import dataclass

from . import shapes
from ..model import Paragraph, Part, Removal
from ..plumbing.deferred import DeferredPattern
from .readers.base import PageBlock, Page
from .region import NEUTRAL, article_region, members, prose, reads_as_sentence

# Chrome is always short; a long paragraph that mentions 微博 or 评论 is article text.
_CHROME_MAX_CHARS = 40
_NOTICE_MAX_CHARS = 100
_HEADER_MAX_CHARS = 60
_HEADER_MAX_LINES = 6
_HEADING_MAX_CHARS = 30
_CREDIT_REACH = 8  # blocks after the article where its closing credits may stand
_NAME_MAX_CHARS = 12
_TITLE_REACH = 12  # blocks before the text where copied text's title may stand
_TITLE_MIN_CHARS = 6
_BYLINE_REACH = 6  # blocks after the title (pictures aside) where a byline or lead may stand
_MIN_REPEATED_RUN = 2
_LATER_COPIES = 16  # later copies of a block's text that repetition looks at

_CHROME_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("navigation", re.compile(
        r"^[【\[]?(正在阅读|当前位置|您的位置|首页|返回首页|返回顶部|上一篇|下一篇|展开全文|阅读全文|查看原文|阅读原文|轻触阅读原文"
        r"|点击查看|加载更多|查看更多|展开更多|打开APP|打开App|原文链接|原文地址)[】\]]?[:：>》 ]?.{0,30}$"
        r"|^(返回|回到)\S{1,8}?[，,、\s]*(查看|阅读|浏览)更多", re.I)),
    ("app download", re.compile(r"(扫一扫|扫码|下载|打开|安装).{0,12}(APP|客户端)|^下载.{1,12}$"
                                r"|^(扫码|扫描二维码|长按|识别二维码).{0,20}(订阅|关注|下载|阅读|加入|进群|入群|添加|领取)", re.I)),
    ("share widget", re.compile(
        r"^(分享到?|分享至|转发|微信|微博|微信公众号|公众号|朋友圈|QQ空间|QQ好友|复制链接|收藏|点赞|举报|字号|打印|小字号|大字号)"
        r"([:：]\s*\S{0,8})?$|^分享(到|至)\S{0,10}$", re.I)),  # 分享到：微博 (copied text joins a label to its value)
    ("comments widget", re.compile(r"^(评论|发表评论|全部评论|网友评论|热门评论|最新评论|写评论|评论区|留言)"
                                   r"\s*[(（]?\d*[)）]?$")),
    ("empty-comment notice", re.compile(r"暂无评论|还没有评论|快来(评论|评价|抢沙发)|抢沙发|说点什么吧")),
    ("related-articles list", re.compile(
        r"^(相关阅读|相关文章|相关新闻|相关推荐|推荐阅读|热门推荐|延伸阅读|猜你喜欢|更多精彩|热门文章|热门新闻|更多阅读"
        r"|前情回顾|往期回顾|往期推荐|往期精选|往期\s*[·・]\s*推荐|为您推荐|大家都在看|(您|你)?可能感兴趣的?\S{0,3}"
        r"|友情链接|相关(搜索|资讯|话题|专题)|\S{0,3}(最热|最新|最近|热门|精彩|更多)\S{0,2}(文章|资讯|新闻|推荐))"
        r"([:：·・|]\s*\S.{0,20})?$")),
    ("WeChat account chrome", re.compile(
        r"预览时标签不可点|微信扫一扫|关注该公众号|继续滑动看下一个|向上滑动看下一个|轻点两下取消|使用小程序|使用完整服务"
        r"|^(在看|赞|分享|留言|收藏|视频|小程序|知道了|取消|允许|取消允许|分析|×)$|点击.{0,4}蓝字.{0,6}关注"
        r"|^点[个亮一下]{0,3}[“\"]?(在看|赞)")),
    ("scan prompt", re.compile(r"^[^。！？]{0,12}(扫描二维码|扫一扫|扫码|长按识别|识别二维码)[^。！？]{0,16}$")),
    ("end mark", re.compile(r"^(the\s*)?end$", re.I)),  # -END-, - THE END -
    ("counter or control", re.compile(r"^([+＋]\s*(\d{1,6}|[\u3400-\u9fff]{1,3})|超大|特大|标准|图集|A[+-])$")),  # +1, +关注
    ("login menu", re.compile(r"^(登录|注册|登录注册|登录/注册|退出|个人中心|创作中心|搜索)$")),
    ("follow prompt", re.compile(r"^(关注我们|关注公众号|分享让更多人看到|点击.{0,6}关注)")),
    ("date line", re.compile(r"^(发布时间\s*[:：]?\s*)?\d{4}[-/年.]\d{1,2}[-/月.]\d{1,2}日?"
                             r"(\s*\d{1,2}[:：时]\d{2}([:：分]\d{2})?秒?)?(\s+(来源|稿源)\s*[:：]\s*\S{1,20})?$")),
    ("page template field", re.compile(r"^(IP属地|所属地|阅读量|浏览量|阅读数|本文已被查看)\s*[:：]?\s*\S*\s*(次)?$"
                                       r"|^(标签|关键词|关键字|tags?)\s*[:：]?(\s*\S+){0,6}$", re.I)),
    ("contact details", re.compile(r"^[^，。]{0,12}(热线|电话|邮箱|微信|代号|QQ群?)[:：\s]\s*[\w@.\-]{3,}$")),
    ("source tag line", re.compile(r"^来自\S{1,10}$")),
    ("edition line", re.compile(r"^《\s*\S{2,10}\s*》\s*[（(]\s*\d{4}\s*年.{0,20}版\s*[）)]$")),
)
_NOTICE_RULES = (
    ("rights notice", re.compile(r"本文为转载|转载内容|授权事宜|版权所有|转载请注明|如若转载|本文由.{1,20}原创发布|版权归.{0,10}所有"
                                 r"|未经.{0,8}(授权|允许|许可|同意).{0,10}(禁止|不得|严禁)|(禁止|严禁|谢绝)\S{0,4}转载|免责声明"
                                 r"|copyright|all rights reserved|©", re.I)),
    ("disclaimer", re.compile(r"本文内容收集自|不对其真实性|仅供参考|不代表本(站|平台|网|刊)|观点仅代表作者本人"
                              r"|(仅|只)提供信息(存储|发布)(空间)?服务|information storage service", re.I)),
    ("contact details", re.compile(r"^(商务合作|合作电话|合作微信|投稿邮箱)")),
    ("author box", re.compile(r"^(作者|笔者)\s*\S{1,20}?\s*[，,]\s*(为|是|系|现任|曾任)")),
    ("WeChat account chrome", re.compile(r"^(微信号|功能介绍)([:：\s]|$)")),  # the account's profile card
    ("site footer (ICP licence)", re.compile(r"ICP[备证]|公网安备|网安备|互联网新闻信息服务许可|违法和不良信息举报")),
)
_BULLET = re.compile(r"^[•●▪◦◆■►▶ㆍ·]\s*")
_HAN = re.compile(r"[\u3400-\u9fff]")
_LABEL_ONLY = re.compile(r"[:：]\s*$")
_PROSE_CLOSE = re.compile(r"[。；;][”」』’）)]*$")
_BYLINE = re.compile(
    r"^(文|作者|撰文|记者|特约记者|编辑|来源|出品|策划|采写|整理|编译|原创)\s*[|｜丨:：/]"
    r"|^[^，。,]{0,20}记者\s*[|｜丨]?\s*[^，。,]{1,20}$|^\S{1,12}(编译|整理|撰文|报道)$"
    r"|^[\u3400-\u9fff·]{2,4}(?:\s*/\s*\S{2,12})?$")  # a bare name, name/outlet
_LIST_HEADINGS = {"related-articles list", "comments widget"}
_LIST_HEADING_MIN_CHARS = 4
_MENU_REASONS = {"navigation", "list of links", "login menu", "related-articles list"}
_BARE_NAME = DeferredPattern(r"^[\u3400-\u9fff·]{2,4}$")
_ATTRIBUTION = re.compile(r"^[（(]?(来源|稿源|原标题|原题|参考资料|参考文献|感谢)")
_ASKS = re.compile(r"[？?][”」』’）)]*$")
_LEAD_PUNCTUATION = re.compile(r"[，。；！？]")
# Credits belong to the article: who took the pictures, who edited, produced, supervised or checked it.
_EDITOR_CREDIT = re.compile(r"^[*※\[【(（]?\s*([^\s:：]{1,4}[:：]\s*\S{1,20}\s+)?"  # 本文来源：…, 作者：未知 before it
                            r"(责任编辑|责编|编辑|编审|审校|校对|审核|监制|统筹|策划|出品|制作|美编|主编|终审|初审|复审)"
                            r"\s*[|｜丨:：/]")
_CREDIT = re.compile(rf"^[*※]?\s*(图片来源|图源|图片|摄影|配图|视频来源|题图)\s*[|｜丨:：/]|{_EDITOR_CREDIT.pattern}")
_CAPTION = re.compile(r"^[*※▲△↑]\s*")
_PROSE_END = re.compile(r"[。；;！!？?][”」』’）)]*$")  # also inside a closing quote: 他说：“……。”
_WORD_CHAR = re.compile(r"[\w\u3400-\u9fff]")
_URL = re.compile(r"^(https?:)?//\S+$")
_TITLE_SUFFIX = re.compile(r"\s*[|｜_\-—–]\s*[^|｜_\-—–]{1,30}$")

_SHORT_PAGE_BLOCKS = 6  # a brief: a few short paragraphs, where the densest region is no evidence
_SHORT_PAGE_PROSE = 600


@dataclass(frozen=True)
class CleanedArticle:
    paragraphs: tuple[Paragraph, ...]
    removed: tuple[Removal, ...]
    fallback: str = ""  # how cleaning found the article when its rules left none; "" when they did not


DENSITY_FALLBACK = "density only: every block looked like page chrome, so the densest prose was kept"


def clean(page: Page) -> CleanedArticle:
    """The article by the rules below; when they rule out every block of a page that has prose (a theme that
    names its article container like furniture, an article inside a link), a density-only pass: the page's
    densest prose, judged by nothing but its characters, rather than no article at all."""
    article = _extract(page, block_reason, rules=True)
    if article.paragraphs or not any(prose(block) for block in page.blocks if block.context != "code block"):
        return article
    return dataclasses.replace(_extract(page, _invisible_reason, rules=False), fallback=DENSITY_FALLBACK)


def _extract(page: Page, judge: Callable[[PageBlock], str | None], rules: bool) -> CleanedArticle:
    """judge says why one block is chrome on its own; rules adds what the page's other blocks say (the
    publisher's name, link lists, repeated copies)."""
    blocks = page.blocks
    removed: dict[int, str] = {}
    for index, block in enumerate(blocks):
        reason = judge(block)
        if reason:
            removed[index] = reason
    if rules:
        if page.format == "text":  # markup tells a list's items apart elsewhere; flat text has its shapes
            texts = [block.plain for block in blocks]
            for index in shapes.code_runs(texts):
                removed.setdefault(index, "code block")
            for index in shapes.repeated_controls(texts):
                removed.setdefault(index, "repeated control")
        if page.format == "html":
            _mark_headed_boxes(blocks, removed)
        else:
            _mark_listed_items(blocks, removed)
        _mark_publisher(blocks, removed, page.metadata.get("site", ""))
        _mark_link_lists(blocks, removed)
        _mark_repeated_copies(blocks, removed)
    title = _find_title(blocks, removed, page.metadata.get("title", ""))
    region = article_region(blocks, removed, page.format == "text", _is_editor_credit)
    lead = _brief_reach(blocks, removed, region) if region else set()
    if title is None and page.format == "text" and region:
        title = _flat_title(blocks, removed, min(region | lead))  # a brief's title stands over its first sentence
    edges = _edges(blocks, removed, region, title, flat=page.format == "text")
    if title is not None:
        for index, block in enumerate(blocks):
            if index != title and index not in removed and _same_title(block.plain, blocks[title].plain):
                removed[index] = f"title repeated (kept line {blocks[title].line})"
    outside = [index for index in range(len(blocks))
               if index not in removed and index not in region and index not in edges and index != title]
    for index in outside:
        if index in lead or page.format == "html" and _is_editor_credit(blocks[index]):
            continue
        if not rules:
            removed[index] = "outside the densest prose"
        else:
            removed[index] = "outside the article" if page.format == "html" else (
                "before the article" if index < min(region) else "after the article")
    kept = [index for index in range(len(blocks)) if index not in removed]
    parts = _parts(blocks, kept, title, flat=page.format == "text")
    paragraphs = tuple(Paragraph(number, parts[index], blocks[index].text, blocks[index].line,
                                 blocks[index].end_line, blocks[index].spans, blocks[index].level)
                       for number, index in enumerate(kept, start=1))
    removals = tuple(Removal(blocks[index].line, removed[index], _shown(blocks[index])) for index in sorted(removed))
    return CleanedArticle(paragraphs, removals)


def _invisible_reason(block: PageBlock) -> str | None:
    """What the density-only pass rules out: code, and blocks with nothing to read."""
    return block.context if block.context == "code block" else _nothing_to_read(block)


def _nothing_to_read(block: PageBlock) -> str | None:
    if not _WORD_CHAR.search(block.plain):
        return "image" if block.images else "no text (punctuation or markup only)"
    return None


def _brief_reach(blocks: list[PageBlock], removed: dict[int, str], region: set[int]) -> set[int]:
    """A brief (a region of a few short paragraphs) may lose a block only on evidence that it is chrome, never
    because it falls outside the densest region: a short first paragraph with a source link or bold text, a
    closing sentence too short to count as prose. So every block that reads as a sentence, from the region
    each way up to the first block ruled out as chrome (and in HTML, inside the element around the
    region's), is the article's."""
    counted = [prose(blocks[index]) for index in region]
    if sum(map(bool, counted)) > _SHORT_PAGE_BLOCKS or sum(counted) > _SHORT_PAGE_PROSE:
        return set()
    around = _element_around(blocks, region)
    reach: set[int] = set()
    for index, step in ((max(region) + 1, 1), (min(region) - 1, -1)):
        while 0 <= index < len(blocks) and (around is None or around in blocks[index].container):
            if index in removed and removed[index] not in NEUTRAL:
                break
            if index not in removed and reads_as_sentence(blocks[index]):
                reach.add(index)
            index += step
    return reach


def _element_around(blocks: list[PageBlock], region: set[int]) -> int | None:
    """HTML: the element around the one that holds the region; None for flat formats."""
    containers = [blocks[index].container for index in region]
    shared = 0
    while containers and all(len(c) > shared for c in containers) \
            and len({c[shared] for c in containers}) == 1:
        shared += 1
    return containers[0][shared - 2] if containers and shared >= 2 else None


def _shown(block: PageBlock) -> str:
    """What a removal report quotes: the text, else what the block points at (an image's source)."""
    return block.plain or " ".join(span.target for span in block.spans if span.target) or "(nothing visible)"


def block_reason(block: PageBlock) -> str | None:
    """Why one block, on its own, is chrome; None when it may be article text."""
    if block.context:
        return block.context
    text = block.plain
    if empty := _nothing_to_read(block):
        return empty
    if _URL.match(text):
        return "bare link"
    for reason, pattern in _NOTICE_RULES:
        if len(text) <= _NOTICE_MAX_CHARS and pattern.search(text):
            return reason
    if shapes.is_promotion(text):
        return "promotion"
    if len(text) > _CHROME_MAX_CHARS:
        return None
    core = shapes.undecorated(text)  # ▼ 往期推荐 ▼ says what 往期推荐 says
    for reason, pattern in _CHROME_RULES:
        if pattern.search(text) or core != text and pattern.search(core):
            return reason
    if shapes.is_timestamp_line(text):
        return "date line"
    if shapes.is_counter(text):
        return "counter or control"
    return None


def _mark_publisher(blocks: list[PageBlock], removed: dict[int, str], site: str) -> None:
    """The publishing account's name on its own line, and its "about us" box with everything after it."""
    name = re.sub(r"\s+", "", site)
    if not name:
        return
    about: int | None = None
    for index, block in enumerate(blocks):
        text = re.sub(r"\s+", "", block.plain)
        if text == name:
            removed.setdefault(index, "publisher's name")
        elif about is None and len(text) >= 4 and re.fullmatch(r"关于(我们|\S{2,})", text) \
                and name.startswith(text[2:]):
            about = index
    if about is not None:
        for index in range(about, len(blocks)):
            removed.setdefault(index, "about the publisher")


def _is_headline_item(block: PageBlock) -> bool:
    """A list item that does not end like a sentence of prose and is a link, or is bulleted in plain
    text: a link to another article."""
    text = block.plain
    if _PROSE_END.search(text):
        return False
    linked = block.link_chars >= 0.5 * len(_WORD_CHAR.findall(text))
    return linked or (block.part is Part.BODY and bool(_BULLET.match(text)))


def _mark_link_lists(blocks: list[PageBlock], removed: dict[int, str]) -> None:
    """Headline lists are links to other articles, and so is the short tag line that heads one."""
    for index, block in enumerate(blocks):
        if index in removed or not _is_headline_item(block):
            continue
        removed[index] = "related-articles list" if _BULLET.match(block.plain) else "list of links"
        previous = index - 1
        if previous >= 0 and previous not in removed and _BULLET.match(block.plain) \
                and blocks[previous].part is Part.BODY:
            heading = blocks[previous].plain
            if len(heading) <= _HEADING_MAX_CHARS and not re.search(r"[。！？!?，,：:]", heading):
                removed[previous] = "related-articles list"


def _mark_listed_items(blocks: list[PageBlock], removed: dict[int, str]) -> None:
    """Markdown and flat text: what follows a related-articles or comments heading is its list (headlines,
    teasers, a headline and its teaser on one line, comments) up to two lines in a row without prose: a box
    of bare headlines inside an article loses its heading only, and the article's paragraphs after it stay.
    Each block is looked at once, however many headings a page repeats."""
    first = {block.plain: index for index, block in reversed(list(enumerate(blocks)))}  # where each text first stands
    reached = 0
    for heading in sorted(index for index, reason in removed.items() if reason in _LIST_HEADINGS):
        if len(blocks[heading].plain) < _LIST_HEADING_MIN_CHARS or heading < reached:
            continue  # 评论, 留言: as often a button in a share bar (分享 微博 评论 图集) as a list's heading
        quiet = 0
        for index in range(heading + 1, len(blocks)):
            reached = index
            quiet = 0 if prose(blocks[index]) else quiet + 1
            if quiet >= 2:
                break
            original = first[blocks[index].plain]
            if index not in removed and (original == index or original in removed):  # copies of text: repeats
                removed[index] = removed[heading]


def _mark_headed_boxes(blocks: list[PageBlock], removed: dict[int, str]) -> None:
    """HTML: an element that opens with a related-articles or comments heading is that list, all of it (a
    comment's sentences, a teaser's), when it holds less than half of the page's prose or other chrome
    (counters, links, repeats) says it is a list: an article box that a channel's name (评论) heads is none."""
    boxes = members(blocks)
    page_prose = sum(map(prose, blocks))
    for heading in [index for index, reason in removed.items() if reason in _LIST_HEADINGS]:
        for element in reversed(blocks[heading].container[:-1]):
            box = boxes[element]
            if box[0] != heading:
                break
            if len(box) > 1:
                listed = any(index != heading and removed.get(index, "date line") not in NEUTRAL for index in box)
                if listed or 2 * sum(prose(blocks[index]) for index in box) < page_prose:
                    for index in box:
                        if not _is_editor_credit(blocks[index]):  # a template's credits box may sit in it
                            removed.setdefault(index, removed[heading])
                break


def _mark_repeated_copies(blocks: list[PageBlock], removed: dict[int, str]) -> None:
    """Scraped pages often carry the article twice; keep the first copy of every repeated run of blocks.

    A run is a sequence of at least two consecutive kept blocks that appears again later. A single
    repeated block is no sign of chrome by itself (a signature line that closes two letters): copies
    outside the article region go with the region, copies of the title go as copies of the title.
    """
    candidates = [index for index in range(len(blocks)) if index not in removed]
    runs = sorted(_repeated_runs([blocks[index].plain for index in candidates]),
                  key=lambda run: (-run[0], run[2]))
    dropped: set[int] = set()
    for length, i, j in runs:
        original, copy = range(i, i + length), range(j, j + length)
        if any(k in dropped for k in original) or any(k in dropped for k in copy):
            continue
        dropped.update(copy)
        first, last = blocks[candidates[i]].line, blocks[candidates[i + length - 1]].line
        for k in copy:
            removed[candidates[k]] = f"repeated copy of lines {first}-{last}"


def _repeated_runs(texts: list[str]) -> list[tuple[int, int, int]]:
    """(length, i, j) for every longest run of at least two texts starting at i that starts again at j > i,
    cut short where it would overlap its copy.

    Runs are followed one offset j - i at a time, from the last text back, keeping one row of run lengths
    per position: time and memory grow with the texts, not with the pairs of equal ones. A text is
    compared with its next _LATER_COPIES copies only, so a page of thousands of identical lines costs
    what a page of distinct ones costs; a page repeats its article a few times, never that many.
    """
    positions: dict[str, list[int]] = {}
    for k, text in enumerate(texts):
        positions.setdefault(text, []).append(k)
    rank = [0] * len(texts)
    for found in positions.values():
        for order, k in enumerate(found):
            rank[k] = order
    runs: list[tuple[int, int, int]] = []
    following: dict[int, int] = {}  # offset → length of the run of equal texts at position i + 1 and i + 1 + offset

    def close(lengths: dict[int, int], i: int, continued: dict[int, int]) -> None:
        for offset, length in lengths.items():
            if offset not in continued and min(length, offset) >= _MIN_REPEATED_RUN:
                runs.append((min(length, offset), i, i + offset))

    for i in range(len(texts) - 1, -1, -1):
        copies = positions[texts[i]]
        here = {j - i: following.get(j - i, 0) + 1 for j in copies[rank[i] + 1:rank[i] + 1 + _LATER_COPIES]}
        close(following, i + 1, here)  # a run at i + 1 that does not go on back to i starts there
        following = here
    close(following, 0, {})
    return runs


def _comparable_title(text: str) -> str:
    return "".join(text.split())  # without white space (str.split's is the regular expressions' \s)


def _same_title(text: str, title: str) -> bool:
    """The title, or the title with the site's name after a separator ("… | 极客早知道", "…-新华网"). Taking
    the site's name off leaves the start of a text, so that is only tried on a text that starts with the other:
    every block of a page is compared with its title."""
    text, title = _comparable_title(text), _comparable_title(title)
    if not text or not title:
        return False
    if text == title:
        return True
    if text.startswith(title):
        return _TITLE_SUFFIX.sub("", text) == title
    return title.startswith(text) and _TITLE_SUFFIX.sub("", title) == text


def _find_title(blocks: list[PageBlock], removed: dict[int, str], title: str) -> int | None:
    """The heading that is the article's title: the first one the page's metadata names, else the
    first top-level heading. Flat text has no headings: its title comes with the header."""
    headings = [index for index, block in enumerate(blocks) if block.part is Part.HEADING and index not in removed]
    if title:
        for index in headings:
            if _same_title(blocks[index].plain, title):
                return index
        for index, block in enumerate(blocks):
            if index not in removed and _same_title(block.plain, title):
                return index
        for index, block in enumerate(blocks):  # a theme may print the headline in a band named like furniture
            if block.part is Part.HEADING and removed.get(index) == block.context != "" \
                    and _same_title(block.plain, title):
                del removed[index]
                return index
    top = [index for index in headings if blocks[index].level == 1]
    return top[0] if len(top) == 1 else None


def _dated(index: int, removed: dict[int, str]) -> bool:
    """A date line under the line, or under the line and one more, unless that one opens a widget: the times
    in a comments list (热门评论 / 风子 3小时前) date the comments, not the line above them."""
    if removed.get(index + 1) == "date line":
        return True
    return removed.get(index + 2) == "date line" and removed.get(index + 1) not in _LIST_HEADINGS


def _flat_title(blocks: list[PageBlock], removed: dict[int, str], first: int) -> int | None:
    """Copied text has no <h1>: its title is a headline-shaped line before the text, across the header's
    byline, counters and share buttons, or the text's own first line: the nearest one that a date line
    follows (a title over its date bar), else the nearest before the text, else the first line. A copy of the
    title further up, in a "now reading" bar or a breadcrumb, is not it."""
    candidates = []
    for index in range(first - 1, max(-1, first - 1 - _TITLE_REACH), -1):
        if index in removed:
            continue
        if _is_headline(blocks[index].plain):
            candidates.append(index)
        elif prose(blocks[index]):
            break  # a paragraph outside the article: the header is behind us
    if _is_headline(blocks[first].plain):
        candidates.append(first)  # the text's own first line, when nothing before it is a title
    dated = [index for index in candidates if _dated(index, removed)]
    if not dated and len(candidates) > 1 and candidates[1] == candidates[0] - 1 \
            and _ASKS.search(blocks[candidates[0]].plain):
        return candidates[1]  # a question right under a headline opens the text (为什么会这样？), it is no title
    return (dated or candidates or [None])[0]


def _is_headline(text: str) -> bool:
    # A headline is one sentence at most: a full stop inside it makes a paragraph of several.
    return _TITLE_MIN_CHARS <= len(text) <= _HEADER_MAX_CHARS and not _PROSE_CLOSE.search(text) \
        and "。" not in text \
        and not _BULLET.match(text) and len(_HAN.findall(text)) * 2 >= len(text.replace(" ", "")) \
        and not _CREDIT.search(text) and not _BYLINE.search(text) and not _ATTRIBUTION.search(text)


def _edges(blocks: list[PageBlock], removed: dict[int, str], region: set[int], title: int | None,
           flat: bool) -> set[int]:
    """What opens and closes an article outside its densest prose.

    Before it: short link-free blocks right before it, across pictures, up to the first block ruled out
    (title, subtitle, section labels, byline); a kicker heading right above a known title; and, just
    after that title, bylines and a lead paragraph, across pictures and account chrome. After it: attributions and credits (（来源：…）, 图片来源：…,
    感谢 …); in plain text, which has no markup to tell a promotion from a closing line, any short line.
    """
    if not region:
        return set()
    first, last = min(region), max(region)
    edges: set[int] = set()
    index, taken = first - 1, 0
    while index > (-1 if title is None else title) and taken < _HEADER_MAX_LINES:  # no header above the title
        block = blocks[index]
        if removed.get(index) == "image":  # pictures sit between a title and its text
            index -= 1
            continue
        if index in removed or _not_header(block):
            break
        edges.add(index)
        index -= 1
        taken += 1
    if title is not None and title > 0 and title - 1 not in removed and blocks[title - 1].part is Part.HEADING \
            and title - 1 not in region:
        edges.add(title - 1)  # a kicker printed above the headline (引题)
    if title is not None and title < first:
        after_title = [index for index in range(title + 1, first) if removed.get(index) != "image"]
        for index in after_title[:_BYLINE_REACH]:
            block = blocks[index]
            if index not in removed and not _not_header(block) and (
                    _is_byline(blocks, removed, index, blocks[title].plain) or _LEAD_PUNCTUATION.search(block.plain)):
                edges.add(index)
    index = last + 1
    while index < len(blocks) and index - last <= _HEADER_MAX_LINES:
        block = blocks[index]
        if removed.get(index) == "image":
            index += 1
            continue
        if index in removed or _not_header(block) or not (
                flat and len(block.plain) <= _HEADER_MAX_CHARS
                or _ATTRIBUTION.search(block.plain) or _CREDIT.search(block.plain)):
            break
        edges.add(index)
        index += 1
    edges |= _closing_credits(blocks, removed, index)
    return edges


def _is_editor_credit(block: PageBlock) -> bool:
    """A page names the editors of its one article, even where its template prints them apart from the text
    (a box beside it): outside furniture, such a line is the article's."""
    return not block.context and not block.link_chars and len(block.plain) <= _HEADER_MAX_CHARS \
        and bool(_EDITOR_CREDIT.search(block.plain))


def _closing_credits(blocks: list[PageBlock], removed: dict[int, str], start: int) -> set[int]:
    """Credit lines and attributions (原标题：…, 参考资料) that close the article past what a template prints
    between (a disclaimer, an edition line, a 纠错 link, tags): up to the first paragraph of prose that is
    not ruled out."""
    credits: set[int] = set()
    for index in range(start, min(len(blocks), start + _CREDIT_REACH)):
        text = blocks[index].plain
        if index - 1 in credits and _LABEL_ONLY.search(blocks[index - 1].plain) and len(text) <= _NAME_MAX_CHARS:
            credits.add(index)  # 责任编辑: on one line of a copy, the name on the next
            removed.pop(index, None)
        elif len(text) <= _NOTICE_MAX_CHARS and (_CREDIT.search(text) or _ATTRIBUTION.search(text)) \
                and not blocks[index].context:
            credits.add(index)
            removed.pop(index, None)
        elif index not in removed and prose(blocks[index]):
            break
    return credits


def _is_byline(blocks: list[PageBlock], removed: dict[int, str], index: int, title: str) -> bool:
    """A byline paragraph; a bare name counts only standing alone, not as one word of a menu."""
    block = blocks[index]
    if block.part is not Part.BODY or not _BYLINE.search(block.plain):
        return False
    if not _BARE_NAME.match(block.plain):
        return True
    for neighbour in (index - 1, index + 1):
        if not 0 <= neighbour < len(blocks) or _same_title(blocks[neighbour].plain, title):
            continue
        if removed.get(neighbour) in _MENU_REASONS:
            return False
        text = blocks[neighbour].plain
        if neighbour not in removed and len(text) <= _HEADING_MAX_CHARS and not _LEAD_PUNCTUATION.search(text):
            return False
    return True


def _not_header(block: PageBlock) -> bool:
    return bool(block.link_chars or len(block.plain) > _HEADER_MAX_CHARS * 3 or block.container and block.context)


def _is_heading(text: str) -> bool:
    return len(text) <= _HEADING_MAX_CHARS and not re.search(r"[。，,；;：:]", text)


def _parts(blocks: list[PageBlock], kept: list[int], title: int | None, flat: bool) -> dict[int, Part]:
    """Title, subtitle, byline and credits open the article; short unpunctuated lines after them are
    headings in flat text; structured formats say what their blocks are."""
    parts: dict[int, Part] = {}
    in_header = True
    seen: set[Part] = set()
    for position, index in enumerate(kept):
        block = blocks[index]
        text = block.plain
        short = len(text) <= _HEADER_MAX_CHARS
        if in_header and (position >= _HEADER_MAX_LINES or not short):
            in_header = False
        if index == title or title is None and in_header and Part.TITLE not in seen \
                and block.part in (Part.BODY, Part.HEADING):
            part = Part.TITLE
        elif block.part is not Part.BODY:
            part = block.part
        elif short and Part.BODY in seen and _CREDIT.search(text):  # 编辑：… after the text credits it
            part = Part.CREDIT
        elif short and _BYLINE.search(text) and (in_header or not _BARE_NAME.match(text)):
            part = Part.BYLINE
        elif short and _CREDIT.search(text):
            part = Part.CREDIT
        elif flat and in_header and Part.SUBTITLE not in seen and Part.BYLINE not in seen and Part.TITLE in seen:
            part = Part.SUBTITLE
        elif short and _CAPTION.match(text):
            part = Part.CAPTION
        elif flat and _is_heading(text):
            part = Part.HEADING
        else:
            part = Part.BODY
        parts[index] = part
        seen.add(part)
    return parts
