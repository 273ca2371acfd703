"""Policy content as a user reads it: the facts of the content audit (issue 15), each asked through the engine."""

from __future__ import annotations

import re

import pytest

from bot.models import Reply
from tests.helpers import User

CAVEAT = "请以主管部门最新通知为准"


def _walk(user: User, first: Reply, answers: dict[str, str], default: str = "是") -> Reply:
    """Answer a checklist until its verdict: ``answers`` by criterion id, else ``default``."""
    reply = user.answer_checklist(first, answers, default)
    assert reply.kind == "verdict", reply.text
    return reply


def _lines_with(text: str, word: str) -> list[str]:
    return [line for line in text.splitlines() if word in line]


def _caveated(text: str, line: str) -> bool:
    """Whether ``line`` of a reply carries the caveat: its own ※, or the ※ line heading the facts (most are weak)."""
    lines = text.splitlines()
    return line.endswith("※") or any(x.startswith("※") for x in lines[: lines.index(line)])


# 1, 5 — an industry on the negative list is told so first, with the clause and the caveat; its check says 不符合


def test_a_negative_list_industry_is_told_first_with_the_clause_and_the_caveat(user: User) -> None:
    reply = user.say("我们是做批发零售的，研发费用能加计扣除吗")
    text = reply.text
    assert "批发和零售业" in text and "负面清单" in text
    assert text.index("负面清单") < text.index("【"), "the exclusion comes before the general answer"
    assert "财税〔2015〕119号 第四条）※" in text and "50%（不含）" in text and "国家税务总局公告2015年第97号" in text
    assert CAVEAT in text
    assert "万元 × 100%" not in text


def test_the_calculator_refuses_a_negative_list_industry_with_the_caveat(user: User) -> None:
    reply = user.say("我们开饭店的，去年研发费用120万能少交多少税")
    assert "住宿和餐饮业" in reply.text and "第四条）※" in reply.text and CAVEAT in reply.text
    assert "≈ 少缴企业所得税" not in reply.text and "× 100%" not in reply.text


def test_the_check_of_a_negative_list_industry_says_so_first_and_concludes_not_met(user: User) -> None:
    start = user.say("我们是做房地产开发的，研发加计扣除够不够条件")
    assert start.kind == "checklist_step" and start.text.index("负面清单") < start.text.index("逐条核对")
    assert "第四条）※" in start.text and CAVEAT in start.text
    reply = _walk(user, start, {})
    assert reply.data["verdict"] == "fail"
    assert "结论：不符合" in reply.text and "房地产业" in reply.text and "财税〔2015〕119号 第四条" in reply.text
    assert any("负面清单" in label for label in reply.data["unmet"])


def test_the_calculation_option_repeats_the_exclusion_with_its_caveat(user: User) -> None:
    first = user.say("我们是KTV，研发加计扣除是什么政策")
    calc = next(o.key for o in first.options if o.action == "calc")
    reply = user.say(calc)
    assert "娱乐业" in reply.text and "第四条）※" in reply.text and CAVEAT in reply.text


def test_the_check_chosen_after_the_exclusion_concludes_not_met(user: User) -> None:
    first = user.say("我们公司做商贸批发，研发费用加计扣除政策讲一下")
    check = next(o.key for o in first.options if o.action == "checklist")
    reply = _walk(user, user.say(check), {})
    assert "结论：不符合" in reply.text and "批发和零售业" in reply.text


# 2 — the part asked is in the section that answers it


def test_high_tech_rd_share_is_in_the_conditions(user: User) -> None:
    reply = user.say("申请高企的话，研发投入占销售收入要几个点")
    assert reply.section == "申报条件"
    first = reply.text.splitlines()[1]
    assert "不低于5%" in first and "不低于4%" in first and "不低于3%" in first


def test_which_step_comes_first_who_is_not_recommended_and_amortisation_are_their_parts(user: User) -> None:
    """Batches 253-256."""
    assert User(user.engine, "order").say("首台套资格审定和资金申请哪个在前").section == "办理流程"
    assert User(user.engine, "not").say("哪些情况不能推荐单项冠军").section == "不适用情形"
    assert User(user.engine, "amortise").say("研发费用形成无形资产的按多少摊销").section == "计算方法"


