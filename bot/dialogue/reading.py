"""How a message reads on its own: a question or a statement, its words of content.

Shared by the recognisers of ``interpret`` and the helpers of ``mentions`` and ``attribution``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.answers import DONE_YET
from bot.dialogue.turn import Turn, says, words
from intents.normalize import normalize

CONTROL_CHARS = 14
"""A message up to this long that contains a control phrase (算了 不测了, 接着前面的) is that phrase."""
LEAD_CLAUSES = 2
"""How many clauses may open a message before the one that acts (好 | 接着说高企 …, 算了 | 高企不测了 …)."""


SHORT_MESSAGE = 16
"""A message this short that names a part of the topic (要交啥, 好久截止) asks about the topic under discussion."""


@dataclass(frozen=True)
class Message:
    """The text as typed and normalised."""

    text: str
    norm: str


CLAUSE_BREAK = re.compile(r"[\s,，。；;!！?？]+")
"""Where a message's clauses part: a space or punctuation."""


def clauses(text: str) -> list[str]:
    """The clauses of ``text`` as typed, between its spaces and punctuation."""
    return [c for c in CLAUSE_BREAK.split(text.strip()) if c]


def last_clause(msg: Message) -> Message:
    """The message's last clause (after its last space or punctuation)."""
    parts = [c for c in CLAUSE_BREAK.split(msg.text.strip()) if c.strip()]  # (not the nothing after a final ？)
    last = parts[-1] if parts else ""
    return Message(last, normalize(last))


DIFFERENCE = re.compile(
    r"(啥|什么|啥子)区别|有区别|一样不|一回事|[和跟与].{1,12}(差在哪|差别|差异|有啥不同|有什么不同)"
)
"""A question on how two things differ: what it names is compared, not said of the enterprise."""
BOTH = re.compile(r"(一起|一块|同时|两个都|两个一起|都|也|也能|也可以)(报|申|评|挂|认定|享受|拿)")
"""A question on having one more (中小企业技术研发中心我们能不能一起报): it takes up no kind in place of the other."""


def statement(t: Turn, msg: Message) -> str:
    """The message without its question words: “专精特新有没有补贴” states no 有 or 没有."""
    if not asks(t, msg):
        return msg.text
    return without(_A_NOT_A.sub(" ", msg.norm), words(t.kn)["question_words"], " ")


def without(norm: str, remove: frozenset[str], gap: str) -> str:
    """``norm`` with every word of ``remove`` replaced by ``gap``, longest first (then alphabetical: stable)."""
    for word in sorted(remove, key=lambda w: (-len(w), w)):
        norm = norm.replace(word, gap)
    return norm


_EITHER_OR = re.compile(r"还是[^，,。；;|\s]{1,6}?(补|管|批|给|出钱|发|认定|负责|报|交|算|享受)(的|呢|哦|嘛|喃)?$")
"""A message ending in which of two does something (归市里还是区里补): a question, whatever else it says."""


_NOT_KNOWN_WHAT = re.compile(
    r"(晓不得|不晓得|不知道|不清楚|搞不清楚?|不太清楚|记不到|记不得)[^，,。；;\s]{0,10}?"
    r"(是好多|是多少|有好多|有多少|是啥子?|是什么|是哪个|(?P<a>[进在有是算评拿过])[没不](?P=a))"
)
"""Not knowing what something is, or whether (晓不得行业平均是好多, 不晓得我们进没进): a statement; its question word
asks nothing."""


_NOT_WORKED_OUT = re.compile(
    r"(占|有|是)(好多|多少)[\s，,]*[^，,。；;\s?？]{0,4}?(还|也)?(没|没有|莫)(拆|算|统计|理|整理|测|打|核)(出来|过|清楚?|好)?"
)
"""How much something is, then that it is not worked out yet (高新产品收入占好多 财务还没拆出来): a statement."""
_WHETHER_NOT_KNOWN = re.compile(
    r"(?P<whether>(有没有|有没得|在不在|是不是|算不算|啥子|什么|哪个|哪家|谁)[^，,。；;？?\s]{0,12}?)[\s，,]*(我|我们)?(真的|确实|也|实在|是|硬是)?"
    r"(?P<nk>晓不得|不晓得|不知道|不清楚|搞不清楚?|说不清楚?|不太清楚|搞不懂|不懂|弄不懂)"
    r"((?P<b>[有在是进算])[没不](?P=b)|有没得|有莫得)?"  # (…啥子称号 晓不得有没有: whether we hold it, not known)
)  # (专利在哪个名下我不清楚: whose, not known)
"""Whether or what something is, then not knowing it (目录里头有没有我们这个牌号 我真的晓不得, 啥子一类二类我搞不懂):
a statement."""


