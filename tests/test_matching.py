"""Matching as users type on phones: typos, traditional characters, width, greetings, out-of-scope."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.engine import build_index
from bot.evaluate import evaluate
from bot.settings import Settings
from intents import match
from intents.match import SHORTLIST, Index, _bigrams
from intents.normalize import normalize
from knowledge.loader import load
from tests.helpers import DATA

KN = load()
INDEX = build_index(KN, Settings())


def decide(text: str) -> tuple[str | None, str]:
    decision = INDEX.decide(INDEX.match(text))
    return decision.intent, decision.reason


def _heldout() -> list[dict]:
    import yaml

    return yaml.safe_load((DATA / "heldout.yaml").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def test_heldout_questions_that_repeat_an_example_are_marked() -> None:
    examples = {normalize(e) for t in KN.topics.values() for e in t.examples} | {normalize(e) for e in KN.out_of_scope}
    copies = [r["text"] for r in _heldout() if normalize(str(r["text"])) in examples]
    assert copies == [r["text"] for r in _heldout() if r.get("example")]


def test_heldout_accuracy_meets_the_targets(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import yaml

    unseen = tmp_path / "unseen.yaml"  # only the questions that are not YAML examples word for word
    unseen.write_text(yaml.safe_dump([r for r in _heldout() if not r.get("example")], allow_unicode=True), "utf-8")
    report = evaluate(INDEX, unseen)
    assert report.in_scope >= 350 and report.out_scope >= 60
    assert report.accuracy >= 0.95, report.confusions.most_common(10)
    assert report.oos_recall >= 0.90, report.confusions.most_common(10)
    assert report.fallback_rate <= 0.03, report.confusions.most_common(10)


def test_heldout_has_at_least_ten_per_intent() -> None:
    import yaml

    from knowledge.contract import ALL_INTENTS

    rows = yaml.safe_load((DATA / "heldout.yaml").read_text(encoding="utf-8"))
    for intent in ALL_INTENTS:
        assert sum(r["intent"] == intent for r in rows) >= 10, intent


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("研发费用加计扣除怎么算", "rd_deduction"),
        ("家计扣除怎么弄", "rd_deduction"),  # IME homophone typo
        ("研發費用加計扣除", "rd_deduction"),  # traditional characters
        ("ＲＤ费用加计扣除比例", "rd_deduction"),  # full width, English
        ("专精特信要什么条件", "zjtx"),
        ("你好，请问首台套怎么申报", "first_set_equipment"),  # greeting before the question
        ("高企", "high_tech_enterprise"),
        ("加计", "rd_deduction"),
        ("小巨人", "little_giant"),
        ("璧山有哪些创新平台", "innovation_platforms"),
        ("我们是做传感器的，有对口的平台吗", "innovation_platforms"),
        ("52号文是哪个单位发的", "policy_overview"),
        ("转人工", "human_agent"),
        ("你好", "greeting"),
        ("R&D center 认定 要找哪个 department", "rd_institution"),  # English words with spaces stay one phrase
        ("市企技复核要交些啥", "rd_institution"),  # trade short form of 市级企业技术中心
        ("有没有 hotline 可以打", "human_agent"),
        ("单项冠军是不是得先是小巨人才能报", "single_champion"),  # the title to hold first is a condition
        ("小巨人必须先拿到市级专精特新吗", "little_giant"),
        ("首版次軟體要怎麼申請", "first_version_software"),  # a Taiwan word (軟體) for 软件
        ("我们市级专精特新前年就认定了 单项冠军能不能冲", "single_champion"),  # a title held is context
        ("市专精到期复核要准备啥", "zjtx"),  # an agent's short form
        ("你们这个机器人能帮我们做啥", "help"),
        ("想弄个区级的研发中心 条件是啥", "rd_institution"),  # a level and 的 before the alias 区级研发中心
        ("单项冠军我们有没有戏 市级专精特新去年刚评上", "single_champion"),  # a title got just last year is held
        ("gq认定要交哪些资料", "high_tech_enterprise"),  # pinyin initials, as agents type them
        ("jjkc 季度预缴能不能先扣", "rd_deduction"),
        ("xjr 复核要准备啥", "little_giant"),
    ],
)
def test_typical_messages_match(text: str, intent: str) -> None:
    assert decide(text) == (intent, "matched")


@pytest.mark.parametrize(
    "text",
    [
        "明天重庆天气怎么样",
        "个人所得税专项附加扣除怎么填",
        "社保断缴了怎么办",
        "asdfghjkl",
        "😀😀😀",
        "小巨人玩具在哪买",
        "讲个笑话",
        "成渝之间的动车票好多钱",
        "高新区派出所的电话是好多",
        "考个质量管理体系审核员证要多久",
        "科技股现在值不值得长期拿着",
        "高新技术板块明天会不会反弹",  # shares, with a title's words
        "解放碑那家小巨人蛋糕店搬到哪去了",  # a shop named like the title
        "有没有那种小厂逆袭成行业冠军的爽文推荐",  # fiction
        "个税预缴的时候能扣房贷吗",
        "股市里头那个单项冠军指数最近咋样",
        "公司注册地址要变更 在哪里办",
    ],
)
def test_out_of_scope_gets_the_fallback(text: str) -> None:
    intent, reason = decide(text)
    assert intent is None and reason in ("out_of_scope", "low_score", "empty")


def test_digits_inside_a_longer_number_match_no_alias() -> None:
    # 12345 is the hotline alias; inside a mobile number it is part of the number
    assert decide("老板让我问专精特新能不能报 电话13637912345")[0] == "zjtx"
    assert decide("打12345问问")[0] == "human_agent"


def test_an_out_of_scope_word_across_two_words_does_not_count() -> None:
    # 一家装备 holds 家装 (home decoration), 对外卖 holds 外卖 (food delivery)
    assert decide("我们是永川一家装备制造企业 研发准备金已经备案了 想问大概能补多少")[0] == "rd_reserve"


def test_close_intents_ask_which_was_meant() -> None:
    intent, reason = decide("首台套和首批次有什么区别")  # neither's examples lean to one side
    assert intent is None and reason == "ambiguous"


def test_a_tie_the_examples_lean_on_goes_to_that_intent() -> None:
    """小巨人's examples speak of 专精特新 as its first step; the n-gram classifier settles the tie (issue 12)."""
    assert decide("专精特新和小巨人有什么区别") == ("little_giant", "matched")
    assert "+ngram:" in INDEX.match("专精特新和小巨人有什么区别")[0].via


