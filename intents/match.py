"""Match a message to intents: a ranked, explainable candidate list, then a decision with a reason."""

from __future__ import annotations

import re
import threading
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz, process

from intents import pinyin
from intents.classify import NgramClassifier
from intents.normalize import normalize

OUT_OF_SCOPE = "__out_of_scope__"
"""Internal label of the negative examples; surfaces as intent ``None``."""


_HELD = re.compile(
    r"(有|(?<!这次)(?<!这回)(?<!现在)(?<!问的)是|已经|参与过|评了|评上了?|评起了?|评到了?|拿到了?|拿起了?|获得了?|成了|成为了?|当上了?|被?评为|升为|没有?|还没有?|没评|还没评|未|不是|还不是"
    r"|(拿|评|评上|拿到|认定|获得|认)的)"
    r"(了|过)?(个|一个)?((\d{2,4}年|[一二三四五六七八九零〇]{2,4}年|去年|前年|今年)的)?的?(市级|省级|国家级|重庆市?)?$"
)
"""What stands before a name the enterprise holds, lacks or has done (也是市级专精特新, 还没评过专精特新, 是2024年的
市级专精特新, 去年拿的市级专精特新): context (not 这次是新材料首批次: what is asked this time)."""


_ABOUT_IT = re.compile(
    r"支持|鼓励|说法|怎么说|怎么讲|怎么提|提的|提到|条款|哪一条|哪条|原文|规划|定的|方向|帮助|什么政策|啥政策|相关服务|相关政策"
    r"|^(这个|这|它|那个)(是|算|属于)?(不是)?[^，,。]{0,8}(里|里面|里头|上)(的|有的|提的)"
)
"""A last sentence asking what the document or the bot says of something (52号文对这块怎么支持, 能提供什么帮助), or
whether the document holds it (这个是52号文里的吗)."""
_ASKING_WORDS = re.compile(
    r"[\s|]|有没有|有没得|有莫得|有啥子?|有什么|有哪些|相关|支持|服务|政策|鼓励|帮助|怎么|咋个|对|的|呢|吗|嘛|这块|这方面|方面"
)
SUBJECT_CHARS = 4
"""Characters a question on what the document offers must keep beside its asking words to name a subject."""
_ELSE = re.compile(r"还能|还可以|别的|其他|其它|不问")
"""…but not one asking about something else (专精特新…都问过了。你还能帮我查些什么政策)."""
_OTHERS = re.compile(r"还有(哪些|啥|什么)|全面|整体|都能")
"""Words that ask for other policies than those named (还有哪些政策, 全面看看): the policy match, not the one named."""


_FOCUS = re.compile(
    r"(?<!上次)(?<!之前)(?<!刚才)(?<!以前)(?<!前面)"
    r"(想问的是|想问下?的是|问的是|想了解的是|主要想问|主要是想问|就想问|就想了解|关心的是|这次想问|现在想问|现在想了解|这次想了解|现在想咨询"
    r"|^(听说|据说|看到|晓得|知道)?(还有|另外还有|另外有)(个|一个)?)"
)
"""In a sentence before the last: what follows is what the user says they ask about (我想问的是研发准备金补助)."""


_HEARD = re.compile(r"(听说|据说|听人说|听别人说|网上说|网上写|有人说|有人讲|别人说|群里说|中介说)")
"""A clause opening with what the user heard (听说…两个亿就可以报了): context of the question, not the question."""


_HELD_PAIR = re.compile(
    r"(有|已经有|评上了?|拿到了?|获得了?|没有|还没有|没得|莫得)(个|一个)?(市级|省级|国家级|重庆市?)?$"
)
"""Before the first word of a pair matched (有 | 市级 | 技术中心): a thing had or lacked, not only named (是52号文
定的)."""


def _held_at(text: str, via: str) -> int | None:
    """Where the name ``via`` matched stands in ``text`` as something held, else None.

    A pair of words is found by its first, held only when had or lacked (有市级技术中心: 技术中心 + 市级).
    """
    pair = "+" in via.partition(":")[2]
    name = _word(via)
    at = text.find(name)
    if at < 0 or not (_HELD_PAIR if pair else _HELD).search(text[:at]):
        return None
    return at


def _held(clause: str, via: str) -> bool:
    """Whether the name that ``via`` matched stands in ``clause`` as something held, not asked about."""
    return _held_at(clause, via) is not None


def _dismissed(sentence: str, via: str) -> bool:
    """Whether the name that ``via`` matched is set aside in ``sentence`` (首台套用不上, 之前问过首版次软件了)."""
    name = via.partition(":")[2]
    at = sentence.find(name) if name else -1
    return at >= 0 and bool(_SET_ASIDE_BEFORE.search(sentence[:at]) or _SET_ASIDE_AFTER.match(sentence, at + len(name)))


CLEAR_LEAD = 10.0
"""How far an example's match must lead the next to stand for what the rest of a message asks."""
_SET_ASIDE_BEFORE = re.compile(
    r"(问过|问了|了解过|看过|咨询过)(你|了)?(的)?$|(如果|要是|假如)?(不算|算不上|够不上|评不上|报不了|没评上)(个|一个)?$"
)
"""Before a name: a topic already asked about (之前问过你首版次软件了), or one ruled out (不算首台套的话)."""
_SET_ASIDE_AFTER = re.compile(
    r"(那块|那个|这块|这个)?(我们|对我们)?[都也就]?(用不上|用不到|不适用|不沾边|不相关|没关系|先不管|不考虑|不搞|不需要|算了"
    r"|就算了|问过了|已经问过|了解过了|已经了解|(不行|没戏|报不了|评不上|够不上|算不上)的话)"
)
"""After a name: a topic set aside (首台套用不上, 高企那块先不管, 首版次问过了)."""


def _bare_name(clause: str, via: str) -> bool:
    """Whether ``clause`` is the name ``via`` matched and nothing else but its level (国家级小巨人): no question."""
    rest = _beside_name(clause, via)
    return rest is not None and _LEVEL_ONLY.fullmatch(rest) is not None


def _beside_name(clause: str, via: str) -> str | None:
    """What ``clause`` says beside the name ``via`` matched, once; None if the name is not in it."""
    name = via.partition(":")[2]
    return normalize(clause).replace(name, "", 1) if name and name in normalize(clause) else None


_LEVEL_ONLY = re.compile(r"(市级|省级|国家级|区级|重庆市?|的)*")


def _appositive(clause: str, via: str) -> bool:
    """Whether ``clause`` is the name ``via`` matched as a gloss of one said before (小巨人… SRDI那个: the same one)."""
    rest = _beside_name(clause, via)
    return rest is not None and _GLOSS.fullmatch(rest) is not None


_GLOSS = re.compile(r"(就是|也就是|即)?(市级|省级|国家级|的)*(那个|这个|那种|这种|那一类|那类)")


_FIRST_HELD = re.compile(
    r"(要先|得先|先要|先得|需要先|必须先)(是|当|当上|成为|评上|评起|评到|拿到|拿起|取得|获得|有)(了|过)?(市级|省级|国家级|重庆市?)?$"
)
"""What stands before a title that must be held first (要先是市级专精特新): a condition, not the question's topic."""


