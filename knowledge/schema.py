"""知识库 YAML 的结构定义（pydantic 模型）：staff edit the YAML, this module says what is allowed."""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator

SECTION_NAMES = (
    "政策要点",
    "适用对象",
    "申报条件",
    "不适用情形",
    "申报材料",
    "办理流程",
    "时间节点",
    "咨询部门",
    "计算方法",
)
"""Answer sections, in the order they are shown."""

UNITS = ("元", "万元", "亿元", "%", "人", "年", "项", "分", "件", "个", "平方米")
"""Units a numeric criterion may use; money units convert into each other."""

Op = Literal[">=", ">", "<=", "<", "==", "!=", "in", "not_in"]


class Confidence(StrEnum):
    """How well a fact is sourced (the fact sheet's marks)."""

    verified = "verified"  # 官方页面上读到原文
    reprint = "reprint"  # 转载的原文
    secondary = "secondary"  # 只有第三方整理 → 显示核实提示
    memory = "memory"  # 未找到原文 → 显示核实提示


UNCERTAIN = frozenset({Confidence.secondary, Confidence.memory})


class Strict(BaseModel):
    """Base model: unknown keys are errors, so a typo in a key never passes silently."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Source(Strict):
    """A document a fact comes from."""

    title: str = Field(min_length=2, description="文件名称")
    number: str | None = Field(None, description="文号，如 渝经信发〔2021〕52号")
    issuer: str | None = None
    date: dt.date | None = Field(None, description="发布或成文日期")
    effective: dt.date | None = Field(None, description="施行日期")
    url: str | None = None
    confidence: Confidence = Confidence.verified
    unverified: list[Literal["url", "date"]] = Field(
        [], description="只见第三方整理、没有核对的字段（url 未打开，date 只见二手）：显示时加 ※"
    )
    note: str | None = None


class Sourced(Strict):
    """Anything that carries its own source reference."""

    source: str = Field(min_length=1, description="sources 中的 id")
    clause: str | None = Field(None, description="条款，如 三、（三） 或 第十一条（四）")
    confidence: Confidence | None = Field(None, description="不填则取来源的可信度")


class Dated(BaseModel):
    """Mixin: a validity window; either end may be open."""

    effective_from: dt.date | None = None
    effective_to: dt.date | None = None

    def in_force(self, day: dt.date) -> bool:
        """Whether this applies on ``day``."""
        if self.effective_from and day < self.effective_from:
            return False
        return not (self.effective_to and day > self.effective_to)


class Fact(Sourced, Dated):
    """One sentence of an answer, with its source."""

    text: str = Field(min_length=2)


class Section(Strict):
    """A titled part of the structured answer."""

    name: Literal[SECTION_NAMES]  # type: ignore[valid-type]
    items: list[Fact] = Field(min_length=1)
    caveat: str | None = Field(
        None,
        description="本节多数内容需核实时，节首只标一次的原因（如 以下为2025年度通知内容，2026年度通知未发布）；"
        "不填则按来源可信度说明",
    )


class Change(Sourced):
    """A dated change of the rules, told to users after it happens."""

    date: dt.date
    text: str


class ChoiceOption(Strict):
    """One answer of a choice criterion."""

    value: str = Field(pattern=r"^[a-z0-9_]+$")
    label: str
    synonyms: list[str] = []
    patterns: list[str] = Field(
        [],
        description="正则：没有哪个选项的词出现时，消息合这些式子就选这一项（如 做…的、…厂 → 制造业）",
    )
    not_after: list[str] = Field(
        [],
        description="紧跟在这些词后面（隔几个字以内）的同义词不算这一项（如 卖五金配件：配件是卖的货，不算制造业）",
    )
    not_before: list[str] = Field(
        [],
        description="后面几个字以内紧接这些词的同义词不算这一项（如 电子元器件批发：电子是批发的货，不算制造业）",
    )

    @field_validator("patterns")
    @classmethod
    def _compiles(cls, patterns: list[str]) -> list[str]:
        for p in patterns:
            try:
                re.compile(p)
            except re.error as e:
                raise ValueError(f"{p!r} is not a regular expression: {e}") from None
        return patterns


class ChoiceFamily(Strict):
    """Options a word names together (国家级 → the three national awards), whichever of them it is."""

    words: list[str] = Field(min_length=1, description="说到这些词（同一句里还要有 subject 的词，如 奖）")
    values: list[str] = Field(min_length=1, description="这些词所指的几个选项的 value")
    label: str = Field(min_length=2, description="说“有”时记下的样子，如 国家级科技奖励（排名没说）")
    denied_label: str = Field(min_length=2, description="说“没有”时记下的样子，如 没有国家级科技奖励")


class Criterion(Strict):
    """A fact about the enterprise, asked once and reused by every checklist."""

    question: str = Field(min_length=4)
    label: str | None = Field(None, description="简称，用于“已记下：…”，如 上年度研发费用")
    type: Literal["bool", "number", "choice"]
    unit: Literal[UNITS] | None = None  # type: ignore[valid-type]
    options: list[ChoiceOption] = []
    hint: str | None = Field(None, description="答题格式提示，答错时显示")
    threshold_question: str | None = Field(
        None,
        description="条件自查只需判断是否达到门槛时的问法，{value} 填入门槛，如 注册成立满{value}了吗？"
        "（不填用 messages.yaml 的 threshold_questions）（仅 number）",
    )
    extract: list[str] = Field([], description="消息里出现这些词且后面跟着数字时，自动填入（仅 number）")
    subject: list[str] = Field(
        [],
        description="extract 里不含这些词的说法（占营收、占收入），要前面不远处说到这些词才算"
        "（研发…占营收5%；批发占收入七成不算）；bool 条件：yes_words/no_words 里不含这些词的，要同一句里说到"
        "这些词才算（买方是集团下面的厂 算；我们是集团下面的分公司 不算），正在问这一条时不限",
    )
    yes_words: list[str] = Field([], description="消息里出现这些词时自动记为“是”（仅 bool）")
    no_words: list[str] = Field([], description="消息里出现这些词时自动记为“否”（仅 bool）")
    part_words: list[str] = Field(
        [],
        description="只是条件一部分的词（查账征收的居民企业 里的 居民企业）：回答只确认了这些、没说 yes_words 时，"
        "不算“是”，再问一次（仅 bool）",
    )
    plan_counts: bool = Field(
        False,
        description="问的是打算怎么办（如 创新中心以什么形式建立）：说“准备、打算…”也记为“是”；"
        "不填时“想上MES”这类打算不算已经有（仅 bool）",
    )
    all_words: list[str] = Field([], description="说这些词时记为100%（如 全部在国内、都在国内发生）（仅 unit: %）")
    said_after: list[str] = Field(
        [], description="紧跟在比例后面、说明这是本项比例的词（如 九成在国内：在国内）（仅 unit: %）"
    )
    product_share: bool = Field(
        False,
        description="说到营收里某个产品占的比重（营收三千二 齿轮占了九成五）时记为此项；"
        "出口、成本、利润等不算（仅 unit: %）",
    )
    none_words: list[str] = Field(
        [], description="说这些词时记为0（如 没有单独的研发场地、研发就在车间里）（仅 number）"
    )
    yes_when_all: list[list[str]] = Field(
        [], description="几组词，每组都有一个出现在消息里时记为“是”（如 [[渝北, 江北, …], [注册, 落户]]）（仅 bool）"
    )
    yes_when_also: list[list[list[str]]] = Field(
        [],
        description="更多的词组组合，每个组合写法同 yes_when_all，任一组合成立就记为“是”"
        "（如 [[[首次把, 第一次把], [做进, 集成进]]]）（仅 bool）",
    )
    no_when_all: list[list[str]] = Field(
        [],
        description="几组词，在同一小句里每组都有一个出现时记为“否”，先于 yes_words 和 yes_when_all"
        "（如 [[四川, 成都, 外地], [注册, 执照]]：在四川广安注册的 厂房在重庆合川 → 否）（仅 bool）",
    )
    beats_average: bool = Field(
        False,
        description="是否高于平均水平的问题：用户同时说了自己的比例和平均的比例（平均两个点 我们五个多点）时，"
        "比一比记为“是”或“否”（仅 bool）",
    )
    above_of: list[str] = Field(
        [],
        description="两个 criterion id [我们的比例, 平均的比例]：两个数都有时比一比，高于平均记为“是”，不高于记为“否”，"
        "范围重叠时仍待确认（仅 bool，配合 beats_average）",
    )
    peers_average: bool = Field(
        False,
        description="同行业平均的比例（仅 number）：只说了平均（问到了 同行业平均两个点出头）、没说自己的时，记在这里",
    )
    within_years: int | None = Field(
        None,
        ge=1,
        description="“取得不超过N年”式的问题：用户说了取得的年月（证书23年3月拿的、2025年登记的），按今天算，"
        "早于N年记为“否”，一年以内记为“是”（仅 bool），配合 dated_by",
    )
    dated_by: list[str] = Field([], description="和年月在同一句里时才算取得日期的词（登记、取得、拿到、证书）")
    since_founding: list[str] = Field(
        [],
        description="说企业做什么的词（做、从事）：同一条消息说了成立多少年（做齿轮的 成立九年了、"
        "2015年成立 一直做液压钳），又没单独说这一项的年数时，按成立年数记，"
        "回复里照样写“已记下”让用户能改（仅 unit: 年）",
    )
    makes: list[str] = Field(
        [],
        description="说企业自己做什么的词（做、生产）：“我们是做特种尼龙的”“涪陵做改性塑料的”这类介绍自家业务的小句记为“是”；"
        "小句说的是买方、客户（客户是做装备的），或做的是贸易、代理、研发、认定这类事的不算（仅 bool）",
    )
    title: list[str] = Field(
        [], description="称号的叫法（专精特新、高企）：“已经评上/拿到了…”记为“是”，“还没评…/…莫得”记为“否”（仅 bool）"
    )
    rank_within: int | None = Field(
        None, ge=1, description="“排第N”式回答：N 不超过这个数记为“是”，超过记为“否”（仅 bool），配合 rank_scope"
    )
    rank_scope: list[str] = Field(
        [], description='排名前面要出现的范围词（全球、世界）；写 "" 表示不带范围词的“排第N”也算'
    )
    previous: str | None = Field(
        None, description="同一数字前一年的 criterion id：消息里说“前年…”时记到它上面（上年度研发费用 → 前年研发费用）"
    )
    adds_up: bool = Field(
        False,
        description="一条消息里几个数各由它的一个词说出时相加（高工2个 工程师3个 还有1个研究生 → 6人）（仅 number）",
    )
    min_of: list[str] = Field([], description="由这些 criterion 取最小值算出（如近两年较低一年的研发费用）")
    sum_of: list[str] = Field([], description="由这些 criterion 相加算出（如近两年研发费用合计）")
    mean_of: list[str] = Field([], description="由这些 criterion 取平均算出（如近三年平均营业收入）")
    mean_years: int | None = Field(
        None,
        ge=2,
        description=(
            "本项是几年的平均（近三年平均主营业务收入 → 3）：回答逐年给出这么多个数（2.6亿 3亿 3.4亿）时取平均，"
            "说几年“加起来”多少时除以年数（仅 number）"
        ),
    )
    sum_years: int | None = Field(
        None,
        ge=2,
        description="本项是几年的合计（近三年研发费用合计 → 3）：回答逐年给出这么多个数时相加（仅 number）",
    )
    growth_of: list[str] = Field(
        [],
        description=(
            "逐年的 criterion id，最近一年在前（[上年度营收, 前年营收, 大前年营收]）：首尾两年都有时算出年均（复合）"
            "增长率（unit %，跨 N-1 年）"
        ),
    )
    at_most: str | None = Field(
        None, description="另一个 criterion id：本项不会超过它（“近两年每年占比”不超过“上年度占比”），据此先行判断"
    )
    ratio_of: list[str] = Field(
        [], description="两个 criterion id [分子, 分母]：用户给了这两个数、没给比例时自动算出百分比（unit %）"
    )
    share_of: list[str] = Field(
        [],
        description="两个 criterion id [占比, 总数]：用户给了占比和总数、没给本项时自动算出"
        "（营收两个亿 主营全是这个 → 主营收入2亿）",
    )
    presume: bool | None = Field(
        None,
        description=(
            "作为 when 前提时，用户没回答（或不知道）就按这个值判断（如没说是复核就按新申请）；问题照样先问（仅 bool）"
        ),
    )
    told_by: list[str] = Field(
        [],
        description=(
            "作为前提（presume）时：用户没回答这一问、却说了这些 criterion 的事实，就按“是”核对"
            "（问核对哪种研发中心，答“技术中心运行三年多了” → 核对市级企业技术中心）"
        ),
    )
    said_yes: str | None = Field(
        None,
        description="“已记下”里回答“是”时整句怎么说（按国家级单项冠军核对）；不写就是“label 是”（仅 bool）",
    )
    said_no: str | None = Field(
        None,
        description="“已记下”里回答“否”时整句怎么说（按重庆市级单项冠军核对）；不写就是“label 否”（仅 bool）",
    )
    this_turn_only: bool = Field(
        False,
        description=(
            "只在说到它的那句话里算，不记下来"
            "（问“能不能按120%扣”，这次回答按120%核对；下一句没再说，又按 presume 的默认核对）"
        ),
    )
    families: list[ChoiceFamily] = Field(
        [],
        description="只说了是哪一类、没说是哪一项时（省里拿过奖；国家级的奖莫得），记下可能的几项，"
        "条件对这几项结果一样时就能判断（仅 choice；同一句里要有 subject 的词）",
    )
    yes_over_no: bool = Field(
        False,
        description="同一句话里既说了 yes_words，又在说“一部分、也有、还有”的小句里说了 no_words 时"
        "按“是”算（仅 bool）：研发有新工艺开发 也有日常质检——真正的研发项目有了，常规部分只是不能计入",
    )
    ask: bool = Field(
        True,
        description="逐条核对时是否问这一项；false 时不问，只从用户主动说的话里读（如 我们是买设备的用户），"
        "没提到就按 assume 计（须同时填 assume）",
    )
    assume: bool | str | None = Field(
        None,
        description=(
            "用户要结论时还没提到这一项，就按这个值判断，并在结论里写明是按一般情况计的"
            "（只用于几乎都是这样的情况：没有失信和重大事故、属于中小企业、没有得过国家级科技奖）；"
            "说了“不知道”仍算待确认（bool 填 true/false；choice 填一个选项的 value）"
        ),
    )

    @property
    def computed_from(self) -> tuple[str, ...]:
        """The criteria this one is computed from (``ratio_of``, ``share_of``, ``min_of`` … ``above_of``)."""
        return (
            *self.ratio_of,
            *self.share_of,
            *self.min_of,
            *self.sum_of,
            *self.mean_of,
            *self.growth_of,
            *self.above_of,
        )

    @model_validator(mode="after")
    def _typed(self) -> Criterion:
        if self.type == "number" and not self.unit:
            raise ValueError("a number criterion needs unit: one of " + " ".join(UNITS))
        if self.type == "choice" and len(self.options) < 2:
            raise ValueError("a choice criterion needs at least two options")
        if self.type != "choice" and self.options:
            raise ValueError("options are only for type: choice")
        if self.presume is not None and self.type != "bool":
            raise ValueError("presume is only for type: bool")
        if (self.said_yes or self.said_no) and self.type != "bool":
            raise ValueError("said_yes and said_no are only for type: bool")
        if self.all_words and self.unit != "%":
            raise ValueError("all_words is only for a share (unit: %)")
        if self.none_words and self.type != "number":
            raise ValueError("none_words is only for a number")
        if self.product_share and self.unit != "%":
            raise ValueError("product_share is only for a share (unit: %)")
        if (self.mean_years or self.sum_years) and self.type != "number":
            raise ValueError("mean_years and sum_years are only for a number")
        if self.mean_years and self.sum_years:
            raise ValueError("a figure is an average (mean_years) or a total (sum_years), not both")
        if not self.ask and self.assume is None:
            raise ValueError("ask: false needs an assume value (what a check takes when the user never says)")
        if self.assume is not None and self.type not in ("bool", "choice"):
            raise ValueError("assume is only for type: bool or choice")
        if self.assume is not None and (self.type == "bool") != isinstance(self.assume, bool):
            raise ValueError("assume is true or false for type: bool, an option's value for type: choice")
        if isinstance(self.assume, str) and self.assume not in {o.value for o in self.options}:
            raise ValueError(f"assume: {self.assume} is not a value of this criterion's options")
        if self.families and self.type != "choice":
            raise ValueError("families is only for type: choice")
        values = {o.value for o in self.options}
        for family in self.families:
            if unknown := [v for v in family.values if v not in values]:
                raise ValueError(f"families: {', '.join(unknown)} is not a value of this criterion's options")
        if self.within_years is not None and (self.type != "bool" or not self.dated_by):
            raise ValueError("within_years is only for type: bool, with dated_by naming what was obtained")
        if self.since_founding and self.unit != "年":
            raise ValueError("since_founding is only for a number of years (unit: 年)")
        if self.makes and self.type != "bool":
            raise ValueError("makes is only for type: bool")
        if self.yes_when_also and self.type != "bool":
            raise ValueError("yes_when_also is only for type: bool")
        if any(len(combination) < 2 for combination in self.yes_when_also):
            raise ValueError("yes_when_also: each combination is two or more groups of words, like yes_when_all")
        return self


class Condition(Strict):
    """``criterion op value``, e.g. ``rd_spend_last_year >= 100``."""

    criterion: str
    op: Op = "=="
    value: float | bool | str | list[str]
    unit: Literal[UNITS] | None = None  # type: ignore[valid-type]


class Item(Sourced, Dated):
    """One condition of a checklist: a single test or an alternative of several."""

    id: str | None = Field(None, pattern=r"^[a-z0-9_]+$")
    label: str = Field(min_length=2, description="用户看到的条件，如 上年度研发费用不低于100万元")
    criterion: str | None = None
    op: Op = "=="
    value: float | bool | str | list[str] | None = None
    unit: Literal[UNITS] | None = None  # type: ignore[valid-type]
    any_of: list[Condition] = []
    when: Condition | list[Condition] | None = Field(
        None, description="仅当此条件（写成列表时：每一个条件）成立时本条才适用，如 复核企业 且 营收1亿元以上"
    )

    @model_validator(mode="after")
    def _one_form(self) -> Item:
        if bool(self.criterion) == bool(self.any_of):
            raise ValueError("give either criterion/op/value or any_of, not both or neither")
        if self.criterion and self.value is None:
            raise ValueError("value is required with criterion")
        return self

    def gates(self) -> list[Condition]:
        """The conditions under which this item applies (all of them), from ``when``."""
        if self.when is None:
            return []
        return list(self.when) if isinstance(self.when, list) else [self.when]

    def conditions(self) -> list[Condition]:
        """The tests of this item: one, or the alternatives of any_of."""
        if self.any_of:
            return list(self.any_of)
        assert self.criterion is not None and self.value is not None
        return [Condition(criterion=self.criterion, op=self.op, value=self.value, unit=self.unit)]


class ChecklistVersion(Dated, Strict):
    """The conditions in force over a period (rules change; old certificates keep old rules)."""

    label: str
    items: list[Item] = Field(min_length=1)
    note: str | None = None


class Calculator(Sourced):
    """A benefit computed from the user's figures; ``kind`` names a function in bot.calc."""

    kind: str
    inputs: list[str] = Field(min_length=1, description="criterion ids read by the formula")
    params: dict[str, Any] = {}