def _full_count(index: Index, query: str) -> list[int]:
    """The shortlist as it was first written: every example sharing a pair counted, all of them sorted."""
    counts: Counter[int] = Counter()
    for gram in _bigrams(query):
        posting = index.postings.get(gram)
        if posting and len(posting) <= index.max_postings:
            counts.update(posting)
    return [i for i, _ in sorted(counts.items(), key=lambda p: (-p[1], p[0]))[:SHORTLIST]]


def test_the_shortlist_is_the_full_count_on_the_bundled_knowledge() -> None:
    for row in _heldout():
        query = INDEX.prepare(str(row["text"]))
        assert INDEX._shortlist(query) == _full_count(INDEX, query), row["text"]


def test_past_the_candidates_a_common_pair_only_adds_to_examples_in_view(monkeypatch: pytest.MonkeyPatch) -> None:
    index = Index({}, {"a": ["甲乙"], "b": ["乙丙", "乙丙戊"]}, classifier=False)
    assert index._shortlist("甲乙丙") == _full_count(index, "甲乙丙") == [0, 1, 2]
    monkeypatch.setattr(match, "CANDIDATES", 1)
    assert index._shortlist("甲乙丙") == [0]  # 甲乙 is the rarer pair: 乙丙 only counts for what it brought


def test_candidates_explain_themselves() -> None:
    top = INDEX.match("家计扣除")[0]
    assert top.intent == "rd_deduction" and top.via == "pinyin:加计扣除"