def _prerequisite(query: str, via: str) -> bool:
    """Whether the name that ``via`` matched stands in ``query`` as a title to hold first, or one held already.

    “要先是市级专精特新”, “我们是市级专精特新”, “市级专精特新2022年认定 去年复核过了”: context of another question;
    so is “有市级技术中心”, matched as a pair of words (技术中心 + 市级), though not “是52号文定的目标”.
    """
    if "+" in via.partition(":")[2]:
        return _held_at(query, via) is not None
    name = via.partition(":")[2]
    at = query.find(name)
    if at < 0:
        return False
    return bool(
        _FIRST_HELD.search(query[:at])
        or _HELD.search(query[:at])
        or _HELD_AFTER.match(query, at + len(name))
        or _LACKED_AFTER.match(query, at + len(name))
        or _counted(query, via)
    )


def _counted(query: str, via: str) -> bool:
    """Whether the name that ``via`` matched is counted as a goal (要建多少家市级制造业创新中心, 高企占比)."""
    name = via.partition(":")[2]
    at = -1 if _GOAL_WORD.search(name) else query.find(name)  # (到2025年要建多少家: the goal itself, no title)
    return at >= 0 and bool(_COUNTED.search(query[:at]) or _COUNTED_AFTER.match(query, at + len(name)))


_GOAL_WORD = re.compile(r"\d|年|目标|指标|占比|比重")
"""In a name: a year, target or share, which names the goals, never a title counted by them."""


_COUNTED = re.compile(r"企业(里|中|里面|当中|里头)的?$|(建|搞|培育|建成|新建)(多少|好多|几)(家|个)?$")
"""Before a title, the enterprises it is counted among (规上工业企业里高新技术企业要占到多少) or how many are to be
built (要建多少家市级制造业创新中心): a goal's count."""
_COUNTED_AFTER = re.compile(
    r"(企业)?(数量|数目|家数)?(目标|指标)?(说|是)?(要|计划|打算|准备)?(翻番|翻一番|翻两番|翻好多|翻几|翻多少|占比|比重"
    r"|(建|搞|搞到|建到|达到|培育|建成)?(多少|好多|几)(家|个))"
)
"""After a title, its number as a goal (专精特新企业说要翻番, 高企占比, 专精特新要搞到好多家): the title is counted,
not asked about."""


_HELD_AFTER = re.compile(
    r"(企业)?是?((\d{2,4}年|[一二三四五六七八九零〇]{2,4}年|去年|前年|今年|早就|已经)(就|刚|才|刚刚)?"
    r"(认定|认的|认下来|评上|评起|评的|评了|拿到|拿起|拿的|拿了|复核)"
    r"|(认定|评上|评起|拿到|拿起|复核)(了|的(?!条件|标准|要求|流程|材料|程序|办法|门槛|指标|细则|时间|依据|部门)|过)"
    r"|(还在|都在|在)有效期|有效期内|还没过期|没过期|还有效|是有的|已经有了|早就有了|是有了"
    r"|(已经|都|评了|拿了)[一二两三四五六七八九十几\d]+年(多)?了?)"
)
"""After a name, words that say the title is held (专精特新2022年认定的, 专精特新去年评上了, 专精特新还在有效期,
市级专精特新是有的, 市级专精特新已经两年了); not 认定的条件, what certification asks."""


_LACKED_AFTER = re.compile(
    r"(企业)?(称号|牌子)?(我们|公司)?[都也还]{0,3}((?<!有)(没有|没得|莫得)(评|拿|申|报|认定)?|(没|莫|未)(评|拿|申|报|认定))"
)
"""After a name, words that say the title is not held yet (专精特新都还没评): context of another question."""


_ASKING = re.compile(r"[吗嘛呢不没]$|什么|啥|怎么|咋|多少|好多|哪|能不能|可不可以|是不是|有没有|要不要|几")
"""Words of a question: a sentence with none only states (…2024年拿到市级专精特新)."""


_TRADE_BEFORE = re.compile(r"(做|生产|制造|加工)[^，。！？,.!?的]{0,2}$")
_TRADE_AFTER = re.compile(r"(配件|零部件|零件|部件|整车|电机|电控|控制器|模具|厂|工厂|企业|行业|产业链)")


def _compared(named: str, via: str, rivals: list[str]) -> bool:
    """Whether the name ``via`` matched is what another policy is compared with (小巨人是啥 跟专精特新有啥区别).

    Not in a bare pair (首台套和首批次有什么区别): both are asked about alike.
    """
    word = via.partition(":")[2]
    at = named.find(word) if word else -1
    if at <= 0 or not _COMPARED.search(named, 0, at) or not _COMPARED_AFTER.match(named[at + len(word) :]):
        return False
    return not any(named.endswith(r.partition(":")[2], 0, at - 1) for r in rivals)  # (A和B: a pair)


def _compared_with(clause: str, via: str) -> bool:
    """Whether a clause only names what the question before is weighed against (跟小巨人比哪个难, 和高企比呢)."""
    word = via.partition(":")[2]
    at = clause.find(word) if word else -1
    return (
        at >= 0 and bool(_WEIGHED_BEFORE.search(clause, 0, at)) and bool(_WEIGHED_AFTER.match(clause, at + len(word)))
    )


_WEIGHED_BEFORE = re.compile(r"^(那|那么)?(跟|和|与|同|比起|相比)$")
_WEIGHED_AFTER = re.compile(r"(比|相比|比起来|对比)")
"""Around a name in a clause of its own: what another policy is weighed against (跟小巨人比哪个难)."""


_CHOOSING = re.compile(
    r"先(报|申报|申请|搞|弄|评|整)(哪|啥)|哪(个|一个|样|项)先|哪(个|一个|样|项)(更|比较)?(合适|划算|好)|选哪|挑哪"
    r"|(能|可以|够得上|该)(报|申报|申请|评|搞)(哪个|哪一个|哪样|哪项|哪几个|哪些)"
)
"""Which of the policies named to take first, or at all (高企 专精特新 小巨人 先报哪个合适, …能报哪个): the
enterprise's choice among them."""


_APPLIED_FOR = re.compile(r"(够不够|够|能不能|能|可不可以|可以|想)(报|申报|申请|评|冲)$")
"""Before a policy named: it is the one applied for (知识产权这块够不够报高企), and asked about."""


_SUBJECT_GAP = re.compile(r"(企业|公司|称号|认定|认定后|认定以后|以后|之后|的话)?")
"""What may stand between a policy named and a question of what it gives (专精特新企业能享受什么)."""


def _asked_of(named: str, via: str, rivals: list[str]) -> bool:
    """Whether the question ``via`` matched (能享受什么) asks what a policy named right before it gives.

    “高新技术企业能享受什么税收优惠” asks what that policy gives; “我们是高新技术企业 能享受什么” (the title held)
    asks which policies suit us, and is not this.
    """
    word = via.partition(":")[2]
    at = named.find(word) if word else -1
    for rival in rivals:
        name = rival.partition(":")[2]
        end = named.rfind(name, 0, max(0, at)) + len(name) if name else -1
        if name and end >= len(name) and _SUBJECT_GAP.fullmatch(named, end, at) and not _prerequisite(named, rival):
            return True
    return False


def _word(via: str) -> str:
    """The name an alias hit matched (``alias:高企`` → 高企; a pair of words → its first)."""
    return via.partition(":")[2].partition("+")[0]


def _spots(named: str, word: str) -> list[int]:
    """Where ``word`` stands in ``named``."""
    return [m.start() for m in re.finditer(re.escape(word), named)]


def _trade(named: str, word: str) -> bool:
    """Whether ``word`` stands in ``named`` as what the enterprise makes (做电动车配件的), wherever it stands."""
    spots = _spots(named, word)
    return bool(spots) and all(
        _TRADE_BEFORE.search(named[:at]) or _TRADE_AFTER.match(named, at + len(word)) for at in spots
    )


