"""Whose answer a message's words and figures are during a check.

“融资 莫得” answers the 融资 criterion, not the question pending; “有2个发明专利在用” gives the patents' figure;
“研发费用统计局那边每年都在报” restates the question's words, a yes. ``answer_value`` reads the message as the reply
to one criterion.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from bot.answers import (
    APPLIED_NOT_YET,
    ASKED_A_NOT_A,
    BARE_YES_NO_CHARS,
    CALENDAR_YEAR,
    UNKNOWN,
    Quantity,
    bigrams,
    counts_things,
    extract,
    had,
    held_titles,
    keywords,
    kind_words_plain,
    number_value,
    parse_answer,
    parse_yes_no,
    quantities,
    says_unknown,
    sums_things,
)
from bot.dialogue.flows import MEETS, yes_no_threshold
from bot.dialogue.mentions import topic_names
from bot.dialogue.reading import CONTROL_CHARS, Message, asks, clauses, last_clause, statement
from bot.dialogue.turn import Turn, checklist_criteria, english_terms, policy_names, says
from intents.normalize import normalize
from knowledge.schema import Criterion


def names_fact(t: Turn, msg: Message, cid: str, other: str) -> bool:
    """Whether a name of ``other`` in the message is a word of the criterion ``cid`` it stated (ISO9001 → 认证)."""
    crit = t.kn.criteria[cid]
    said = [normalize(w) for w in (*crit.yes_words, *crit.no_words, *crit.extract, *crit.title) if w]
    return any(n in msg.norm and any(n in w or w in n for w in said) for n in topic_names(t).get(other, []))


def keep_variant(t: Turn, msg: Message, facts: dict[str, Any], pending: str) -> dict[str, Any]:
    """``facts`` without a change of the variant already chosen (市级 or 国家级, which centre) unless asked for.

    “前年已经认定了市级企业技术中心” in the check of the other centre tells a fact, not a switch; “换成市级的” is one.
    """
    if _SWITCH.search(msg.norm):
        return facts
    return {
        c: v for c, v in facts.items() if c == pending or t.kn.criteria[c].presume is None or t.profile.get(c, v) == v
    }


_SWITCH = re.compile(r"换成|改成|换个|改查|换查|改为|先不管|不考虑|先不看|放一边|还是(说|看|按|查|报|核)")


_FIGURE_AFTER = re.compile(r"[\d一二两三四五六七八九十百千]")


def all_owned(t: Turn, msg: Message, facts: dict[str, Any]) -> bool:
    """Whether every figure of the message was taken by a fact it names (nothing left to answer the question)."""
    figures = [
        q
        for q in quantities(msg.norm)
        if q.unit != "年" or (q.value < CALENDAR_YEAR and not _FIGURE_AFTER.match(msg.norm, q.end))
    ]  # (a calendar year, or 一年 before a figure — its period — is nobody's answer)
    owned = [cid for cid in facts if t.kn.criteria[cid].type == "number"]
    return bool(figures) and len(owned) >= len(figures)


FIGURE_ONLY = re.compile(
    r"[\d.%一二两三四五六七八九十百千万亿零半多来几个元块人年月项分平方米左右上下大约概差不将近出头去前今]+"
)
"""A message that is only figures, with units, hedges and years (3000万, 大概两千万左右, 前年三千五 去年四千二)."""


def named_criterion(t: Turn, msg: Message, pending: str) -> str | None:
    """The one other criterion the message names by its words (“融资 莫得” → 股权融资) when it gives no figure."""
    if any(ch.isdigit() for ch in msg.norm) or len(msg.norm) > CONTROL_CHARS:
        return None
    named = named_criteria(t, msg)
    if pending in named or len(named) != 1:
        return None
    return named.pop()


def about_us(t: Turn, msg: Message, anywhere: bool = False) -> list[str]:
    """The criteria the message states of the enterprise, without the variant its words choose.

    能报 / 明年再冲一哈 read as 新申请 for 小巨人: a way of asking, no fact about us.
    """
    return [c for c in t.facts(msg.text, anywhere=anywhere) if t.kn.criteria[c].presume is None]


def named_criteria(t: Turn, msg: Message, shortest: int = 2, figure: Quantity | None = None) -> set[str]:
    """The criteria the message names by a keyword of ``shortest`` characters or more.

    With ``figure``, a summing word before it that sums things counted (还有两个 一共五个) names nothing.
    """
    said = kind_words_plain(msg.norm)
    return {
        cid
        for kw, cid in keywords(t.kn.criteria, policy_names(t.kn))
        if len(kw) >= shortest and kw in said and not (figure and sums_things(kw, figure))
    }


def longest_named(t: Turn, msg: Message, among: Iterable[str]) -> str | None:
    """The criterion of ``among`` that the message names by its longest keyword (高新技术产品收入, not 收入)."""
    own = set(among)
    found = [(len(kw), cid) for kw, cid in keywords(t.kn.criteria, policy_names(t.kn)) if cid in own and kw in msg.norm]
    return max(found)[1] if found else None


def keyword_figure(t: Turn, msg: Message, pending: str | None = None) -> dict[str, Any]:
    """The one figure of a message that names one criterion by its words (负债率我看错了 是八十左右 → 资产负债率).

    Farther from its word than ``extract`` reaches, the figure still belongs to the one criterion named, not to the
    question pending; with two criteria named, or two figures, nothing is taken.
    """
    found = quantities(msg.norm)
    if len(found) != 1:
        return {}
    named = named_criteria(t, msg, figure=found[0])  # (“漏了 还有两个 一共五个”: 一共 names no head count here)
    if counts_things(msg.norm, found[0]):  # (“那是我们一个关联公司”: one firm, no head count)
        named = {c for c in named if t.kn.criteria[c].unit != "人"}
    if not named or pending in named:
        return {}
    fitting = {
        cid: value
        for cid in named
        if t.kn.criteria[cid].type == "number"
        and (value := number_value(found[0], t.kn.criteria[cid].unit or "", t.day)) is not None
    }
    if len(fitting) > 1:  # “主营…应该是九成二”: 主营 names the share and the revenue; a share said, the one known
        fitting = {c: v for c, v in fitting.items() if c in t.profile}
    return fitting if len(fitting) == 1 and len(named) <= len(fitting) + MORE_NAMED else {}


def figured_elsewhere(t: Turn, msg: Message) -> bool:
    """Whether every figure of the message belongs, by its words, to criteria outside the check in course."""
    asked = (checklist_criteria(t.kn, t.scope) if t.scope else None) or {}
    elsewhere = {
        c: v
        for c, v in t.facts(msg.text, anywhere=True).items()
        if c not in asked and t.kn.criteria[c].type == "number" and v != UNKNOWN
    }
    return bool(elsewhere) and all_owned(t, msg, elsewhere)


MORE_NAMED = 3
"""Criteria a keyword may name beyond the one the figure fits (主营: its share, its revenue, its average)."""


_NOT_SCORED = re.compile(r"(没|没有|莫|莫得|没得|还没|未)([找在][^，|]{0,6})?(自评|自测|评|测|算|打分|打|估)(过|了)?")
"""Asked a score: not rated yet (没自评过, 没找中介评过, 还没在平台上测, 还没测): not known, no zero."""


def answer_value(t: Turn, msg: Message, crit: Any) -> Any:
    """The message read as a direct answer to ``crit`` (a digit picks an option; 够了 on a figure → its threshold)."""
    if crit.type == "bool" and msg.norm == "3":
        return UNKNOWN
    found = quantities(msg.norm)
    if crit.unit == "分" and not found and _NOT_SCORED.search(msg.norm):
        return UNKNOWN  # “那个创新能力评分也没找中介评过”: no score to tell
    if crit.type == "number" and crit.unit == "人" and found and all(counts_things(msg.norm, q) for q in found):
        return None  # “主要卖给一家贸易公司”: one firm counted, no head count (but 龙头企业 “3家” is a count)
    text = statement(t, msg)
    value = parse_answer(text, crit, t.kn.messages.vocabulary, t.day)
    if value is False and crit.type == "bool" and _none_of_the_thing_asked(msg, crit):
        return True  # asked “是否还没有获得过省级以上首版次认定”, told “省级的首版次 莫得”: none had, so not yet
    if crit.type == "bool" and value is not None and value != UNKNOWN and asks(t, msg) and not _answers_first(t, msg):
        value = None  # asked 版本号是1.0吗, told “定制的不得行吗”: its 不得行 is the question's, no 否
    if value is None and crit.type == "bool" and crit.title and not asks(t, msg):
        said = [n for n in map(normalize, crit.title) if n and n in msg.norm]
        if said:  # asked “是否已是专精特新”, told “市级专精特新 做齿轮十五年了” (or “… 都还莫得”: no)
            # (of the question pending, or of a late answer's: whichever criterion ``crit`` is)
            held = next((v for c, v in held_titles(msg.text, t.kn.criteria).items() if t.kn.criteria[c] is crit), None)
            if held is not None:
                return held
            if says_unknown(msg.norm):
                return UNKNOWN  # “科技和创新型那个称号 前年中介说帮我们报了 晓不得批没批”: applied, outcome not known
            if APPLIED_NOT_YET.search(msg.norm):
                return False  # “创新型中小企业的话 今年刚在平台上申请了 还没公示”: applied for, not held yet
            clauses = [normalize(c) for c in _CLAUSES.split(msg.text)]
            at = next(i for i, c in enumerate(clauses) if any(n in c for n in said))
            after = clauses[at + 1] if at + 1 < len(clauses) else ""
            if after and _TITLE_DENIED.fullmatch(after):
                return False  # “那个啥子科技和创新型的称号 | 我们没评过”: the title named, denied in the next clause
            if _TOPIC_MARKED.fullmatch(clauses[at].replace(said[0], "", 1)) and any(
                (denied := _TITLE_DENIED.match(c)) and denied[3] for c in clauses[at + 1 :]
            ):
                return False  # “研发机构嘛 | 就厂里自己有个技术部 | 没评过市级的”: the title names what is spoken of
            if not any(_DENIAL.search(c) for c in clauses if any(n in c for n in said)):
                return True  # (“省级专精特新我们莫评过” not read as a denial: not taken for a yes either)
    if value is None and crit.type == "bool" and not asks(t, msg):
        value = had(msg.text, crit)  # asked “是否拥有…知识产权”, told “专利有 实用新型十几个”
    if (
        value is None
        and crit.type == "bool"
        and not asks(t, msg)
        and (last := last_clause(msg)).norm != msg.norm  # (a message of one clause is read whole)
        and _ALL_DENIED.search(last.norm)
        and not t.facts(msg.text)  # (专精特新还没评过 啥子称号都莫得: the denial is the title's)
    ):
        # asked “是否在目录里”, told “目录我翻了2024版的 还有重庆2025年那个 都莫得包装线”: no; asked “是否还没有
        # 获得过首版次认定”, told “之前没申报过任何首版次 省里国家的都没有”: yes
        return bool(_DENIAL.search(_ASIDE.sub("", crit.question)))
    if (
        value is None
        and crit.type == "bool"
        and not asks(t, msg)
        and (last := last_clause(msg)).norm != msg.norm
        and _LOOKED.search(msg.norm, 0, len(msg.norm) - len(last.norm))
        and not t.facts(msg.text)
    ):
        if len(last.norm) <= BARE_YES_NO_CHARS:
            # asked “是否在目录里”, told “目录查了 我们这个产品莫得”: what was looked up, then the answer found
            return parse_yes_no(last.norm, t.kn.messages.vocabulary)
        if _NOT_THERE.search(last.norm):
            # asked “是否属于目录范围”, told “2024版目录我们对过 矿山机械那块没得圆锥破碎机这一类”: looked, not in it
            return bool(_DENIAL.search(_ASIDE.sub("", crit.question)))
    if value is None and crit.type == "bool" and restated(t, msg, crit) == "denied":
        return False  # asked “是否已建立研发准备金制度并备案”, told “准备金制度还没建 备案也没弄过”
    if value is None and crit.type == "bool" and restates(t, msg, crit):
        return True  # asked “是否已建立研发准备金制度并备案”, told “准备金制度建了的 备案平台也报了”
    if value is None and crit.type == "number":
        meets = None if asks(t, msg) or t.facts(msg.text) else parse_yes_no(normalize(text), t.kn.messages.vocabulary)
        if meets is not None and not any(ch.isdigit() for ch in msg.norm):
            return {MEETS: meets}
    return value


def _answers_first(t: Turn, msg: Message) -> bool:
    """Whether a question opens with a yes or no of its own clause (“是的 这个算不算”, “不是 那咋办”)."""
    parts = clauses(msg.text)
    if len(parts) < 2:
        return False
    first = normalize(parts[0])
    return len(first) <= ANSWER_CLAUSE_CHARS and parse_yes_no(first, t.kn.messages.vocabulary) is not None


ANSWER_CLAUSE_CHARS = 4
"""A yes or no that opens a question stands alone in a clause this short (是的, 没有, 莫得)."""


_LEAD = re.compile(
    r"(是(?![的啊呀滴哦嘞撒噻呢是嘛吧了哈对])|(好的|好嘛|好|行|可以|要得|ok)[\s,，。!！、~]*)(?=[\u4e00-\u9fffA-Za-z0-9])",
    re.I,
)
"""A message's opening 是 run straight into what it says (是规上企业: the verb “to be”), or an acknowledgement
before it (好的 帮我们看一下 我们在渝北注册…)."""


def yes_only_by_lead(t: Turn, msg: Message, crit: Criterion, facts: dict[str, Any]) -> bool:
    """Whether the message's yes to ``crit`` is only its opening 是 or 好的, the rest stating other things.

    An opening 有的 is the yes of what the rest goes on to say (asked 目录, told “有的 研发团队二十几个人 自己有试验
    车间” about the capability; asked whether a city tech centre is held, told “有的 研发场地在二楼 一百五十平”):
    the thing had is the one described, not the one asked.
    """
    text = msg.text.strip()
    lead = _LEAD.match(text) or _HAD_LEAD.match(text)
    return lead is not None and _answers_nothing_after(t, text, lead, crit)


def _answers_nothing_after(t: Turn, text: str, lead: re.Match[str], crit: Criterion) -> bool:
    """Whether what ``text`` says after its ``lead`` gives no answer to ``crit``."""
    rest = text[lead.end() :]
    return answer_value(t, Message(rest, normalize(rest)), crit) is None


_OH_OK = re.compile(r"(哦|噢|喔|哦哦)[\s,，。!！~]*(要得|好的|好|行|晓得了|明白了|知道了|ok|OK)[\s,，。!！~]+(?=\S)")
"""An opening 哦 要得 set apart before more: what the bot said is taken in (哦 要得 我们确实改了很多)."""
_HAD_LEAD = re.compile(r"(有的|有)[\s,，。!！、~]+(?=[\u4e00-\u9fffA-Za-z0-9])")
"""A message's opening 有的 set apart before what it goes on to say (有的 研发团队二十几个人)."""