cjk = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)
phone_text = st.text(
    alphabet=st.one_of(
        cjk,
        st.characters(min_codepoint=0x20, max_codepoint=0x7E),
        st.sampled_from("，。？！、％（）　ＡＢＣ１２３"),
    ),
    max_size=40,
)


@settings(max_examples=200, deadline=None)
@given(phone_text)
def test_normalising_twice_changes_nothing(text: str) -> None:
    assert normalize(normalize(text)) == normalize(text)


def test_traditional_accounts_read_as_todays_accounts() -> None:
    assert normalize("是查帳徵收 研發有單獨記帳") == "是查账征收研发有单独记账"  # OpenCC gives 帐; accounts are 账


def test_a_fund_named_after_a_policy_is_another_world_and_extra_deduction_is_the_deduction() -> None:
    assert INDEX.decide(INDEX.match("专精特新主题基金还能不能买")).intent is None
    said = "我们做五金的 老板听说研发费用可以多扣税 叫我来问问 我们能不能享受"
    assert INDEX.decide(INDEX.match(said)).intent == "rd_deduction"


def _to_full_width(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from([e for t in KN.topics.values() for e in t.examples][:400]),
    st.sampled_from(["", "？", "?", "。", "！！"]),
)
def test_width_and_trailing_punctuation_do_not_change_the_match(example: str, tail: str) -> None:
    base = INDEX.decide(INDEX.match(example))
    varied = INDEX.decide(INDEX.match(_to_full_width(example) + tail))
    assert (varied.intent, varied.reason) == (base.intent, base.reason)


@pytest.mark.parametrize("text", ["炒股亏了 找哪个部门", "个税多扣了 能不能加计扣除", "驾照过期了 要交哪些材料"])
def test_a_word_of_another_world_holds_for_the_clause_after_it(text: str) -> None:
    """The last clause in policy words (怎么申请) asks about the other world named before it, not about a policy."""
    assert decide(text)[0] is None


@pytest.mark.parametrize(
    "text",
    [
        "羽毛球世锦赛冠军拿了多少奖金",  # sport
        "可转债现在能不能抄底",  # stocks and funds
        "你是不是机器人啊",  # the bot itself
        "二胎有没有育儿补贴",  # family
        "四六级考试什么时候报名",  # school and exams
        "刚买的洗衣机漏水了",  # a consumer good bought (trigger: 刚买 + 洗衣机)
        "这个手机号是哪里的",  # a phone number (trigger: 手机号 + 是哪里的)
        "群里哪个有闲置的二手铲车 想收一台",  # buying and selling in a group (trigger: 哪个有 + 二手)
        "今天热死了 空调都不管用",  # the weather
        "市里的科技进步奖怎么报",  # another award programme
        "专精特新贷哪家银行利息低",  # a bank's loan product named after a title
        "陆海新通道的物流补贴找哪个",  # a logistics subsidy
        "增值税留抵退税咋个申请",  # another tax
        "厂里充电桩有补贴没得",  # another subsidy
        "奥运冠军和单项冠军有啥子区别",  # sport, in the policy's words
        "德国的制造业创新中心是咋个运作的",  # another country's policy
        "小巨人牌子的平衡车质量怎么样 靠谱不",  # a household good, in a policy's name
        "渝万高铁好久通车",  # a railway line
        "高新区那边的工作好不好找",  # a job for oneself
    ],
)
def test_words_of_other_worlds_by_class_are_out_of_scope(text: str) -> None:
    assert decide(text) == (None, "out_of_scope")


def test_an_explicit_request_for_a_person_stands_beside_a_word_of_another_world() -> None:
    assert decide("你是机器人吧 说不清楚 我要转人工")[0] == "human_agent"
    assert decide("你是机器人还是真人")[0] is None


