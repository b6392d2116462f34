"""HTML pages whose article the best-scoring element holds only part of, in the shapes issue 20 names: an
encyclopedia entry that kept one section, a travel explainer that dropped its list of attractions, a long
article that kept its first four sentences. No page loses most of its prose."""
from pathlib import Path

from l10n.text import placeholders
from l10n.reading.ingest import parse_article

SENTENCES = [
    "故宫是中国明清两代的皇家宫殿，旧称紫禁城，位于北京中轴线的中心。",
    "它以三大殿为中心，占地面积约72万平方米，建筑面积约15万平方米。",
    "永乐四年，明成祖朱棣下诏以南京皇宫为蓝本，开始营建北京宫殿。",
    "清朝入关后，故宫继续作为皇宫使用，历经多次重修和扩建。",
    "1925年，故宫博物院正式成立，向公众开放。",
    "1987年，故宫被联合国教科文组织列为世界文化遗产。",
    "宫殿建筑均为木结构、黄琉璃瓦顶、青白石底座，饰以金碧辉煌的彩画。",
    "外朝以太和殿、中和殿、保和殿三大殿为中心，是皇帝举行大典的地方。",
    "内廷以乾清宫、交泰殿、坤宁宫后三宫为中心，是皇帝和后妃居住的地方。",
    "故宫博物院收藏的文物达186万余件，其中珍贵文物占九成以上。",
]
LINKED = ["紫禁城", "北京", "朱棣", "南京", "联合国教科文组织", "太和殿", "乾清宫", "文物"]


def _linked(sentence: str) -> str:
    for word in LINKED:
        sentence = sentence.replace(word, f'<a href="/item/{word}">{word}</a>')
    return sentence


def _kept(page: str) -> str:
    document = parse_article(page, Path("page.html"))
    return "\n".join(placeholders.strip(p.text) for p in document.paragraphs)


def test_an_encyclopedia_entry_keeps_every_section():
    # sections flat in the entry's box, their text full of links; twenty references at the end of the same
    # box outweighed every section together, and the best element was a single paragraph
    sections = ["历史沿革", "建筑布局", "馆藏文物", "文化价值", "旅游信息"]
    paragraphs = [SENTENCES[(2 * n + k) % 10] + SENTENCES[(2 * n + k + 3) % 10] for n in range(5) for k in range(2)]
    body = "".join(
        f'<div class="para-title"><h2>{title}</h2><a href="/edit">编辑</a></div>'
        + "".join(f'<div class="para">{_linked(text)}</div>' for text in paragraphs[2 * n:2 * n + 2])
        + f'<div class="lemma-picture"><img src="/p{n}.jpg"><span>{title}示意图</span></div>'
        for n, title in enumerate(sections))
    references = "".join(f'<li><a href="https://ref{n}.example.com">故宫博物院官方网站：关于故宫的第{n}篇参考资料</a>'
                         f" 2019-0{n % 9 + 1}-01</li>" for n in range(20))
    catalog = "".join(f'<li><a href="#{n}">{n + 1} {title}</a></li>' for n, title in enumerate(sections))
    page = (f'<html><head><title>故宫_百科</title></head><body><div class="header"><a href="/">首页</a></div>'
            f'<div class="main-content"><h1>故宫</h1><div class="summary">{_linked(SENTENCES[0])}</div>'
            f'<div class="catalog"><ol>{catalog}</ol></div>{body}'
            f'<div class="reference"><h2>参考资料</h2><ol>{references}</ol></div></div>'
            f'<div class="side"><ul>' + "".join(f'<li><a href="/i{n}">天坛{n}</a></li>' for n in range(10))
            + "</ul></div></body></html>")
    kept = _kept(page)
    assert all(text in kept for text in paragraphs) and all(title in kept for title in sections)
    assert "参考资料：关于故宫的第3篇" not in kept and "天坛" not in kept


def test_a_travel_explainer_keeps_its_list_of_attractions():
    # each attraction a card with a linked name and a rating bar: the cards together scored below the intro
    attractions = [("故宫博物院", "明清两代的皇家宫殿，现存规模最大的古代木构建筑群，建议预留半天时间参观。"),
                   ("八达岭长城", "明长城中保存最好的一段，也是最早向游人开放的长城景区，春秋两季景色最佳。"),
                   ("颐和园", "清代皇家园林，以昆明湖和万寿山为基址，被誉为皇家园林博物馆。"),
                   ("天坛公园", "明清两代皇帝祭天祈谷的场所，祈年殿是北京的标志性建筑之一。"),
                   ("圆明园遗址公园", "清代大型皇家园林遗址，西洋楼遗址的残垣断壁令人感慨万千。"),
                   ("恭王府", "清代规模最大的一座王府，素有一座恭王府半部清代史的说法。"),
                   ("南锣鼓巷", "北京最古老的街区之一，保存着元代胡同院落的肌理，适合傍晚闲逛。"),
                   ("什刹海", "由前海、后海和西海组成，是北京城内面积最大、风貌保存最完整的历史街区。")]
    cards = "".join(f'<div class="poi-card"><h3><a href="/poi/{n}">{n + 1}. {name}</a></h3><p>{text}</p>'
                    f'<div class="poi-meta"><span>4.{n}分</span> | <span>{1234 + n}条点评</span> | '
                    f'<span>门票{n * 10 + 20}元</span></div></div>' for n, (name, text) in enumerate(attractions))
    intro = ("<p>北京是一座有着三千多年历史的古都，名胜古迹众多，第一次来北京的游客往往不知道从哪里开始。</p>"
             "<p>我们整理了北京最值得一去的八个景点，按游览顺序排列，供大家参考。</p>")
    page = (f'<html><head><title>北京必去的八个景点</title></head><body><div class="nav"><a href="/">首页</a>'
            f'<a href="/g">攻略</a></div><div class="article"><h1>北京必去的八个景点</h1><div class="intro">{intro}'
            f'</div><div class="poi-list">{cards}</div><div class="outro"><p>以上景点大多需要提前在网上预约，'
            f'节假日人流量大，建议错峰出行。</p></div></div><div class="footer">Copyright © 2024 旅行网</div>'
            f"</body></html>")
    kept = _kept(page)
    assert all(f"{n + 1}. {name}" in kept and text in kept for n, (name, text) in enumerate(attractions))
    assert "以上景点大多需要提前在网上预约" in kept and "Copyright" not in kept


def test_a_long_article_keeps_more_than_its_lead():
    # its body in an element named like furniture (more-text), beside a sidebar of linked headlines with more
    # Chinese than the body: weighed by all its Chinese, the body looked like a related list
    rest = [SENTENCES[(n + 4) % 10] + SENTENCES[(n + 7) % 10] for n in range(12)]
    headlines = "".join(f'<li><a href="/n{n}">今日热点新闻标题第{n}条：某地发生一件引人关注的事情</a></li>' for n in range(60))
    page = (f'<html><head><title>故宫六百年</title></head><body><div class="nav"><a href="/">首页</a></div>'
            f'<div class="article"><h1>故宫六百年</h1><div class="lead">'
            + "".join(f"<p>{text}</p>" for text in SENTENCES[:4])
            + '</div><div class="more-text">' + "".join(f"<p>{text}</p>" for text in rest)
            + f'</div></div><div class="hot-list"><ul>{headlines}</ul></div><div class="footer">Copyright © 2024'
            f"</div></body></html>")
    kept = _kept(page)
    assert all(text in kept for text in SENTENCES[:4] + rest) and "今日热点新闻标题" not in kept