def _yes_only_of_other_titles(t: Turn, msg: Message, pending: str, facts: dict[str, Any]) -> bool:
    """Whether the message's yes to the title ``crit`` asks of is only its statement of other titles it holds.

    Asked whether the enterprise is a 小巨人, told “近三年主营两个半亿 我们是市级专精特新”: 是 states 专精特新.
    """
    others = [
        normalize(w)
        for cid, v in {**t.facts(msg.text, anywhere=True), **facts}.items()
        if v is True and cid != pending and t.kn.criteria[cid].title
        for w in t.kn.criteria[cid].title
    ]
    said = msg.norm
    for word in sorted({w for w in others if w}, key=len, reverse=True):
        said = re.sub(rf"{_HOLDER}?{re.escape(word)}", " ", said)
    rest = normalize(said)
    crit = t.kn.criteria[pending]
    return said != msg.norm and (not rest or answer_value(t, Message(said.strip(), rest), crit) is None)


_HOLDER = (
    "(?:(?:我们|我司|公司|本身|现在)?(?:已经|也|还|都)?(?:是|评上了?|拿到了?|有)"
    "(?:个|了)?(?:市级|省级|国家级|重庆市?)?的?)"
)
"""Before a title, the words saying it is held (我们是市级, 已经评上了): removed with the title they speak of."""


