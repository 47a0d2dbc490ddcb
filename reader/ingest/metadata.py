"""Provides recognition of metadata lines: dates, bylines, sources, editors, URLs."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from reader.lazy_pattern import LazyPattern

_DATE = re.compile(
    r"(?P<y>(?:19|20)\d{2})\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})\s*日?"
    r"(?:\s*(?:[T ]|\s)?\s*(?P<H>\d{1,2})\s*[:：]\s*(?P<M>\d{2})(?:\s*[:：]\s*(?P<S>\d{2}))?)?"
)
_SOURCE = re.compile(
    r"[（(【\[]?\s*(?:文章来源|新闻来源|信息来源|稿件来源|来源|稿源|出处|转载自|来自)\s*[：:]\s*"
    r"(?P<v>[^\s）)】\]|丨｜︱]+)\s*[）)】\]]?"
)
_AUTHOR_LABEL = LazyPattern(
    r"(?:作者|撰文|文字|文|撰稿|口述|整理|采写|图文|供稿|研究团队|课题组|记者)\s*[：:/／|丨｜︱]\s*"
    r"(?P<v>[^\s|丨｜︱]+(?:\s+[^\s|丨｜︱：:【\[]+(?=\s|$))?)"
)
_AUTHOR_END = LazyPattern(r"(?:、|\s+)(?:图|圖|摄影|攝影|摄|攝)\s*[／/:：]|\s+(?=\d)")
_EDITOR = LazyPattern(
    r"[（(【\[]?(?:责任编辑|责编|编辑|审核|校对|审校|终审|初审|复审|值班编辑|监制|统筹)\s*[：:/|丨｜︱]\s*"
    r"[^\s）)】\]|丨｜︱]+\s*[）)】\]]?"
)
_ROLE = (
    r"(?:首席|特约|见习|实习)?(?:全媒体|融媒体|新媒体)?"
    r"(?:记者|通讯员|特派记者|实习生|特约撰稿人|摄影|摄像)"
)
_NAME = r"[\u4e00-\u9fff·]{2,5}"
_NAMES = rf"{_NAME}(?:\s*[、,，\s]\s*{_NAME})*"
_MEDIA = (
    r"(?:本报|本台|本刊|新华社|中新社|人民网|央视网|[\u4e00-\u9fff]{2,8}(?:日报|晚报|报|网|社|电视台)"
    r"|[\u4e00-\u9fff]{2,6}(?=(?:首席|特约|见习|实习)?记者\s))"  # 半月谈记者 史卫燕
)
# A byline is a line made of roles and names only. To tell 记者王明 from the
# column title 记者手记, it needs a bullet, a media name, a space, or two roles.
_BYLINE = LazyPattern(rf"^[●○◎·•■□]?\s*[（(]?{_MEDIA}?\s*(?:{_ROLE}\s*{_NAMES}\s*)+[）)]?$")


# Patterns that only some lines need are compiled on first use: each CJK range
# costs sre ~1 ms to compile, paid by every cold start otherwise.
@cache
def _byline_strong() -> re.Pattern[str]:
    return re.compile(rf"^(?:[●○◎·•■□]|[（(]?{_MEDIA}|{_ROLE}\s+\S|.*{_ROLE}.*{_ROLE})")


@cache
def _roles_and_media() -> re.Pattern[str]:
    return re.compile(rf"^[●○◎·•■□]?\s*[（(]?{_MEDIA}|{_ROLE}")


# What a credit says beside its names that is no name: 记者陈智 整合, 记者 张三 摄.
_NOT_NAMES = frozenset(
    ["整合", "整理", "编译", "综合", "综述", "编辑", "视频", "摄影", "摄像", "供图", "制图"]
)
# …北京报道, 发自上海: where the report was made, after or before the names.
_PLACE_WORDS = LazyPattern(r"^(?:发自|發自)|(?:报道|报导|報導|電|电)$")
# One character and another set apart by the typesetter: 刘 洋 is one name.
_SPACED_NAME = LazyPattern(
    r"(?<![\u4e00-\u9fff])([\u4e00-\u9fff])[ \u3000]([\u4e00-\u9fff])(?![\u4e00-\u9fff])"
)
_CREDITED = LazyPattern(r"[\u4e00-\u9fff]{1,8}(?:·[\u4e00-\u9fff]{1,8})+|[\u4e00-\u9fff]{2,5}")


def names_in(credit: str, original: str | None = None) -> str | None:
    """The people a credit names, without the paper and the roles, as the ``original``
    writes them: 本报记者 陈明  通讯员 刘欣 gives 陈明、刘欣. None when a word beside
    the roles reads as no person's name (the caller keeps the credit whole)."""
    text = original if original is not None and len(original) == len(credit) else credit
    unnamed = _roles_and_media().sub(lambda m: " " * len(m.group(0)), credit)
    # 刘 洋 → 刘洋 in both, so offsets still match
    for joined in reversed(list(_SPACED_NAME.finditer(unnamed))):
        at = joined.start() + 1
        unnamed = unnamed[:at] + unnamed[at + 1 :]
        text = text[:at] + text[at + 1 :]
    names = []
    for found in _CREDITED.finditer(unnamed):
        word = found.group(0)
        if word in _NOT_NAMES or _PLACE_WORDS.search(word):
            continue
        if "·" not in word and not is_person_name(word):
            return None
        names.append(text[found.start() : found.end()])
    return "、".join(names) or None


