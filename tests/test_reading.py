"""Answers that read well on a phone: caveats once with their reason, short verdict groups, the next step."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot import render
from bot.engine import Engine
from bot.evaluate import Report, evaluate
from bot.models import Inbound, Reply
from handlers import wxxml
from knowledge.loader import BUNDLED, load
from tests.helpers import DATA, ROOT, User, make_engine

FOOTNOTE = "请以主管部门最新通知为准"
TELEGRAM_CHARS = 4096


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


def _to(user: User, reply: Reply, criterion: str, answers: dict[str, str] | None = None) -> Reply:
    """Answer each question (``answers`` by criterion, else 是) until ``criterion`` is asked."""
    for _ in range(30):
        asked = reply.data.get("criterion")
        if asked == criterion:
            return reply
        assert reply.kind in ("checklist_step", "reask"), reply.text
        reply = user.say((answers or {}).get(str(asked), "是"))
    raise AssertionError(f"{criterion} was never asked")


NEW_APPLICATION = {"little_giant_review": "否"}


def _little_giant_revenue(user: User) -> Reply:
    """A 小巨人 new application checked up to the revenue question."""
    return _to(user, user.say("小巨人够不够条件"), "revenue_last_year", NEW_APPLICATION)


def test_the_verdict_lists_unmet_unknown_and_met_in_short_groups(user: User) -> None:
    _little_giant_revenue(user)
    user.say("6000万")
    reply = user.say("直接给个结论")
    assert reply.kind == "verdict" and "暂无法判断" in reply.text
    met, unknown = len(reply.data["met"]), len(reply.data["unknown"])
    lines = reply.text.splitlines()
    first_unknown = lines.index(f"待确认（{unknown}项）：")
    met_line = next(n for n, x in enumerate(lines) if x.startswith(f"已满足（{met}项）："))
    steps = lines.index("下一步：")
    assert first_unknown < met_line < steps
    assert "上年度营业收入5000万元以上" in lines[met_line]
    assert unknown > render.NEXT_STEPS_OPEN_MAX
    nexts = [x for x in lines[steps + 1 :] if x.startswith("· ")]
    assert [x.split("：")[0] for x in nexts] == ["· 咨询"], "much still to confirm: whom to ask first"


def test_a_long_list_to_confirm_is_cut_short(user: User) -> None:
    reply = user.answer_checklist(user.say("小巨人够不够条件"))
    unknown = len(reply.data["unknown"])
    assert unknown > render.UNKNOWN_SHOWN
    assert f"…另有 {unknown - render.UNKNOWN_SHOWN} 项待确认（回复“还缺啥”可看全部）。" in reply.text
    everything = user.say("还缺啥")
    assert everything.text.count("\n· ") >= unknown, "还缺啥 lists them all"


def test_a_met_verdict_ends_with_what_to_prepare_where_when_and_whom_to_ask(user: User) -> None:
    reply = user.answer_checklist(user.say("研发费用加计扣除够不够条件"), {"industry": "制造业"}, "是")
    assert reply.kind == "verdict" and reply.data["verdict"] == "pass"
    lines = reply.text.splitlines()
    assert lines[1].startswith("结论：符合") and lines[2].startswith("政策内容：")  # what it gives, then
    assert lines[3].startswith("已满足（4项）：")
    steps = lines.index("下一步：")
    nexts = [x for x in lines[steps + 1 :] if x.startswith("· ")]
    assert [x.split("：")[0] for x in nexts] == ["· 准备", "· 办理", "· 时间", "· 咨询"]
    assert "7月份预缴" in nexts[2] and "税务" in nexts[3]
    assert all(x.rstrip("※").endswith("）") for x in nexts), "every step carries its source"
    assert "公告" in nexts[0].rsplit("（", 1)[1]


CHECKED = sorted(tid for tid, topic in load(BUNDLED).topics.items() if topic.checklist)


@pytest.mark.parametrize("topic_id", CHECKED)
def test_the_longest_verdict_fits_one_wechat_message(engine: Engine, topic_id: str) -> None:
    """Every condition unknown (the longest verdict) still fits WeChat's 2048 bytes, not cut to a summary."""
    user = User(engine, topic_id)
    reply = user.answer_checklist(user.say(engine.knowledge.topics[topic_id].title + " 够不够条件"))
    assert reply.kind == "verdict"
    assert wxxml.size(reply.text) <= wxxml.TEXT_LIMIT_BYTES, wxxml.size(reply.text)
    assert len(reply.text) <= TELEGRAM_CHARS