def no_only_of_others(t: Turn, msg: Message, crit: Criterion, facts: dict[str, Any]) -> bool:
    """Whether the message's no to ``crit`` is only its denials of the other facts it states (莫得失信莫得事故)."""
    said = msg.norm
    for cid in facts:
        for said_of_it in _said_of(t, cid):
            said = said_of_it.sub(" ", said)
    rest = normalize(said)
    if _LIST_DENIAL_ONLY.fullmatch(rest):
        return True  # “失信 事故都没有”: the 都没有 denies the things listed before it
    return not rest or answer_value(t, Message(said.strip(), rest), crit) is None


_DENIALS = "莫得|没得|没有|没|无"
"""The words that deny a thing said right before them (失信 莫得, 事故都没有)."""
_DENIED_AFTER = rf"((名单|名录|记录|情况|问题|这块|这些|方面)?(也|都)?({_DENIALS}))"
"""Right after a criterion's word (and the list or record it names), the denial that is its own (失信名单 没得)."""
_LIST_DENIAL_ONLY = re.compile(rf"(这些|那些|这两样|两样|这几样)?(也|都|也都|全都)({_DENIALS})(的|哦|嘛|噻)?")
"""What is left of a message once the facts it denies are taken out (失信 事故|都没有): a denial of those alone."""