def is_person_name(word: str) -> bool:
    """A common surname and one or two characters: 陈明, 欧阳明."""
    return re.fullmatch(_person(), word) is not None


# Taiwan and Hong Kong bylines name the place of the report: 记者王小明／台北报导.
_PLACE_BYLINE = LazyPattern(
    rf"^[（(]?(?:(?P<media>{_MEDIA})\s*[／/]\s*)?{_MEDIA}?\s*{_ROLE}\s*(?P<v>{_NAMES})\s*[／/]\s*[\u4e00-\u9fff]{{0,8}}"
    r"(?:报导|报道|综合报导|专题报导|连线报导)?[）)]?$"
)
# Credits set as a line of their own: 新闻发言人 武平, 出品︱某某栏目组 胖胖. Who
# produced, planned or supervised a piece (出品, 策划, 监制) is not its author.
_CREDIT = LazyPattern(
    r"^(?:(?P<role>出品|策划|监制|撰稿|作者)\s*[︱|丨｜:：]\s*)?[\u4e00-\u9fffA-Za-z]{0,20}?"
    r"(?:发言人|主持人|栏目组|编辑部|工作室|撰稿人)\s+(?P<v>[\u4e00-\u9fff]{2,4})$"
)
_ROLE_NAMES = LazyPattern(rf"{_ROLE}\s*(?P<v>{_NAMES})$")  # 记者 周子航 closing a date/source line


# How a publisher's name ends: a paper, a magazine, a site, an agency, a station.
_MEDIA_ENDINGS = "日报|晚报|时报|早报|周刊|杂志|新闻|频道|网|社|台"


# A publisher named beside a date without a label: 2019-09-26 10:56 证券时报网, TNW中文站2016年…
@cache
def _bare_source() -> re.Pattern[str]:
    return re.compile(
        rf"(?:^|(?<=\s))\s*(?P<v>[\u4e00-\u9fffA-Za-z]{{1,12}}(?:{_MEDIA_ENDINGS}|报|站))"
        r"\s*(?=\s|$)"
    )


_URL_LINE = re.compile(
    r"^(?:原文链接|原文地址|链接|网址|URL)?\s*[：:]?\s*(?P<v>https?://\S+)$", re.I
)
# Labels of a date line: when the article was put up or last changed.
_TIME_LABELS = "发布时间|发布日期|发表时间|更新时间|更新日期|最新更新|最后更新|最后修改|更新于"
_COUNTERS = re.compile(
    rf"(?:{_TIME_LABELS}|时间|日期|浏览次数|浏览量|浏览|阅读量|阅读|点击数|点击|字号|"
    r"发布者|发布|字体)\s*[：:]?\s*\d*|[大中小]\s*(?=[大中小]|$)|\d+\s*次|"
    # the page's tools beside its date (【打印】【关闭】), an update stamp (（3/5 20:12 更新）)
    r"打印本页|打印|关闭窗口|关闭|收藏|纠错|分享到|分享|转发|[（(][^（）()]{0,20}更新[）)]|"
    r"\b\d{1,2}[:：]\d{2}(?:[:：]\d{2})?|"  # a time standing apart from its date (15:31 2018/09/16)
    r"(?:上午|下午|晚上|凌晨|中午)?\s*\d{1,2}\s*[时点]\s*(?:\d{1,2}\s*分)?"
)
_TIME_LABEL = re.compile(rf"^(?:{_TIME_LABELS})\s*[：:]")
_LEFTOVER = re.compile(r"[\s\W_]+")

