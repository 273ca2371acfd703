"""Which topics a message names, and whether its words are the topic's own.

A policy named, a title the enterprise says it holds (context, not the question), a short question in the words
of the topic under discussion, another world's chatter, a measure of another policy this topic holds.
"""

from __future__ import annotations

import re
from typing import Any

from bot.answers import clause_breaks, places
from bot.checklist import to_ask
from bot.dialogue.reading import (
    CONTROL_CHARS,
    FILLERS,
    SHORT_MESSAGE,
    Message,
    asks,
    clauses,
    last_clause,
    word_pairs,
)
from bot.dialogue.topics import (
    bare_part_asked,
    section_texts,
)
from bot.dialogue.turn import Turn, checklist_criteria, english_terms
from intents.match import Candidate
from intents.normalize import normalize
from knowledge.schema import Topic


def status_topics(t: Turn, msg: Message, anywhere: bool = False) -> set[str]:
    """Topics named only as a title the message says the enterprise holds or lacks (已经是专精特新, 没评过小巨人).

    The titles are read against the check in scope, or with ``anywhere`` against every criterion (a check asked
    for: “帮我们核一下 巴南做中成药的 规上工业 市级专精特新” while 研发准备金 is discussed).
    """
    facts = t.facts(msg.text, anywhere=anywhere)
    said = [normalize(w) for cid in facts for w in t.kn.criteria[cid].title]
    if not said:
        return set()
    plain = _names_not_titles(t)
    opening = _OPENING.sub("", msg.norm)
    titled = {
        tid
        for tid, ns in topic_names(t).items()
        if any(n in said for n in ns)
        and not any(n in msg.norm for n in plain[tid])  # (…法人化改革: named otherwise)
        and not (anywhere and any(opening.startswith(n) for n in ns))  # (那专精特新帮我核一哈 我们去年评了…)
    }
    last = last_clause(msg)
    if last.norm == msg.norm or not asks(t, last) or t.facts(last.text, anywhere=True):
        return titled
    if any(not t.kn.topics[tid].about_document for _at, tid in policies_named(t, msg) if tid not in titled):
        return titled  # (已经是小巨人了。还想报单项冠军。小巨人的营收门槛是不是低一些: 单项冠军's, for 小巨人 holders)
    # (研发机构还没建。52号文对企业建研发机构有什么支持: the title lacked is what the last clause asks about)
    return {tid for tid in titled if not any(n in last.norm for n in topic_names(t)[tid])}


_OPENING = re.compile(r"^(那么|那|还有|再|然后|好|好的|嗯|换一个|换个|换成|改成|改问)+")
"""Words before the topic a message opens with (那专精特新帮我核一哈, 换一个 市级企业技术中心 我们够不够格): that topic
is asked, not a title held."""


def _names_not_titles(t: Turn) -> dict[str, list[str]]:
    """Topic → its names that are no part of a title held (法人化改革, not 技术中心), once per knowledge version."""
    if "names_not_titles" not in t.kn.memo:
        titles = [normalize(w) for crit in t.kn.criteria.values() for w in crit.title]
        t.kn.memo["names_not_titles"] = {
            tid: [n for n in ns if not any(n in w for w in titles)] for tid, ns in topic_names(t).items()
        }
    return t.kn.memo["names_not_titles"]  # type: ignore[no-any-return]


def names_topic(t: Turn, msg: Message, decision: Any, intent: str) -> bool:
    """Whether the message names ``intent`` (its title or an alias) rather than only resembling an example."""
    if any(c.intent == intent and not str(c.via).startswith("example") for c in decision.top):
        return True
    return any(n in msg.norm for n in topic_names(t).get(intent, []))


def topic_names(t: Turn) -> dict[str, list[str]]:
    """Topic → its normalised title and aliases, once per knowledge version."""
    if "topic_names" not in t.kn.memo:
        t.kn.memo["topic_names"] = {
            tid: [n for n in map(normalize, (topic.title, *topic.aliases)) if len(n) >= 2]
            for tid, topic in t.kn.topics.items()
        }
    return t.kn.memo["topic_names"]  # type: ignore[no-any-return]


