"""Provides recognition of the site furniture that scraped articles carry.

Navigation crumbs, share and print buttons, link lists, copyright lines and
the disclaimer block at the foot of a page are not the article.
"""

from __future__ import annotations

import re
from itertools import pairwise

from reader.ingest.metadata import is_person_name
from reader.lazy_pattern import LazyPattern

_NAV_WORDS = frozenset(
    [
        "首页",
        "网站首页",
        "返回首页",
        "最新信息",
        "最新消息",
        "最新动态",
        "新闻中心",
        "新闻",
        "要闻",
        "本地新闻",
        "国内",
        "国际",
        "财经",
        "体育",
        "娱乐",
        "科技",
        "教育",
        "文化",
        "旅游",
        "时政",
        "社会",
        "专题",
        "视频",
        "图片",
        "图集",
        "组图",
        "登录",
        "注册",
        "退出",
        "手机版",
        "客户端",
        "移动版",
        "网站地图",
        "无障碍",
        "无障碍浏览",
        "长者模式",
        "长者版",
        "关怀模式",
        "关怀版",
        "适老化",
        "适老版",
        "繁體",
        "繁体",
        "简体",
        "简",
        "繁",
        "English",
        "设为首页",
        "加入收藏",
        "收藏本站",
        "联系我们",
        "关于我们",
        "相关新闻",
        "相关阅读",
        "相关文章",
        "延伸阅读",
        "热点推荐",
        "推荐阅读",
        "热门文章",
        "猜你喜欢",
        "分享",
        "分享到",
        "打印",
        "打印本页",
        "关闭",
        "关闭窗口",
        "订阅杂志",
        "阅读原文",
        "返回顶部",
        "回到顶部",
        "顶部",
        "返回",
        "上一篇",
        "下一篇",
        "上一页",
        "下一页",
        "扫一扫",
        "收藏",
        "点赞",
        "评论",
        "更多",
        "微信",
        "微博",
        "QQ空间",
        "朋友圈",
        "大",
        "中",
        "小",
        "字号",
        "字体",
        "搜索",
        "正文",
        "阅读全文",
        "展开全文",
        "查看原文",
        "原文",
        "编辑推荐",
        "热门评论",
        "我要评论",
        "发表评论",
        "纠错",
        "在手机上阅读",
        "用手机扫码",
    ]
)
_NAV_PREFIX = re.compile(r"^(?:当前位置|您的位置|您现在的位置|你的位置|所在位置|位置)\s*[：:>]")
_CRUMB_SEPARATORS = re.compile(r"\s*(?:>>|>|›|»|→|/|＞)\s*")
_TOKEN_SEPARATORS = re.compile(r"[\s|｜丨·•/：:]+")
_BUTTON_WORDS = (
    r"(?:打印|关闭|关闭窗口|收藏|分享|返回顶部|字体|字号|大|中|小|纠错|评论|推荐|放大|缩小)"
)
_BUTTONS = LazyPattern(
    rf"^(?:[【\[]\s*{_BUTTON_WORDS}(?:\s*[：:]?\s*(?:{_BUTTON_WORDS}\s*)*)[】\]]\s*)+$"
)
_PREV_NEXT = re.compile(r"^(?:上一篇|下一篇|上一条|下一条|上篇|下篇)\s*[：:]")
# A link or a file to download, alone on its line or as the page's attachment
# (附件：汇总表.xlsx): an attachment listed without a file is the document's own.
_FILE_OR_LINK = LazyPattern(
    r"^(?:(?:附件\d*|相关附件|附件下载|下载)\s*[：:]\s*)?"
    r"(?:https?://\S+|www\.\S+|[\w\-./（）()]+\.(?:xml|html?|shtml|php|aspx?|jsp|txt|pdf|docx?|xlsx?|wps|et|pptx?|zip|rar|ofd))$",
    re.IGNORECASE,
)
_FOOTER = LazyPattern(
    r"(?:版权所有|Copyright|©|\(c\)|ICP备|ICP证|公网安备|主办单位|承办单位|技术支持|主管单位|违法和不良信息举报|"
    r"未经授权.{0,10}(?:转载|复制)|网站标识码)",
    re.IGNORECASE,
)
_DISCLAIMER = LazyPattern(
    r"^[【\[（(]?\s*(?:免责声明|免责申明|版权声明|特别声明|郑重声明)\s*[】\]）)]?"
)
_TAIL_STARTERS = LazyPattern(
    r"^[【\[]?(?:网站地图|友情链接|猜你喜欢|你可能(?:会)?喜欢|也许您会感兴趣|您可能感兴趣|"
    r"(?:相关|延伸|推荐|热门|热点|精彩|更多|最新|全部|网友|今日|本周|24小时)"
    r"[\u4e00-\u9fff]{0,4}(?:新闻|阅读|文章|视频|推荐|评论|排行|排行榜|报道|内容|图片|专题|留言|链接)|"
    r"(?:发表|我要|查看|热门|最新|全部|网友)?(?:评论|留言)(?:规则|区|板)?)"
    r"[】\]]?\s*[：:>»]*$"
)


def is_boilerplate(line: str) -> bool:
    """True for a line that belongs to the site around the article, not the article."""
    if not line:
        return False
    if line in _NAV_WORDS:
        return True
    return may_be_furniture(line) and _is_furniture(line)