MAX_META_LINE = 80


@dataclass(frozen=True, slots=True)
class MetaLine:
    """What one metadata line told us; fields it did not carry are None."""

    date: str | None = None
    source: str | None = None
    author: str | None = None
    url: str | None = None
    issued: bool = False  # the date is the document's own (an official document's 题注)


def format_date(match: re.Match[str]) -> str:
    """ISO-format a matched date, with the time when the line gives one."""
    y, m, d = int(match["y"]), int(match["m"]), int(match["d"])
    text = f"{y:04d}-{m:02d}-{d:02d}"
    if match["H"] is not None:
        text += f" {int(match['H']):02d}:{match['M']}"
        if match["S"] is not None:
            text += f":{match['S']}"
    return text


def _valid_date(match: re.Match[str]) -> bool:
    return 1 <= int(match["m"]) <= 12 and 1 <= int(match["d"]) <= 31


def parse_meta_line(line: str, original: str | None = None) -> MetaLine | None:
    """Return the metadata a short line carries, or None if it is not a metadata line.

    A line counts only if, once the recognised fields and labels are taken out,
    almost nothing is left: "2023年2月17日 来源：某某日报" is metadata,
    "2023年2月17日，某某日报报道了……" is a sentence.

    ``line`` is the script-neutral (simplified) view the patterns read;
    ``original``, of the same length, is where the values are cut from, so a
    traditional page keeps its own characters (來源：中央社 gives 中央社).
    """
    if not line or not may_be_meta(line):
        return None
    if len(line) <= MAX_ISSUED_LINE and (issued := _issued().match(line)):
        date = _DATE.search(issued[0])
        if date is not None and _valid_date(date):
            return MetaLine(date=format_date(date), issued=True)
    if len(line) > MAX_META_LINE:
        return None
    return _parse_fields(line, original)


MAX_ISSUED_LINE = 200  # a 题注 may list every amendment after the adoption


@cache
def _issued() -> re.Pattern[str]:
    # An official document's 题注 under its title: （2007年6月29日第十届全国人民代表大会
    # 常务委员会第二十八次会议通过）, （2021年3月1日国务院令第735号公布）.
    return re.compile(
        r"^[（(]\s*(?:19|20)\d{2}\s*年.{0,160}?"
        r"(?:通过|发布|公布|印发|修订|修正|批准|施行)[^（()）]{0,40}[）)]$"
    )


# What every metadata line holds one of: a digit (a date), a URL, a reporter's role or
# a credit, a source label, or the separator after a label (作者：, 编辑｜, 发布时间：).
# One search answers most lines, which are prose or headings, before a dozen patterns.
_MAY_BE_META = re.compile(
    r"\d|https?://|记者|通讯员|实习生|撰稿人|摄影|摄像|发言人|主持人|栏目组|编辑部|工作室|"
    r"来源|稿源|出处|转载自|来自|[：:/／|丨｜︱]",
    re.IGNORECASE,
)


def may_be_meta(line: str) -> bool:
    """False for a line no metadata pattern can match (most lines of a text)."""
    return _MAY_BE_META.search(line) is not None