def topic_words(t: Turn, topic: Topic, msg: Message, candidates: list[Candidate]) -> bool:
    """Whether a short question, out of scope only by likeness to an example, is in the topic's own words.

    比例是好多 ≈ 医保报销比例是多少: the example's other words (医保报销) make it another world, not 比例.
    """
    if len(msg.norm) > 2 * CONTROL_CHARS or not candidates or not asks(t, msg):
        return False
    if len(msg.norm) > CONTROL_CHARS:
        # “要单独注册公司吗 还是用我们现在这个公司” after 创新中心: its asking clause all in the topic's words (单独
        # 注册的公司), however like another world's name (注册公司)
        said = [Message(c, normalize(c)) for c in clauses(msg.text)]  # (the first: not “个人买的商业养老保险 能不能…”)
        if len(said) == 1:  # “那单独注册个公司要好多注册资金” after 创新中心: one question, all in its words
            return _all_in_topic(t, topic, msg)
        return asks(t, said[0]) and _all_in_topic(t, topic, said[0])
    if not candidates[0].via.startswith("example:"):
        return False
    # (补助比例: its pairs 补助 and 比例 are the topic's, 助比 spans them; 申报在哪个系统填: a bare part of it)
    return in_topic_words(t, topic, msg) or bare_part_asked(t, topic, msg.norm)


def in_topic_words(t: Turn, topic: Topic, msg: Message) -> bool:
    """Whether most of a short message's words of content stand in the topic's text (保费, 补贴最高)."""
    if len(msg.norm) > CONTROL_CHARS:
        return False
    inside, pairs = pairs_in_topic(t, topic, msg)
    enough = inside >= min(MIN_TOPIC_PAIRS, pairs)
    return pairs > 0 and enough and inside >= pairs * TOPIC_PAIR_SHARE  # (补贴最高: 贴最 spans two words)


def _all_in_topic(t: Turn, topic: Topic, msg: Message) -> bool:
    """Whether the word pairs of content of a short clause stand in the topic's text or its conditions' questions."""
    key = ("checked_text", topic.id)
    if key not in t.kn.memo:
        asked = (checklist_criteria(t.kn, topic.id) or {}).values()
        t.kn.memo[key] = "|".join([_topic_text(t, topic), *(normalize(f"{c.question}|{c.label}") for c in asked)])
    text: str = t.kn.memo[key]
    pairs = word_pairs(t, msg, FILLERS)
    found = {p for p in pairs if p in text}
    spanning = {p for p in pairs - found if any(f[1] == p[0] for f in found) and any(f[0] == p[1] for f in found)}
    return len(found) > MIN_TOPIC_PAIRS and found | spanning == pairs  # (a pair may span two words: 注册|公司)


def pairs_in_topic(t: Turn, topic: Topic, msg: Message) -> tuple[int, int]:
    """How many of the message's word pairs of content stand in the topic's text, and how many it has."""
    pairs = word_pairs(t, msg, FILLERS)
    text = _topic_text(t, topic)
    return sum(p in text for p in pairs), len(pairs)


MIN_TOPIC_PAIRS = 2


TOPIC_PAIR_SHARE = 2 / 3
"""A short question is in the topic's words when most of its word pairs (and at least two) stand in its text."""


def _topic_text(t: Turn, topic: Topic) -> str:
    """All of the topic's facts, normalised, in one string (once per topic and knowledge version)."""
    key = ("topic_text", topic.id)
    if key not in t.kn.memo:
        t.kn.memo[key] = "|".join(body for _name, body in section_texts(t, topic))
    return t.kn.memo[key]  # type: ignore[no-any-return]


def own_words_of(t: Turn, topic: Topic, msg: Message) -> bool:
    """Whether the message shares a pair of words with the topic's text that few other topics' texts have (费率).

    Not a pair most policies' texts share (高新, 注册, 工商): those tie a question to no one topic.
    """
    text = _topic_text(t, topic)
    policies = [o for o in t.kn.topics.values() if o.kind == "policy"]
    elsewhere = _out_of_scope_text(t)
    return any(
        p in text and p not in elsewhere and sum(p in _topic_text(t, o) for o in policies) <= FEW_TOPICS
        for p in word_pairs(t, msg, FILLERS) - _EVERY_TOPICS
    )


def this_titled(t: Turn, topic: Topic, msg: Message) -> bool:
    """Whether the message points at the topic by a word of its title (这个保险 on 首批次新材料保险补偿).

    Not a word most titles have (企业): the pair must stand in the titles of few policies.
    """
    if "policy_titles" not in t.kn.memo:
        t.kn.memo["policy_titles"] = [normalize(o.title) for o in t.kn.topics.values() if o.kind == "policy"]
    titles: list[str] = t.kn.memo["policy_titles"]
    title = normalize(topic.title)
    for said in _THIS_WORD.finditer(msg.norm):
        word = said["word"]
        if word not in _EVERY_TOPICS and word in title and sum(word in o for o in titles) <= FEW_TOPICS:
            return True
    return False


_THIS_WORD = re.compile(r"(这个|这|那个|该)(?P<word>[\u4e00-\u9fff]{2})")
"""“这个保险”: the thing just spoken of, by a word of its name."""