def test_once_a_condition_is_unmet_the_bot_says_the_verdict_is_decided(user: User) -> None:
    _little_giant_revenue(user)
    step = user.say("3000万")
    assert step.kind == "checklist_step", "the rest may still be answered"
    assert "结论已经确定：不符合（未满足：新申请：上年度营业收入5000万元以上）" in step.text
    assert "不改变结论" in step.text and "回复“结论”看结果" in step.text
    following = user.say("不知道")
    assert "结论已经确定" not in following.text, "said once"
    verdict = user.say("结论")
    assert verdict.kind == "verdict" and verdict.data["verdict"] == "fail"
    text = verdict.text
    assert "约差 2,000万元" in text and "工信部企业〔2026〕2号 附件2（二）" in text
    assert "待确认（" not in text and f"另有 {len(verdict.data['unknown'])} 项未确认" in text, "the rest in one line"
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
    unclear = user.say("差不多吧")
    assert unclear.kind == "reask" and unclear.text.startswith("没看懂这个回答。请回复“是”或“否”，也可以直接说数字")
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
    _to(user, user.say("小巨人够不够条件"), "niche_years", NEW_APPLICATION)
    user.say("否")
    verdict = user.say("结论")
    assert "从事特定细分市场3年以上：您的回答 不到3年" in verdict.text


def test_a_correction_that_meets_the_condition_takes_the_decided_verdict_back(user: User) -> None:
    _little_giant_revenue(user)
    assert "结论已经确定：不符合" in user.say("3000万").text
    fixed = user.say("不对 营收应该是六千万")
    assert fixed.act == "correction" and fixed.kind == "checklist_step"
    assert "结论已经确定" not in fixed.text and "不再成立" in fixed.text and "6,000万元" in fixed.text
    again = fixed
    for _ in range(10):  # 否 to the next conditions: one is unmet again, and it is said again
        again = user.say("否")
        if "结论已经确定：不符合" in again.text:
            break
    assert "结论已经确定：不符合" in again.text


def test_a_check_can_end_as_soon_as_its_verdict_is_decided(tmp_path: Path) -> None:
    engine = make_engine(tmp_path / "log.db", stop_when_decided=1)
    user = User(engine)
    _little_giant_revenue(user)
    verdict = user.say("3000万")
    assert verdict.kind == "verdict" and verdict.data["verdict"] == "fail"
    assert f"另有 {len(verdict.data['unknown'])} 项未确认" in verdict.text and "不改变结论" in verdict.text
    engine.storage.close()


RECENT_CORPORA = 6
"""Question batches the report reads, newest first (about 1,500 questions with heldout.yaml): the suite's time stays
flat as batches are added; `policybot eval FILE` gives the same line counts for any batch."""
CORPORA = [
    DATA / "heldout.yaml",
    *sorted((DATA / "questions").glob("*.yaml"), key=lambda p: int(p.stem.removeprefix("batch")))[-RECENT_CORPORA:],
]
"""Realistic questions, each the first message of a conversation."""
TARGETS = {"reply_lines_median": 8, "reply_lines_p90": 12, "options_median": 5}
"""Issue 17: a first answer a phone shows without scrolling."""


def test_first_replies_fit_a_phone_screen_report(engine: Engine, capsys: pytest.CaptureFixture[str]) -> None:
    """A report, not a timed test: lines and options of the first reply per corpus; asserts only the targets."""
    every = Report()
    rows, footnotes = [], 0
    for path in CORPORA:

        def first(text: str, n: int, stem: str = path.stem) -> Reply:
            nonlocal footnotes
            reply = engine.answer(
                Inbound("test", f"{stem}-{n}", text), log=False
            ).reply  # a first message: nothing to store
            footnotes = max(footnotes, reply.text.count(FOOTNOTE))
            return reply

        report = evaluate(engine.index, path, first)
        every.reply_lines += report.reply_lines
        every.reply_options += report.reply_options
        rows.append((path.name, len(report.reply_lines), report.lengths()))
    rows.append(("all", len(every.reply_lines), every.lengths()))
    with capsys.disabled():
        print("\nfirst reply on a phone (lines median / p90, options median):")
        for name, n, sizes in rows:
            print(
                f"  {name:14} {n:5d} questions: {sizes['reply_lines_median']:g} / {sizes['reply_lines_p90']:g} lines, "
                f"{sizes['options_median']:g} options"
            )
    sizes = every.lengths()
    assert {k: sizes[k] <= v for k, v in TARGETS.items()} == dict.fromkeys(TARGETS, True), sizes
    assert footnotes <= 1, "the ※ footnote at most once per reply"


def test_the_readme_shows_a_real_exchange(user: User) -> None:
    """The README's short check is what the bot says (a changed reply text means updating the README too)."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index("您> 高企能评吗")
    block = readme[start : readme.index("```", start)].strip()
    turns = [t for t in block.split("\n\n") if t]
    for turn in turns:
        said, _, shown = turn.partition("\n机器人> ")
        assert user.say(said.removeprefix("您> ")).text == shown