# An official document's number under its title: 临政办发〔2024〕8号, 国发〔2023〕12号.
_DOCUMENT_NUMBER = LazyPattern(
    r"^[\u4e00-\u9fff]{1,12}[〔\[［(（]\s*(?:19|20)\d{2}\s*[〕\]］)）]\s*\d{1,4}\s*号$"
)
# Where an official document ends: whom copies go to (metadata only among its last
# lines, see structure), who printed it and when.
_DISTRIBUTION = LazyPattern(r"^(?:抄送|抄报|分送|主送)\s*[：:].{0,200}$")
_PRINTED_ON = LazyPattern(
    r"^[\u4e00-\u9fff（）()]{2,30}\s*(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*印发$"
)
# A social post's line under its headline: 原创 作者 公众号 date time 发表于 place.
_POST_LINE = LazyPattern(
    r"^(?:原创|原創)\s+(?P<author>[^\s\d]{2,10})\s+(?P<account>[^\s\d]{2,20})\s+"
    r"(?:19|20)\d{2}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s+\d{1,2}[:：]\d{2})?"
    r"(?:\s*(?:发表于|發表於)\S{1,8})?$"
)
# A publisher's name before its date, without a label: 星海科技 2024年01月17日 16:05.
# Only a name that says what it is: a diary's 出发第一天 2024年7月1日 is a heading.
_NAME_BEFORE_DATE = LazyPattern(
    rf"\s*(?P<v>[\u4e00-\u9fffA-Za-z]{{2,10}}(?:科技|集团|公司|传媒|在线|资讯|财经|{_MEDIA_ENDINGS}))\s+"
)


def _parse_fields(line: str, original: str | None) -> MetaLine | None:
    source_text = original if original is not None and len(original) == len(line) else line
    url = _URL_LINE.match(line)
    if url:
        return MetaLine(url=source_text[url.start("v") : url.end("v")])
    if _DOCUMENT_NUMBER.match(line):
        return MetaLine()  # the document's number: naming nothing
    if (post := _POST_LINE.match(line)) and (posted := _DATE.search(line)) and _valid_date(posted):
        # a WeChat post's line: 原创 何晓雯 山海周刊 2024-03-05 10:21 发表于云南
        return MetaLine(
            date=format_date(posted),
            source=source_text[post.start("account") : post.end("account")],
            author=source_text[post.start("author") : post.end("author")],
        )
    if _PRINTED_ON.match(line):  # 某某办公室 2024年3月1日印发: the document's date
        printed = _DATE.search(line)
        if printed is not None and _valid_date(printed):
            return MetaLine(date=format_date(printed), issued=True)
    if len(line) <= 50 and (m := _PLACE_BYLINE.match(line)):
        # the names, without the role and the place: 记者王小明／台北报导 gives 王小明;
        # 联合报／记者陈柏翰／台中即时报导 names its paper too
        paper = source_text[m.start("media") : m.end("media")] if m["media"] else None
        return MetaLine(author=source_text[m.start("v") : m.end("v")].strip(), source=paper)
    if (
        len(line) <= 40
        and (m := _named_report().match(line))
        and _names_of_people(m["v"], named_by_role=False)
    ):
        return MetaLine(author=source_text[m.start("v") : m.end("v")])  # 王小明／台北报导
    if len(line) <= 50 and (m := _CREDIT.match(line)):
        if m["role"] in ("出品", "策划", "监制"):
            return MetaLine()  # a credit line, kept out of the text, naming no author
        return MetaLine(author=source_text[m.start("v") : m.end("v")])
    if len(line) <= 50 and _BYLINE.match(line) and _byline_strong().match(line):
        credit = source_text.lstrip("●○◎·•■□ ").strip("（）() ")
        return MetaLine(author=names_in(line, source_text) or credit)
    rest = line  # matched fields are blanked out with spaces, so offsets stay aligned
    date: str | None = None
    source: str | None = None
    author: str | None = None

    def take(match: re.Match[str], group: str | int = "v") -> str:
        nonlocal rest
        rest = rest[: match.start()] + " " * (match.end() - match.start()) + rest[match.end() :]
        return source_text[match.start(group) : match.end(group)]

    if (m := _DATE.search(rest)) and _valid_date(m):
        date = format_date(m)
        take(m, 0)
    if m := _SOURCE.search(rest):
        source = take(m)
    if m := _AUTHOR_LABEL.search(rest):
        # 文／林佳颖、图／张志豪: the photographer is not the author; 邵家明 3月5日: a
        # date without its year after the name is no part of it
        author = _AUTHOR_END.split(take(m).strip())[0]
    if author is None and (date or source) and (m := _ROLE_NAMES.search(rest.rstrip())):
        author = take(m, 0).strip()
    if (
        date is not None
        and source is None
        and author is None
        and (m := _bare_source().search(rest))
    ):
        source = take(m)
    if (
        date is not None
        and source is None
        and author is None
        and (m := _NAME_BEFORE_DATE.fullmatch(rest))  # the date blanked out after it
    ):
        source = take(m)
    edited = _EDITOR.search(rest)
    timed = _TIME_LABEL.match(line) is not None
    if date is None and source is None and author is None and not edited and not timed:
        return None  # before blanking the counters out: most lines end here
    rest = _EDITOR.sub(" ", rest)
    rest = _COUNTERS.sub(" ", rest)
    if len(_LEFTOVER.sub("", rest)) > 3:
        return None
    return MetaLine(date=date, source=source, author=author)