def test_what_a_policy_gives_leads_with_its_points_and_a_comparison_gets_the_overview(user: User) -> None:
    assert user.say("首台套那个补贴现在还有没有").section == "政策要点"  # what it gives, asked in any words
    assert user.say("工信重点实验室这块有什么政策").section == "政策要点"
    assert user.say("国家级小巨人和重点小巨人有啥区别").section is None  # the whole topic: the overview


def test_july_prepayment_is_in_the_timing(user: User) -> None:
    reply = user.say("七月份预缴所得税的时候，研发加计扣除可以享受了吗")
    assert reply.section == "时间节点"
    assert "7月份预缴申报第2季度" in reply.text and "上半年研发费用" in reply.text


def test_high_tech_renewal_says_there_is_no_review(user: User) -> None:
    reply = user.say("高企证书到期了还要复审吗")
    assert reply.section == "时间节点"
    assert "不再有“复审”" in reply.text and "重新认定" in reply.text


def test_old_zjtx_certificates_stay_valid_until_they_expire(user: User) -> None:
    reply = user.say("旧的专精特新证书还有效吗")
    assert reply.section == "时间节点"
    line = _lines_with(reply.text, "到期前继续有效")
    assert line and _caveated(reply.text, line[0]) and CAVEAT in reply.text


def test_enterprise_technology_centre_conditions(user: User) -> None:
    reply = user.say("申请企业技术中心需要满足什么条件")
    assert reply.section == "申报条件"
    for words in ("正常运行一年以上", "不低于5000万元", "不低于300万元"):
        assert words in reply.text


def test_innovative_sme_score_is_in_the_conditions(user: User) -> None:
    reply = user.say("创新型中小企业要多少分")
    assert reply.section == "申报条件"
    assert (
        "60分以上" in reply.text and "创新能力不低于20分" in reply.text and "成长性和专业化均不低于15分" in reply.text
    )


# 3, 7, 14, 16 — 专精特新: the 2023 细则, dated 创新型 facts, 附件1's wording, the 2024 plan, 科技型


def test_the_2023_chongqing_rules_are_not_called_current(user: User) -> None:
    reply = user.say("专精特新的重庆细则现在还管用吗")
    assert "重庆现行配套细则" not in reply.text
    line = _lines_with(reply.text, "渝经信规范〔2023〕5号")[0]
    assert "按63号制定" in line and "以新办法为准" in line and line.endswith("※")


def test_innovative_sme_term_and_yearly_update_are_dated_and_caveated(user: User) -> None:
    term = user.say("创新型中小企业称号有效期几年")
    line = _lines_with(term.text, "有效期3年")[0]
    assert "2024年" in line and _caveated(term.text, line)
    update = User(user.engine, "u2").say("创新型中小企业每年什么时候要更新信息")
    line = _lines_with(update.text, "4月30日")[0]
    assert "2024年" in line and _caveated(update.text, line) and CAVEAT in update.text


def test_zjtx_conditions_follow_annex_1_as_reprinted(user: User) -> None:
    reply = user.say("评市级专精特新中小企业有什么硬门槛")
    assert "以工信部原文为准" in reply.text and "（一）已获得科技和创新型中小企业称号" in reply.text
    assert "由培育平台计算" not in reply.text and "有效期内" not in reply.text


def test_zjtx_check_asks_for_the_title_and_scores_50(user: User) -> None:
    reply = _walk(user, user.say("专精特新够不够条件"), {"eval_score": "45分"})
    assert "有效期内" not in reply.text
    line = _lines_with(reply.text, "评价得分50分以上")[0]
    assert "45分" in line and "本年度专精特新发展评价得分50分以上" in line