# What every furniture line below holds one of: an opening mark or bracket, a closing
# bracket at the end, a separator (arrows, bars, slashes, dots, white space, colons) or
# a footer's word. One search answers most lines of an article before a dozen patterns.
_MAY_BE_FURNITURE = re.compile(
    r"^[▲△▼（(【\[上下]|[）)]\s*$|[.>›»→/＞\s|｜丨·•：:]|位置|引用日期|\(c\)|版权所有|"
    r"copyright|©|ICP|公网安备|主办单位|承办单位|技术支持|主管单位|违法和不良信息举报|未经授权|网站标识码|"
    r"cookie|隐私|END|留言|在看|点赞|本文|阅读",
    re.IGNORECASE,
)


def may_be_furniture(line: str) -> bool:
    """False for a line none of the furniture patterns can match."""
    return _MAY_BE_FURNITURE.search(line) is not None


def _is_furniture(line: str) -> bool:
    if _PHOTO_CAPTION.search(line) or _END_MARK.match(line) or _CITATION.search(line):
        return True
    if _POST_BUTTONS.match(line) or _PRINTED_IN.match(line):
        return True
    if line in _NAV_WORDS or _NAV_PREFIX.match(line):
        return True
    if _BUTTONS.match(line) or _PREV_NEXT.match(line) or _FILE_OR_LINK.match(line):
        return True
    if _FOOTER.search(line) and len(line) <= 120:
        return True
    if _is_consent_notice(line):
        return True
    return _is_crumb_line(line) or _is_token_menu(line)


# ▲…（图／…提供）, （…摄）: a photo's caption, which the page shows beside its picture.
_PHOTO_CAPTION = LazyPattern(
    r"^[▲△▼].*[，。]|[（(]\s*(?:图|照片|图片|摄影)\s*[／/:：][^（）()]{0,30}[）)]\s*$|"
    r"[（(][^（）()]{0,20}(?:摄|供图)\s*[）)]\s*$"
)
# A reference list entry: 标题 ．某网[引用日期2016-04-04] (encyclopedia pages).
_CITATION = re.compile(r"\[引用日期\s*\d{4}-\d{1,2}-\d{1,2}\]\s*$")
# （完）, 【全文完】: the end of a press release or an article.
_END_MARK = LazyPattern(
    r"^[（(【\[]\s*(?:完|全文完|终|本文完)\s*[）)】\]]$|^[-—–\s]*(?:END|THE END)[-—–\s]*$", re.I
)
# A social post's buttons and counters (在看 56, 写留言), and where an article says it
# was printed first (本文刊载于《…》第128期).
_POST_BUTTONS = LazyPattern(
    r"^(?:阅读原文|写留言)$|^(?:阅读|留言|在看|点赞|赞|分享|收藏|喜欢|推荐)\s*[\d.]+\s*[万wW]?\+?$"
)
_PRINTED_IN = LazyPattern(
    r"^本文(?:刊载|刊登|原载|首发|选自|摘自|转载自)(?:于|自)?[^。]{0,40}(?:《|公众号|杂志|第\S{1,6}期)"
)


# A site's cookie and privacy notice: "this site uses cookies / techniques to improve
# your experience ... privacy ... by closing this you agree".
_CONSENT_TOPIC = re.compile(r"cookie|隐私", re.IGNORECASE)
_CONSENT_ASK = re.compile(r"同意|接受|声明|政策")
_CONSENT_SITE = re.compile(r"网站|本站|浏览|体验|网页")
# The site speaks of itself and to the reader; an article reports in the third person.
_CONSENT_VOICE = re.compile(r"本网站|本站|本网|我们|您")
_CONSENT_MAX = 200


def _is_consent_notice(line: str) -> bool:
    return (
        len(line) <= _CONSENT_MAX
        and _CONSENT_TOPIC.search(line) is not None
        and _CONSENT_ASK.search(line) is not None
        and _CONSENT_SITE.search(line) is not None
        and _CONSENT_VOICE.search(line) is not None
        and not re.search(r"[“”「」]", line)  # not somebody quoted in an article
    )


def _is_crumb_line(line: str) -> bool:
    """首页 > 新闻 > 本地: several short parts joined by arrows."""
    if _CRUMB_SEPARATORS.search(line) is None:  # most lines: no need to split
        return False
    parts = [p for p in _CRUMB_SEPARATORS.split(line) if p]
    return (
        len(parts) >= 2
        and "/" not in line.replace(" / ", "")
        and all(len(p) <= 8 for p in parts)
        and not re.search(r"[，。！？；]", line)
    )


_REPORTER = LazyPattern(r"记者|通讯员|实习生|摄影|摄像|撰稿|^(?:撰文|作者|编辑|文|图)$")


def _is_token_menu(line: str) -> bool:
    """首页 | 新闻 | 财经 | 体育: three or more menu words, or known menu words only."""
    if _TOKEN_SEPARATORS.search(line) is None:  # one token at most
        return False
    tokens = [t.strip("：:") for t in _TOKEN_SEPARATORS.split(line) if t.strip("：:")]
    if len(tokens) < 2 or re.search(r"[，。！？；]", line):
        return False
    if any(  # 本报记者 陈明  通讯员 刘欣: a byline, a role before a name
        _REPORTER.search(t) and nxt not in _NAV_WORDS and is_person_name(nxt)
        for t, nxt in pairwise(tokens)
    ):
        return False
    if all(t in _NAV_WORDS or _FILE_OR_LINK.match(t) for t in tokens):
        return True
    # menu entries are words: a date and time (2026/11/12 14:35) splits into numbers
    return len(tokens) >= 4 and all(len(t) <= 6 and not t.isdigit() for t in tokens)


def starts_disclaimer(line: str) -> bool:
    """免责声明 and the like: this line and the rest of the page are not the article."""
    return bool(_DISCLAIMER.match(line))


def starts_tail(line: str) -> bool:
    """相关新闻, 网站地图 …: a label after which only links to other pages follow."""
    return bool(_TAIL_STARTERS.match(line))