def test_an_excluded_industry_named_with_the_policy_asks_about_it_and_other_regions_are_out() -> None:
    """饭馆 is another world's word, but 加计扣除 names restaurants among its excluded industries (own_words)."""
    index = INDEX
    assert index.decide(index.match("开火锅店的能不能享受研发费用加计扣除")).intent == "rd_deduction"
    assert index.decide(index.match("火锅店想研发个新菜品 咋个做好吃")).intent is None
    assert index.decide(index.match("杭州的专精特新认定了奖多少")).intent is None
    assert index.decide(index.match("我们总部在杭州 重庆的子公司能报专精特新不")).intent == "zjtx"  # unless: 重庆
    # another region's policy set beside Chongqing's, or asked for a branch there, is still that region's
    assert index.decide(index.match("成都那边专精特新奖励是不是比重庆多")).intent is None
    assert index.decide(index.match("四川那边高企有奖励 我们成都分公司能不能拿")).intent is None
    assert index.decide(index.match("已经评过外省的首版次 还能报重庆的吗")).intent == "first_version_software"


@pytest.mark.parametrize(
    "text",
    [
        "专精特新企业去建行能贷多少款",
        "商标注册一般要多久能下来",
        "ISO9001认证找哪家机构便宜",
        "稳岗补贴怎么申请",
        "今年全国GDP增长目标是多少",
    ],
)
def test_loans_trademarks_certifiers_and_other_subsidies_are_out_of_scope(text: str) -> None:
    """No policy here lends, registers trademarks, certifies or pays these subsidies (the policy's words aside)."""
    assert decide(text)[0] is None


def test_what_policy_there_is_for_a_policy_named_before_asks_about_that_policy() -> None:
    """有没有什么政策 in a last clause asks about the policy the clause before names, not what the bot knows."""
    assert decide("我们参与制定了一个行业标准 有没有什么政策支持")[0] == "standards"
    assert decide("有什么政策")[0] == "help"
    # a last sentence asking what the document or the bot says of it: the policy named before is asked about
    assert decide("我们有个发明专利被别人仿了。听说有知识产权保护联系点。能提供什么帮助")[0] == "ip_protection"
    assert decide("最近在搞数字化车间改造。52号文里对这块是怎么支持的")[0] == "quality_brand"
    assert decide("上次问的是小巨人，这次不问那个了。52号文是哪天印发的")[0] == "policy_overview"
    assert decide("专精特新 小巨人 这些我都问过了。你还能帮我查些什么政策")[0] == "help"
    assert decide("我想问一下。你们这个机器人都能查哪些政策")[0] == "help"


def test_a_greeting_opening_a_short_question_yields_to_the_question() -> None:
    assert decide("你好 请问你能答哪些方面的问题")[0] == "help"
    assert decide("你好 在吗")[0] == "greeting"
    assert decide("在吗 我们是涪陵做榨菜的小厂 有啥子政策可以享受")[0] == "policy_match"
    # a question after it that routes nowhere leaves the greeting to answer (with its menu), not a fallback
    assert decide("你好，請問這裡可以諮詢重慶的產業政策嗎")[0] == "greeting"


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("加计扣除的具体操作该问哪个部门", "rd_deduction"),  # 具体操作 holds 体操
        ("我们业务板块多 研发准备金咋个算", "rd_reserve"),  # 业务板块 is no stock market
        ("研发准备金是按比例计提的吗", "rd_reserve"),  # an accountant's word, not a bank's
        ("小巨人要几个一类知识产权", "little_giant"),  # 知识产权 reads as ip: ip + 个 sounds like no ipo
        ("一带一路这些合作 文件里咋个说的", "open_cooperation"),  # 合作文件 holds 作文
    ],
)
def test_a_word_of_another_world_inside_a_word_of_ours_does_not_count(text: str, intent: str) -> None:
    assert decide(text)[0] == intent


def test_the_stock_market_senses_still_count_with_their_companions() -> None:
    assert decide("小巨人板块今天涨了好多")[0] is None
    assert decide("银行计提的风险准备金是啥")[0] is None


def test_a_title_held_since_a_short_year_is_context_of_the_title_asked() -> None:
    assert decide("我们市级专精特新24年认定 想冲小巨人 帮我看看")[0] == "little_giant"


def test_another_world_is_named_as_written_not_by_sound() -> None:
    assert decide("专精特新那个牌子管好久哦")[0] == "zjtx"  # 那个牌子 sounds like 哪个牌子 (which brand)
    assert decide("洗衣机哪个牌子好")[0] is None