def test_the_chongqing_2024_plan_gives_the_2027_targets(user: User) -> None:
    zjtx = user.say("专精特新重庆的培育目标")
    assert "渝府办发〔2024〕14号" in zjtx.text and "5000家" in zjtx.text
    goals = User(user.engine, "u4").say("重庆梯度培育方案2027年专精特新的目标是多少家")
    assert "渝府办发〔2024〕14号" in goals.text and "专精特新中小企业5000家" in goals.text
    giant = User(user.engine, "u2").say("小巨人重庆培育目标多少家")
    assert "渝府办发〔2024〕14号" in giant.text and "120家" in giant.text
    champion = User(user.engine, "u3").say("单项冠军重庆的培育目标")
    assert "渝府办发〔2024〕14号" in champion.text and "15家" in champion.text


def test_who_evaluates_tech_smes_is_not_guessed(user: User) -> None:
    reply = user.say("科技型中小企业评价归哪个部门管")
    assert "请向区县经济信息委或科技部门确认" in reply.text and CAVEAT in reply.text
    assert "重庆市科学技术局" not in reply.text


# 4, 15 — 研发准备金 names the 2021年度 notice


def test_rd_reserve_rates_name_the_2021_notice(user: User) -> None:
    reply = user.say("研发准备金按什么比例补")
    rates = _lines_with(reply.text, "3%")
    assert rates and all("2021年度" in line for line in rates)
    split = _lines_with(user.say("研发准备金补助有什么规定").text, "1000万元及以上")
    assert split and all("2021年度" in line for line in split)


# 6 — addresses from third parties and second-hand dates carry ※


def test_unopened_addresses_and_second_hand_dates_carry_the_caveat(user: User) -> None:
    rd = user.say("加计扣除依据的是哪些文件").text
    assert _lines_with(rd, "fgk.chinatax.gov.cn/zcfgk/c102416")[0].endswith("※")
    assert _lines_with(rd, "www.gov.cn/zhengce/zhengceku/202309")[0].endswith("※")
    assert "2023年6月21日※" in rd and CAVEAT in rd
    hte = User(user.engine, "u2").say("高企认定依据哪些文件").text
    assert _lines_with(hte, "www.most.gov.cn")[0].endswith("※") and CAVEAT in hte


# 8 — 首版次软件: the 2024 round's copyright rule


def test_first_version_check_uses_the_2024_copyright_rule(user: User) -> None:
    reply = _walk(user, user.say("首版次软件够不够条件"), {"first_version_copyright_2y": "否", "had_violation": "否"})
    assert "结论：不符合" in reply.text and "2024年第一批" in reply.text
    assert "著作权登记证书取得时间距申报材料提交截止日不超过2年" in reply.text
    assert "2021年1月1日" not in reply.text


# 9 — 小巨人: a review is checked against 63号, a new application against 附件2


def test_little_giant_review_is_checked_against_63(user: User) -> None:
    first = user.say("小巨人到期复核，帮我核一下条件")
    reply = _walk(
        user,
        first,
        {
            "niche_years": "8年",
            "main_business_ratio": "80%",
            "market_share": "15%",
            "revenue_last_year": "1.5亿",
            "rd_ratio_min_2y": "4%",
            "class1_ip_count": "3项",
            "debt_ratio": "50%",
            "had_violation": "否",
        },
    )
    assert "结论：符合" in reply.text and "63号" in reply.text and "不低于90%" not in reply.text
    assert "营业收入不到5000万元的" not in reply.text, "a revenue bracket that does not apply is not listed as met"


def test_little_giant_check_asks_first_whether_it_is_a_review(user: User) -> None:
    start = user.say("小巨人够不够条件")
    assert start.data["criterion"] == "little_giant_review" and "复核" in start.text
    total = int(re.search(r"共 (\d+) 项", start.text)[1])  # type: ignore[index]
    assert total <= 17, "the review and the new-application conditions are not both counted"


def test_a_little_giant_verdict_without_the_review_answer_is_for_a_new_application(user: User) -> None:
    user.say("小巨人帮我核一下条件")
    user.say("去年营收四千万，主营占比百分之九十五")
    reply = user.say("那就给我结论吧")
    assert reply.kind == "verdict" and "结论：不符合" in reply.text and "按新申请核对" in reply.text
    assert any("5000万元" in label for label in reply.data["unmet"])


