"""Conversations as a user has them: answers, follow-ups, checklists, verdicts, calculations, policy_match."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from bot.engine import Engine
from bot.models import Reply
from tests.helpers import FIXED_NOW, User, make_engine


@pytest.fixture
def engine(both_engine: Engine) -> Iterator[Engine]:
    """Every conversation here runs on SQLite, then on PostgreSQL (skipped, saying why, without a server)."""
    yield both_engine


def test_answer_has_sections_sources_and_numbered_followups(user: User) -> None:
    reply = user.say("研发费用加计扣除是什么")
    assert reply.kind == "answer" and reply.intent == "rd_deduction" and reply.section is None
    assert "100%" in reply.text and "政策要点" in reply.text
    labels = [o.label for o in reply.options]
    assert "条件自查" in labels and "政策依据" in labels
    sources = user.say(str(labels.index("政策依据") + 1))
    assert "财政部 税务总局公告2023年第7号" in sources.text


def test_a_question_about_one_part_leads_with_that_part(user: User) -> None:
    assert user.say("研发费用加计扣除怎么算").section == "计算方法"
    assert User(user.engine, "u2").say("首台套申报要交哪些材料").section == "申报材料"
    assert User(user.engine, "u3").say("高新技术企业认定的政策依据").section == "政策依据"


def test_the_part_asked_is_found_whatever_the_topics_name_says(user: User) -> None:
    # 新材料 holds 材料, which alone would mean 申报材料; the section's own name outweighs any other cue
    assert User(user.engine, "n1").say("首批次新材料保险补偿 需要满足哪些条件").section == "申报条件"
    assert User(user.engine, "n2").say("研发准备金补贴的申报条件有哪些").section == "申报条件"
    # “能享受吗” framing a specific part answers that part; with facts about the enterprise it starts the check
    timing = User(user.engine, "n3").say("加计扣除在预缴申报时就可以享受吗")
    assert timing.section == "时间节点" and timing.kind != "checklist_step"
    ours = User(user.engine, "n4").say("我们是核定征收的企业 加计扣除能享受吗")
    assert ours.kind == "checklist_step" and ours.section == "不适用情形"  # the exclusion named, then the check


def _leads_with(reply: Reply, section: str | None) -> bool:
    """Whether the user sees ``section`` first: its title line (【题目·节名】), or the overview (【题目】) for None."""
    head = reply.text.split("\n", 1)[0]
    return reply.section == section and (head.endswith(f"·{section}】") if section else "·" not in head)


def test_the_clause_that_asks_decides_the_part(user: User) -> None:
    # 准备哪些 in the story before it is the longer cue, but the question is the last clause
    reply = user.say("高企要准备哪些材料我们都清楚。今年几月截止？")
    assert _leads_with(reply, "时间节点")


def test_spoken_and_english_question_words_count_as_their_plain_form(user: User) -> None:
    assert _leads_with(user.say("专精特新咋子申报"), "办理流程")  # 咋子 = 怎么
    assert _leads_with(User(user.engine, "s2").say("高企认定需要哪些documents"), "申报材料")


def test_what_the_topic_is_gets_the_overview_and_a_cue_beside_it_still_counts(user: User) -> None:
    assert _leads_with(user.say("专精特新是啥子"), None)
    assert _leads_with(User(user.engine, "o1").say("小巨人是干什么的"), None)
    assert _leads_with(User(user.engine, "o2").say("小巨人的门槛是啥"), "申报条件")


@pytest.mark.parametrize(
    ("text", "section"),
    [
        ("高企到底归哪几个部门认定", "咨询部门"),  # 几个 alone asks how many; 几个部门, who
        ("首批刺新材料目录是哪年版的", "政策依据"),  # which edition, not when (batch261)
        ("关键核心技术攻关主要讲了啥", "政策要点"),
        ("市级制造业创新中心分哪几类", "政策要点"),
        ("准备金补贴今年还有没有", "时间节点"),
        ("高企研发费用占比按销售收入怎么分档计算", "计算方法"),
        ("单项冠军是国家认定还是重庆市认定", "咨询部门"),
        ("加计扣除那些备查资料得保存多少年", "时间节点"),  # 资料 is what is kept, not what to hand in
        ("52号文是啥时候印发的", "时间节点"),
        ("首版次 哪类软件不在征集范围里头", "不适用情形"),
        ("高企认定 哪些情况会导致评审不通过", "不适用情形"),
        ("单项冠军需要营收多少", "申报条件"),  # how much it takes, not how much it gives
        ("技术中心一年研发要花多少钱才够", "申报条件"),
        ("高企拿到以后企业所得税按多少交", "政策要点"),  # the rate it gives
        ("首批次保费补贴比例多少", "计算方法"),
        ("研发准备金补助按照什么比例给", "计算方法"),
        ("单项冠军现在按哪个认定管理办法执行", "政策依据"),
        ("单项冠军要在这个领域干几年以上", "申报条件"),
        ("单项冠军 市场占有率要排到多少名", "申报条件"),
        ("首台套是找区里头还是找市里头", "咨询部门"),
        ("专精特新 营收增长率现在还考核吗", "申报条件"),
        ("首台套骗补了 是不是几年不能再申报", "不适用情形"),
        ("小巨人 我们是两江新区做配件的 想了解下", None),  # where we are asks for no part
        ("单项冠军去哪儿报", "办理流程"),  # 哪儿 / 哪点 = 哪里
        ("首版次要去哪点申报哦", "办理流程"),
    ],
)
def test_each_part_is_found_by_what_the_question_asks(user: User, text: str, section: str | None) -> None:
    assert _leads_with(user.say(text), section)


def test_a_word_of_the_topics_own_name_asks_for_no_part(user: User) -> None:
    # 文件 asks for the sources, but “52号文件” is the topic itself: what it says comes first
    reply = user.say("渝经信发52号文件主要讲了什么")
    assert _leads_with(reply, "政策要点") and "重点工作有五项" in reply.text
    assert _leads_with(User(user.engine, "f1").say("渝经信发52号文件是什么"), None)


def test_a_fact_word_leads_with_the_section_that_states_it(user: User) -> None:
    reply = user.say("专精特新的证书有效期是多长时间")  # the 时间节点 state it, and the fact leads
    assert _leads_with(reply, "时间节点") and "有效期3年" in "".join(reply.text.split("\n")[:4])
    exclusion = User(user.engine, "f1").say("有效期内的高企还能不能报创新型中小企业")
    assert not _leads_with(exclusion, "时间节点")  # a title held in its term: a condition, not a date


def test_a_rate_asked_is_the_calculation_where_the_topic_has_one(user: User) -> None:
    rate = user.say("研发费用加计扣除现在是按百分之多少扣")
    facts = [line for line in rate.text.split("\n") if line.startswith("· ")]
    assert _leads_with(rate, "计算方法") and "100%" in facts[0]  # the rate first, not a detail
    assert _leads_with(User(user.engine, "r1").say("首台套保险补偿能报销保费的几成"), "计算方法")
    goals = User(user.engine, "r2").say("52号文 研发投入强度目标是百分之几")
    assert _leads_with(goals, "政策要点")  # no 计算方法 there: what the policy holds answers


def test_asking_whether_a_kind_of_enterprise_may_apply_says_who_is_covered_then_checks(user: User) -> None:
    reply = user.say("我们是港资企业 能不能认定高企")
    assert _leads_with(reply, "适用对象") and reply.kind == "checklist_step"
    assert "居民企业" in reply.text and "（第 1 项）" in reply.text


def test_a_check_asked_for_a_case_the_policy_excludes_says_the_exclusion_first(user: User) -> None:
    reply = user.say("我们买家是贸易商 首批次新材料能不能报")
    assert _leads_with(reply, "不适用情形") and "贸易商" in reply.text.split("\n")[1]
    figures = User(user.engine, "x1").say("我们营收一千五百万 能不能评专精特新")
    assert figures.section == "申报条件" and "不适用情形" not in figures.text  # a threshold asked, no exclusion


def test_how_long_a_title_lasts_is_answered_by_the_fact_that_gives_the_term(user: User) -> None:
    reply = user.say("首批次新材料 补偿资格审下来能管几年")
    assert _leads_with(reply, "时间节点") and "3年" in reply.text.split("\n")[1]


def test_the_shapes_of_a_source_and_of_what_does_not_count(user: User) -> None:
    assert _leads_with(user.say("单项冠军认定办法的依据文件是啥"), "政策依据")
    assert _leads_with(User(user.engine, "s1").say("加计扣除 哪些支出不能算"), "不适用情形")


def test_a_policy_named_with_a_phone_or_contact_asks_its_department_not_a_person(user: User) -> None:
    assert _leads_with(user.say("小巨人 咨询电话"), "咨询部门")
    assert _leads_with(User(user.engine, "c1").say("专精特新中小企业 联系方式和咨询部门"), "咨询部门")
    assert User(user.engine, "c2").say("小巨人的事 我要转人工").intent == "human_agent"
    assert User(user.engine, "c3").say("你们的联系方式").intent == "human_agent"


def test_a_bare_how_never_asks_when(user: User) -> None:
    assert _leads_with(user.say("专精特新有效期快到了 怎么复核"), "办理流程")


def test_how_much_with_the_enterprises_own_figures_is_the_calculation(user: User) -> None:
    assert _leads_with(user.say("我们首台套设备卖了一千二百万 保险补偿能补多少"), "计算方法")
    assert _leads_with(User(user.engine, "a2").say("首台套保险补偿能补多少"), "政策要点")
    reply = User(user.engine, "a3").say("我们研发投入四百万 加计扣除能少交好多税")  # 好多 = 多少: the calculation
    assert reply.section == "计算方法" and "400万元" in reply.text


def test_a_bare_question_word_yields_to_what_the_question_is_about(user: User) -> None:
    # 多少 alone would ask for the 政策要点; 资产负债率 is a condition
    assert _leads_with(user.say("小巨人的资产负债率最高多少"), "申报条件")
    assert _leads_with(User(user.engine, "w2").say("研发准备金在哪里弄"), "办理流程")


def test_what_the_policy_says_is_its_content_and_which_document_is_its_source(user: User) -> None:
    # 文件里…怎么写的 asks what the policy says: the content, which carries its source line
    assert _leads_with(user.say("文件里对自主品牌是怎么写的"), "政策要点")
    assert _leads_with(User(user.engine, "d2").say("小巨人的认定标准是哪个文件规定的"), "政策依据")


def test_a_question_of_who_may_not_leads_with_the_exclusions(user: User) -> None:
    assert _leads_with(user.say("哪些企业不能申请研发准备金"), "不适用情形")
    assert _leads_with(User(user.engine, "x2").say("什么情况下不能认定高新技术企业"), "不适用情形")
    # 可不可以申请 asks whether we may (the conditions), not who may not
    assert not _leads_with(User(user.engine, "x3").say("研发准备金莫得备案 可不可以申请补助嘛"), "不适用情形")
    assert _leads_with(User(user.engine, "x4").say("加计扣除有哪些行业是享受不了的"), "不适用情形")


def test_which_clause_or_full_name_asks_the_source_and_must_we_asks_the_conditions(user: User) -> None:
    assert _leads_with(user.say("质量管理体系这块 52号文哪一条讲的"), "政策依据")
    must = User(user.engine, "c2").say("报小巨人之前是不是得先拿到市级专精特新")
    assert must.section in ("申报条件", "适用对象") and "已记下" not in must.text  # a condition asked, no title held


def test_a_question_shaped_as_exclusions_leads_with_them_even_with_a_case_of_ours(user: User) -> None:
    reply = user.say("哪些情况不能申报专精特新 有行政处罚的还行不行")
    assert reply.kind != "checklist_step" and reply.section == "不适用情形"
    computed = User(user.engine, "c2").say("研发准备金补助是怎么计算的 存量和增量各按多少比例")
    assert computed.section == "计算方法"  # the part named, not the figures asked after it
    saving = User(user.engine, "c3").say("高新技术企业按15%交所得税 跟25%比一年能省多少 怎么算")
    assert saving.section == "计算方法" and "10%" in saving.text


def test_the_part_asked_beats_a_step_named_and_an_a_not_a_is_no_exclusion(user: User) -> None:
    when = user.say("首批次新材料保险补偿资格审定一般几月份申报")
    assert when.section == "时间节点"
    may = User(user.engine, "p2").say("加计扣除今年啥时候能报 7月份预缴的时候能不能享受")
    assert may.section == "时间节点" and may.kind != "checklist_step"  # 能报 is no fact about us
    basis = User(user.engine, "p3").say("标准制修订方面的支持是依据什么政策")
    assert basis.section == "政策依据"
    how = User(user.engine, "p4").say("研发准备金补助金额是怎么核算的")
    assert how.section == "计算方法"


def test_a_policy_named_among_titles_held_is_the_question(user: User) -> None:
    asked = user.say(
        "做变速箱齿轮二十多年了 近三年平均营收五个多亿 有市级技术中心 "
        "也参与过两项行业标准 能冲一下单项冠军不 要满足哪些条件"
    )
    assert asked.intent == "single_champion"
    abroad = User(user.engine, "o2").say("想在海外建个R&D center 有没有政策")
    assert abroad.intent == "open_cooperation"


def test_a_measure_of_another_policy_held_by_this_topic_is_a_follow_up(user: User) -> None:
    user.say("52号文说到2025年要达到啥子目标")
    share = user.say("高企占比那个是好多")
    assert share.act == "followup" and share.intent == "policy_goals" and "60%" in share.text
    other = User(user.engine, "m2")
    other.say("单项冠军要哪些条件")
    assert other.say("小巨人要好多营收").intent == "little_giant"  # the other policy's own question


def test_part_shapes_users_type(user: User) -> None:
    cases = {
        "我们想申请高新技术企业 从哪一步开始弄": "办理流程",
        "加计扣除哪些情况是莫得办法享受的": "不适用情形",
        "研发费用100%加计扣除是哪个公告规定的": "政策依据",
        "小巨人是先报市里还是直接报工信部": "办理流程",
        "首版次软件对著作权登记时间有啥要求": "申报条件",
        "重点新产品应用开发场景是哪个文件里提出来的": "政策依据",
        "集成电路企业研发费用加计扣除能扣多少": "计算方法",
        "那高新技术企业认定还有哪些情况会被否掉": "不适用情形",
        "重点实验室 文件支持什么类型的企业来建": "适用对象",
        "首台套应用政策是52号文哪部分讲的": "政策依据",
        "首批次新材料保险补偿的企业是不是一定得是生产企业": "申报条件",
        "高企认定要经过哪些环节": "办理流程",
        "研发准备金是找科技局还是经信委": "咨询部门",
        "首版次软件一般什么时候征集 有消息打我电话13912345678": "时间节点",
        "单项冠军哪些企业会被排除在外": "不适用情形",
        "专精特新的材料在哪个网站提交": "办理流程",
        "高企复核看哪些指标": "申报条件",
    }
    for text, reply in first_replies(user, cases):
        assert reply.section == cases[text], text


def first_replies(user: User, texts: Iterable[str]) -> list[tuple[str, Reply]]:
    """Each text as the first message of a conversation of its own: (text, reply)."""
    return [(text, User(user.engine, f"first-{n}").say(text)) for n, text in enumerate(texts)]


def test_words_and_english_users_type_for_the_policies(user: User) -> None:
    cases = {
        "公司想做IP保护 有没有相关policy": "ip_protection",
        "我们是Fortune 500的子公司 想来重庆建R&D center 有支持吗": "open_cooperation",
        "新材料 first batch 保险补偿 目录在哪看": "first_batch_material",
        "我们想把自己的牌子做起来 市头有莫得啥子帮扶哦": "quality_brand",
        "你这个机器人能帮我做啥子嘛": "help",
        "从来没申请过任何认定 想问下我们先从哪个开始申请比较好": "policy_match",
        "知识产权这块 经信委有莫得啥子支持哦": "ip_protection",
        "我们厂子做摩托车配件的 晓不得能享受啥子政策": "policy_match",
        "你这个机器人能帮我查啥子嘛": "help",
        "小巨 啥意思": "little_giant",
        "4S店技术中心保养一次要多少钱": None,
        "学习要专精一门还是广泛涉猎": None,  # (专精一门 is a way of learning, though 专精 alone is 专精特新)
        "专精 续期咋个弄": "zjtx",
        "HTE认定要几个发明专利": "high_tech_enterprise",  # HNTE without its N
    }
    for text, reply in first_replies(user, cases):
        assert reply.intent == cases[text], text


def test_in_the_text_is_a_place_not_a_request_for_the_source(user: User) -> None:
    reply = user.say("那文件里头研发投入强度目标是好多")
    assert reply.section != "政策依据" and "2%" in reply.text


def test_which_level_decides_asks_the_department_and_what_differs_is_general(user: User) -> None:
    assert _leads_with(user.say("小巨人到底是工信部认还是市里认"), "咨询部门")
    assert _leads_with(User(user.engine, "e2").say("单冠 示范企业和单冠产品 啥区别"), None)


def test_an_english_word_belongs_to_its_clause(user: User) -> None:
    reply = user.say("首版次软件 requirements 是啥子 我们有个 MES 系统想报")
    assert reply.section == "申报条件" and "·申报条件】" in reply.text  # (after the echo of what was recorded)


def test_a_part_the_topic_lacks_gives_way_to_the_next_cue(user: User) -> None:
    # the 发展目标 topic has no 办理流程: 怎么申报 gives way to 哪个部门
    assert _leads_with(user.say("发展目标怎么申报找哪个部门"), "咨询部门")


def test_a_check_that_starts_by_telling_an_excluded_industry_so_leads_with_the_exclusions(user: User) -> None:
    reply = user.say("我们公司做批发生意 研发费用加计扣除能享受不")
    assert reply.kind == "checklist_step" and reply.section == "不适用情形"
    assert reply.text.index("负面清单") < reply.text.index("（第 1 项）")


def test_uncertain_facts_carry_the_caveat(user: User) -> None:
    reply = user.say("研发费用加计扣除要不要先备案")
    assert "※" in reply.text and "请以主管部门最新通知为准" in reply.text


def test_calculation_from_the_users_figures(user: User) -> None:
    reply = user.say("我们去年研发花了300万能加计扣除多少")
    assert "300万元 × 100% = 可在税前多扣除 300万元" in reply.text
    assert "少缴企业所得税 75万元" in reply.text
    again = user.say("我们是高企")
    assert "15%" in again.text and "45万元" in again.text


def test_a_checklist_to_its_verdict_with_units_and_chinese_numerals(user: User) -> None:
    start = user.say("我们能评专精特新吗")
    assert start.kind == "checklist_step" and start.expects
    answers = {
        "sme": "是",
        "innovative_sme_certified": "是",
        "niche_years": "三年",
        "revenue_last_year": "0.2亿",
        "equity_financing_2y": "0",
        "main_business_ratio": "百分之九十",
        "debt_ratio": "40%",
        "rd_spend_min_2y": "八十万",
        "rd_ratio_min_2y": "4%",
        "class1_ip_count": "2项",
    }
    reply = start
    for _ in range(30):
        if reply.kind == "verdict":
            break
        crit = reply.data["criterion"]
        reply = user.say(answers.get(crit, "不知道"))
    assert reply.kind == "verdict"
    assert reply.data["verdict"] == "fail"  # 80万 < 100万 each year
    assert "不符合" in reply.text and "80万元" in reply.text and "不低于100万元" in reply.text
    assert "工信部企业〔2026〕2号" in reply.text
    assert reply.data["unknown"], "unanswered conditions are listed too"


def test_what_the_user_said_is_not_asked_again(user: User) -> None:
    reply = user.say("我们是做汽车零部件的，去年营收8000万，研发费用300万，能评专精特新吗")
    assert "8,000万元" in reply.text and "300万元" in reply.text
    asked = [reply.data.get("criterion")]
    for _ in range(25):
        if reply.kind != "checklist_step":
            break
        reply = user.say("不知道")
        asked.append(reply.data.get("criterion"))
    assert "revenue_last_year" not in asked and "industry" not in asked


def test_a_bad_answer_is_reasked_with_the_format(user: User) -> None:
    user.say("高企能不能评")
    reply = user.say("差不多吧")
    assert reply.kind == "reask" and ("是" in reply.text or "数字" in reply.text)


def test_a_new_question_parks_the_checklist_and_continue_resumes_it(user: User) -> None:
    first = user.say("我们能评专精特新吗")
    reply = user.say("首台套有什么补贴")
    assert reply.intent == "first_set_equipment" and reply.act == "first_set_equipment"
    assert "暂停" in reply.text and "继续" in reply.text
    back = user.say("继续")
    assert back.act == "resume" and back.data["criterion"] == first.data["criterion"]


def test_exit_and_restart_work_in_a_checklist(user: User) -> None:
    user.say("我们能评专精特新吗")
    assert user.say("退出").kind == "exit"
    user.say("我们能评专精特新吗")
    user.say("是")
    again = user.say("重新开始")
    assert again.act == "restart" and again.kind == "checklist_step" and "（第 1 项）" in again.text
    user.say("退出")
    assert user.say("重新开始").kind == "restart"
    assert user.say("1").intent == "rd_deduction"  # the menu shown after a restart


def test_human_agent_during_a_checklist(user: User) -> None:
    user.say("我们能评专精特新吗")
    reply = user.say("转人工")
    assert reply.intent == "human_agent" and "区县" in reply.text


def test_ambiguous_question_offers_numbered_choices(user: User) -> None:
    reply = user.say("首台套和首批次有什么区别")
    assert reply.kind == "clarify" and len(reply.options) >= 2
    chosen = user.say("2")
    assert chosen.intent == reply.options[1].action.removeprefix("intent:")


def test_fallback_offers_the_menu(user: User) -> None:
    reply = user.say("明天天气怎么样")
    assert reply.kind == "fallback" and reply.intent is None
    assert "1 研发费用加计扣除" in reply.text


def test_policy_match_questionnaire(user: User) -> None:
    reply = user.say("我们企业能享受哪些政策")
    answers = {
        "industry": "制造业",
        "revenue_last_year": "6000万",
        "rd_spend_last_year": "300万",
        "rd_ratio_last_year": "5%",
        "employees": "120人",
        "class1_ip_count": "3",
        "niche_years": "5年",
        "years_registered": "8年",
        "high_tech_certified": "否",
        "zjtx_certified": "否",
    }
    reply = user.answer_checklist(reply, answers)
    assert reply.kind == "match"
    assert "研发费用加计扣除" in reply.text
    assert "high_tech_enterprise" in reply.data["policies"]


def test_the_rules_in_force_on_the_day_asked(tmp_path: Path) -> None:
    before = make_engine(tmp_path / "a.db", now=dt.datetime(2026, 3, 1, tzinfo=dt.UTC))
    after = make_engine(tmp_path / "b.db", now=dt.datetime(2026, 11, 25, tzinfo=dt.UTC))
    old = User(before).say("专精特新能评吗")
    new = User(after).say("专精特新能评吗")
    assert "63号" in old.text and "2026" in new.text and old.text != new.text


def test_state_expires_after_thirty_idle_minutes(engine: Engine) -> None:
    user = User(engine)
    user.say("我们能评专精特新吗")
    with engine.storage.transaction() as conn:
        conn.execute("UPDATE state SET updated = updated - 31 * 60")
    assert user.say("是").kind == "fallback"


def test_platform_questions_list_the_annex(user: User) -> None:
    reply = user.say("两江新区有几个平台")
    assert "共 7 个" in reply.text and "智能网联汽车产业创新支撑平台" in reply.text
    none = user.say("黔江有创新平台吗")
    assert "没有黔江区" in none.text and "璧山区（3）" in none.text


def test_goals_are_quoted_exactly(user: User) -> None:
    reply = user.say("52号文到2025年的发展目标有哪些")
    for target in ("研发投入强度达2%以上", "2500亿元以上", "30家以上", "1.45", "20%以上", "占比达到60%"):
        assert target in reply.text, target


def test_the_document_itself(user: User) -> None:
    reply = user.say("52号文是哪个单位什么时候发的")
    assert reply.intent == "policy_overview"
    assert "重庆市经济和信息化委员会" in reply.text and "2021" in reply.text


def test_a_platform_by_industry_and_by_district(user: User) -> None:
    battery = user.say("动力电池的平台在哪个园区")
    assert "璧山高新区" in battery.text and "动力电池产业创新支撑平台" in battery.text
    bishan = user.say("璧山有哪些创新平台")
    assert bishan.text.count("璧山高新区（璧山区）") == 3


def test_the_question_asked_is_answered_first(user: User) -> None:
    reply = user.say("重庆首台套补助最高多少")
    first_fact = next(line for line in reply.text.splitlines() if line.startswith("· "))
    assert "500万元" in first_fact


def test_a_question_during_a_checklist_is_not_taken_as_an_answer(user: User) -> None:
    asked = user.say("我们能评专精特新吗").data["criterion"]
    reply = user.say("专精特新有没有补贴")
    assert reply.act == "followup" and reply.kind == "checklist_step" and reply.data["criterion"] == asked
    assert asked not in user.engine.storage.load_state(_key(user), 3600, FIXED_NOW.timestamp()).get("profile", {})


def _key(user: User) -> str:
    from bot.storage import Storage

    return f"{user.channel}:{Storage.hash_user(user.engine.salt, user.channel, user.user_id)}"


def test_saying_no_to_an_accident_question_passes(user: User) -> None:
    reply = user.say("高企能评吗")
    reply = user.answer_checklist(reply, {"had_major_accident_1y": "没有"})
    assert "近一年发生过重大" not in reply.text and "申请认定前一年内未发生" not in "\n".join(reply.data["unmet"])


def test_negative_list_industries_get_no_deduction_estimate(user: User) -> None:
    reply = user.say("我们是做批发零售的，研发费用200万能加计扣除多少")
    assert "负面清单" in reply.text and "万元 × 100%" not in reply.text


def test_calculation_questions_reach_the_calculator(user: User) -> None:
    for text in ("研发费用300万能扣多少", "去年研发投入500万能省多少税", "研发投入八百万能少交多少税"):
        reply = User(user.engine, text).say(text)
        assert reply.intent == "rd_deduction" and "少缴企业所得税" in reply.text, text
        assert "依据：财政部 税务总局公告2023年第7号 第一条" in reply.text


def test_negation_is_not_a_fact(user: User) -> None:
    user.say("我们去年研发花了300万能加计扣除多少")
    user.say("我们没有高企证书")
    assert (
        user.engine.storage.load_state(_key(user), 3600, FIXED_NOW.timestamp())["profile"].get("high_tech_certified")
        is not True
    )


def test_years_months_and_bounds_are_understood_or_asked_again(user: User) -> None:
    from bot.answers import parse_answer

    kn = user.engine.knowledge
    years = kn.criteria["years_registered"]
    vocab = kn.messages.vocabulary
    day = dt.date(2026, 11, 25)
    assert parse_answer("2020年成立的", years, vocab, day) == 6
    assert parse_answer("10个月", years, vocab, day) < 1
    assert parse_answer("成立不到一年", years, vocab, day) == [0.9, 0.9999]  # a range just under one year
    assert parse_answer("300000", kn.criteria["revenue_last_year"], vocab, day) is None


def test_checking_again_asks_again_and_shows_the_menu_once(user: User) -> None:
    reply = user.answer_checklist(user.say("高企能评吗"))
    assert reply.kind == "verdict" and reply.text.count("请回复序号") == 1
    again = user.say(str(next(o.key for o in reply.options if o.action == "checklist")))
    assert again.kind == "checklist_step"


def test_a_question_of_what_the_policy_holds_leads_with_its_main_section(user: User) -> None:
    # no cue word, but a question word and words only 政策要点 shares (提供, 帮助): what the policy gives
    assert _leads_with(user.say("知识产权保护联系点能提供哪些帮助"), "政策要点")
    # a bare “what is it” keeps the overview
    assert _leads_with(User(user.engine, "m1").say("高企是什么"), None)
    # a target asked, its question words inside the goals' own names (目标是多少), or 要达到什么
    assert _leads_with(User(user.engine, "m2").say("到2025年企业研发投入强度的目标是多少"), "政策要点")
    assert _leads_with(User(user.engine, "m3").say("2035年要达到啥子目标哦"), "政策要点")
    assert _leads_with(User(user.engine, "m4").say("52号文 发展目标"), None)


def test_may_we_apply_without_a_cue_leads_with_the_conditions(user: User) -> None:
    assert _leads_with(user.say("重点实验室要先评上技术中心吗"), "申报条件")


def test_a_platform_lookup_is_the_main_section(user: User) -> None:
    reply = user.say("璧山有哪些创新平台")
    assert reply.section == "政策要点" and "璧山" in reply.text


def test_other_spellings_of_a_topic_name_find_it(user: User) -> None:
    # a misspelt short name (小juren), a clipped one (加扣), an English one (R&D center)
    assert user.say("小juren认定要什么条件").intent == "little_giant"
    assert _leads_with(User(user.engine, "v1").say("研发加扣要准备什么资料"), "申报材料")
    assert _leads_with(User(user.engine, "v2").say("R&D center法人化要交什么材料"), "申报材料")


def test_who_gets_it_and_dialect_when_name_their_parts(user: User) -> None:
    # “给制造商还是给用户”: who the policy is for; 哪阵 is Chongqing for 什么时候
    assert _leads_with(user.say("首台套的奖励是发给制造商还是给用户"), "适用对象")
    assert _leads_with(User(user.engine, "w1").say("高企哪阵开始受理"), "时间节点")


def test_a_rate_reckoned_from_the_premium_is_the_calculation(user: User) -> None:
    # 按什么比例算 is longer than 按什么比例: how the sum is worked out, in a topic with a 计算方法 section
    assert _leads_with(user.say("首批次保险的补贴按什么比例算"), "计算方法")


def test_a_policy_called_by_its_short_name_finds_its_fact_in_another_topic(user: User) -> None:
    reply = user.say("52号文里面说高企占比要达到好多")
    assert reply.intent == "policy_goals"
    assert "高新技术企业占比达到60%" in reply.text.splitlines()[1]  # the fact asked leads, though it says 高新技术企业


def test_checking_ourselves_after_a_topic_with_nothing_to_check_checks_the_policy_talked_of_before(user: User) -> None:
    user.say("高企申报流程是咋样的")
    assert user.say("52号文里面说高企占比要达到好多").intent == "policy_goals"
    reply = user.say("那我们也核一下嘛 看够不够")
    assert reply.kind == "checklist_step" and reply.intent == "high_tech_enterprise"


@pytest.mark.parametrize(
    ("text", "section"),
    [
        ("想评专精特新 营业收入起码要到多少", "申报条件"),  # how much it takes, not what it gives
        ("国家级单项冠军对营收有没有硬杠杠", "申报条件"),
        ("首版次软件对著作权取得时间有没有限制", "申报条件"),  # a limit is a condition, though it names a time
        ("有技术中心了还能报研发中心吗", "不适用情形"),
        ("小巨人要做了多少年", "申报条件"),  # how long the enterprise must have run, not when to file
        ("高企公司要注册满多久", "申报条件"),
        ("研发准备金哪些企业申请不了", "不适用情形"),  # who cannot apply: the exclusions
        ("首台套是不是经信委认定的", "咨询部门"),  # which office decides
        ("小巨人现在按新办法还是老办法认定", "政策依据"),  # which rule applies: the sources
        ("首台套的保险补偿啷个申请哦？", "办理流程"),  # 啷个: Chongqing's 怎么
        ("首批次新材料的资格管得到好多年哦？", "时间节点"),  # how long it holds: its term
        ("单项冠军我们没报过。小巨人复核要满足什么条件", "申报条件"),  # the denial is 单项冠军's, 小巨人 is asked
        ("专精特新到期了咋个复核嘛？", "办理流程"),  # how to renew, though 到期 names a time
        ("首台套认定下来管好多年", "时间节点"),
    ],
)
def test_a_threshold_a_limit_or_a_title_already_held_names_its_part(user: User, text: str, section: str) -> None:
    assert user.say(text).section == section


@pytest.mark.parametrize(
    ("text", "section"),
    [
        ("我们还是规下企业 研发准备金报得到不嘛", "不适用情形"),  # a case the exclusions name
        ("我们公司才成立八个月 高企报得了不", "不适用情形"),  # a condition failed at once: the rule excluding it
        ("我们公司成立三年了 高企报得了不", "申报条件"),  # a condition met: the check, by its conditions
    ],
)
def test_can_we_apply_in_dialect_asks_the_conditions_or_the_exclusions(user: User, text: str, section: str) -> None:
    assert user.say(text).section == section


@pytest.mark.parametrize(
    ("text", "section"),
    [
        ("在研一批开发一批上市一批是什么意思", "政策要点"),  # one measure of 新产品, not the topic as a whole
        ("研发机构法人化改革是啥子意思嘛", "政策要点"),
        ("专精特新是什么", None),  # the topic itself: the overview
    ],
)
def test_what_a_measure_means_leads_with_the_main_section(user: User, text: str, section: str | None) -> None:
    assert user.say(text).section == section


@pytest.mark.parametrize(
    ("text", "section"),
    [
        ("家计扣除比例现在是多少", "计算方法"),  # the rate applied
        ("首批次新材料保险补偿是补保费的几成", "计算方法"),
        ("高企认定对研发费用占销售收入的比例要求是多少", "申报条件"),  # a ratio required is a condition
    ],
)
def test_a_rate_applied_is_the_calculation_and_a_ratio_required_the_conditions(
    user: User, text: str, section: str
) -> None:
    assert user.say(text).section == section


def test_a_part_asked_in_speech_leads_with_the_fact_written_otherwise(user: User) -> None:
    user.say("中小企业技术研发中心 帮我看下")
    reply = user.say("营收要到好多才够")  # 营收 is 营业收入, 好多 is 多少 in the facts' words
    assert "2000万元" in reply.text


def test_a_check_offered_in_a_group_is_taken_up_in_private_and_the_group_keeps_its_own(user: User) -> None:
    from bot.models import Inbound

    def say(text: str, chat: str | None = None) -> Reply:
        return user.engine.respond(Inbound("telegram", "tg-7", text, chat_id=chat))

    say("@policybot 高企认定要啥子条件", chat="-1001")
    step = say("要得")  # in private, right after: the offer made in the group
    assert step.kind == "checklist_step", step.text
    assert say("公司成立八年了").kind == "checklist_step"
    other = user.engine.respond(Inbound("telegram", "tg-8", "要得"))  # another user's private chat has no offer
    assert other.kind != "checklist_step"
    # once the private chat has a conversation of its own, a new group question does not replace it
    say("@policybot 首台套保险补偿比例是多少", chat="-1001")
    assert "高新技术企业" in say("结论呢").text


def test_a_group_question_in_few_words_is_on_the_private_topic_with_none_of_its_facts(user: User) -> None:
    from bot.models import Inbound

    def say(text: str, chat: str | None = None) -> Reply:
        return user.engine.respond(Inbound("telegram", "tg-9", text, chat_id=chat))

    say("铜梁高新区要建啥子平台")
    assert say("@policybot 璧山高新区呢", chat="-1002").intent == "innovation_platforms"
    say("高企 帮我核一下")
    say("成立八年了 员工一百二 技术人员十八个")
    group = say("@policybot 认定下来是不是所得税按15%交 有效期几年", chat="-1003")
    assert group.intent == "high_tech_enterprise" and "15%" in group.text
    verdict = say("那我们符合不", chat="-1003")  # the private figures stay private
    assert "已满足" not in verdict.text and "18人" not in verdict.text


def test_facts_told_in_a_group_count_in_the_private_check_under_way_and_never_the_reverse(user: User) -> None:
    from bot.models import Inbound

    def say(text: str, chat: str | None = None) -> Reply:
        return user.engine.respond(Inbound("telegram", "tg-10", text, chat_id=chat))

    say("首批次新材料 帮我看下能不能申请")
    say("涪陵的 做特种尼龙 产品在2024版目录里头 独立法人 核心技术和专利都是自己的")
    say("@policybot 第一批货是卖给我们集团另外一个子公司", chat="-1004")  # a fact, told in the group
    verdict = say("那我们能不能报 直接说")
    assert "结论：不符合" in verdict.text and "关联" in verdict.text, verdict.text
    # a question asked in the group (its figure a threshold, not ours) adds nothing to the private check
    say("小巨人 帮我核一下")
    say("@policybot 专精特新的新标准营收要1500万了哦", chat="-1004")
    assert "1,500万元" not in say("还差啥").text


def test_fees_and_agents_are_answered_from_the_texts_and_never_with_a_fee_or_free_they_do_not_state(
    user: User,
) -> None:
    """要交钱吗 / 中介说包过 靠谱不: the sourced line where a policy has one, else “the texts say nothing”, and whom
    to ask."""
    reply = user.say("单项冠军申报收费吗")
    assert "申报不收费" in reply.text and reply.section == "办理流程", reply.text
    reply = user.say("高企申报要交钱吗")
    assert "文件里没有写" in reply.text and "15%" not in reply.text and reply.section == "咨询部门", reply.text
    user.say("我们想报高企 帮我看下够不够")
    assert user.say("中介帮我们估了下创新能力评价 七十八分").text.startswith("已记下")  # an answer, agent or not
    reply = user.say("有个中介说三万块包过 靠谱不")  # during the check: the same answer, then the question again
    assert "文件里没有写" in reply.text and reply.kind == "checklist_step", reply.text


def test_facts_said_beside_a_group_question_fill_the_private_check_and_change_no_answer(user: User) -> None:
    from bot.models import Inbound

    def say(text: str, chat: str | None = None) -> Reply:
        return user.engine.respond(Inbound("telegram", "tg-11", text, chat_id=chat))

    say("研发准备金 帮我们对一下能不能拿")
    say("万州的 规上工业企业 独立法人 研发费用都如实报统了")
    # read in the group as a question on the topic, its facts still fill the private check's open question
    say("@policybot 准备金制度建了的 去年在备案平台上备过案 预算也填了", chat="-1005")
    assert "备案平台完成备案" not in say("还缺啥").text
    # a group question naming what we make changes no answer given in private
    say("加计扣除 帮我看下")
    say("查账征收的")
    say("收入七成是批发别人的五金 自己生产的只占三成")
    say("@policybot 大足高新区那个现代五金平台是做啥的", chat="-1005")
    assert "结论：不符合" in say("能享受不 一句话").text


def test_starting_over_after_leaving_a_check_starts_that_check_again(user: User) -> None:
    user.say("专精特新 我们够不够格 帮忙看下")
    user.say("科技和创新型去年拿了 做这行十来年了")
    assert user.say("算了 老板喊我去开会 不问了").kind == "exit"
    reply = user.say("回来了 刚才那个从头重新来一遍嘛")  # it had asked which policy
    assert reply.kind == "checklist_step" and "专精特新" in reply.text and "（第 1 项）" in reply.text, reply.text


def test_a_threshold_heard_of_during_a_check_is_a_question_not_a_correction(user: User) -> None:
    assert user.say("专精特新 我们够不够格 帮忙看下").kind == "checklist_step"
    user.say("科技和创新型有 做了十来年 营收一千二 没有融资 负债率三十")
    reply = user.say("不是说营收一千万以上就够了嘛 网上写的")  # it had corrected 1,200万 to “1,000万元以上”
    assert reply.act != "correction" and "已更正" not in reply.text, reply.text
    assert "结论：不符合" in user.say("那就是不行噻").text


def test_asking_whether_the_other_kind_can_be_had_too_keeps_the_kind_checked(user: User) -> None:
    user.say("市级企业技术中心认定 帮我对一下")
    user.say("技术中心成立两年了 一直正常运转 主营收入去年1.8亿 研发经费支出九百万左右")
    user.say("研发强度五个点 统计局给的同行业平均才两点几")
    user.say("那个中小企业技术研发中心我们能不能一起报")  # it had switched the check to the other kind
    assert "结论：符合" in user.say("快点 结论").text


def test_the_other_kind_named_with_a_request_for_the_verdict_gets_its_verdict(user: User) -> None:
    user.say("单项冠军 帮我们对一下市里的那个")
    user.say("做摩托车变速齿轮十八年了 国内市场占有率排第二 技术指标国内领先的")
    user.say("有市级企业技术中心 发明专利二十几个 参与起草过两个行业标准")
    user.say("研发投入比同行高 近三年主营平均两个半亿左右 我们是国家级小巨人")
    assert "结论：不符合" in user.say("那国家级的单项冠军我们够不够").text  # (under 4亿)
    user.say("人才计划 好像没有 要问下人事")
    verdict = user.say("那市级的到底行不行 给个准话")  # it had given the national 不符合 again
    assert "结论：暂无法判断" in verdict.text and "人才计划" in verdict.text, verdict.text


def test_a_lower_tier_asked_for_takes_up_the_other_kind_and_its_verdict_follows(user: User) -> None:
    user.say("市级企业技术中心 我们巴南做医药中间体的能认定不")
    user.say("内部技术中心搞了三年了 营业收入去年三千五百万左右 研发投入两百万")
    assert "结论：不符合" in user.say("够不够 直接说").text
    user.say("那有没有低一档的 中小企业那种研发中心")  # it had kept checking the municipal centre
    user.say("研发场地三百个平方 设备都有 专职研发十二个 六个有中级职称或者研究生")
    user.say("以前没评过任何技术中心")
    assert "结论：符合" in user.say("那这个研发中心呢 够了不").text


def test_a_question_beside_the_answer_to_the_pending_one_goes_on_to_the_next(user: User) -> None:
    user.say("小巨人 帮我们看下够不够")
    user.say("市级专精特新有的 做了八年 营收去年六千五百万 前年五千六 主营95% 负债率四成")
    asked = user.say("研发两年一千五百多万 每年都超过10个点 发明专利6个 都在产品上用")
    assert "占有率" in asked.text, asked.text
    reply = user.say("市场占有率不晓得 评价得分是啥子")
    assert "占有率达到" not in reply.text.rsplit("\n", 3)[-3], reply.text  # not the same question again


def test_starting_the_check_over_keeps_the_kind_taken_up(user: User) -> None:
    user.say("市级企业技术中心 我们想申报 帮我对一下")
    user.say("技术中心内部成立三年多了 主营收入3800万上下 研发一年160万")
    user.say("那有没有门槛低点的 听说有个中小企业研发中心")
    reply = user.say("要得 按这个再核一遍")
    assert "这次要核对的是市级企业技术中心" not in reply.text, reply.text  # the kind is not asked again


def test_a_share_named_alone_leads_with_the_section_whose_fact_states_it(user: User) -> None:
    """比例 alone (加计比例, 准备金补助比例) had led with nothing: the part whose fact states a 比例 leads."""
    assert _leads_with(user.say("研发准备金 存量增量比例"), "计算方法")
    assert _leads_with(User(user.engine, "p1").say("高企科技人员比例"), "申报条件")  # a threshold, stated there


def test_the_part_asked_beside_our_figures_leads_and_the_figures_are_kept(user: User) -> None:
    """Where to file, asked after the enterprise's R&D spend, had got the tax calculation instead."""
    reply = user.say("你好 我们是江津做齿轮的 去年研发投入大概两百万 想问下研发费用加计扣除在哪里申报")
    first, title = reply.text.split("\n")[:2]
    assert reply.section == "办理流程" and title.endswith("·办理流程】") and "200万元" in first  # 已记下 first
    both = User(user.engine, "p2").say("我们是查账征收的 加计扣除具体怎么操作，在哪里申报？")
    assert both.section == "办理流程"  # the clause that names the part, not the shared words of the intro
    assert both.text.split("\n")[1].endswith("·办理流程】")