@cache
def _lead_byline() -> re.Pattern[str]:
    return re.compile(
        r"^(?:(?:本报讯|本台讯|(?:新华社|中新社|中新网|本报|本台)[\u4e00-\u9fff]{1,6}\d{1,2}月\d{1,2}日电"
        r"|[\u4e00-\u9fff]{2,8}(?:\d{1,2}月\d{1,2}日)?讯)\s*"
        r"[（(](?P<v>[^）)]{2,40})[）)]"
        # Taiwan's wire: （中央社记者黄明台北12日电）
        rf"|[（(](?:中央社|{_MEDIA})(?:{_ROLE})(?P<w>{_NAME}(?:、{_NAME})*?)[\u4e00-\u9fff]{{2,6}}\d{{1,2}}日(?:电|专电|综合外电)[）)]"
        # Taiwan's papers: 〔记者王小明／台北报导〕
        rf"|[〔［\[（(]{_MEDIA}?{_ROLE}\s*(?P<x>{_NAMES})\s*[／/][\u4e00-\u9fff]{{0,8}}(?:报导|报道)[〕］\]）)])"
    )


def _cut(match: re.Match[str], group: str, view: str, original: str | None) -> str:
    """A matched group of the simplified ``view`` as the ``original`` writes it."""
    text = original if original is not None and len(original) == len(view) else view
    return text[match.start(group) : match.end(group)]


def lead_byline(paragraph: str, original: str | None = None) -> str | None:
    """The reporters named in a lead such as 本报讯（记者 张三）, if any.

    As in ``parse_meta_line``, ``paragraph`` is the simplified view and the
    name is cut from ``original`` when given.
    """
    m = _lead_byline().match(paragraph)
    if m is None:
        return None
    group = next(g for g in ("v", "w", "x") if m[g] is not None)
    credit = _cut(m, group, paragraph, original).strip()
    return (names_in(m[group].strip(), credit) or credit) if group == "v" else credit


# Common Chinese surnames (together well over nine in ten people), simplified.
_SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶"
    "程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾"
    "毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关"
    "兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻"
    "萧褚卞滕邬戚卜房饶解窦景车边蔺荣麦卫仇练宫晏楚"
)
_COMPOUND_SURNAMES = "欧阳|司马|诸葛|上官|东方|皇甫|尉迟|公孙|慕容|令狐|夏侯|宇文|长孙"


def _person() -> str:
    """A person's name: a common surname and one or two characters."""
    return rf"(?:{_COMPOUND_SURNAMES}|[{_SURNAMES}])[\u4e00-\u9fff]{{1,2}}"


# How places, agencies, sums, days and things end: 江苏 石家庄 路透社 万元 周一 方法二,
# 高铁站 金融业 周末版 韩国队 方便面 白皮书 关于我 are no one's name, though they open
# with a character that is also a surname.
_NOT_A_NAME_END = frozenset(
    "社省市县区州京庄镇村乡港岛山河湖江海洋元日月年周宫部局署院委一二三四五六七八九十"
    "站业版队面书馆店厂所处报刊台网号线路街园场湾桥楼门器机车船剂药品类型式性化界者们"
    "会节奖赛展葵我你他她它的了吗呢吧"
)