def _said_of(t: Turn, cid: str) -> list[re.Pattern[str]]:
    """A criterion's yes and no words, each denied or not (莫得失信), longest first (once per knowledge version)."""
    memo = t.kn.memo.setdefault("said_of", {})
    if cid not in memo:
        crit = t.kn.criteria[cid]
        found = sorted({normalize(w) for w in (*crit.yes_words, *crit.no_words)} - {""}, key=lambda w: (-len(w), w))
        memo[cid] = [re.compile(f"{_DENYING}?{re.escape(w)}{_DENIED_AFTER}?") for w in found]  # (失信 莫得)
    return memo[cid]  # type: ignore[no-any-return]


_DENYING = "(?:莫得|没得|没有|没|无|不是|不)"
"""A word that denies what follows it (莫得失信)."""


_ALL_DENIED = re.compile(
    r"(都|也都|全都|一个都|一样都)(莫得|没得|没有|不在|没在|找不到|没找到|没看到|查不到|没查到)(?!问题|事|啥|什么)"
)
"""A last clause that denies all that was just listed (… 都莫得包装线): a no to the question asked."""
_LOOKED = re.compile(r"(查|翻|看|对|比对|核|问)(完|遍|了一遍|过一遍)?(了|过)")
"""Words that report having looked it up (目录查了, 翻过了): the short clause after them is what was found."""


_ASIDE = re.compile(r"（[^）]*）|\([^)]*\)")
"""A question's words in brackets: how to answer it, not what it asks."""


def restates(t: Turn, msg: Message, crit: Criterion) -> bool:
    """A clause that repeats the yes/no question's own words, denying nothing: a yes in the user's words."""
    return restated(t, msg, crit) == "stated"


def restated(t: Turn, msg: Message, crit: Criterion) -> str | None:
    """How the message repeats the yes/no question's own words, if it does.

    "denied" if a clause that repeats them denies something (研发准备金制度还没建), "stated" if one repeats them
    denying nothing (准备金制度建了的), else None.
    """
    asked = normalize(f"{crit.question}{crit.label or ''}")
    if asks(t, msg) or says(msg.norm, t.kn, "unknown") or _DENIAL.search(normalize(crit.question)):
        return None  # (“是否尚未获得…”: a denial in the answer agrees with the question, a restatement may not)
    pairs = {asked[i : i + 2] for i in range(len(asked) - 1)} - _EMPTY_PAIRS
    found = set()
    for clause in _CLAUSES.split(msg.text):
        norm = normalize(clause)
        shared = {norm[i : i + 2] for i in range(len(norm) - 1)} & pairs
        if len(shared) >= RESTATED_PAIRS:
            found.add("denied" if _DENIAL.search(norm) else "stated")
    if found == {"stated"} and _NOT_THERE.search(msg.norm):
        return "denied"  # (目录2024版我翻了 | 我们这个牌号不在上面: the thing restated, then said not to be in it)
    if found == {"stated"} and any(_BARE_DENIAL.fullmatch(normalize(c)) for c in _CLAUSES.split(msg.text)):
        return "denied"  # (市级企业技术中心 | 我们莫得: the thing restated, then denied in a clause of its own)
    last = last_clause(msg)
    if found == {"stated"} and _ENDS_DENIED.search(last.norm) and not t.facts(last.text, anywhere=True):
        # (目录我翻了 2024年版那个 | 我们这个耐高温尼龙确实没得: what was looked in, then none found; not
        # “国内市场占有率前五 … 失信事故都莫得”: another thing denied)
        return "denied"
    return "denied" if "denied" in found else "stated" if found else None


_BARE_DENIAL = re.compile(
    r"(我们|我|公司|咱们)?(好像|可能|应该|估计|貌似|大概)?(也|都|还|暂时)?(莫得|没得|没有|没|无)(的|哦|嘛|噻|哈|呢)?"
)
"""A clause that only denies (我们莫得, 还没有, 好像还没有): a no to the thing named before it."""
_ENDS_DENIED = re.compile(
    r"(?<![有了])(也|都|还|确实|的确|真的|硬是|根本)?(莫得|没得|没有|不在|没在)(的|哦|嘛|噻|哈|呢)?$"
)
"""A last clause ending in a denial (我们这个尼龙确实没得), not asking (有没得, 够了没有): a no to the thing named."""
_NOT_THERE = re.compile(
    r"(不在|没在|没有在|莫得在)(上面|里面|里头|上头|里边|上边|其中)"
    r"|(上面|里面|里头|上头|那块|那一块|那一类|那一栏|那部分)(也|都)?(没有|没得|莫得|找不到|没找到)"
    r"|(没有|没得|莫得)[\u4e00-\u9fff]{1,8}(这一?类|这一?种|这一?项)"
    r"|(没有|没得|莫得)(我们|咱们)(这种|这类|这个|这款|的)"  # (目录翻完了 莫得我们这种灌装线)
)
"""Said not to be in the thing the question names (不在上面, 里头没得, 矿山机械那块没得圆锥破碎机): a no, whatever
clause restates it."""


_CLAUSES = re.compile(r"[\s,，。；;!！、]+")
"""Where a statement's clauses part (a space or punctuation, 、 included)."""
RESTATED_PAIRS = 4
"""Character pairs of the question a statement must repeat to be taken as a yes (研发费用统计 → 研发, 发费, 费用 …)."""


_DENIAL = re.compile(r"[不没未无非莫]|差点|达不到")


_EMPTY_PAIRS = frozenset(
    {"企业", "是否", "贵企", "公司", "我们", "有的", "的是", "是的", "已经", "是不", "或者", "以上"}
)


_MARKET_SHARE = re.compile(
    r"(市场|细分|排第|排名|国内|全国|全球|国际)[^，。,]{0,14}?占(了|到|有)?(百分之|\d|[一二三四五六七八九十]成)"
)
"""A share said right after the market the product ranks in (国内细分里头排第三 占了百分之十几)."""
_MARKET_WORDS = re.compile(r"市场|占有率|份额")