def test_a_cue_holding_the_topics_name_still_names_its_part(user: User) -> None:
    """加计多少 holds 加计, a name of 研发费用加计扣除: blanking the name had lost the cue."""
    assert _leads_with(user.say("委托外面单位做研发 费用能加计多少"), "计算方法")


def test_needed_by_a_date_asks_when_and_needed_for_how_long_a_condition(user: User) -> None:
    assert _leads_with(user.say("研发费用加计扣除好久报嘛 是不是要年底才得行"), "时间节点")  # it had led with 申报条件
    assert _leads_with(User(user.engine, "d1").say("公司成立好久才能申请高企哦"), "申报条件")


def test_the_facts_a_rare_word_of_the_question_names_lead_the_part(user: User) -> None:
    """委托 is said by two of the nine ways to compute the deduction: they had stood unseen behind 更多计算方法."""
    user.say("研发费用加计扣除按多少比例")
    reply = user.say("我们委托研究院做的那块 咋个算")
    assert _leads_with(reply, "计算方法")
    assert "80%" in reply.text.split("\n")[1], reply.text  # the first fact shown is the commissioned R&D's


def test_whether_a_cost_counts_in_is_asked_of_the_calculation(user: User) -> None:
    """能不能算进去 asks what the base holds (计算方法), not whether the enterprise qualifies (能不能算 → 申报条件)."""
    user.say("研发费用加计扣除按多少比例")
    reply = user.say("外包给高校的研发费用算不算进去")
    assert _leads_with(reply, "计算方法") and "80%" in reply.text, reply.text


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("首版次软件 我们自己内部用的系统能不能报", "企业自用"),
        ("公司才成立半年 高企报得了不", "不满一年"),
        ("大企业能评专精特新不", "大型企业不能申报"),
    ],
)
def test_a_case_its_own_facts_exclude_leads_with_the_rule_that_excludes_it(user: User, text: str, rule: str) -> None:
    """The check says 不符合 at once; the 不适用情形 fact stating the case comes first, then the check goes on."""
    reply = user.say(text)
    assert reply.kind == "checklist_step" and reply.section == "不适用情形", reply.text
    assert rule in reply.text.splitlines()[1] and "结论已经确定：不符合" in reply.text, reply.text


def test_every_part_the_corpus_asks_of_a_topic_has_an_answer(user: User) -> None:
    """First sight 297-300: how to apply for a 重点实验室, when the goals fall due, what 创新中心 asks to submit.

    Each had no section and got the overview; where the sources are silent, the section says so and names whom to ask.
    """
    assert _leads_with(User(user.engine, "k1").say("工信部重点实验室咋个申报"), "办理流程")
    assert _leads_with(User(user.engine, "k2").say("发展目标是定到哪一年的"), "时间节点")
    assert _leads_with(User(user.engine, "k3").say("市级制造业创新中心申报交哪些资料"), "申报材料")
    assert _leads_with(User(user.engine, "k4").say("单项冠军市场占有率要排多前"), "申报条件")
    assert _leads_with(User(user.engine, "k5").say("首批次骗取保费补贴有啥后果"), "不适用情形")