def test_asking_the_bot_what_it_answers_is_help_whatever_it_calls_the_bot() -> None:
    assert decide("你这个机器人到底能回答些啥子政策嘛")[0] == "help"


def test_that_will_do_closes_the_conversation() -> None:
    assert decide("好吧 那就这样")[0] == "thanks"


def test_a_person_to_talk_to_is_no_job_hunt_and_a_phone_launch_no_first_batch() -> None:
    assert decide("能不能找个工作人员跟我说一下")[0] == "human_agent"
    assert decide("新手机首发那天首批货抢不抢得到")[0] is None


@pytest.mark.parametrize(
    "text",
    [
        "理想新车首批次交付的车主有啥福利",
        "大学重点实验室招不招本科实习生",
        "个人开发者在应用商店上架一个app要啥材料",
        "家里有本小说是首版次印刷的 值不值钱",
        "头疼吃啥药好",
        "流感疫苗首批次到了没 社区医院能打不",
        "有个奶粉牌子叫小巨人 安全吗",
        "轻轨到创新中心那站怎么坐",
        "有没有好用的国货美妆推荐",
    ],
)
def test_car_launches_internships_app_stores_vaccines_milk_powder_light_rail_and_cosmetics_are_other_worlds(
    text: str,
) -> None:
    assert decide(text)[0] is None


def test_a_word_of_another_world_the_topic_itself_speaks_of_does_not_count() -> None:
    assert decide("创新中心不打算单独注册公司 就在内部设个部门 市里认不认")[0] == "innovation_center"
    assert decide("注册公司要准备啥材料")[0] is None


def test_what_the_enterprise_makes_is_no_other_world_and_a_greeting_word_inside_a_question_greets_nobody() -> None:
    assert decide("加计扣除 我们渝北做电动车配件的 能不能扣 帮我判断下")[0] == "rd_deduction"
    assert decide("生产电动车的厂 好久放假")[0] is None  # no policy named: the other world stands
    assert decide("小巨人牌电动车电池坏了去哪修")[0] is None  # a product bought, not made
    assert decide("我们那个型号在不在里头我真的晓不得 要问技术部")[0] != "greeting"
    assert decide("在不在哈")[0] == "greeting"


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("里头说2025年规上企业里高新技术企业占比要到好多", "policy_goals"),  # a goal, though it names 高企
        ("52号文头说专精特新要翻番 是要好久达到嘛", "policy_goals"),
        ("老板叫我问下 市级研发中心咋个申请", "rd_institution"),
        ("你这个机器人能查些啥子", "help"),  # asking what it does stands, whatever it calls the bot
        ("经信委52号 全称叫啥", "policy_overview"),
        ("公司打算去德国设个研发点 市里政策上支不支持", "open_cooperation"),
    ],
)
def test_goals_named_with_a_policy_and_short_names_of_what_is_asked(text: str, intent: str) -> None:
    assert decide(text)[0] == intent


def test_a_goal_word_beside_a_question_of_applying_stays_with_the_policy() -> None:
    assert decide("2025年小巨人申报要达到哪些条件")[0] == "little_giant"


def test_a_title_counted_among_enterprises_is_a_goals_count() -> None:
    assert decide("到2025年 规上工业企业里高新技术企业要占到多少")[0] == "policy_goals"


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("专精特新企业说要翻番 是好久的目标嘛", "policy_goals"),  # a title's number as a goal
        ("小巨人是不是要先评起市级专精特新才得行", "little_giant"),  # 评起: the title to hold first
        ("gaoqi认定要多少科技人员", "high_tech_enterprise"),
    ],
)
def test_a_title_counted_as_a_goal_held_first_or_typed_in_pinyin(text: str, intent: str) -> None:
    assert decide(text)[0] == intent


def test_a_greeting_before_asking_what_the_bot_does_is_help() -> None:
    assert decide("在吗 你都能查些啥子")[0] == "help"
    assert decide("小巨人第八批我们想报 渝北空港的 做车身控制器 市级专精特新2024年认的")[0] == "little_giant"