FEW_TOPICS = 2
"""How many topics' texts a pair may stand in and still be the words of those topics (费率: 首台套, 首批次)."""


def _out_of_scope_text(t: Turn) -> str:
    """The examples and words of out_of_scope.yaml, normalised, in one string (工商, 理财: another world's words)."""
    if "out_of_scope_text" not in t.kn.memo:
        words = [*t.kn.out_of_scope, *t.kn.out_of_scope_aliases]
        t.kn.memo["out_of_scope_text"] = "|".join(normalize(w) for w in words)
    return t.kn.memo["out_of_scope_text"]  # type: ignore[no-any-return]


def foreign(t: Turn, topic: Topic, msg: Message) -> bool:
    """Whether a longer question matched to no topic shares no pair of words with the topic under discussion.

    A message that carries on from the last reply (那…, 如果…, 没听懂) is about the topic whatever its words.
    """
    if msg.norm.startswith(_CARRIES_ON):
        return False
    own = checklist_criteria(t.kn, topic.id) or {}
    if own and t.facts(msg.text).keys() & own.keys():
        return False  # “营收没上五千万就莫得搞头了是不是”: a figure its own conditions ask about
    said = (normalize(w) for c in own.values() for w in c.extract)
    if any(len(w) >= 2 and w not in _EVERY_TOPICS and w in msg.norm for w in said):
        return False  # “营收要到好多才够 我们明年估计能上五千万”: the word of a figure its conditions ask about
    said_in_chinese = english_terms(t.kn, msg.text)  # (deadline好久: 截止, a word of every policy)
    pairs = word_pairs(t, Message(said_in_chinese, normalize(said_in_chinese)), _FOREIGN_FILLERS)
    if len(pairs) < FOREIGN_PAIRS:
        return False
    # (the questionnaire asks about the enterprise for every policy: 有几个实用新型专利 is of this world)
    texts = [_topic_text(t, o) for o in t.kn.topics.values() if o.kind == "policy"] if topic.kind != "policy" else []
    return not any(p in text for text in (_topic_text(t, topic), *texts) for p in pairs - _EVERY_TOPICS)


_FOREIGN_FILLERS = re.compile(r"[是的了啊呢嘛哦那这个要有没]")
"""The fillers and the 有 / 没 of 有没有: a pair like 有没 says nothing of which world a question is in."""


_EVERY_TOPICS = frozenset({"重庆", "企业", "公司", "我们", "你们", "他们", "今年", "去年", "明年", "晚上", "开始"})
"""Pairs every topic's text has, or any talk (重庆队踢球几点开始: its 重庆 ties it to no policy)."""

_CARRIES_ON = ("那", "如果", "要是", "假如", "没听懂", "没懂", "不懂")


FOREIGN_PAIRS = 6
"""Word pairs a question needs before sharing none with the topic makes it another world's (找哪个处室 has too few)."""


_WHAT_IT_SAYS = re.compile(r"说的是|讲的是|指的是|是指|的意思|意思|说的")
"""Words that ask what a measure means (翻番说的是啥子), not part of the measure."""
_COUNTED_AS = re.compile(r"(企业)?(占比|比例|比重|数量|家数|个数|数目|的占比|的比例|翻番|翻一番|翻两番)")
"""After a policy's name, a measure of it (高企占比): the name qualifies a figure, it is not the question's topic."""


def section_naming(t: Turn, topic: Topic, other: str) -> str | None:
    """The section of ``topic`` whose facts name the policy ``other`` (首批次's word on 首台套), if one does."""
    names = sorted(topic_names(t).get(other, []), key=len, reverse=True)
    found = [name for name, text in section_texts(t, topic) if any(n in text for n in names)]
    return f"section:{found[0]}" if len(found) == 1 else None


def about_here(t: Turn, topic: Topic, msg: Message, other: str) -> str | None:
    """Whether a short question naming ``other`` asks a measure of it the current topic holds (高企占比 in the goals).

    One fact of the topic must name the other policy and hold every other word of the question. Returns the
    question in that fact's words (高新技术企业占比…), so that the fact is shown first; None if it asks otherwise.
    """
    if len(msg.norm) > SHORT_MESSAGE or not asks(t, msg):
        return None
    names = topic_names(t).get(other, [])
    facts = [f for _name, text in section_texts(t, topic) for f in text.split("|") if any(n in f for n in names)]
    for name in (n for n in names if n in msg.norm and _COUNTED_AS.match(msg.norm, msg.norm.find(n) + len(n))):
        asked = _WHAT_IT_SAYS.sub("|", msg.norm.replace(name, "|"))  # (专精特新翻番说的是啥子: 翻番 is the word)
        pairs = word_pairs(t, Message(msg.text, asked), FILLERS)
        fact = next((f for f in facts if pairs and all(p in f for p in pairs)), None)
        if fact is not None:  # one fact of the topic names the other policy and holds every other word asked
            said = max((n for n in names if n in fact), key=len)
            return msg.norm.replace(name, said)
    return None