_NOT_KNOWN_WHICH = re.compile(
    r"(?P<nk>晓不得|不晓得|不知道|不清楚|搞不清楚?|说不清楚?)(到底)?(是)?[^，,。；;？?\s]{1,8}还是[^，,。；;？?\s]{1,8}"
)
"""Not knowing which of two it is (晓不得是查账还是核定): a statement, not the question of which."""
_NOT_KNOWN_THEN_WHETHER = re.compile(
    r"(我|我们)(还|也)?(真的?|确实|实在)?(晓不得|不晓得|不知道|不清楚|搞不清楚?)(哦|啊|了|哈)?[\s，,]+"
    r"(?P<whether>[^，,。；;？?\s]{0,16}?(有没有|有没得|在不在|是不是|算不算)[^，,。；;？?\s]{0,12})"
)
"""The user's own not knowing, said in a clause of its own, then what it is about (我还真晓不得 | 目录有没有我们这个
型号): a statement (not “不知道能不能申请”, which asks politely)."""


def asks(t: Turn, msg: Message) -> bool:
    """Whether the message is a question (吗, 怎么, 啥子, 好久 …) rather than a statement.

    The bot's question said back with a question mark and answered after it (主营占好多? 基本都是刀具) is read by
    its answer.
    """
    if echo := _ECHO_ANSWERED.match(msg.text):
        answer = msg.text[echo.end("echo") :]
        return asks(t, Message(answer, normalize(answer)))
    if self_said := _SELF_ANSWERED.match(msg.text):
        answer = msg.text[self_said.end("asked") :]
        return asks(t, Message(answer, normalize(answer)))  # “研发主要是啥子嘛 就是产线上的日常质检”: told
    marked = "?" in msg.text or "？" in msg.text
    if not marked and (whether := _WHETHER_NOT_KNOWN.search(msg.text)):
        rest = msg.text[: whether.start()] + " " + msg.text[whether.end("whether") : whether.end("nk")]
        rest += " " + msg.text[whether.end() :]  # (the not knowing kept; its A-not-A, if any, asks nothing)
        return asks(t, Message(rest, normalize(rest)))  # “里头有没有我们这个牌号 我真的晓不得”: not known whether
    if not marked and (first := _NOT_KNOWN_THEN_WHETHER.search(msg.text)):
        rest = msg.text[: first.start("whether")] + " " + msg.text[first.end("whether") :]
        return asks(t, Message(rest, normalize(rest)))  # “我还真晓不得 2024版目录有没有我们这个型号 没查过”
    if not marked and (which := _NOT_KNOWN_WHICH.search(msg.text)):
        rest = msg.text[: which.end("nk")] + " " + msg.text[which.end() :]
        return asks(t, Message(rest, normalize(rest)))  # “晓不得是查账还是核定”: which of two, not known
    if not marked and (worked := _NOT_WORKED_OUT.search(msg.text)):
        rest = msg.text[: worked.start()] + " " + msg.text[worked.end() :]
        return asks(t, Message(rest, normalize(rest)))  # “高新产品收入占好多 财务还没拆出来”: not known yet, said
    if not marked and (embedded := _NOT_KNOWN_WHAT.search(msg.text)):
        rest = msg.text[: embedded.start()] + " " + msg.text[embedded.end() :]
        return asks(t, Message(rest, normalize(rest)))  # “这个晓不得行业平均是好多”: not known, said; no question
    tail = msg.norm[-1:] if len(msg.norm) > _TAIL_AFTER else ""
    how_many = _HOW_MANY.search(normalize(_FEW_HELD.sub("有些", msg.text)))
    if marked or tail in ASKING_TAILS or how_many or _DIALECT_ASKING.search(msg.text):
        return True
    if (
        _HAVE_OR_NOT.search(last_clause(msg).norm)  # (not “厂家那边有 我们没得”: theirs, then our lack)
        or _OUT_YET.search(msg.norm)
        or DONE_YET.search(msg.norm)
        or _HAPPENED_YET.search(msg.norm)
        or _HAVE_ANY.search(msg.norm)
    ):
        return True  # “专利有没得”, “补贴有得没得”, “通知出来没得”, “稳了没得”, “落雨没有”; not “市级的都没得”
    if _EITHER_OR.search(msg.norm):
        return True  # “归市里还是区里补”: which of two, asked
    if _REQUESTED.search(msg.norm):
        return True  # “申报系统网址发一个”: a thing asked for
    a_not_a = _A_NOT_A.search(msg.norm) or any(_A_NOT_A.search(normalize(c)) for c in clauses(msg.text))
    if a_not_a and not says(msg.norm, t.kn, "unknown"):
        # “够不够”; not “在不在目录里 我还要问下技术部”, which says it is not known; a clause's own (…加计扣除不 会不会
        # 冲突: 会不会, though 不会 runs on from the clause before once the space is gone)
        return True
    norm = _NOT_ANY.sub("|", msg.norm)  # “不是啥子批发零售”, “没得啥子奖”: not any, no question
    norm = _PLACEHOLDER.sub("|", norm)  # “那个啥子创新型的称号 我们没评过”: a name not recalled, no question
    return says(norm, t.kn, "question_words") and not _not_known(t, norm)