def _only_denied_again(t: Turn, msg: Message, cid: str) -> bool:
    """Whether a yes to ``cid``, recorded as no, holds none of its yes words (only a no word denied: 不是贸易商).

    A condition that excludes several things (关联企业 or 贸易商) fails on the one said before; denying another
    leaves it failed. Its own yes words (非关联, 外部客户) or a correction (a recogniser of its own) change it.
    """
    crit = t.kn.criteria.get(cid)
    if crit is None or crit.type != "bool" or t.profile.get(cid) is not False:
        return False
    return not any(w and w in msg.norm for w in map(normalize, crit.yes_words))


def read_answer(t: Turn, msg: Message, pending: str, aside: bool = False) -> tuple[dict[str, Any], Any]:
    """The facts a message states during a check, each given to the criterion its words name, and its answer.

    Returns the facts (criterion → value) and the answer to the ``pending`` criterion (None if it gives none).
    An ``aside`` (诶 插一句 …) answers nothing, though it may state facts.
    """
    crit = t.kn.criteria[pending]
    figure = bool(FIGURE_ONLY.fullmatch(msg.norm))  # a bare figure: the answer, whatever else it might fit
    facts = keep_variant(t, msg, t.facts(msg.text), pending)
    for cid in [c for c, v in facts.items() if v is True and _only_denied_again(t, msg, c)]:
        del facts[cid]  # buyer recorded as 集团下面的子公司, then “他们直接用 不是贸易商”: still related
    if pending not in facts and (own := subject_taken_as_said(t, msg, pending)) is not None:
        facts[pending] = own  # asked 购买方是否关联, told “集团下面的兄弟公司”: the buyer, whom the question names
    if not facts and not aside and crit.type == "number":
        facts = _said_of_subject(t, msg, crit, pending)
    named = named_criterion(t, msg, pending)
    if named and t.kn.criteria[named].type == "number" and any(t.kn.criteria[c].type == "number" for c in facts):
        named = None  # “人 三百出头 研发四十五个”: 研发 names the 45 read already, not the 300
    value = None if aside else answer_value(t, msg, t.kn.criteria[named] if named else crit)
    if named and value is None and not aside and crit.type == "number":
        own = answer_value(t, msg, crit)
        if own is not None:  # “科技人员 大概占百分之八” asked the share: 科技人员 names the count, 8% is the share's
            named, value = None, own
    if named and value is None and not aside and crit.type == "bool" and (again := restated(t, msg, crit)):
        # “研发费用统计局那边每年都在报” names a figure but restates the question; “研发准备金制度 备案 好像还没有”
        # restates it and denies it
        named, value = None, again == "stated"
    if named and value is not None and value in facts.values():
        named, value = None, None  # “前年营收两千八百万”: the figure is 前年营收's, not the 营收 its word names
    if named and value is not None:
        facts.setdefault(named, value)  # “融资 莫得”: the yes/no belongs to the figure named, not the question
        value = None
    market = bool(_MARKET_SHARE.search(msg.norm)) and not _MARKET_WORDS.search(crit.label or crit.question)
    if (
        value is not None
        and crit.type == "number"
        and pending not in facts
        and not figure
        and (all_owned(t, msg, facts) or figured_elsewhere(t, msg) or value in facts.values() or market)
    ):  # (“国内细分里头排第三 占了百分之十几” while 主营占比 is asked: the market's share, no answer)
        value = None  # “有2个发明专利在用” while 研发费用 is asked: the figure is the patents', no answer; so is
        # “质量评价得分平台上测的58”, a score this check does not ask about, and 大前年一点二亿 (大前年's)
    if value is not None and crit.sum_of and pending not in facts and _YEAR_LABEL.match(msg.norm.lstrip(_LEADS)):
        value = None  # asked 近两年研发费用合计, told “前年一点四五亿 …”: one year's figure (the one talked of)
    if value is not None and not facts and (owned := keyword_figure(t, msg, pending)):
        facts = owned  # “负债率我看错了 是八十左右” while 研发 is asked: the figure is the 负债率's
        value = None if crit.type == "number" else value  # (a yes to the question asked still holds)
    owned = keyword_figure(t, msg, pending) if value is None and not aside and not facts else {}
    if owned and all(c in t.profile for c in owned):
        facts = owned  # “负债率我看的季度报表 年末的是57%” while 中小企业 is asked: the 负债率 recorded, told again
    if value is None and not aside and facts and pending not in facts and crit.type == "number" and not market:
        value = _figure_on_its_own(t, msg, crit, facts)  # “占有率的话 国内排第七 估计百分之五六 负债率55%”
    if value is None and not aside and (part := _part_of_share(t, msg, crit, facts)):
        facts.update(part)  # asked 科技人员占比, told “按十八个算 公司总共一百二十来个人”: 18 of the 120
    if value is False and facts and pending not in facts and no_only_of_others(t, msg, crit, facts):
        value = None  # asked 是否属于中小企业, told “失信 事故 都莫得”: its 莫得 denies those
    if value is True and facts and pending not in facts and yes_only_by_lead(t, msg, crit, facts):
        value = None  # asked 是否已备案, told “是规上工业企业” or “好的 我们在渝北注册…”: no yes to the question
    if value is True and crit.title and pending not in facts and _yes_only_of_other_titles(t, msg, pending, facts):
        value = None  # asked 是否为小巨人, told “…我们是市级专精特新…”: the 是 is of the other title
    if value is True and pending not in facts and _part_only(msg, crit):
        value = None  # asked 查账征收的居民企业, told “居民企业是的”: half the question, its 查账征收 not said
    oh = _OH_OK.match(msg.text.strip())
    if value is True and pending not in facts and oh and _answers_nothing_after(t, msg.text.strip(), oh, crit):
        value = None  # “哦 要得 我们确实比老版本改了很多”: 哦 要得 takes in what the bot said, it is no 是
    if _threshold_not_known(t, msg, pending, facts.get(pending, value)):
        facts.pop(pending, None)  # “评分那个70分的我们自己算不来 不晓得好多”: the bar asked about, not our figure
        value = UNKNOWN
    if value is None and not aside and pending not in facts and crit.type == "bool":
        value = _named_then_answered(t, msg, crit)  # “备案 莫得 制度倒是有个草稿 …”
    if pending in facts and crit.type == "choice" and value == UNKNOWN:
        del facts[pending]  # “规上规下我真不晓得”: of the kinds it names, none is known
    elif pending in facts:  # said in its own words (“小巨人 莫得”): surer than a leading 是 or a title named
        value = facts.pop(pending)
    elif value == UNKNOWN and UNKNOWN in facts.values() and not any(normalize(w) in msg.norm for w in crit.title):
        value = None  # “目录里有没得 我晓不得”: the not-knowing is the catalogue's, not the question's (unless the
        # question's title is named: “评没评过创新型中小企业 我真不晓得 发展评价得分也没算过”, both not known)
    elif value is None and not aside and not facts and says_unknown(msg.norm):
        value = UNKNOWN  # “称号啥的我晓不得 要问老板 好像报过啥子 记不到了”: not known, in many words
    elif value is None and not aside and facts and UNKNOWN not in facts.values() and _clause_not_known(t, msg, pending):
        value = UNKNOWN  # “著作权是原始取得 在重庆登记的 证好久拿的我不清楚”: facts, then the question's not known
    if value == UNKNOWN and not facts and (other := _pointed_at(t, msg, pending)):
        facts, value = {other: UNKNOWN}, None  # asked 研发占比, told “知识产权这块我要问下技术部 记不到了”
    if not aside and _YEAR_LABEL.search(msg.norm) and (value is None or facts):
        # 营收四千二百万 told, then “前年三千五 去年四千二” (or “前年1.48亿 大前年1.37亿 负债率52%”, beside a fact)
        facts.update(_years_of_recorded(t, msg, {**facts, **({pending: value} if value is not None else {})}))
    if not aside and facts:
        facts.update(_span_alone(t, msg, {**facts, **({pending: value} if value is not None else {})}))
    return facts, value