def test_rd_invested_and_tax_offset_and_a_real_person_asked_for() -> None:
    assert decide("我们厂去年研发投了两百多万 咋个算能抵好多税哦")[0] == "rd_deduction"
    assert decide("机器人说不清楚 能不能找个人跟我聊")[0] == "human_agent"


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("gqrd研发费用占比要求多少", "high_tech_enterprise"),  # pinyin initials of 高企认定
        ("dxgj要啥条件", "single_champion"),
        ("yfzbj好久报", "rd_reserve"),
        ("这个bot有哪些功能 给个menu看看", "help"),
        ("帮我们整体看下嘛 北碚做特种功能材料的", None),  # 功能 inside a product is not the bot's functions
        ("固定资产一次性税前扣除政策还有没有", None),  # another tax relief, not R&D super-deduction
    ],
)
def test_initials_of_a_title_and_a_word_inside_a_product_name(text: str, intent: str | None) -> None:
    assert decide(text)[0] == intent


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("标准厂房租金补贴咋个申请", None),  # a subsidy no policy here gives, however like 装备补贴怎么申请
        ("去广交会参展有没得补助", None),
        ("东莞那边研发机构奖励好多", None),  # another city's award
        ("想在德国设个研发中心 有没得奖励", "open_cooperation"),  # going abroad is this policy's own
        ("国企混改有啥子支持", None),
        ("园区那个创新中心大楼的写字楼租金好多", None),  # an office building's rent, not the centre
    ],
)
def test_other_subsidies_and_other_places_are_out_of_scope(text: str, intent: str | None) -> None:
    assert decide(text)[0] == intent


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("研发准背金奖励是啥子 跟加计扣除是一回事不", "rd_reserve"),  # a typo'd name still leads the comparison
        ("小巨人是啥子嘛 跟专精特新有啥子区别", "little_giant"),
        ("加计扣除跟研发准备金是一回事不", "rd_deduction"),
    ],
)
def test_a_policy_compared_with_another_is_the_one_asked_about(text: str, intent: str) -> None:
    assert decide(text)[0] == intent


@pytest.mark.parametrize(
    "text",
    [
        "到2025年全市要建多少个市级制造业创新中心",
        "到2025年市级制造业创新中心计划建多少家",
        "发展目标里市级制造业创新中心要建几家",
        "52号文说2025年要建好多家市级创新中心",
    ],
)
def test_how_many_of_a_title_are_to_be_built_by_a_year_is_a_goal(text: str) -> None:
    assert decide(text)[0] == "policy_goals"


def test_what_the_bot_answers_asked_in_other_words_is_help() -> None:
    assert decide("你这边都能回答哪方面的政策问题")[0] == "help"
    assert decide("你好 請問你可以回答哪些政策")[0] == "help"


@pytest.mark.parametrize(
    "text",
    [
        "单项冠军杯足球赛啥时候开始 门票在哪买",  # sport: a match named after a title
        "专精特新主题基金最近涨了没",  # investing: a fund or index named after a policy
        "小巨人牌的电饭煲在哪买",  # shopping: a brand
        "新能源车牌摇号什么时候开始",  # a person's car plate
    ],
)
def test_sport_investing_brands_and_car_plates_named_like_a_policy_are_other_worlds(text: str) -> None:
    assert decide(text)[0] is None