def test_little_giant_new_application_is_checked_against_annex_2(user: User) -> None:
    first = user.say("第一次申请小巨人，帮我核一下条件")
    reply = _walk(user, first, {"main_business_ratio": "80%", "revenue_last_year": "1.5亿", "had_violation": "否"})
    assert "结论：不符合" in reply.text
    assert any("不低于90%" in label for label in reply.data["unmet"])


# 10, 11 — the right source for the 首批次 change; 52号文's own words


def test_first_batch_change_note_does_not_claim_the_2025_rate_rule(user: User) -> None:
    reply = user.say("首批次保险补偿是什么")
    note = _lines_with(reply.text, "2024年12月11日")[0]
    assert "先资格审定" in note and "自主协商" not in note


def test_rd_institutions_quote_advanced_high_end_manufacturing(user: User) -> None:
    reply = user.say("主城新区培育独立法人研发机构有什么导向")
    assert "先进高端制造业" in reply.text


# 12 — a self-introduction fills the criteria it names


def test_two_years_of_rd_a_held_title_and_patents_are_recorded(user: User) -> None:
    reply = user.say("我们做齿轮箱的，是市级专精特新，营收1.8亿，两年研发1500万，4个发明专利，小巨人能报吗")
    echo = _lines_with(reply.text, "已记下")[0]
    assert "近两年研发费用合计 1,500万元" in echo and "Ⅰ类知识产权 4项" in echo and "专精特新中小企业称号 是" in echo
    assert "上年度研发费用" not in echo


def test_a_question_about_the_title_records_nothing(user: User) -> None:
    reply = user.say("小巨人是不是一定得先是市级专精特新才行")
    assert "专精特新中小企业称号 是" not in reply.text


# 13 — the 120% estimate cites 2023年第44号


def test_the_120_percent_estimate_cites_announcement_44(user: User) -> None:
    reply = user.say("我们做数控机床，已列入工业母机企业清单，去年研发费用500万能加计扣除多少")
    assert "500万元 × 120%" in reply.text
    assert "依据：财政部 税务总局 国家发展改革委 工业和信息化部公告2023年第44号" in reply.text
    assert "依据：财政部 税务总局公告2023年第7号" not in reply.text


# 15 — 首台（套） rates are market-based; 首版次软件's plan has expired; the national selection is caveated


def test_first_set_insurance_rates_are_not_capped_at_three_percent(user: User) -> None:
    reply = user.say("首台套现在投保，费率怎么定")
    assert "市场化" in reply.text and "企业自主决定投保险种、投保数量和投保年限" in reply.text
    assert all("旧口径" in line for line in _lines_with(reply.text, "3%"))


def test_first_version_software_awards_and_national_selection_are_caveated(user: User) -> None:
    awards = user.say("首版次软件入选有什么奖励")
    national = _lines_with(awards.text, "全国首版次软件遴选")[0]
    assert national.endswith("※") and CAVEAT in awards.text
    plan = User(user.engine, "u2").say("首版次软件的满天星行动计划到期了吗")
    assert "已经到期" in plan.text and "征求意见稿" in plan.text


def test_first_batch_material_sold_to_a_related_company_is_not_eligible(user: User) -> None:
    user.say("首批次新材料我们能不能报 帮我核一下")
    reply = user.say("我们自己生产 在2024版目录里有 境内注册独立法人 核心技术自己掌握")
    assert reply.data["criterion"] == "first_batch_buyer_unrelated"
    reply = user.say("买家是集团下面的兄弟公司")
    assert reply.kind == "verdict" and reply.data["verdict"] == "fail"
    unmet = _lines_with(reply.text, "关联企业")
    assert unmet and "2019" in unmet[0] and "※" in reply.text  # an older rule, with the caveat


def test_a_trader_of_a_new_material_is_not_its_producer(user: User) -> None:
    user.say("首批次新材料保险补偿 我们能报不")
    user.say("我们自己不生产 就是代理外省厂的产品")
    reply = user.say("直接给个结论")
    assert reply.data["verdict"] == "fail" and any("生产方" in u for u in reply.data["unmet"])