def _goal(named: str, word: str) -> bool:
    """Whether ``word`` is a goal the policy asked about comes first for (准备明年IPO 想先拿个专精特新)."""
    spots = _spots(named, word)
    return bool(spots) and all(
        _GOAL_BEFORE.search(named, max(0, at - _GOAL_CHARS), at) and _FIRST_AFTER.search(named, at + len(word))
        for at in spots
    )


_GOAL_BEFORE = re.compile(r"(准备|计划|打算|想|以后|将来|冲刺|筹备)")
_GOAL_CHARS = 6
_FIRST_AFTER = re.compile(r"先(评|拿|报|申|认定|搞|弄|把)")


_SELF_SAID = re.compile(r"(我们|我司|我们公司|公司|我们厂|我们企业)(是|主要是|主要)?(做|生产|搞)")
"""A message that opens telling what the enterprise makes (我们是做火锅底料的食品厂): no question of that world."""


_TAIL = re.compile(r"[啊呀哈嘛噻哦吗呢么不没得在]*((我)?(想)?(问|请教)(个|一个|下|一下)(事|事情|问题)?)?$")
"""After a greeting at the end: particles, or that a question is coming (在吗 问个事)."""


_LEAD = re.compile(r"^(ok|okay|好的?|嗯+|哦+|噢|行|那|喂+|诶|欸|哎|唉|嘿)*")


def _at_edge(named: str, word: str) -> bool:
    """Whether ``word`` begins ``named`` (after an ok or 嗯) or ends it (but for particles: 在不在哈).

    Not inside a clause of its own (公司已经收到通知了).
    """
    if named.startswith(word, _LEAD.match(named).end()):  # type: ignore[union-attr]
        return True
    at = named.rfind(word)
    return at >= 0 and _TAIL.fullmatch(named, at + len(word)) is not None


def _opens_a_question(named: str, via: str, intent: str, example_best: dict[str, tuple[float, str]]) -> bool:
    """Whether the alias ``via`` only opens the message, and what follows it asks something.

    Another intent's example is clear (你好 请问你能答啥), or the rest is long enough to be a question of its own
    (在吗 我们是做榨菜的小厂 有啥子政策).
    """
    word = via.partition(":")[2]
    # (你好 请问你能提供哪些政策咨询: a question follows a greeting; not 菜单发一下 有哪些…, help's own word)
    asked = intent == GREETING and bool(_WHICH_ASKED.search(named, len(word)))
    return (
        named.startswith(word)
        and len(word) * OPENING_SHARE <= len(named)
        and (
            len(named) - len(word) >= OPENING_QUESTION
            or any(
                i != intent and s >= (ASKED_EXAMPLE if asked else CLEAR_EXAMPLE) for i, (s, _v) in example_best.items()
            )
        )
    )


_COUNTING = frozenset("哪这那一二两三四五六七八九十几每各某整")
"""Before 个: words that make it a measure word (哪个, 这个, 两个), so no word starting with 个 begins there."""
_LARGER_UNIT = frozenset("万千百亿")
"""Before a numeral before 个: the numeral ends an amount (一万二), it counts nothing."""