def _names_of_people(names: str, named_by_role: bool) -> bool:
    """Whether a run of names found by the surname pattern reads as people's names.

    After a role (记者, 评论员, 编译) names of two to four characters are taken.
    Without one, each name must have three characters (a surname and a given name
    of two, as most names have) and not end as a place, an agency or a sum does."""
    if named_by_role:
        return True
    return all(
        len(name) == 3 and name[-1] not in _NOT_A_NAME_END
        for name in re.split(r"[\s、]+", names.strip())
        if name
    )


@cache
def _closing_names() -> re.Pattern[str]:
    # ……南美站活动将先后在巴西举行。（张巨峰）: the reporter named at the article's end;
    # also a commentary's writers (评论员 罗博 萧海川) and a compiled piece's (编译/林小东).
    name = _person()
    return re.compile(
        rf"[。！？”」][（(]\s*(?:(?P<role>{_ROLE}|(?:特约)?评论员|编译|文)\s*[/／:：]?\s*)?"
        rf"(?P<v>{name}(?:[\s、]+{name})*)\s*[）)]$"
    )


def closing_names(paragraph: str, original: str | None = None) -> str | None:
    """The reporters named in parentheses after the last sentence of an article, as
    mainland papers sign a report: ……举行。（张巨峰）. Only names that open with a
    common surname count, so （完） or （待续） never do."""
    if not paragraph.endswith(("）", ")")):
        return None
    m = _closing_names().search(paragraph)
    if m is None or not _names_of_people(m["v"], bool(m["role"])):
        return None
    return _cut(m, "v", paragraph, original)


@cache
def _named_report() -> re.Pattern[str]:
    # 王小明／台北报导 on a line of its own, the credit without a role; the names must
    # read as people's (中新网／北京报道, 路透／伦敦报道 name none).
    return re.compile(
        rf"^[（(]?(?P<v>{_person()}(?:、{_person()})*)\s*[／/]\s*"
        r"[\u4e00-\u9fff]{2,6}(?:综合|专题|连线)?(?:报导|报道)[）)]?$"
    )


@cache
def _report_credit() -> re.Pattern[str]:
    # （王小明／台中报导）, （記者王小明、李大同／台北報導）: Taiwan's credit in the text.
    return re.compile(
        rf"[（(](?P<role>{_ROLE})?(?P<v>{_person()}(?:、{_person()})*)\s*[／/]\s*"
        r"[\u4e00-\u9fff]{2,6}(?:综合|专题|连线)?(?:报导|报道)[）)]"
    )


def report_credit(paragraph: str, original: str | None = None) -> str | None:
    """The reporters a credit in the text names, as Taiwan papers close a report:
    （王小明／台中报导）; names open with a common surname, so （中新网／北京报道）
    names none. ``paragraph`` is the simplified view; the names are cut from
    ``original`` when given."""
    if "报导" not in paragraph and "报道" not in paragraph:
        return None
    m = _report_credit().search(paragraph)
    if m is None or not _names_of_people(m["v"], bool(m["role"])):
        return None
    return _cut(m, "v", paragraph, original)


@cache
def _bare_names() -> re.Pattern[str]:
    name = _person()
    return re.compile(rf"^(?P<v>{name}(?:[\s、]+{name})*)$")


def bare_names(line: str, original: str | None = None) -> str | None:
    """The names of people a line holds and nothing else (谢明俊; 王小明 李大同).

    Without a role only names of three characters count, as in
    ``closing_names``: a line of two (王明) is as often a place or a word.
    Whether such a line is a byline depends on where it stands (beside the
    article's date and source lines), which the caller decides.
    """
    if len(line) > 20:
        return None
    m = _bare_names().match(line)
    if m is None or not _names_of_people(m["v"], named_by_role=False):
        return None
    return _cut(m, "v", line, original)


def is_distribution_line(line: str) -> bool:
    """抄送：… (whom an official document's copies go to)."""
    return _DISTRIBUTION.match(line) is not None