def test_the_national_single_champion_is_checked_against_its_own_thresholds(user: User) -> None:
    user.say("国家级单项冠军 帮我核一下条件")
    user.say("做了18年 全球市场占有率第五 近三年平均主营4亿5")
    reply = user.say("报得了不")
    assert reply.data["verdict"] == "fail" and any("全球前3" in u for u in reply.data["unmet"])
    user.say("那换成市级的查一下")  # the same facts against the municipal thresholds
    reply = user.say("现在呢")
    assert not any("全球前3" in u for u in reply.data.get("unmet", [])), reply.text


# 17 — 市级制造业创新中心: 独立法人 and the 综合类 / 行业类 thresholds, each path judged on its own


def _unmet_line(text: str, label: str) -> str:
    lines = [line for line in _lines_with(text, label) if "您的回答" in line]
    assert lines, text
    return lines[0]


def test_innovation_center_facts_then_a_verdict_name_the_capital_gap(user: User) -> None:
    start = user.say("我们能不能申报市级制造业创新中心 得行不")
    assert start.kind == "checklist_step" and start.intent == "innovation_center"
    user.say("我们是独立法人 注册资金800万 科技人员占比25%")
    reply = user.say("结论呢")
    assert reply.kind == "verdict" and reply.data["verdict"] == "fail" and "结论：不符合" in reply.text
    comprehensive = _unmet_line(reply.text, "综合类：申报单位注册资金不低于5000万元")
    assert "800万元" in comprehensive and not comprehensive.endswith("※"), "the 5000万 line is read in the rules"
    industry = _unmet_line(reply.text, "行业类：注册资金不低于1000万元")
    assert "800万元" in industry and "200万元" in industry and industry.endswith("※")
    assert _unmet_line(reply.text, "行业类：科技人员占比不低于30%").endswith("※")
    assert "以企业为主体、以独立法人形式建立" in reply.data["met"] and CAVEAT in reply.text


@pytest.mark.parametrize(
    ("opening", "answers", "kind"),
    [
        (
            "我们准备牵头组建行业类的制造业创新中心，帮我核一下条件",
            {
                "registered_capital": "1500万",
                "mic_leading_shareholders": "3家",
                "tech_staff_ratio": "40%",
                "rd_cost_ratio": "35%",
            },  # fmt: skip
            "行业类：",
        ),
        (
            "我们准备牵头组建综合类的制造业创新中心，帮我核一下条件",
            {"registered_capital": "6000万", "mic_tech_achievements": "8项", "rd_equipment_value": "1500万"},
            "综合类：",
        ),
    ],
)
def test_innovation_center_either_path_can_be_met(user: User, opening: str, answers: dict[str, str], kind: str) -> None:
    reply = _walk(user, user.say(opening), answers)
    assert reply.data["verdict"] == "pass" and "结论：符合" in reply.text
    other = "综合类：" if kind == "行业类：" else "行业类："
    judged = [*reply.data["met"], *reply.data["unmet"], *reply.data["unknown"]]
    assert any(label.startswith(kind) for label in reply.data["met"])
    assert not any(label.startswith(other) for label in judged), "the other path's thresholds do not apply"
    assert "第三方2026年解读" in reply.text, "the note says where the thresholds come from"


def test_innovation_center_comprehensive_path_names_the_missing_achievements(user: User) -> None:
    reply = _walk(
        user,
        user.say("我们准备牵头组建综合类的制造业创新中心，帮我核一下条件"),
        {"registered_capital": "6000万", "mic_tech_achievements": "3项", "rd_equipment_value": "1500万"},
    )
    assert reply.data["verdict"] == "fail" and "结论：不符合" in reply.text
    line = _unmet_line(reply.text, "综合类：成功开发或转化科技成果不少于5项")
    assert "3项" in line and line.endswith("※") and CAVEAT in reply.text
    assert reply.data["unmet"] == ["综合类：成功开发或转化科技成果不少于5项"]