_SPAN_FILLERS = re.compile(r"(有|都|快|已经|差不多|大概|将近|了|左右|多|的)*")
"""What may stand beside a span of years said alone in its clause (五年了, 有八年多)."""


def _span_alone(t: Turn, msg: Message, facts: dict[str, Any]) -> dict[str, Any]:
    """A span of years said alone in its clause, among other facts (“潼南 除尘滤袋 五年 …”).

    It is the years of the check's one condition counted in years, when that is still open; nothing when the check
    has several.
    """
    crits = checklist_criteria(t.kn, t.scope, t.day) if t.scope else None
    spans = [
        q
        for said in map(normalize, clauses(msg.text))
        if len(found := quantities(said)) == 1
        and (q := found[0]).unit == "年"
        and q.value < CALENDAR_YEAR
        and _SPAN_FILLERS.fullmatch(said[: q.start] + said[q.end :])
    ]
    open_ = [c for c, crit in (crits or {}).items() if crit.unit == "年" and c not in t.profile and c not in facts]
    if len(spans) != 1 or len(open_) != 1:
        return {}
    value = number_value(spans[0], "年", t.day)
    return {open_[0]: value} if value is not None else {}


GENERIC_GRAMS = frozenset(
    {
        "是否",
        "企业",
        "贵企",
        "是不",
        "不是",
        "有没",
        "没有",
        "多少",
        "上年",
        "年度",
        "我们",
        "公司",
        "属于",
        "是什",
        "什么",
    }
)
"""Character pairs any question of a check holds: sharing them says nothing of which condition is meant."""


def _clause_not_known(t: Turn, msg: Message, pending: str) -> bool:
    """Whether the last clause saying it is not known states no fact and names no other condition of the check.

    “著作权是原始取得 在重庆登记的 证好久拿的我不清楚”: the question asked is not known; not “版本号V1.0 软著好久登记的
    我要问下行政” while 面向市场销售 is asked (the 登记 of another question).
    """
    parts = clauses(msg.text)
    said = [i for i, c in enumerate(parts) if says_unknown(normalize(c))]
    if not said or t.facts(parts[said[-1]]):
        return False
    # (“市场占有率没统计过 不晓得”: a bare 不晓得 is of the clause before it)
    spoken = " ".join(parts[max(0, said[-1] - 1) : said[-1] + 1])
    return not names_condition_of_check(t, normalize(spoken), but=pending)


def names_condition_of_check(t: Turn, norm: str, but: str | None = None, topic: str | None = None) -> bool:
    """Whether ``norm`` names a condition of the check (``topic``'s, else the one in hand) other than ``but``.

    “软著是前年登记的” while 面向市场销售 is asked: the 登记 of another condition.
    """
    asked = checklist_criteria(t.kn, topic or t.scope or "", t.day) or {}
    return any(names_criterion(norm, crit) for cid, crit in asked.items() if cid != but)


def names_criterion(norm: str, crit: Criterion) -> bool:
    """Whether ``norm`` shares a word (a character pair, not a generic one) with ``crit``'s question or label."""
    own = (bigrams(normalize(crit.question)) | bigrams(normalize(crit.label or ""))) - GENERIC_GRAMS
    return bool(bigrams(norm) & own)


def _part_only(msg: Message, crit: Criterion) -> bool:
    """Whether the message confirms only a part of ``crit`` (its ``part_words``), none of its ``yes_words``."""
    said = msg.norm
    return any(normalize(w) in said for w in crit.part_words) and not any(normalize(w) in said for w in crit.yes_words)