class Followup(Strict):
    """A numbered option after an answer."""

    label: str
    action: str = Field(
        pattern=r"^(checklist|sources|section:.+|intent:[a-z_]+|calc)$",
        description="checklist | sources | calc | section:申报材料 | intent:zjtx",
    )


class Trigger(Strict):
    """Two word lists: a message with a word from each means this topic (研发费用 + 能省多少税)."""

    words: list[str] = Field(min_length=1)
    with_: list[str] = Field(min_length=1, alias="with")
    unless: list[str] = Field([], description="消息里有这些词时不算（外省市的政策，除非也说了重庆）")


class Topic(Strict):
    """One intent: a policy topic or a conversation act."""

    id: str = Field(pattern=r"^[a-z_]+$")
    title: str
    kind: Literal["policy", "conversation"] = "policy"
    updated: dt.date
    summary: str | None = Field(None, description="一句话说明能得到什么")
    aliases: list[str] = Field([], description="缩写、简称、别名：出现即强烈指向本主题")
    triggers: list[Trigger] = Field([], description="词对：消息里同时出现 words 和 with 中的词，即指向本主题")
    examples: list[str] = Field(min_length=1)
    sources: dict[str, Source] = Field({}, description="本文件专用的来源；通用来源写在 sources.yaml")
    sections: list[Section] = []
    changes: list[Change] = []
    checklist: list[ChecklistVersion] = []
    followups: list[Followup] | None = None
    next_steps: str | None = Field(None, description="核对结果之后的下一步建议")
    calculator: Calculator | None = None
    reply: str | None = Field(None, description="conversation 类的固定回复")
    yields: bool = Field(
        False, description="本主题的别名只是背景（如文件名“52号文”）：同一句话里出现其他主题的别名时让给对方"
    )
    about_document: bool = Field(
        False,
        description="本主题讲的是文件本身（发展目标、文件概况），没有企业要核对的条件：在它之后问“帮我看下够不够条件”，"
        "核对的是之前谈过的可自查政策",
    )
    insistent: list[str] = Field(
        [], description="明确的请求（转人工）：同一句话里有范围外的词（你是机器人吧）也照样回答本主题"
    )
    own_words: list[str] = Field(
        [],
        description="别处算范围外、在本主题里有意义的词（加计扣除的负面清单行业：饭馆、火锅店）："
        "与本主题的别名同在一句时，这句话不因它们判为范围外",
    )
    main_facts: int | None = Field(
        None, ge=1, description="第一次回答每节显示几条（不填用 messages.yaml 的 main_facts_limit）"
    )
    questionnaire: list[str] = Field([], description="policy_match：依次询问的 criterion id")

    @model_validator(mode="after")
    def _shape(self) -> Topic:
        if self.kind == "policy" and not self.sections:
            raise ValueError("a policy topic needs sections")
        if self.kind == "conversation" and not (self.reply or self.questionnaire):
            raise ValueError("a conversation topic needs reply (or questionnaire)")
        return self