def test_a_policy_named_beside_sport_or_market_words_that_ask_nothing_of_them_stays_the_policy() -> None:
    assert decide("单项冠军要在细分市场排到全国前几名")[0] == "single_champion"
    assert decide("小巨人企业的主营业务收入要占多少")[0] == "little_giant"


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("我们研发花的钱能不能少交点税", "rd_deduction"),  # the money spent on R&D and a tax cut: the deduction
        ("研发上花的能不能在税前多扣一些", "rd_deduction"),
        ("你这个机器人能搞些什么", "help"),  # a request about the bot stands beside its name
        ("专精精特新要啥条件", "zjtx"),  # a character typed twice
        ("小巨巨人企业怎么认定", "little_giant"),
    ],
)
def test_plain_words_for_a_policy_and_a_doubled_character_still_find_it(text: str, intent: str) -> None:
    assert decide(text)[0] == intent


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("打算明年IPO 想先评个专精特新 要啥条件", "zjtx"),  # the other world is the goal the policy comes first for
        ("专精特新企业IPO有没有绿色通道", None),  # asked about the other world itself
        ("前面问了研发费用加计扣除。答得好像不对。能帮我联系人工核实一下吗？", "human_agent"),
        ("你给我说个电话嘛 我直接打过去", "human_agent"),
        ("研发人员的人工费用能不能加计扣除", "rd_deduction"),  # (人工费用 is a cost, not a person)
        ("我们在璧山 前年成了市级专精特新 营收九千万 想问报小巨人还差啥", "little_giant"),  # a title held is context
        ("你这个机器人可以帮我查些啥子", "help"),
    ],
)
def test_a_policy_asked_beside_a_goal_a_person_asked_for_and_a_title_become_are_read_as_asked(
    text: str, intent: str | None
) -> None:
    assert decide(text)[0] == intent, text


def test_the_rd_ledger_asked_about_is_the_super_deduction() -> None:
    assert decide("R&D辅助账一定要按项目设吗")[0] == "rd_deduction"  # it had fallen to the fallback


@pytest.mark.parametrize(
    "text",
    [
        "职业技能提升补贴在哪里申请",  # another department's subsidy for people (it was 首台套's 补贴怎么申请)
        "京东新产品首发 有啥优惠",  # a shop's new goods, not 新产品 promotion
        "世界500强排名今年出来了没得",  # a ranking, not attracting 500强 firms (it was open_cooperation)
    ],
)
def test_another_departments_subsidy_a_shops_new_goods_and_a_ranking_are_out_of_scope(text: str) -> None:
    assert decide(text)[0] is None, text


def test_attracting_top_500_firms_is_still_open_cooperation() -> None:
    assert decide("我们想引进世界500强企业合作 有啥支持")[0] == "open_cooperation"


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("我是经信委新来的工作人员 想问下52号文的全称", "policy_overview"),  # the asker's own job, no person asked for
        ("麻烦让工作人员回个电话 姓刘", "human_agent"),
        ("你们工作人员的微信能给一个不", "human_agent"),
    ],
)
def test_staff_named_as_the_askers_job_is_no_request_for_a_person(text: str, intent: str) -> None:
    assert decide(text)[0] == intent, text


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("专精特新企业能享受什么支持", "zjtx"),  # what the policy named right before the question gives
        ("小巨人企业能享受什么优惠", "little_giant"),
        ("高企能享受什么税收优惠", "high_tech_enterprise"),  # a short name: still what it gives
        ("我们是荣昌做消费品的 规模不大 营收两千万 想了解下我们都能申请啥政策", "policy_match"),
        ("上半年的研发费用 预缴的时候就能先扣了吗", "rd_deduction"),  # 预缴 with 研发: when the deduction is taken
        ("我们是高新技术企业 能享受哪些政策", "policy_match"),  # the title held: which policies suit us
        ("高企那边会计在跑了。我主要想问的是首台套。资料好久交？", "first_set_equipment"),  # the one said to be asked
        ("高企我们前年就评上了。听说还有个首台套。这个补贴咋个算", "first_set_equipment"),  # the one heard of next
    ],
)
def test_the_policy_a_question_is_of(text: str, intent: str) -> None:
    assert decide(text) == (intent, "matched")


@pytest.mark.parametrize(
    "text",
    [
        "我妈的高龄补贴在哪里领",
        "保险合同上写的准备金是啥意思",
        "自己屋头灌的香肠 卖要办啥证",
        "想注册个公司要啥子材料",
        "专精特新的护肤品牌子靠谱不",  # cosmetics sold with the policy's words
        "高新技术企业的新股打新怎么提高中签率",  # shares, with a title's name
        "小巨人牌的儿童自行车结实不",  # a brand named like the title
    ],
)
def test_private_life_is_out_of_scope(text: str) -> None:
    assert decide(text)[0] is None