def asks_in_a_clause(t: Turn, msg: Message) -> bool:
    """Whether the message, or a clause of it, is a question (那我们符合不 ok的话我跟老板说: its first clause)."""
    return asks(t, msg) or any(asks(t, Message(c, normalize(c))) for c in clauses(msg.text)[:-1])


_ECHO_ANSWERED = re.compile(
    r"^(?P<echo>[^?？]{1,8}[?？]+\s*)(还|也|都|基本|基本上|主要|差不多|大概)?(莫得|没得|没有|有的|有|是的|是|不是|对|没|都是|全是|应该算|应该是|算是|算)"
    r"(?![^?？]*[?？])"
)
"""“融资？莫得 都是老板自己出的”: the item repeated with a question mark, then answered — no question."""
_SELF_ANSWERED = re.compile(
    r"^(?P<asked>[^?？\s，,]{1,10}(是|搞的|做的|在搞|在做)(啥子|啥|什么)(嘛|呢|哦|喃)?[\s，,]+)"
    r"(就是|主要是|其实就是|说白了就是|无非是|无非就是)"
)
"""“研发主要是啥子嘛 就是产线上的日常质量检测”: a question put to oneself and answered at once — no question."""
_PLACEHOLDER = re.compile(
    r"^(那个|就是那个|就那个)(啥子|啥|什么)(?=[^?？]{2,12}?(称号|牌子|资质|认定|证书)[^?？]*(没|莫|不是|是|有))"
)
"""Opening a statement: 那个啥子 stands for a name the user does not recall (那个啥子…称号 | 我们没评过)."""
_NOT_ANY = re.compile(
    r"(不是|没得|没有|没|莫得|不算|也不是|不属于|也不属于|不归|不沾|没沾|不碰|不涉及)(给|为|卖给|帮|出过|出|发生过|发生|遇到过|遭过|犯过|拿过|做过|做|搞过|搞|干过|干|弄"
    r"|申请过|申报过|报过|评过|参加过|获得过|获过|得过|入选过|认定过|备过|备|建过|建|填过|填|交过|交|用在|用于|用到|用过|配在|配过|配|装在)?"
    r"(啥子|啥|什么|哪家|哪个|哪一家)"
    r"|(啥子|啥|什么)[^，|]{0,4}都(还|也|从来)?(没有|没得|莫得|没|未)"
    r"|(不|没)(咋个?|怎么|咋子)(搞|做|弄|投|花|管|用|行|样|好|会|懂|去|报|研发)"  # (同行基本都不咋搞研发: hardly)
    r"|(?<=[没莫不][得有是][\u4e00-\u9fff]{2})(啥子|啥|什么)的"  # (也没得失信啥子的: and the like, after a denial)
    r"|(没|莫|没有|还没|才来|来了|刚来)(好久|多久)(?!(才|就|能|可以))"  # (我刚来公司没好久: not long, no when asked)
)


def _not_known(t: Turn, norm: str) -> bool:
    """Whether every question word of the message is what it does not know (晓不得有没得, 不清楚是多少): no question."""
    unknown = [(norm.find(w), len(w)) for w in words(t.kn)["unknown"] if w in norm]
    if not unknown:
        return False
    ends = {at + size for at, size in unknown}
    starts = {at for at, _size in unknown}
    for w in words(t.kn)["question_words"]:
        at = norm.find(w)
        while at >= 0:
            before = any(0 <= at - end <= _EMBEDDED_GAP for end in ends)  # 晓不得是多少
            after = any(0 <= start - (at + len(w)) <= _UNKNOWN_AFTER for start in starts)  # 好多我也晓不得
            if not (before or after):
                return False
            at = norm.find(w, at + 1)
    return True


_UNKNOWN_AFTER = 2
"""Characters between a question word and the not-knowing after it (研发费用好多我也晓不得: 我也)."""
_EMBEDDED_GAP = 1
"""Characters between 晓不得 and the question it does not know the answer to (晓不得是多少: 是)."""


