"""Answers that read well on a phone: caveats once with their reason, short verdict groups, the next step."""

from __future__ import annotations

import shutil
from pathlib import Path

from bot.models import Reply
from knowledge.loader import BUNDLED
from tests.helpers import User, make_engine

FOOTNOTE = "请以主管部门最新通知为准"


def _caveat_lines(reply: Reply) -> list[str]:
    """The ※ lines that are not the footnote (a section marked once, with its reason)."""
    return [x for x in reply.text.splitlines() if x.startswith("※") and FOOTNOTE not in x]


def test_a_section_mostly_from_weak_sources_is_marked_once_with_its_reason(user: User) -> None:
    reply = user.say("小巨人怎么申报流程")
    assert reply.section == "办理流程"
    assert _caveat_lines(reply) == ["※ 以下多据第三方整理，原文未读到："]
    steps = [x for x in reply.text.splitlines() if x.startswith("· ")]
    assert len(steps) >= 4 and not any(x.endswith("※") for x in steps), "no ※ on every step"
    assert reply.text.count(FOOTNOTE) == 1


def test_a_section_can_give_its_own_reason(tmp_path: Path) -> None:
    knowledge = tmp_path / "knowledge"
    shutil.copytree(BUNDLED, knowledge)
    path = knowledge / "topics" / "little_giant.yaml"
    text = path.read_text(encoding="utf-8")
    reason = "以下为2025年度通知内容，2026年度通知未发布："
    marked = text.replace("  - name: 办理流程\n", f"  - name: 办理流程\n    caveat: {reason}\n", 1)
    assert marked != text
    path.write_text(marked, encoding="utf-8")
    engine = make_engine(tmp_path / "log.db", knowledge)
    reply = User(engine).say("小巨人怎么申报流程")
    assert _caveat_lines(reply) == [f"※ {reason}"]
    engine.storage.close()


def test_a_lone_weak_fact_keeps_its_own_mark_and_the_footnote_comes_once(user: User) -> None:
    reply = user.say("小巨人是什么")
    assert not _caveat_lines(reply)
    assert reply.text.count(FOOTNOTE) <= 1


def test_the_verdict_lists_unmet_unknown_and_met_then_the_next_step(user: User) -> None:
    user.say("小巨人够不够条件")
    user.say("是")
    user.say("营收六千万")
    reply = user.say("直接给个结论")
    assert reply.kind == "verdict" and "暂无法判断" in reply.text
    lines = reply.text.splitlines()
    unknown = next(n for n, x in enumerate(lines) if x.startswith("待确认（"))
    met = next(n for n, x in enumerate(lines) if x.startswith("已满足（2项）："))
    steps = lines.index("下一步：")
    assert unknown < met < steps
    assert "上年度营业收入5000万元以上" in lines[met]
    nexts = [x for x in lines[steps + 1 :] if x.startswith("· ")]
    assert [x.split("：")[0] for x in nexts] == ["· 准备", "· 办理", "· 时间", "· 咨询"]
    assert "zjtx.miit.gov.cn" in "".join(nexts) and "申报期" in "".join(nexts)
    assert all(x.rstrip("※").endswith("）") for x in nexts), "every step carries its source"
    assert lines[steps + 1].startswith("※ 以下多据"), "most steps weakly sourced: marked once"


def test_once_a_condition_is_unmet_the_bot_says_the_verdict_is_decided(user: User) -> None:
    user.say("小巨人能评吗")
    user.say("是")
    step = user.say("3000万")
    assert step.kind == "checklist_step", "the rest may still be answered"
    assert "结论已经确定：不符合" in step.text and "上年度营业收入5000万元以上" in step.text
    assert "不改变结论" in step.text and "结论" in step.text
    following = user.say("不知道")
    assert "结论已经确定" not in following.text, "said once"
    verdict = user.say("结论")
    assert verdict.kind == "verdict" and verdict.data["verdict"] == "fail"
    text = verdict.text
    assert "约差 2,000万元" in text and "工信部企业〔2026〕2号 附件2（二）" in text
    assert "待确认" not in text and "项未确认" in text and "不改变结论" in text, "the rest in one line"
    assert "· 咨询：" in text and "· 准备：" not in text, "after 不符合, whom to ask only"


def _until(user: User, reply: Reply, criterion: str, answer: str = "是") -> Reply:
    """Answer ``answer`` to every question until ``criterion`` is asked."""
    for _ in range(20):
        if reply.data.get("criterion") == criterion:
            return reply
        reply = user.say(answer)
    raise AssertionError(f"{criterion} was never asked")


def test_a_rule_that_needs_only_a_yes_or_no_asks_it_with_the_threshold(user: User) -> None:
    asked = _until(user, user.say("高企能评吗"), "years_registered")
    assert "注册成立满1年了吗？" in asked.text and "多少年" not in asked.text
    assert "也可以直接说数字" in asked.text and not asked.options, "no digits: 1 would read as one year"
    after = user.say("是")
    assert after.kind == "checklist_step" and "已记下" not in after.text, "a plain yes needs no echo"
    ratio = _until(user, after, "revenue_last_year")
    assert "营业收入是多少" in ratio.text, "a figure another is computed from is asked as a figure"


def test_a_yes_no_question_still_takes_a_figure(user: User) -> None:
    asked = _until(user, user.say("高企能评吗"), "years_registered")
    reply = user.say("成立八个月")
    assert "结论已经确定：不符合" in reply.text and "注册成立满1年" not in reply.text.splitlines()[-1]
    verdict = user.say("结论")
    assert verdict.data["verdict"] == "fail" and "申请认定时注册成立一年以上" in verdict.text
    assert asked.data["criterion"] == "years_registered"


def test_no_to_a_threshold_question_reads_as_below_it(user: User) -> None:
    _until(user, user.say("小巨人能评吗"), "niche_years")
    user.say("否")
    verdict = user.say("结论")
    assert "从事特定细分市场3年以上：您的回答 不到3年" in verdict.text


def test_a_check_can_end_as_soon_as_its_verdict_is_decided(tmp_path: Path) -> None:
    engine = make_engine(tmp_path / "log.db", stop_when_decided=1)
    user = User(engine)
    user.say("小巨人能评吗")
    user.say("是")
    verdict = user.say("3000万")
    assert verdict.kind == "verdict" and verdict.data["verdict"] == "fail"
    assert "另有 13 项未确认" in verdict.text and "不改变结论" in verdict.text, "says why the rest was not asked"
    engine.storage.close()