def test_innovation_center_open_third_party_thresholds_carry_the_caveat(user: User) -> None:
    user.say("我们准备牵头组建行业类的制造业创新中心，帮我核一下条件")
    user.say("是")
    reply = user.say("直接给个结论")
    assert reply.kind == "verdict" and reply.data["verdict"] == "unknown"
    for label in ("行业类：注册资金不低于1000万元", "行业类：股东中有2家以上龙头企业或科研机构",
                  "行业类：科技人员占比不低于30%", "行业类：年度研发投入占比不低于30%"):  # fmt: skip
        assert _lines_with(reply.text, label)[0].endswith("※"), label
    assert not _lines_with(reply.text, "申报单位或牵头单位在本领域有显著领先优势")[0].endswith("※")
    assert not any("综合类" in label for label in reply.data["unknown"]), "no 综合类 threshold for a 行业类 centre"
    assert CAVEAT in reply.text


def test_innovation_center_needs_an_independent_legal_entity(user: User) -> None:
    reply = _walk(
        user,
        user.say("我们准备牵头组建行业类的制造业创新中心，帮我核一下条件"),
        {
            "mic_independent_entity": "否",
            "registered_capital": "1500万",
            "mic_leading_shareholders": "3家",
            "tech_staff_ratio": "40%",
            "rd_cost_ratio": "35%",
        },  # fmt: skip
    )
    assert reply.data["verdict"] == "fail" and reply.data["unmet"] == ["以企业为主体、以独立法人形式建立"]


# 18 — 企业研发机构: 市级企业技术中心 is checked against its own four conditions, not the 中小企业技术研发中心 ones


def test_tech_center_check_meets_its_own_conditions(user: User) -> None:
    start = user.say("市级企业技术中心我们够不够条件")
    assert start.kind == "checklist_step" and start.data["criterion"] in ("tech_center_target", "tech_center_years")
    reply = _walk(  # 是 to “核对的是市级企业技术中心吗”, if asked
        user, start, {"tech_center_years": "3年", "main_revenue_last_year": "8000万", "rd_spend_last_year": "500万"}
    )
    assert reply.data["verdict"] == "pass" and "结论：符合" in reply.text
    assert len(reply.data["met"]) == 4 and all(m.startswith("市级企业技术中心：") for m in reply.data["met"])
    assert "研发场所" not in reply.text and "专职研发人员" not in reply.text


def test_tech_center_check_names_the_main_revenue_gap(user: User) -> None:
    user.say("想申报市级企业技术中心，条件够不够")
    user.say("技术中心运行了两年，主营业务收入4000万，研发经费350万")
    reply = user.say("结论")
    assert reply.kind == "verdict" and reply.data["verdict"] == "fail" and "结论：不符合" in reply.text
    line = _unmet_line(reply.text, "市级企业技术中心：企业主营业务收入不低于5000万元")
    assert "4,000万元" in line and "1,000万元" in line and "华龙网" in line
    assert all(u.startswith("市级企业技术中心：") for u in reply.data["unmet"])
    assert "工业企业：" not in reply.text and "100平方米" not in reply.text


def test_a_revenue_below_the_floor_fails_the_tech_center_without_asking_main_revenue(user: User) -> None:
    user.say("想申报市级企业技术中心，条件够不够")
    user.say("去年营收3000万")
    reply = user.say("结论")
    assert any("主营业务收入不低于5000万元" in u for u in reply.data["unmet"]), reply.text


def test_an_rd_institution_check_asks_which_institution_and_defaults_to_the_sme_centre(user: User) -> None:
    start = user.say("研发机构认定我们够不够条件")
    assert start.kind == "checklist_step" and start.data["criterion"] == "tech_center_target"
    assert "市级企业技术中心" in start.text and "中小企业技术研发中心" in start.text
    reply = user.say("是")
    assert reply.data["criterion"] == "tech_center_years"
    sme = User(user.engine, "sme")
    sme.say("研发机构认定我们够不够条件")
    reply = _walk(sme, sme.say("否"), {"cq_tech_center_valid": "否", "industry": "制造业", "fulltime_rd_staff": "5人"})
    line = _unmet_line(reply.text, "专职研发人员不少于8人")
    assert "5人" in line and line.endswith("※") and CAVEAT in reply.text
    assert not any(label.startswith("市级企业技术中心：") for label in reply.data["met"])