_HOW_MANY = re.compile(
    r"(?<![\d一二两三四五六七八九十百千点这那近前过最好])(?<!招了|新招|进了|来了|走了|加了|多了|少了)几(年|月|号|个月|天|批|项|个|家)"
    r"(?<!给几家)(?![^\s，,。；;|?？]{1,6}的(?!话)[\u4e00-\u9fff])"
)
"""几年 / 几个 asks; 十几年 / 三十几个 / 一点几个点 is a hedged figure, 这几年 / 近几年 a period, 好几家 several,
新招了几个 a few, 给几家主机厂配套 some customers, 代理几个牌子的配件 a few of what it describes."""
_FEW_HELD = re.compile(
    r"(?<![要需得])有几个(?=实用新型|软著|软件著作|专利|发明|商标|著作权|[\s,，。；;]+\S)"
    r"|(?<![要需得])有几(个|家)(?=大的|大厂|大企业|大公司|强的|厉害|比我们|做得)"
)
"""有几个 of what the enterprise holds (有几个实用新型, 发明专利有几个 都是自己的) states a few, and so does 有几家
of rivals described (国外有几家大的); 要有几个专利 asks."""


_OUT_YET = re.compile(r"(出来|下来|发了|出了|开始了|公布)了?(没得|没有|没)$")
"""…出来没得 at the end asks whether it is out yet (今年的通知出来没得)."""
_HAPPENED_YET = re.compile(
    r"(落雨|下雨|下雪|出太阳|降温|升温|放假|开门|关门|吃饭|吃了|到了|来了|走了|睡了|涨了|跌了)(没得|没有|没|莫得)$"
)
"""…落雨没有 at the end asks whether it happened (今天合川落雨没有), a question of daily life, not an answer 没有."""
_HAVE_ANY = re.compile(r"有(没得|没有|莫得)(啥子|啥|什么)")
"""有没得啥子补贴: whether there is any, asked (its 没得啥子 denies nothing)."""
_HAVE_OR_NOT = re.compile(r"有[^都也还根就]{0,8}[^都也还根就]没得$|[够行成过]没得$")
"""…有…没得 or 够没得 at the end asks (有补贴没得, 那现在够没得); 都没得 / 也没得 states a lack."""


_A_NOT_A = re.compile(r"(?<!不)([^\W\d_])[不没]\1")
"""A-not-A asks (够不够, 达不达标, 有没有) and states neither; “不是不是” corrects."""


_TAIL_AFTER = 2
"""Only a message longer than this asks by its last character (“能享受不”; a bare “否” answers)."""


ASKING_TAILS = frozenset("不没否")
"""A last character that makes a statement a question (能享受不, 有没)."""
_REQUESTED = re.compile(
    r"(?<![研开出启分批散爆引收颁印下])(发|甩)(我|我们|给我|给我们)?(一个|个|一下|下|一哈|过来)(嘛|哈|撒|噻|呗|吧|呢|哦)?$"
    r"|(?<![研开出启分批散爆引收颁印下刚才已经早])发(给|到)(我|我们)(?!了)|给(我|我们)(发|说|讲|列)(一下|下|一哈|个)"
)
"""A request for something (网址发一个, 发给我, 给我发一下): asked, with no question word (财务刚发给我 tells)."""
_DIALECT_ASKING = re.compile(
    r"[迈哇噶嘎](?=$|[\s,，。?？!！~～])|是[^，,。\s]{1,10}还是|(现在|目前|今年)还是[^，,。\s]{1,10}嘛(?=$|[\s,，。!！~～])"
    r"|也(算数|算|可以|行|得行|认)噻(?=$|[\s,，。!！~～])"
    r"|不得(算数|算|认)(啊|嗦|哦|喃)(?=$|[\s,，。!！~～])|说法不算数?(啊|嗦|哦)(?=$|[\s,，。!！~～])"
)
"""迈 or 哇 ending a clause is Chongqing's 吗 (外协的不算主营迈, 独立法人是必须的哇); 是A还是B asks which; so does
现在还是…嘛 (高企证书现在还是三年有效嘛: still so, asked), 也算噻 (专利买来的也算数噻: that too, asked) and 不得算啊
(省里那个二等奖不得算啊: doesn't it count?)."""


FILLERS = re.compile(r"[是的了啊呢嘛哦那这个要]")
"""Characters that carry no content of their own when a question's words are compared with a topic's."""


def word_pairs(t: Turn, msg: Message, fillers: re.Pattern[str]) -> set[str]:
    """The message's character pairs of content: without question words and ``fillers``."""
    content = fillers.sub("|", without(msg.norm, words(t.kn)["question_words"], "|"))
    return {p for p in (content[i : i + 2] for i in range(len(content) - 1)) if "|" not in p}