class OutOfScope(Strict):
    """Messages the bot must not answer with a policy (negative examples for the matcher)."""

    examples: list[str] = Field(min_length=1)
    aliases: list[str] = Field([], description="含政策字眼但不是政策问题的词（如 小巨人玩具）：出现即按范围外处理")
    triggers: list[Trigger] = Field(
        [], description="两类词各出现一个即按范围外处理（买的 + 冰箱）：单个词太常见、不能做 aliases 时用"
    )


class Platform(Strict):
    """One row of the annex: an industry innovation support platform."""

    seq: int = Field(ge=1, description="附件序号")
    park: str
    district: str
    direction: str
    keywords: list[str] = []


class Park(Strict):
    """A park or zone named in the annex, with its 区县 and short names."""

    name: str
    district: str
    short: list[str] = []


class Vocabulary(Strict):
    """Words users answer with; matched after normalisation."""

    affirmative: list[str] = Field(min_length=1)
    negative: list[str] = Field(min_length=1)
    unknown: list[str] = Field(min_length=1)
    exit: list[str] = Field(min_length=1)
    restart: list[str] = Field(min_length=1)
    useful: list[str] = Field(min_length=1)
    useless: list[str] = Field(min_length=1)
    fillers: list[str] = Field([], description="问候、客套等不影响意思的词，匹配前去掉")
    synonyms: dict[str, list[str]] = Field({}, description="同义写法：匹配前把右边的写法换成左边的词")
    question_words: list[str] = Field(
        [], description="条件自查中，含这些词的消息先当作新问题判断（如“有没有补贴”不当作回答“没有”）"
    )
    asides: list[str] = Field([], description="岔开话题的开头（对了、顺便问下）：后面是新问题，不是对当前问题的回答")
    conclude: list[str] = Field([], description="要结论的说法（直接给个结论）：按已知情况马上给出自查结论")
    correction: list[str] = Field([], description="更正的说法（说错了、应该是）：改掉前面的回答")
    resume: list[str] = Field([], description="回到被打断的条件自查的说法（接着前面的、继续核）")
    plainer: list[str] = Field([], description="要求讲通俗点的说法（没听懂、讲简单点）")
    missing: list[str] = Field([], description="问还缺什么的说法（还缺啥、差多少）")
    fees: list[str] = Field(
        [], description="问申报要不要交钱、中介“包过”可不可信的说法（要交钱吗、包过）：答文件里有没有写，并给咨询部门"
    )
    go_ahead: list[str] = Field(
        [], description="答应开始的说法（你问嘛、开始吧、看下我们）：刚提出条件自查时，跟在“好、要得”后面也算答应"
    )
    eligibility: list[str] = Field([], description="问“我们够不够条件”的说法：开始该政策的条件自查")
    outcome: list[str] = Field(
        [],
        description="自查进行中，问结果用的词（判、结果、合格、达标、有戏）：问句里只有这些词、没有回答时，当作要结论",
    )
    leaving: list[str] = Field(
        [],
        description="说自己下一步去办、结束对话的说法（我去找区经信委、回去商量一下）：不在自查中时，短消息里当作道谢告别",
    )