def _figure_on_its_own(t: Turn, msg: Message, crit: Criterion, facts: dict[str, Any]) -> Any:
    """The answer to ``crit`` in the one clause of figures that states nothing else, beside facts told.

    Asked the market share, told “国内这个细分排第七 估计百分之五六 负债率55%”: the rank and the 负债率 are facts of
    their own, and 百分之五六, in its unit, is the answer. Only a figure whose unit is said and fits counts.
    """
    found = []
    for clause in clauses(msg.text):
        said = Message(clause, normalize(clause))
        figures = quantities(said.norm)
        if not figures or t.facts(clause) or asks(t, said):
            continue
        if any(q.unit is None or q.unit == "年" for q in figures) or _YEAR_LABEL.search(said.norm):
            return None  # (a bare number, a year, or 前年一点四五亿 — an earlier year's figure: whose, is not clear)
        found.append(said)
    if len(found) != 1:
        return None
    value = answer_value(t, found[0], crit)
    return None if value is None or value == UNKNOWN or value in facts.values() else value


def subject_taken_as_said(t: Turn, msg: Message, cid: str) -> Any:
    """The value the message gives ``cid`` read as said of its ``subject`` (the question asked names it), if any."""
    crit = t.kn.criteria[cid]
    if not crit.subject or crit.type == "number":
        return None
    unbound = t.kn.memo.setdefault("subject_said", {})  # (one dict per criterion: its words are prepared once)
    if cid not in unbound:
        unbound[cid] = {cid: crit.model_copy(update={"subject": []})}
    return extract(english_terms(t.kn, msg.text), unbound[cid], policy_names(t.kn), t.day).get(cid)


def _named_then_answered(t: Turn, msg: Message, crit: Criterion) -> bool | None:
    """“备案 莫得 制度倒是有个草稿 还没在平台上报”: the question's own word, then a bare yes or no, answers it.

    The opening clause must be words of the question asked (备案 of 是否…完成备案), the next a yes or no alone.
    """
    said = clauses(msg.text)
    if len(said) < 2 or len(said[0]) > NAMED_CHARS:
        return None
    head, reply = normalize(said[0]), normalize(said[1])
    if len(head) < 2 or head not in normalize(f"{crit.label}{crit.question}"):
        return None
    if len(reply) > CONTROL_CHARS or says_unknown(reply) or ASKED_A_NOT_A.search(reply):
        return None  # (“准备金备案？不晓得弄没弄”: not known, asked back)
    return parse_yes_no(reply, t.kn.messages.vocabulary)


def _none_of_the_thing_asked(msg: Message, crit: Criterion) -> bool:
    """Whether the message names the thing a question phrased “还没有…” asks about, then says none is had."""
    said = clauses(msg.text)
    if len(said) < 2 or not _NONE_HAD.fullmatch(normalize(said[-1])):
        return False
    asked = _ASIDE.sub("", crit.question)
    head = normalize("".join(said[:-1]))
    return bool(_DENIAL.search(asked)) and len(bigrams(head) & bigrams(normalize(asked))) >= NAMED_PAIRS


NAMED_PAIRS = 2
"""Character pairs the words before a bare denial must share with the question to name its thing (省级, 首版)."""
_NONE_HAD = re.compile(r"(还|都|也|从来)?(莫得|没得|没有|没)(过)?(的|哦|嘛|噻)?")
"""A bare denial that the thing named is had (莫得, 都没有): what a question phrased “还没有…” asks is so."""


_TITLE_DENIED = re.compile(
    r"(我们|我们家|咱们|公司)?(都|也|还|从来|一直)?(没|没有|莫|莫得|没得|未|不是)(评|报|拿|申请|申报|得|获|认定|申)?(过|到|上)?(的|哦|嘛|噻|呢)?"
)
"""A clause after the one naming a title that only denies it is held (我们没评过, 还没报过)."""
_TOPIC_MARKED = re.compile(r"(说到|至于|关于)?(嘛|的话|呢|这块|这一块|这个|方面|这方面)")
"""What is left of a clause naming a title that only marks it as what is spoken of (研发机构嘛, 技术中心的话)."""
NAMED_CHARS = 6
"""An opening clause this short may name the thing asked about (备案, 辅助账) before its yes or no."""
CLAUSE_NAMING_CHARS = 12
"""The longest first clause that may name the condition a “don't know” after it is of (高新产品收入占好多)."""


def _pointed_at(t: Turn, msg: Message, pending: str) -> str | None:
    """The one other condition of the check that the message opens by pointing at (知识产权这块 …), if any."""
    crit = t.kn.criteria[pending]
    if not t.scope:
        return None
    opened = _POINTED.match(msg.norm)
    heads = [opened[1]] if opened else []
    heads.append(_POINTER_CLAUSE.sub("", normalize(clauses(msg.text)[0])))  # (“备案平台?? 啥子备案 我晓不得”)
    others = {cid: c for cid, c in (checklist_criteria(t.kn, t.scope, t.day) or {}).items() if cid != pending}
    for head in heads:
        if not 2 <= len(head) <= CLAUSE_NAMING_CHARS or head in normalize(f"{crit.label}{crit.question}"):
            continue
        if says_unknown(head) or len(head) >= len(msg.norm):
            continue  # (“不知道” alone names nothing: it answers the question)
        named = []
        if len(head) <= NAMED_CHARS + 2:
            named = [cid for cid, c in others.items() if head in normalize(c.label)]
            if not named:  # (备案平台 is in the question of 研发准备金制度和预算已备案, not in its label)
                named = [cid for cid, c in others.items() if head in normalize(c.question)]
        if not named:  # (高新产品收入占好多 | 没统计过: named by its words, the share asked, not the amount)
            named = _asked_by_words(t, head, others)
        if len(named) == 1:
            return named[0]
    return None


def _asked_by_words(t: Turn, head: str, others: dict[str, Criterion]) -> list[str]:
    """The conditions the check asks whose words (three characters or more) ``head`` says, the longest word's."""
    asked = {c for c in others if t.kn.criteria[c].computed_from or not _parts_only(t, c, others)}
    said = [(len(w), cid) for cid in asked for w in map(normalize, others[cid].extract) if len(w) >= 3 and w in head]
    longest = max((n for n, _c in said), default=0)
    return sorted({cid for n, cid in said if n == longest})