def test_a_word_of_another_world_inside_a_product_description_does_not_count() -> None:
    assert decide("新搞了一款大流量的离心泵 想认定首台套 能行不")[0] == "first_set_equipment"


def test_a_title_said_last_of_us_is_no_question_of_it() -> None:
    assert decide("市级单项冠军 帮我们核一下 做摩托车齿轮的 国家级小巨人")[0] == "single_champion"


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("高新企业认定条件帮我们过一下 准备今年年底报", "high_tech_enterprise"),  # 准备今|年 is no 准备金
        ("专精特信 准备今天就报", "zjtx"),
        ("研发准备经是啥子", "rd_reserve"),  # a homophone that is one still counts
        ("我们的研发投入能不能家计扣除", "rd_deduction"),
    ],
)
def test_a_homophone_is_no_typo_where_its_edge_belongs_to_the_next_word(text: str, intent: str) -> None:
    assert decide(text)[0] == intent, text


def test_the_three_year_plan_asked_by_how_many_it_supports() -> None:
    assert decide("三年行动重点支持几家企业")[0] == "tech_sme_plan"


@pytest.mark.parametrize(
    "text", ["观音桥那个创新中心停车怎么收费", "有没有讲单项冠军的书推荐一本", "护照照片尺寸有啥要求"]
)
def test_parking_books_and_photo_sizes_are_out_of_scope(text: str) -> None:
    assert decide(text)[0] is None, text


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("小巨人 我们够不够格 帮忙核一下 市级专精特新是有的", "little_giant"),  # the title held, said after it
        ("首台套我们以前申过了。这次是新材料 首批次保险补偿资格有效期多久？", "first_batch_material"),  # 这次是: asked
        ("规模工业企业里头高企占比目标是好多嘛？", "policy_goals"),  # the goals' count of 高企
        ("我们在荣昌做消费品 还没有研发机构 想问市里对建研发机构有什么政策", "rd_institution"),  # not help's 有什么政策
        ("我们是IC设计公司 要进那个list才能享受120%吗？", "rd_deduction"),  # the list of the 120% rate
        ("知产保护有啥支持", "ip_protection"),
        ("市级技中要运行几年才能报", "rd_institution"),
        ("注册一家新公司需要准备哪些材料？", None),  # registering a company itself
        ("我们准备注册一家新公司来做研发中心 能评市级企业技术中心不", "rd_institution"),
        ("小巨人遥控玩具车哪里买便宜", None),
    ],
)
def test_batch261_to_264_first_sight_misses(text: str, intent: str | None) -> None:
    assert decide(text)[0] == intent


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("我们不是做装备的，首台套用不上。我们做新材料，有什么保险补偿政策？", "first_batch_material"),  # set aside
        ("之前问过你首版次软件了。现在想问企业技术中心认定的条件", "rd_institution"),  # 认定的条件: not held
        ("我们想建个R&D center 市级认定标准是啥", "rd_institution"),
        ("文件里说2025年要多少规上企业建研发机构？", "policy_goals"),
        ("企业知识产权老被人仿 52号文里有啥保护的措施", "ip_protection"),
        ("我们想加入产业技术创新alliance 52号文怎么说的", "core_tech"),
        ("委托外面高校做的研发 费用能算进去多少？", "rd_deduction"),
        ("重庆队今年拿了几个全国冠军", None),  # 全国冠军 holds no abbreviation of 国家级单项冠军
        ("我们是荣昌的消费品企业 员工200人 营收两个亿 第一次接触这些政策 能帮我看看能享受哪些吗？", "policy_match"),
        ("开个公司注册资金最少要多少？", None),
        ("小巨人乐高积木在哪里买得到？", None),
        ("学生物的去重点实验室读博好不好？", None),
        ("这个楼盘首开优惠还有没有", None),
        ("今晚那场球哪个看了 好多比分", None),
        ("工业用电有没有补贴", None),
    ],
)
def test_batch265_to_272_first_sight_misses(text: str, intent: str | None) -> None:
    assert decide(text)[0] == intent