class NextStep(Strict):
    """One line of a verdict's 下一步: the fact of a section saying what to prepare, where, when or whom to ask."""

    section: Literal[SECTION_NAMES]  # type: ignore[valid-type]
    label: str = Field(description="行首的词，如 准备、时间、咨询")
    words: str = Field("", description="优先选与这些词重合多的一条（如 申报期 截止 受理）")
    when_unmet: bool = Field(False, description="结论为不符合时也显示")


class Messages(Strict):
    """Every sentence the bot says that is not policy content (staff can change every word)."""

    fallback: str
    menu_header: str
    clarify: str
    followup_header: str
    caveat: str
    sources_header: str
    checklist_start: str
    checklist_none: str
    checklist_exit: str
    checklist_left: str
    prefilled: str
    restart_kept: str = Field(
        "沿用前面说的：{facts}。",
        description="为另一个产品重新自查（那这个不算了 重新来 我们还有个…）：沿用的企业情况（注册地、信用、营收等）",
    )
    variant_presumed: str = Field(
        "您没说是哪一种，先按“{facts}”核对；不对请直接告诉我。",
        description="自查先问是哪一种（复核还是新申请、哪种研发中心），用户答了别的：按默认的一种核对时说的话",
    )
    variant_inferred: str = Field(
        "从您说的情况看，按“{facts}”核对；不对请直接告诉我。",
        description="自查先问是哪一种，用户答的情况只有其中一种才问（技术中心运行三年多了）：按那一种核对时说的话",
    )
    reask: str
    hint_bool: str
    hint_number: str
    hint_choice: str
    verdict_header: str
    verdict_pass: str
    verdict_fail: str
    verdict_unknown: str
    verdict_unmet_header: str
    verdict_unknown_header: str
    verdict_line: str
    verdict_version: str
    change_note: str
    version_note: str
    calc_header: str
    calc_missing: str
    match_header: str
    match_none: str
    match_line: str
    match_unknown_line: str
    match_footer: str = Field(
        "排在前面的还需确认的条件最少。回复序号逐条核对。",
        description="“能享受哪些政策”列表之后的一行：怎么排的、下一步做什么",
    )
    plain_list_footer: str = Field(
        "想看哪一项的条件、能不能报，回复它的序号。",
        description="列出的政策用大白话各说一句（“讲通俗点”）之后的一行：下一步做什么",
    )
    match_easiest: str = Field(
        "按您说的情况，还需确认的条件最少的是「{title}」，可以先从它核起。回复 {key} 逐条核对。",
        description="列表之后问“哪个最容易、先报哪个”：排第一的那项（{title} 政策名，{key} 它的序号）",
    )
    empty: str
    too_long: str
    unsupported: str
    error: str
    restarted: str
    feedback_thanks: str
    nothing_to_choose: str
    answer_yes: str
    answer_no: str
    answer_unknown: str
    range_above: str = "{low}{unit}以上"
    range_between: str = "{low}–{high}{unit}"
    range_below: str
    range_note: str
    corrected: str
    unchanged: str
    correction_none: str
    suspended_note: str
    resume_none: str
    resumed: str
    out_of_scope_in_check: str
    aside: str = Field(
        "（这条像是发给群里其他人的，我先不插话；要问我，直接说问题就行。）",
        description="群聊里 @别人 的消息（不是问机器人的）：只回这一句，不算没看懂，正在核对的条件保持不变",
    )
    fallback_again: str
    reask_again: str
    verdict_line_more: str = Field(
        "；另有 {n} 项（回复“还缺啥”看全部）",
        description="一行结论（追问时放在回答前面）只列前三项条件，其余的计数：{n} 是没列出的项数",
    )
    reask_noted: str = Field(
        "收到。这一项还需要您回答：{hint}",
        description="核对中用户说了企业的情况（在哪、做什么），但没回答正在问的这一项：不说“没看懂”，再问一次",
    )
    verdict_met_header: str
    status_header: str = Field(
        "「{title}」里您问的条件：", description="结论之后（或核对中）问某一条够不够（研发那条够没得）：开头一行"
    )
    status_met: str = Field("已满足：{label}（您的回答 {answer}）", description="问到的一条已满足")
    status_unmet: str = Field(
        "未满足：{line}", description="问到的一条未满足：{line} 同结论里的一行（回答、要求、差距）"
    )
    status_assumed: str = Field("按一般情况计满足：{label}（您没提到）", description="问到的一条按一般情况算满足")
    status_unknown: str = Field("待确认：{label}{threshold}", description="问到的一条还不能判断")
    status_footer: str = Field(
        "整体结论：{verdict}（回复“结论”看全部条件）。", description="问某一条之后的最后一行：整体结论，怎么看全部"
    )
    verdict_assumed_header: str = "按一般情况计（您没提到；如不是这样，结论会变）："
    verdict_assumed_fail: str = "（按一般情况计：{assumed}；您没提到，如不是这样，结论会变）"
    verdict_gap: str
    verdict_otherwise: str = Field(
        "（另：{label}）",
        description="结论里一项未满足的条件后面：同一指标在另一种情况下的要求（如国家级“小巨人”企业营收门槛"
        "更低），{label} 是那一项",
    )
    verdict_gives: str = Field(
        "政策内容：{summary}", description="结论为符合时，紧跟结论的一行：这项政策给什么（取主题的 summary）"
    )
    verdict_short_of: str = Field(
        "{gap}（需约{need}）", description="比例差在钱上时：差多少（gap）和按已知营收要达到多少（need）"
    )
    verdict_short_also: str = Field(
        "；{label}约差 {short}",
        description="两年每年都要达到、两年都差时，另一年差多少（label 为那一年的金额名，如 上年度研发费用）",
    )
    verdict_need: str
    verdict_count: str
    verdict_skipped: str
    verdict_more: str
    verdict_decided: str
    verdict_undecided: str
    threshold_questions: dict[str, str] = Field(
        {}, description="数字条件只需判断是否达到门槛时的问法，按比较符（>=、>），{label} 为简称，{value} 为门槛"
    )
    hint_meets: str
    next_step_header: str
    next_step_line: str
    next_steps: list[NextStep] = []
    conclude_none: str
    noted_after_verdict: str = Field(
        description="结论刚给出后，用户补了一句不改变任何条件的话（有的 合同都签了）时的开头，{title} 为政策名"
    )
    noted_change_hint: str = Field(description="上面一句之后，告诉用户怎么改前面的回答")
    no_checklist: str = Field(
        description="问“够不够条件”而该政策没有可核对的条件时的开头，{title} 为政策名；后面接它的申报条件一节"
    )
    plain_header: str
    fees_unknown: str = Field(description="文件里没有收费规定时的回答（可用 {title} 写政策名称），后面跟咨询部门")
    missing_none: str
    vocabulary: Vocabulary
    calc: dict[str, str] = Field({}, description="计算器文字，按计算器 kind 取用")
    menu: list[str] = Field(min_length=1, description="兜底和问候时展示的 intent id")
    all_topics_label: str
    caveat_mark: str
    caveat_footnote: str
    caveat_reasons: dict[str, str] = Field(
        {}, description="一节多数内容需核实时节首的说明，按来源可信度（secondary、memory）取用；没有则用 caveat"
    )
    bullet: str
    section_words: dict[str, list[str]] = Field({}, description="节名 → 问这一节的提示词（政策依据 指来源）")
    section_question_words: dict[str, list[str]] = Field({}, description="节名 → 只是问句的词（多少、怎么）")
    spoken_forms: dict[str, list[str]] = Field({}, description="普通话说法 → 口语、方言、英文说法（多少: [好多]）")
    overview_words: list[str] = Field([], description="问“是什么”的说法：问话题本身时给概况")
    fact_words: list[str] = Field([], description="说一件事的提示词（有效期）：先给写到它的那一节")
    amount_words: list[str] = Field([], description="问“多少”的词：带企业自己的金额时给计算方法")

    @field_validator("section_words", "section_question_words")
    @classmethod
    def _known_sections(cls, value: dict[str, list[str]], info: ValidationInfo) -> dict[str, list[str]]:
        known = [*SECTION_NAMES, info.data.get("sources_header", "")]
        unknown = [name for name in value if name not in known]
        if unknown:
            raise ValueError(f"unknown section {', '.join(unknown)}: use one of {' '.join(known)}")
        return value

    calc_words: list[str] = []
    checklist_words: list[str] = []
    ops: dict[str, str]
    default_followups: list[Followup] = Field(min_length=1)
    followup_limit: int = Field(6, ge=1, le=9)
    progress: str
    not_answered: str
    more_facts: str
    main_facts_limit: int = Field(5, ge=1)
    platforms_header: str
    platforms_count: str
    platforms_none: str
    platforms_line: str
    platforms_footer: str