def _parts_only(t: Turn, cid: str, others: dict[str, Criterion]) -> bool:
    """Whether ``cid`` is only a part a share of the check is computed from (高新技术产品收入 of its share)."""
    return any(cid in c.ratio_of for c in others.values())


_POINTERS = "这块|这一块|那块|那一块|这方面|方面|这个|那个|这项|那项|这条|那条"
"""Words that point at the thing said before them (知识产权这块, 评价得分那个)."""
_POINTED = re.compile(
    rf"^(?:那|还有)?(.{{2,8}}?)(?:{_POINTERS}"
    r"|(?=我|也|真的|确实|晓不得|不晓得|不知道|不清楚|搞不清|记不到|记不清))"
)
"""A message opening by pointing at a thing (知识产权这块, 评价得分那个, 备案我晓不得): what follows is of that."""
_POINTER_CLAUSE = re.compile(rf"({_POINTERS})$")


def _threshold_not_known(t: Turn, msg: Message, pending: str, value: Any) -> bool:
    """Whether the figure read is only the bar the question asked about, said with “I don't know” beside it."""
    bar = yes_no_threshold(t, pending)
    return bar is not None and isinstance(value, float) and value == bar[1] and says_unknown(msg.norm)


_YEAR_LABEL = re.compile(r"(去年|前年|今年|大前年)")
_LEADS = "那嗯哦噢诶对是"


def _years_of_recorded(t: Turn, msg: Message, facts: dict[str, Any]) -> dict[str, Any]:
    """Year-labelled figures with no subject, read as years of the yearly figure last recorded.

    “前年三千五 去年四千二” after 营收四千二百万: read with 营收 before it, 去年四千二 gives back the 4200万
    recorded, so 前年三千五 is 营收's too; “前年一亿四” alone gives only an earlier year of it. Only the latest
    yearly figure recorded is tried, and nothing it already holds is read again.
    """
    recorded = [*t.profile, *t.state.get("answered", [])]  # the last answered, else the last told before the check
    latest = next((c for c in reversed(recorded) if c in t.profile and yearly(t, c)), None)
    if latest is None:
        return {}
    crit = t.kn.criteria[latest]
    family = year_family(t, latest)
    read = t.facts(f"{crit.extract[0]} {msg.text}")
    owned = list(facts.values())  # (前年营收两千八百万: a figure its own words gave another criterion)
    earlier_years = {c: v for c, v in read.items() if c in family[1:] and c not in facts and v not in owned}
    if earlier_years and (read.get(latest) == t.profile[latest] or latest not in read):
        return earlier_years
    if earlier_years and isinstance(t.profile[latest], list) and isinstance(read.get(latest), float):
        # “研发一年两三百万吧”, then “我翻了下账 前年三百二十万 去年三百八十万”: the years, exact where a range was
        return {latest: read[latest], **earlier_years}
    return {}


def year_family(t: Turn, cid: str) -> list[str]:
    """``cid`` and the criteria of the years before it (上年度营业收入, 前年营业收入, 大前年营业收入)."""
    family = [cid]
    while (earlier := t.kn.criteria[family[-1]].previous) and earlier in t.kn.criteria and earlier not in family:
        family.append(earlier)
    return family


def yearly(t: Turn, cid: str) -> bool:
    """Whether ``cid`` is a figure of one year, with the year before it (上年度营业收入 → 前年营业收入)."""
    crit = t.kn.criteria.get(cid)
    return crit is not None and crit.type == "number" and bool(crit.extract) and crit.previous is not None


def _said_of_subject(t: Turn, msg: Message, crit: Criterion, pending: str) -> dict[str, Any]:
    """Figures said without their subject, read as said of the years the question is made of.

    Asked the lower of two years' R&D, told “24年一百八十万 25年两百出头 占营收都是四个多点”: each year's R&D,
    and each year's share of revenue, as if “研发费用” opened the message.
    """
    parts = [c for c in (*crit.min_of, *crit.sum_of) if c in t.kn.criteria]
    subject = next((w for c in parts for w in t.kn.criteria[c].extract), None)
    if subject is None or len(quantities(msg.norm)) < len(parts):
        return {}
    said = keep_variant(t, msg, t.facts(f"{subject} {msg.text}"), pending)
    return said if all(c in said for c in parts) else {}  # (each year's figure, not only a share)


def gives_parts(t: Turn, msg: Message, crit: Criterion) -> bool:
    """Whether the message gives the part and the whole of the share ``crit`` (16个人 全厂两百人)."""
    return bool(_part_of_share(t, msg, crit, t.facts(msg.text)))


def _part_of_share(t: Turn, msg: Message, crit: Criterion, facts: dict[str, Any]) -> dict[str, Any]:
    """The part of the share asked, when the message gives the whole in its words and one more count unnamed.

    Asked “科技人员占职工总数的比例”, told “那就按十八个算 公司总共一百二十来个人”: 120 is the 职工人数 its words
    name, and the one other head count (18) can only be the 科技人员, the share's part.
    """
    if len(crit.ratio_of) != 2 or crit.ratio_of[1] not in facts or crit.ratio_of[0] in facts:
        return {}
    part, whole = (t.kn.criteria[c] for c in crit.ratio_of)
    if part.unit != whole.unit or part.unit != "人":
        return {}
    counts = [q for q in quantities(msg.norm) if q.unit in ("个", "人", "位", "名")]
    others = [q for q in counts if number_value(q, "人") != facts[crit.ratio_of[1]]]
    if len(counts) != 2 or len(others) != 1 or (value := number_value(others[0], "人")) is None:
        return {}
    whole_value = facts[crit.ratio_of[1]]  # (a figure or a range: 九十来个人 is 90–100)
    top = value[-1] if isinstance(value, list) else value
    bottom = whole_value[0] if isinstance(whole_value, list) else whole_value
    return {crit.ratio_of[0]: value} if top < bottom else {}
