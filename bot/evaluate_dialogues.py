"""Run whole conversations from a YAML file and score each turn: was it understood, was the verdict right."""

from __future__ import annotations

import statistics
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.evaluate import read_corpus
from bot.models import Inbound, Reply

VERDICT_WORDS = {"pass": "符合", "fail": "不符合", "unknown": "暂无法判断"}
"""The verdict a reply's ``data["verdict"]`` stands for, as a corpus writes it."""
DEFAULT_CHANNEL = "wechat"


@dataclass(frozen=True)
class Turn:
    """One user message of a scenario and what a correct bot does with it."""

    user: str
    expect: str
    chat: str | None = None
    verdict: tuple[str, ...] = ()
    says: tuple[str, ...] = ()


@dataclass(frozen=True)
class Scenario:
    """A conversation: an id, the channel it happens on and its turns."""

    id: str
    channel: str
    turns: list[Turn]


def load_scenarios(path: Path) -> list[Scenario]:
    """The scenarios of a corpus file (a YAML list; see ``docs/accuracy.md`` for the format)."""
    data = read_corpus(path) or []
    scenarios = []
    for n, row in enumerate(data, 1):
        turns = []
        for t in row.get("turns") or []:
            verdict = t.get("verdict") or ()
            says = t.get("says") or ()
            turns.append(
                Turn(
                    user=str(t["user"]),
                    expect=str(t.get("expect") if t.get("expect") is not None else "null"),
                    chat=str(t["chat"]) if t.get("chat") is not None else None,
                    verdict=tuple([verdict] if isinstance(verdict, str) else verdict),
                    says=tuple([says] if isinstance(says, str) else map(str, says)),
                )
            )
        scenarios.append(Scenario(str(row.get("id") or f"#{n}"), str(row.get("channel") or DEFAULT_CHANNEL), turns))
    return scenarios


@dataclass
class TurnResult:
    """What the bot did with one turn."""

    scenario: str
    n: int
    user: str
    expect: str
    got: str
    verdict_expected: tuple[str, ...]
    verdict_got: str | None
    says_missing: list[str]
    says_held: int
    reply: str
    ms: float
    via: str | None = None

    @property
    def understood(self) -> bool:
        """The reply's act is the one expected (``restart`` covers cancelling, as in the act contract)."""
        return self.got == self.expect or (self.expect, self.got) == ("restart", "cancel")

    @property
    def verdict_right(self) -> bool | None:
        """None where no verdict was asked for."""
        return None if not self.verdict_expected else self.verdict_got in self.verdict_expected

    @property
    def passed(self) -> bool:
        """Understood, with the verdict and the words expected."""
        return self.understood and self.verdict_right is not False and not self.says_missing


@dataclass
class DialogueReport:
    """Figures of one run over a corpus."""

    results: list[TurnResult] = field(default_factory=list)
    scenarios: int = 0

    def as_dict(self) -> dict[str, Any]:
        """JSON-friendly figures (``eval-dialogues --json``)."""
        rs = self.results
        verdicts = [r for r in rs if r.verdict_expected]
        ms = sorted(r.ms for r in rs) or [0.0]
        by_expect: dict[str, dict[str, int]] = {}
        for r in rs:
            row = by_expect.setdefault(_family(r.expect), {"n": 0, "understood": 0})
            row["n"] += 1
            row["understood"] += r.understood
        return {
            "scenarios": self.scenarios,
            "turns": len(rs),
            "understood": sum(r.understood for r in rs),
            "understood_share": round(sum(r.understood for r in rs) / len(rs), 4) if rs else 0.0,
            "verdicts": len(verdicts),
            "verdicts_right": sum(bool(r.verdict_right) for r in verdicts),
            "says": sum(len(r.says_missing) + r.says_held for r in rs),
            "says_held": sum(r.says_held for r in rs),
            "passed": sum(r.passed for r in rs),
            "by_expect": by_expect,
            "confusions": [
                {"expected": e, "got": g, "count": c}
                for (e, g), c in Counter((_family(r.expect), r.got) for r in rs if not r.understood).most_common()
            ],
            "latency_ms": {"p50": round(statistics.median(ms), 2), "p99": round(ms[int(0.99 * (len(ms) - 1))], 2)},
            "details": [
                {
                    "scenario": r.scenario,
                    "turn": r.n,
                    "user": r.user,
                    "expect": r.expect,
                    "got": r.got,
                    "verdict_expected": list(r.verdict_expected),
                    "verdict_got": r.verdict_got,
                    "says_missing": r.says_missing,
                    "via": r.via,
                    "pass": r.passed,
                    "reply": r.reply,
                }
                for r in rs
            ],
        }


def _family(expect: str) -> str:
    acts = {"answer", "correction", "followup", "resume", "restart", "cancel", "null"}
    return expect if expect in acts else "(intent)"


def run(respond: Any, scenarios: list[Scenario], run_id: str = "") -> DialogueReport:
    """Play every scenario as a fresh conversation through ``respond(Inbound) -> Reply``."""
    report = DialogueReport(scenarios=len(scenarios))
    for scenario in scenarios:
        user = f"eval:{run_id}:{scenario.id}"
        for n, turn in enumerate(scenario.turns, 1):
            inbound = Inbound(scenario.channel, user, turn.user, chat_id=turn.chat)
            started = time.perf_counter()
            reply: Reply = respond(inbound)
            ms = (time.perf_counter() - started) * 1000
            got_verdict = VERDICT_WORDS.get(
                str(reply.data.get("verdict"))
            )  # a verdict, or a question saying it is settled
            missing = [s for s in turn.says if s not in reply.text]
            result = TurnResult(
                scenario.id,
                n,
                turn.user,
                turn.expect,
                reply.act or "null",
                turn.verdict,
                got_verdict,
                missing,
                len(turn.says) - len(missing),
                reply.text,
                ms,
                reply.via,
            )
            report.results.append(result)
    return report


def format_report(report: DialogueReport, failures_only: bool = False) -> str:
    """One line per turn, then the summary (its last line is the headline figure)."""
    lines = []
    for r in report.results:
        if failures_only and r.passed:
            continue
        verdict = f" verdict {r.verdict_got or '-'}/{'|'.join(r.verdict_expected)}" if r.verdict_expected else ""
        says = f" missing {r.says_missing}" if r.says_missing else ""
        mark = "pass" if r.passed else "FAIL"
        via = f" ({r.via})" if r.via else ""
        lines.append(f"{mark} {r.scenario}#{r.n} expect {r.expect} got {r.got}{via}{verdict}{says} | {r.user}")
    d = report.as_dict()
    lines += [
        "",
        "by expected act: " + ", ".join(f"{k} {v['understood']}/{v['n']}" for k, v in sorted(d["by_expect"].items())),
        f"latency per turn: p50 {d['latency_ms']['p50']} ms, p99 {d['latency_ms']['p99']} ms",
        f"scenarios {d['scenarios']}, turns {d['turns']}, understood {d['understood']}/{d['turns']} "
        f"({d['understood_share']:.1%}), verdicts right {d['verdicts_right']}/{d['verdicts']}, "
        f"says held {d['says_held']}/{d['says']}",
    ]
    return "\n".join(lines)