FIRST = re.compile(
    r"(要|得|需要|必须)先|先(要|得)|才(得行|行|能|可以)|(要是|如果|假如)(以后|将来|明年|今后)?先?(评上|拿到|取得|获得|成为|是)?"
    r"|先(评上|拿到|取得|获得).{0,12}(呢|就够|就行|就可以)"
    r"|等.{0,8}(评上|拿到|取得|获得|评下来|认定)了?(以后|之后)?(再|就)"  # 等小巨人评上了再来报呢
)
"""“是不是要先评上专精特新才得行”: whether another title comes first, a condition of the topic under discussion."""


def prerequisite(t: Turn, topic: Topic, other: str) -> bool:
    """Whether ``topic``'s checklist asks for a title that names ``other`` (小巨人 asks for 专精特新)."""
    names = topic_names(t).get(other, [])
    for version in topic.checklist:
        for cid in to_ask(version.items, t.kn.criteria):
            if any(normalize(w) in names for w in t.kn.criteria[cid].title):
                return True
    return False


def names_other(t: Turn, msg: Message) -> bool:
    """Whether the message names a policy other than the current topic, not as a title the enterprise holds.

    “要得 帮我核一哈 我们2024年认定的市级专精特新”: 专精特新 is a fact about us, not another question.
    """
    current = t.state.get("topic")
    others = [tid for tid, ns in topic_names(t).items() if tid != current and any(n in msg.norm for n in ns)]
    if not others:
        return False
    held = [t.kn.criteria[c].title for c in t.facts(msg.text) if c in t.kn.criteria and t.kn.criteria[c].title]
    names = topic_names(t)
    return any(not any(normalize(w) in names[tid] for ws in held for w in ws) for tid in others)


def policies_named(t: Turn, msg: Message) -> list[tuple[int, str]]:
    """(where it is first named, topic id) of each policy the message names by its title or an alias, in order."""
    found = []
    for tid, names in topic_names(t).items():
        if t.kn.topics[tid].kind != "policy":
            continue
        at = [i for n in names for i in places(msg.norm, n) if not _CITED_IN.match(msg.norm, i + len(n))]
        if at:
            found.append((min(at), tid))
    return sorted(found)


_CITED_IN = re.compile(r"(里头|里面|上面|上头|中|里)(说|讲|提|写)(的|到的|过的)")
"""After a document's name: it is cited for a word it uses (52号文里头说的隐形冠军), not asked about."""


def named_only_denied(t: Turn, msg: Message, tid: str) -> bool:
    """Whether every name of ``tid`` in the message comes after a denial in its clause (不是用在首台套装备上的)."""
    found = [(i, n) for n in topic_names(t).get(tid, []) for i in range(len(msg.norm)) if msg.norm.startswith(n, i)]
    if not found:
        return False
    breaks = (0, *clause_breaks(msg.text))

    def denied_after(end: int) -> bool:  # (单项冠军没得 | 也不属于…: the denial ends the name's clause)
        after = _DENIED_AFTER.match(msg.norm, end)
        return after is not None and (after.end() == len(msg.norm) or after.end() in breaks)

    return all(
        _DENIED.search(msg.norm, max(b for b in breaks if b <= i), i) is not None or denied_after(i + len(n))
        for i, n in found
    )


_DENIED = re.compile(
    r"(?<!是)不是|不用|(?<!有)没有|(?<!有)没得|(?<!有)莫得|(?<!有)没|未|非|不属于|不在|不涉及|跟.{0,4}无关"
)
"""A denial before a policy's name in its clause: the name says what the enterprise's case is not (not 有没得, 是不是:
a question)."""
_DENIED_AFTER = re.compile(r"(我们)?(也|都|还)?(没得|没有|莫得|没评过?|莫评过?|没拿过?|不是)(的|哦|嘛)?")
"""A denial right after a policy's name, ending its clause (单项冠军没得): the enterprise does not hold it."""


def other_policy_named(t: Turn, msg: Message, current: str) -> str | None:
    """The policy other than ``current`` the message names first (by its title or an alias), if any.

    Beside ``names_other``, which asks only whether any other topic is named.
    """
    return next((tid for _at, tid in policies_named(t, msg) if tid != current), None)