def _inside_digits(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` begins or ends with a digit that runs on beyond it (part of a longer number)."""
    return (text[start].isdigit() and start > 0 and text[start - 1].isdigit()) or (
        text[end - 1].isdigit() and end < len(text) and text[end].isdigit()
    )


_AMOUNT = re.compile(r"\d+(?:\.\d+)?(?=[万亿%元人名千百个项])")
"""Amounts (300万, 4%, 120人) are unified so that figures do not decide the match; years and 文号 stay."""
MIN_PINYIN_ALIAS = 3
"""Aliases shorter than this many characters are not matched by sound (加计 ≈ 假期)."""
RESPELL_CHARS = 4
"""The shortest name a typo of which is written as the name before facts are read (单项冠君; not 冠君)."""
COMMON_PAIR = 5
"""Examples writing two characters side by side this often make them a word (今年): no half of a homophone."""
TIME_WORDS = frozenset({"今年", "今天", "今后", "明年", "明天", "去年", "前年", "年底", "年初", "月底", "月初"})
"""Words of time that follow a question's verb (准备今天报): their first character is never a homophone's last."""
COMMON_BIGRAM_SHARE = 0.08
"""A bigram in more than this share of all examples (企业, 申报) says little; it is skipped when shortlisting."""
MIN_POSTINGS_CAP = 40
SHORTLIST = 60
"""How many examples (most bigrams in common) are scored with rapidfuzz."""
CANDIDATES = 1500
"""Examples that a message's rarest pairs bring into view before commoner pairs only add to their counts."""
_SENTENCE = re.compile(r"[。！？!?；;\n]+")
MIN_SENTENCES = 2
_CLAUSE_GAP = re.compile(r"\s+(?![A-Za-z0-9&])|(?<![A-Za-z0-9&])\s+")
"""A space between clauses; not one between two English words (R&D center), which stay one phrase."""
SHORT_EXAMPLE = 4
"""An example shorter than this found inside a longer message counts in proportion to its length."""
PARTIAL_LONG_QUERY = 0.92
"""Weight of an example found whole inside a longer message."""
PARTIAL_SHORT_QUERY = 0.55
"""Weight (before the length ratio is added) of a short message found inside a longer example."""
SUPPORT_WEIGHT = 0.15
"""How much agreeing example evidence adds to an alias hit, per point above SUPPORT_FLOOR."""
SUPPORT_FLOOR = 50.0
RECENT_MATCHES = 4096
"""How many recent messages' match results are remembered (oldest dropped first)."""
EXACT_LEAD = 0.5
"""How far below the decision margin other intents are held when a message equals an example (or the vote chose)."""
YIELD_LENGTH = 24
"""A message longer than this (prepared) with another intent's clear example is more than a greeting or thanks."""
SHORT_ENGLISH = 2
"""An English synonym this short (ip, hr) is replaced only as a word of its own, never inside another (ipo)."""
OPENING_SHARE = 4
"""A greeting's or thanks' alias opening the message, a quarter of it or less, opens a question (你好 请问…)."""
OPENING_QUESTION = 16
"""Characters after an opening greeting that make the message a question of its own, whatever its examples score."""
CLEAR_EXAMPLE = 75.0
"""An example scoring above this is clear enough for a short message's opening greeting to yield to it."""
GREETING = "greeting"
_WHICH_ASKED = re.compile(r"哪些|哪个|哪几|什么|啥|怎么|咋|多少|好多")
"""A question for something (which, what, how), not whether one may ask (你好 请问可以咨询政策吗: a greeting)."""
ASKED_EXAMPLE = 62.0
"""…or above this, when what follows the greeting asks something (你好 请问你能提供哪些政策咨询)."""
LONG_YIELD_PENALTY = 30.0
"""Points a greeting's or thanks' alias loses in a long message where another intent's example is clear."""
OPENING = " (opens a question)"
"""Marks the evidence of a greeting that yielded to the question it opens; it answers if the question routes nowhere."""
PREREQUISITE_PENALTY = 15.0
"""Points the alias of a title to hold first loses to another policy named in the same message."""
EXCEPT_PENALTY = 15.0
"""Points an alias loses right after 除了 (除了专精特新 还能问啥): the name is set aside, something else asked."""
_EXCEPT = ("除了", "除开", "除去")
YIELD_PENALTY = 10.0
"""Points a yielding intent's alias loses when another intent's alias is in the same message."""
COMPARED_PENALTY = 10.0
"""Points the alias of what a named policy is compared with loses (A 跟加计扣除是一回事不: A is asked about)."""
_COMPARED = re.compile(r"(跟|和|与|同)$")
_COMPARED_AFTER = re.compile(
    r"^.{0,4}?(是一回事|一回事|有啥子?区别|有什么区别|的区别|区别|一样不|一不一样|有啥子?不同|有什么不同|有啥子?关系|有什么关系|啥子?关系|什么关系)"
)
"""After the name compared with: the question of the difference."""


_DOUBLED = re.compile(r"([\u4e00-\u9fff])\1")
"""A Chinese character typed twice in a row (专精精特新): where no name is found, it is looked for once more without."""
_LEVEL_OF = re.compile(r"(市级|区级|省级|国家级|区县级|县级)的(?=[\u4e00-\u9fff])")
"""A level and 的 before what it qualifies (市级的研发中心): the 的 is dropped where aliases are looked for."""


@dataclass(frozen=True)
class Candidate:
    """One intent the message may mean, with the evidence: ``via="alias:加计扣除"``."""

    intent: str | None
    score: float
    via: str

    def as_dict(self) -> dict[str, object]:
        """JSON-friendly form."""
        return {"intent": self.intent, "score": round(self.score, 1), "via": self.via}


@dataclass(frozen=True)
class Decision:
    """What the engine should do with a message, and why."""

    intent: str | None
    reason: str  # matched | ambiguous | low_score | out_of_scope | empty
    top: list[Candidate] = field(default_factory=list)

    @property
    def score(self) -> float:
        """Score of the best candidate (0 when there is none)."""
        return self.top[0].score if self.top else 0.0


@dataclass(frozen=True)
class Thresholds:
    """The numbers ``decide`` and scoring use (from Settings)."""

    min_score: float = 62.0
    min_margin: float = 4.0
    clarify_max: int = 3
    alias_score: float = 86.0
    alias_bonus_per_char: float = 2.0
    pinyin_penalty: float = 4.0
    vote_settle_margin: float = 1.0
    vote_rescue_margin: float = 5.0


def _weigh(whole: float, part: float, query_len: int, example_len: int) -> float:
    """Combine whole-string and best-substring similarity (0–100) of a message and an example.

    An example found inside a longer message is strong evidence (the user added context); a short message
    found inside a long example is weak (“小巨人” occurs in many questions about other topics), so the latter
    is scaled by the length ratio.
    """
    if query_len >= example_len:
        part *= PARTIAL_LONG_QUERY * min(1.0, example_len / SHORT_EXAMPLE)  # “有人吗” inside “…法人吗” is no evidence
    else:
        part *= PARTIAL_SHORT_QUERY + (1 - PARTIAL_SHORT_QUERY) * query_len / example_len
    return max(whole, part)


def _bigrams(text: str) -> list[str]:
    """The distinct character pairs of ``text`` in the order they occur (a lone character for one-letter texts)."""
    return list(dict.fromkeys(text[i : i + 2] for i in range(len(text) - 1))) or ([text] if text else [])


class Index:
    """Aliases (by text and by sound) and examples (by bigram) of every intent, ready to match."""

    def __init__(
        self,
        aliases: Mapping[str, Iterable[str]],
        examples: Mapping[str, Iterable[str]],
        fillers: Iterable[str] = (),
        synonyms: Mapping[str, Iterable[str]] | None = None,
        thresholds: Thresholds | None = None,
        combos: Mapping[str, Iterable[tuple[Iterable[str], Iterable[str], Iterable[str]]]] | None = None,
        yielding: Iterable[str] = (),
        small_talk: Iterable[str] = (),
        classifier: bool = True,
        insistent: Iterable[str] = (),
        own_words: Mapping[str, Iterable[str]] | None = None,
        edge_only: Iterable[str] = (),
        asked_of: Iterable[str] = (),
        places: Iterable[str] = (),
    ):
        self.t = thresholds or Thresholds()
        self._recent: dict[tuple[str, int, bool], tuple[Candidate, ...]] = {}
        self._lock = threading.Lock()
        self.yielding = set(yielding)
        self.small_talk = set(small_talk)
        """Yielding intents whose aliases are words of talk (你好, 谢谢), not names (52号文): nothing yields to them."""
        self.asked_of = set(asked_of)
        """Intents whose question (能享受什么) asks what a policy named right before it gives, not what suits us."""
        self.edge_only = set(edge_only)
        """Intents whose aliases count only where a message begins or ends (在不在 greets; 型号在不在里头 asks)."""
        self.synonyms = sorted(
            ((normalize(v), normalize(k)) for k, vs in (synonyms or {}).items() for v in vs),
            key=lambda p: -len(p[0]),
        )
        self.word_only = {
            v: re.compile(rf"(?<![a-z]){re.escape(v)}(?![a-z])")
            for v, _c in self.synonyms
            if v.isascii() and v.isalpha() and len(v) <= SHORT_ENGLISH
        }
        """Short English synonyms (ip, hr), replaced only as words of their own, never inside another (ipo)."""
        self.insistent = sorted({normalize(w) for w in insistent} - {""})
        """Requests that stand whatever else a message says (转人工): a word of another world yields to them."""
        self.own_words = {i: {normalize(w) for w in ws} - {""} for i, ws in (own_words or {}).items()}
        """Words of another world that belong to a topic too (饭馆 for 加计扣除's excluded industries)."""
        self.fillers = sorted({normalize(f) for f in fillers if normalize(f)}, key=lambda w: (-len(w), w))
        named = sorted({self.prepare(p, strip=False) for p in places} - {""}, key=lambda w: (-len(w), w))
        self.place_names = frozenset(named)
        self.places = re.compile("|".join(map(re.escape, named))) if named else None
        """Names of places (高新区, 两江新区): an alias running into one (报 高新区 → 报高新) names no policy."""
        self.combos = [
            (
                intent,
                sorted({self.prepare(w, strip=False) for w in a} - {""}, key=lambda w: (-len(w), w)),
                sorted({self.prepare(w, strip=False) for w in b} - {""}, key=lambda w: (-len(w), w)),
                sorted({self.prepare(w, strip=False) for w in unless} - {""}),
            )
            for intent, triples in (combos or {}).items()
            for a, b, unless in triples
        ]
        self.combo_words: dict[str, list[str]] = defaultdict(list)
        """The combos' words by their first character: a message is scanned for those of its own characters only."""
        self.combos_of: dict[str, list[int]] = defaultdict(list)
        """The combos (by position) each first word opens."""
        for k, (_intent, first, second, unless) in enumerate(self.combos):
            for w in (*first, *second, *unless):
                if w not in self.combo_words[w[0]]:
                    self.combo_words[w[0]].append(w)
            for w in first:
                self.combos_of[w].append(k)
        # Lists in the order of the knowledge (topic, then alias), each entry once: matching never depends on
        # set iteration, so every process (whatever its hash seed) ranks ties the same way.
        self.alias: dict[str, list[str]] = defaultdict(list)
        self.alias_sound: dict[tuple[str, ...], list[tuple[str, str]]] = defaultdict(list)
        self.sound_forms: dict[str, list[str]] = {}
        """An alias matched by sound → the written forms it was matched as (to tell a typo of one from a word)."""
        for intent, names in aliases.items():
            for name in names:
                norm = self.prepare(name, strip=False)
                if not norm:
                    continue
                if intent not in self.alias[norm]:
                    self.alias[norm].append(intent)
                self.sound_forms[name] = [f for f in dict.fromkeys((norm, normalize(name))) if f]
                # By sound both as written and as canonicalised: “高心企业” sounds like the written “高新企业”.
                for form in dict.fromkeys((norm, normalize(name))):
                    sound = tuple(pinyin.syllables(form))
                    if form.isascii() or intent == OUT_OF_SCOPE:
                        # (ipo, NBA: an English word has no Chinese sound; 知识产权哦 → ip哦 is no IPO. Another world
                        # is named as written: 那个牌子 sounds like 哪个牌子, which asks for a brand)
                        continue
                    if len(form) >= MIN_PINYIN_ALIAS and (intent, name) not in self.alias_sound[sound]:
                        self.alias_sound[sound].append((intent, name))
        # First character (or syllable) → the lengths of aliases starting with it, shortest first.
        ends: dict[str, set[int]] = defaultdict(set)
        for name in self.alias:
            ends[name[0]].add(len(name))
        self.alias_ends = {k: sorted(v) for k, v in ends.items()}
        sound_ends: dict[str, set[int]] = defaultdict(set)
        for sound in self.alias_sound:
            sound_ends[sound[0]].add(len(sound))
        self.sound_ends = {k: sorted(v) for k, v in sound_ends.items()}
        self.examples: list[tuple[str, str, str]] = []  # (intent, prepared text, original)
        self.exact: dict[str, tuple[str, str]] = {}
        postings: dict[str, list[int]] = defaultdict(list)
        for intent, texts in examples.items():
            for text in texts:
                prepared = self.prepare(text)
                if not prepared:
                    continue
                idx = len(self.examples)
                self.examples.append((intent, prepared, text))
                self.exact.setdefault(prepared, (intent, text))
                for gram in _bigrams(prepared):
                    postings[gram].append(idx)
        self.postings = dict(postings)
        self.max_postings = max(MIN_POSTINGS_CAP, int(len(self.examples) * COMMON_BIGRAM_SHARE))
        # Trained from the same examples (the negative ones included), never from anything users wrote.
        self.classifier = NgramClassifier((i, p) for i, p, _ in self.examples) if classifier else None

    def _splits_word(self, query: str, start: int, end: int, name: str) -> bool:
        """Whether a homophone of alias ``name`` at ``start:end`` is no typo of it.

        It is none when a mistyped edge character makes, with its neighbour outside the span, a pair the examples
        write often (准备今年: 今年, not 准备金) and the alias's own character never does.
        """
        forms = self.sound_forms[name]
        typo_last = end < len(query) and all(query[end - 1] != f[-1] for f in forms)
        if typo_last and self._common_pair(query[end - 1 : end + 1], [f[-1] + query[end] for f in forms]):
            return True
        if start > 0 and all(query[start] != f[0] for f in forms):
            return self._common_pair(query[start - 1 : start + 1], [query[start - 1] + f[0] for f in forms])
        return False

    def _common_pair(self, typed: str, meant: list[str]) -> bool:
        """Whether ``typed`` is a word (a time word, or a pair the examples write often) and no ``meant`` pair is."""
        common = typed in TIME_WORDS or len(self.postings.get(typed, ())) >= COMMON_PAIR
        return common and not any(p in self.postings for p in meant)

    def __getstate__(self) -> dict[str, Any]:
        """Everything but the lock and the memo of recent matches (for ``bot.warm``'s cache)."""
        return {k: v for k, v in self.__dict__.items() if k not in ("_lock", "_recent")}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self._recent = {}
        self._lock = threading.Lock()

    def prepare(self, text: str, strip: bool = True) -> str:
        """Normalise, unify synonyms and numbers, and drop greetings and fillers (unless nothing else is left)."""
        out = normalize(text)
        for variant, canonical in self.synonyms:
            if variant in out:
                word = self.word_only.get(variant)
                out = word.sub(canonical, out) if word else out.replace(variant, canonical)
        out = _AMOUNT.sub("0", out)
        if strip:
            stripped = out
            for filler in self.fillers:
                stripped = stripped.replace(filler, "")
            if len(stripped) >= 2:
                out = stripped
        return out

    def respell(self, text: str) -> str:
        """``text`` with the names it mistypes by sound written as named (那市级的单项冠君呢 → …单项冠军呢).

        Only names of ``RESPELL_CHARS`` characters or more, typed in Chinese characters that sound like them and
        are not a word of their own next to the name (准备今年 stays): the facts are then read from the name.
        """
        sounds = pinyin.syllables(text)
        out, i, n = [], 0, len(text)
        while i < n:
            found = None
            for j in self.sound_ends.get(sounds[i], ()):
                if i + j > n:
                    break
                typed = text[i : i + j]
                if j < RESPELL_CHARS or not all("\u4e00" <= ch <= "\u9fff" for ch in typed):
                    continue
                for _intent, name in self.alias_sound.get(tuple(sounds[i : i + j]), ()):
                    if len(name) == j and name != typed and not self._splits_word(text, i, i + j, name):
                        found = (j, name)
            if found:
                out.append(found[1])
                i += found[0]
            else:
                out.append(text[i])
                i += 1
        return "".join(out)

    def match(self, text: str, limit: int = 5, exact: bool = True, remember: bool = True) -> list[Candidate]:
        """Rank intents for ``text``; the best evidence per intent, highest score first.

        A message equal to an example goes to that example's intent; ``exact=False`` turns this off, so that
        ``policybot validate`` can see which examples the scoring alone would send elsewhere. Results are
        remembered for the most recent messages (people ask the same questions) unless ``remember=False``.
        """
        if not remember:
            return self._match(text, limit, exact)
        key = (text, limit, exact)
        cached = self._recent.get(key)
        if cached is None:
            cached = tuple(self._match(text, limit, exact))
            with self._lock:  # server threads share the index
                self._recent[key] = cached
                while len(self._recent) > RECENT_MATCHES:
                    self._recent.pop(next(iter(self._recent)), None)
        return list(cached)

    def _match(self, text: str, limit: int, exact: bool) -> list[Candidate]:
        ranked = self._vote(text, self._match_clauses(text, limit, exact))
        if ranked and self.decide(ranked).reason in ("low_score", "ambiguous"):
            # “你好 请问这里可以咨询重庆的政策吗”: what follows the greeting routes nowhere, so the greeting answers
            opened = [c for c in ranked if c.via.endswith(OPENING)]
            if opened:
                back = Candidate(opened[0].intent, min(opened[0].score + LONG_YIELD_PENALTY, 100.0), opened[0].via)
                ranked = sorted([back, *(c for c in ranked if c is not opened[0])], key=lambda c: -c.score)
        return ranked

    def _vote(self, text: str, ranked: list[Candidate]) -> list[Candidate]:
        """Let the n-gram classifier settle a tie or rescue a low score among the intents already in view.

        It chooses among the candidates and out of scope, and decides only by a clear lead (``vote_settle_margin``
        for a tie, the larger ``vote_rescue_margin`` below ``min_score``); an out-of-scope or confident decision
        is never touched. The chosen intent keeps its own evidence, marked ``+ngram:<lead>``, and the others are
        held below it by the decision margin.
        """
        if self.classifier is None or not ranked:
            return ranked
        decision = self.decide(ranked)
        if decision.reason == "ambiguous":
            need, options = self.t.vote_settle_margin, decision.top
        elif decision.reason == "low_score":
            need, options = self.t.vote_rescue_margin, ranked
        else:
            return ranked
        labels = [c.intent or OUT_OF_SCOPE for c in ranked]
        vote = self.classifier.vote(self.prepare(text), [*labels, OUT_OF_SCOPE])
        chosen = next((c for c in options if vote and c.intent == vote.label), None)
        if vote is None or chosen is None or vote.margin < need:
            return ranked
        score = max(chosen.score, decision.score, self.t.min_score)
        ceiling = score - self.t.min_margin - EXACT_LEAD
        held = [Candidate(c.intent, min(c.score, ceiling), c.via) for c in ranked if c is not chosen]
        return [Candidate(chosen.intent, score, f"{chosen.via} +ngram:{vote.margin:.1f}"), *held]

    def _ruled_out(self, clauses: list[str], top: Candidate, limit: int, exact: bool) -> list[Candidate] | None:
        """What the clauses after one that rules out the policy ``top`` names ask, when they ask another clearly.

        “不算首台套的话 新产品有没得啥子别的支持”: 别的 is other than the policy ruled out, so it is left out.
        """
        if top.via.startswith("example"):
            return None
        for n, clause in enumerate(clauses[:-1]):
            if _dismissed(self.prepare(clause, strip=False), top.via):
                rest = self._match_one(_ELSE.sub("", " ".join(clauses[n + 1 :])), limit, exact)
                asked = self.decide(rest).intent if rest else None
                clear = asked is not None and (
                    not rest[0].via.startswith("example")
                    or len(rest) < 2
                    or rest[0].score - rest[1].score >= CLEAR_LEAD
                )  # (not “首台套不行的话 有没得别的补贴”: any policy's 补贴, none asked clearly)
                return rest if clear and asked != top.intent else None
        return None

    def _subject_asked(self, text: str, last: str, named: Candidate, limit: int, exact: bool) -> list[Candidate] | None:
        """What a question on what the document (or the bot) offers is about, when the rest names a policy clearly.

        “我们想做数字化车间改造 52号文有没有相关支持”: the 52号文's support for that, a policy's own question.
        """
        said = self.prepare(last, strip=False)
        if not _ABOUT_IT.search(said) or _ELSE.search(said):
            return None
        unnamed = normalize(text).replace(named.via.partition(":")[2], " ")
        if len(_ASKING_WORDS.sub("", unnamed)) < SUBJECT_CHARS:
            return None  # (“52号文有没有相关支持”: no subject but the document)
        rest = self._match_one(unnamed, limit, exact)
        asked = self.decide(rest).intent if rest else None
        return rest if asked is not None and asked not in self.yielding else None

    def _match_clauses(self, text: str, limit: int, exact: bool) -> list[Candidate]:
        whole = self._match_one(text, limit, exact)
        sentences = [x for x in _SENTENCE.split(text) if normalize(x)]
        if len(sentences) < MIN_SENTENCES:
            clauses = [x for x in _CLAUSE_GAP.split(text) if normalize(x)]
            # A word of another world in one sentence (网络小说 …, 12306 …) holds for it: the clause after it in
            # policy words (“版权咋维权”, “咨询电话是好多”) asks about that world, not about a policy.
            other_world = bool(whole) and whole[0].intent is None and whole[0].via.startswith(("alias:", "combo:"))
            overall = self.decide(whole)
            if len(clauses) >= MIN_SENTENCES and overall.intent is not None and overall.top:
                ruled_out = self._ruled_out(clauses, overall.top[0], limit, exact)
                if ruled_out:
                    return ruled_out  # “那不算首台套的话 新产品有没得啥子别的支持”: the policy ruled out is not asked
            if overall.intent in self.yielding and overall.top and overall.top[0].via.startswith("alias:"):
                subject = self._subject_asked(text, clauses[-1], overall.top[0], limit, exact)
                if subject:
                    return subject  # “企业专利想转化运用 52号文有没有相关服务”: what the document says of 专利
            if len(clauses) >= MIN_SENTENCES and overall.intent is None and not other_world:
                # “想先评专精特新再评小巨人 先看专精特新够不够”: unclear as a whole, clear in its last clause; a
                # clause that names no policy (“要满足哪些条件”) only counts for a policy already in view
                tied = {c.intent for c in overall.top} if overall.reason == "ambiguous" else set()
                for n, clause in enumerate(reversed(clauses)):
                    last = self._match_one(clause, limit, exact)
                    if not (last and last[0].intent and last[0].score >= self.t.min_score):
                        continue
                    named = not last[0].via.startswith("example")
                    if last[0].intent in self.yielding and tied - self.yielding:
                        continue  # “我们参与制定了一个行业标准 有没有什么政策支持”: the policy named is the one asked
                    if named and _held(clause, last[0].via):
                        continue  # “…今年还能报不 我们是市级专精特新”: a title held is context
                    if named and n == 0 and _bare_name(clause, last[0].via):
                        continue  # “单项冠军 帮我们对一下条件 綦江做齿轮的 国家级小巨人”: a title said of us last
                    if named and n > 0 and _appositive(self.prepare(clause, strip=False), last[0].via):
                        continue  # “小巨人我们想冲一下 SRDI那个 帮忙评估下”: the name said again, glossed
                    if named and _compared_with(self.prepare(clause, strip=False), last[0].via):
                        continue  # “单项冠军是啥子条件 跟小巨人比哪个难”: the one it is weighed against is not asked
                    if named and _HEARD.match(clause.strip()):
                        continue  # “单项冠军 帮我们看下够不够 听说省级专精特新营收两个亿就可以报了”: a rule heard of
                    if n == 0 and (named or not tied or last[0].intent in tied):
                        return last
                    if n > 0 and named and last[0].intent in tied:
                        return last  # (“…有市级技术中心 … 能冲一下单项冠军不 要满足哪些条件”)
            return whole
        # Several sentences: the question is usually the last one; the earlier ones are context
        # (“我们还没评过小巨人。单项冠军可以直接申请不”), so a clear last sentence decides.
        last = self._match_one(sentences[-1], limit, exact)
        if last and last[0].intent and last[0].score >= self.t.min_score:
            overall = self.decide(whole)
            named = not last[0].via.startswith("example")
            said = self.prepare(sentences[-1], strip=False)
            held = named and not _ASKING.search(said) and _prerequisite(said, last[0].via)
            yields = (
                last[0].intent in self.yielding
                and overall.intent not in (None, *self.yielding)
                and bool(_ABOUT_IT.search(said))
                and not _ELSE.search(said)
            )
            dismissed = (
                overall.intent != last[0].intent
                and bool(overall.top)
                and any(_dismissed(self.prepare(x, strip=False), overall.top[0].via) for x in sentences[:-1])
            )  # “首台套用不上。我们做新材料，有什么保险补偿政策”: the policy set aside is not the one asked
            if (
                overall.intent is None
                or dismissed
                or (named and overall.intent != last[0].intent and not held and not yields)
            ):
                # (not “…小巨人今年还能申报吗？我们…2024年拿到市级专精特新”: a title held is context; not
                # “…听说有知识产权保护联系点。能提供什么帮助”, “…。52号文对这块怎么支持”: the policy named is asked)
                return last
            return whole
        for sentence in reversed(sentences[:-1]):
            focus = _FOCUS.search(sentence)
            if focus is None:
                continue
            # “加计扣除财务已经在弄了。我想问的是研发准备金补助。今年的通知出了没有？”: the one said to be asked
            meant = self._match_one(sentence[focus.end() :], limit, exact)
            if meant and meant[0].intent and meant[0].score >= self.t.min_score and not meant[0].via.startswith("ex"):
                return meant
        return whole

    def _match_one(self, text: str, limit: int, exact: bool) -> list[Candidate]:
        query = self.prepare(text)
        if not query:
            return []
        best: dict[str | None, Candidate] = {}

        def offer(intent: str, score: float, via: str) -> None:
            key = None if intent == OUT_OF_SCOPE else intent
            score = min(score, 100.0)
            if key not in best or score > best[key].score:
                best[key] = Candidate(key, score, via)

        alias_best: dict[str, tuple[float, str]] = {}
        # Aliases are looked for before greetings and thanks are stripped (“晓得了 谢谢哈” thanks).
        named = self.prepare(text, strip=False)
        hits = self._alias_hits(_LEVEL_OF.sub(r"\1", named))  # (市级的研发中心 names 市级研发中心)
        if not hits and _DOUBLED.search(named):  # (专精精特新: a character typed twice)
            hits = [h for h in self._alias_hits(_DOUBLED.sub(r"\1", named)) if h[0] != OUT_OF_SCOPE]
        other_world = {via.partition(":")[2] for intent, _s, via in hits if intent == OUT_OF_SCOPE}
        named_policy = any(intent != OUT_OF_SCOPE for intent, _s, _v in hits)
        trade = (named_policy or bool(_SELF_SAID.match(named))) and bool(other_world)
        trade = trade and all(_trade(named, w) or _goal(named, w) for w in other_world)
        for intent, score, via in hits:
            if intent in self.edge_only and not _at_edge(named, via.partition(":")[2]):
                continue
            if intent == OUT_OF_SCOPE and (self._own(other_world, hits) or trade):
                # “开饭馆的 加计扣除得不得行”: the policy speaks of that world itself; “我们做电动车配件的 加计扣除
                # 能不能扣”: what the enterprise makes, not the world it asks about
                continue
            if intent not in alias_best or score > alias_best[intent][0]:
                alias_best[intent] = (score, via)
        example_best: dict[str, tuple[float, str]] = {}
        for intent, score, via in self._example_hits(query):
            if intent not in example_best or score > example_best[intent][0]:
                example_best[intent] = (score, via)
        for intent, (score, via) in example_best.items():
            if intent in self.yielding and any(i not in (intent, OUT_OF_SCOPE, *self.small_talk) for i in alias_best):
                # (“市里对建研发机构有什么政策”: the policy named, not the help's 有什么政策; “52号文…具体是指哪些
                # 政策”: the document named, whose policies are asked)
                score -= YIELD_PENALTY
            offer(intent, score, via)
        if OUT_OF_SCOPE in alias_best and any(w in query for w in self.insistent):
            # A request that stands whatever else is said (你是机器人吧 转人工): the other world's word yields.
            del alias_best[OUT_OF_SCOPE]
        if OUT_OF_SCOPE in alias_best:
            # A word of another world (概念股, 姚明, 首套房) decides: the policy words around it do not count.
            top = max((s for s, _ in [*alias_best.values(), *example_best.values()]), default=0.0)
            alias_best[OUT_OF_SCOPE] = (top + self.t.min_margin + 1, alias_best[OUT_OF_SCOPE][1])
        ceilings: dict[str, float] = {}
        for intent, (score, via) in list(alias_best.items()):
            rivals = [v for i, (_s, v) in alias_best.items() if i not in (intent, OUT_OF_SCOPE, *self.yielding)]
            if intent != OUT_OF_SCOPE and rivals and _compared(named, via, rivals):
                alias_best[intent] = (score - COMPARED_PENALTY, via)  # (A是啥 跟加计扣除是一回事不: about A)
            asked = f"alias:{_word(via)}" if via.startswith("combo:") else via
            # (“收台套是啥子政策 能不能申请”: word pairs of “which policies” with a policy named ask of that one,
            # unless others than it are asked for: “已经是高企 … 还能申报哪些政策”)
            pair_of_named = via.startswith("combo:") and not _ELSE.search(named) and not _OTHERS.search(named)
            if intent in self.asked_of and rivals and (pair_of_named or _asked_of(named, asked, rivals)):
                # (专精特新企业能享受什么, 高企能享受什么税收优惠: what that policy gives, clearly, not a tie)
                named_best = max(s for i, (s, _v) in alias_best.items() if i not in (intent, OUT_OF_SCOPE))
                ceilings[intent] = named_best - self.t.min_margin - EXACT_LEAD  # (whatever examples support it)
                alias_best[intent] = (score - COMPARED_PENALTY, via)
        policies = {i for i in alias_best if i not in (OUT_OF_SCOPE, *self.yielding, *self.asked_of)}
        if len(policies) >= 2 and (choosing := _CHOOSING.search(named)):
            # “高企 专精特新 小巨人 我们先报哪个合适”: a choice among the policies named, which the match answers
            top = max(s for i, (s, _v) in alias_best.items() if i in policies)
            if self.asked_of:
                for intent in self.asked_of:  # (…能报哪个: the choice, though in no words of the match's)
                    ceilings.pop(intent, None)
                    alias_best[intent] = (
                        top,
                        alias_best[intent][1] if intent in alias_best else f"alias:{choosing[0]}",
                    )
                ceilings.update(dict.fromkeys(policies, top - self.t.min_margin - EXACT_LEAD))
        last_named = {i: named.rfind(_word(alias_best[i][1])) for i in policies}
        applied = [i for i in policies if _APPLIED_FOR.search(named, 0, max(0, last_named[i]))]
        if len(applied) == 1:
            # “公司注册快两年了。有两个实用新型专利。知识产权这块够不够报高企”: the policy applied for is asked
            for intent in policies - {applied[0]}:
                if named.find(_word(alias_best[intent][1])) < last_named[applied[0]]:
                    alias_best[intent] = (alias_best[intent][0] - PREREQUISITE_PENALTY, alias_best[intent][1])
        held = {i for i, (_s, v) in alias_best.items() if i != OUT_OF_SCOPE and _prerequisite(named, v)}
        free = [i for i in alias_best if i != OUT_OF_SCOPE and i not in self.yielding and i not in held]
        for intent, (score, via) in list(alias_best.items()):
            counted = _counted(named, via) and (
                any(i not in (intent, OUT_OF_SCOPE) for i in alias_best)
                or any(i not in (intent, OUT_OF_SCOPE) and s >= self.t.min_score for i, (s, _v) in example_best.items())
            )  # (规上企业里头高企占比目标是好多: the goals' count, though only examples name the goals)
            if intent in held and (any(i != intent for i in free) or counted):
                # “小巨人要先是市级专精特新才得行”: the title to hold first is a condition of the other one asked
                alias_best[intent] = (score - PREREQUISITE_PENALTY, via)
        others = any(i not in self.yielding for i in alias_best)
        rival = any(i not in self.yielding and s >= self.t.min_score for i, (s, _v) in example_best.items())
        for intent, (score, via) in alias_best.items():
            support = SUPPORT_WEIGHT * max(0.0, example_best.get(intent, (0.0, ""))[0] - SUPPORT_FLOOR)
            if intent in self.yielding and others:
                score -= YIELD_PENALTY
            elif intent in self.yielding and (
                (rival and len(query) > YIELD_LENGTH) or _opens_a_question(named, via, intent, example_best)
            ):
                # “你好 我们是…帮我看看我们能享受哪些”, “你好 请问你可以回答哪些问题”: the greeting opens a question
                score -= LONG_YIELD_PENALTY
                via += OPENING
            offer(intent, min(score + support, ceilings.get(intent, 100.0)), via)
        hit = self.exact.get(query) if exact else None
        if hit is not None:
            # A message that is one of the YAML's examples goes where its author put it.
            ceiling = 100.0 - self.t.min_margin - EXACT_LEAD
            best = {k: Candidate(k, min(c.score, ceiling), c.via) for k, c in best.items()}
            key = None if hit[0] == OUT_OF_SCOPE else hit[0]
            best[key] = Candidate(key, 100.0, f"example:{hit[1]}")
        ranked = sorted(best.values(), key=lambda c: (-c.score, c.intent or ""))
        return ranked[:limit]

    def _own(self, words: set[str], hits: list[tuple[str, float, str]]) -> bool:
        """Whether every word of another world in a message belongs to a topic the message names."""
        return bool(words) and any(
            words <= self.own_words.get(intent, set()) for intent, _s, _v in hits if intent != OUT_OF_SCOPE
        )

    def _alias_hits(self, query: str) -> list[tuple[str, float, str]]:
        spans: list[tuple[int, int, str, float, str]] = []
        n = len(query)
        alias, bonus = self.alias, self.t.alias_bonus_per_char
        for i in range(n):
            for j in self.alias_ends.get(query[i], ()):
                if i + j > n:
                    break
                word = query[i : i + j]
                intents = alias.get(word)
                if not intents or _inside_digits(query, i, i + j):
                    continue  # 12345 inside 13637912345: a phone number, not the hotline
                if (
                    query[i] == "个"
                    and i
                    and query[i - 1] in _COUNTING
                    and not word.startswith("个人")
                    and not (i >= 2 and query[i - 2] in _LARGER_UNIT)
                ):
                    # 哪个税率: 个 counts the 税率, it is no 个税 (那个人所得税 is 个人所得税; 工资一万二 个税:
                    # the 二 ends an amount, and 个税 is said)
                    continue
                score = self.t.alias_score + bonus * min(j, 6)
                spans.extend((i, i + j, intent, score, f"alias:{word}") for intent in intents)
        sounds = pinyin.syllables(query)
        for i in range(n):
            for j in self.sound_ends.get(sounds[i], ()):
                if i + j > n:
                    break
                named = self.alias_sound.get(tuple(sounds[i : i + j]))
                if not named or _inside_digits(query, i, i + j):
                    continue
                for intent, name in named:
                    if self._splits_word(query, i, i + j, name):
                        continue  # 准备今|年底报: 今年 is a word, not a mistyped 准备金
                    score = self.t.alias_score + bonus * min(j, 6) - self.t.pinyin_penalty
                    spans.append((i, i + j, intent, score, f"pinyin:{name}"))
        present = {w for ch in set(query) for w in self.combo_words.get(ch, ()) if w in query}
        for k in sorted({k for w in present for k in self.combos_of.get(w, ())}):
            intent, first, second, unless = self.combos[k]
            a = next(w for w in first if w in present)
            b = next((w for w in second if w in present), None)
            if b is None or not present.isdisjoint(unless):
                continue  # (外省市的政策 … 重庆的: the trigger does not hold)
            score = self.t.alias_score + bonus * min(len(a) + len(b), 6)
            i = query.index(a)
            spans.append((i, i + len(a), intent, score, f"combo:{a}+{b}"))
        # A hit inside a longer hit of another intent does not count (专精特新 inside 专精特新小巨人); a name right
        # after 除了 is set aside (除了专精特新你还能回答哪些问题: what else, not 专精特新); nor does one that runs into
        # a place's name or lies inside it (帮我看下能不能报 高新区的: 报高新 is no 高企).
        places = [(m.start(), m.end()) for m in self.places.finditer(query)] if self.places else []
        spans = [
            (i, j, intent, score - EXCEPT_PENALTY if query.endswith(_EXCEPT, 0, i) else score, via)
            for i, j, intent, score, via in spans
            if not self._into_place(query, i, j, places)
        ]
        return [
            (intent, score, via)
            for i, j, intent, score, via in spans
            if not any(a <= i and j <= b and (b - a) > (j - i) and other != intent for a, b, other, *_ in spans)
        ]

    def _into_place(self, query: str, start: int, end: int, places: list[tuple[int, int]]) -> bool:
        """Whether ``query[start:end]`` overlaps a place's span without holding all of it (高新 of 高新区)."""
        if query[start:end] in self.place_names:
            return False  # (两江 of 两江新区: a place's own short name, as a combo's word)
        return any(start < b and a < end and not (start <= a and b <= end) for a, b in places)

    def _example_hits(self, query: str) -> list[tuple[str, float, str]]:
        ids = self._shortlist(query)
        if not ids:
            return []
        texts = [self.examples[i][1] for i in ids]
        # Both scorers run over the whole shortlist in C; only the weighting is done here.
        ratios = {k: v for _, v, k in process.extract(query, texts, scorer=fuzz.ratio, limit=None)}
        partials = {k: v for _, v, k in process.extract(query, texts, scorer=fuzz.partial_ratio, limit=None)}
        hits = []
        n = len(query)
        for k, idx in enumerate(ids):
            intent, prepared, original = self.examples[idx]
            hits.append((intent, _weigh(ratios[k], partials[k], n, len(prepared)), f"example:{original}"))
        return hits

    def _shortlist(self, query: str) -> list[int]:
        """The examples sharing most character pairs with ``query``; ties by the example's position.

        Pairs are counted rarest first; once ``CANDIDATES`` examples are in view, a commoner pair counts only for
        those (a large knowledge base would otherwise count tens of thousands of examples for one message).
        """
        found = [p for g in _bigrams(query) if (p := self.postings.get(g)) and len(p) <= self.max_postings]
        found.sort(key=len)  # stable: pairs as common as each other keep the message's order
        counts: Counter[int] = Counter()
        in_view: set[int] | None = None
        for posting in found:
            if in_view is None and len(counts) >= CANDIDATES:
                in_view = set(counts)
            counts.update(posting if in_view is None else in_view.intersection(posting))
        if len(counts) <= SHORTLIST:
            return sorted(counts, key=lambda i: (-counts[i], i))
        # Only the examples sharing at least as many pairs as the SHORTLIST-th one can be in it: those with more
        # by count, then those with exactly as many by position (a short message gives thousands such ties).
        tally = Counter(counts.values())
        enough, least = 0, 0
        for shared in sorted(tally, reverse=True):
            enough += tally[shared]
            least = shared
            if enough >= SHORTLIST:
                break
        above = sorted((i for i, k in counts.items() if k > least), key=lambda i: (-counts[i], i))
        tied = sorted(i for i, k in counts.items() if k == least)
        return [*above, *tied][:SHORTLIST]

    def decide(self, candidates: list[Candidate]) -> Decision:
        """Turn ranked candidates into an answer, a clarifying question or a fallback, with the reason."""
        if not candidates:
            return Decision(None, "empty", [])
        top = candidates[0]
        shown = candidates[: self.t.clarify_max]
        if top.score < self.t.min_score:
            return Decision(None, "low_score", shown)
        if top.intent is None:
            return Decision(None, "out_of_scope", shown)
        close = [c for c in candidates[1:] if c.intent and top.score - c.score < self.t.min_margin]
        if close and close[0].score >= self.t.min_score:
            options = [top, *close][: self.t.clarify_max]
            return Decision(None, "ambiguous", options)
        return Decision(top.intent, "matched", shown)
