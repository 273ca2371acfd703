"""The log report: every number comes from one SQL query on ``turns``/``feedback``; text and offline HTML."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from bot import charts

if TYPE_CHECKING:
    from bot.review import Group

LOCAL_HOURS = 8
"""Chongqing time is UTC+8: the log stores UTC, the report counts local days."""
LOCAL_OFFSET = f"+{LOCAL_HOURS} hours"
QUESTION_REASONS = ("matched", "ambiguous", "low_score", "out_of_scope")
"""Reasons of the turns where the matcher decided on a new question."""
UNANSWERED_REASONS = ("low_score", "out_of_scope")
"""Reasons of the turns answered with the fallback."""
LOW_CONFIDENCE_MARGIN = 10.0
"""A match scoring less than ``min_score`` plus this many points counts as low-confidence."""
TOP = 20
"""Rows shown per table."""


def _in(values: tuple[str, ...]) -> str:
    return "(" + ", ".join(f"'{v}'" for v in values) + ")"


Q, U = _in(QUESTION_REASONS), _in(UNANSWERED_REASONS)

PERIOD = f"""WITH t AS (
  SELECT *, date(ts, '{LOCAL_OFFSET}') AS day FROM turns
  WHERE (coalesce(:since, '') = '' OR date(ts, '{LOCAL_OFFSET}') >= :since)
    AND (coalesce(:until, '') = '' OR date(ts, '{LOCAL_OFFSET}') <= :until)
)"""
"""Every query reads the turns of the period (local days, both ends included; empty means open)."""

_HEADING = "substr(a.reply, 1, instr(a.reply || char(10), char(10)) - 1)"
_QUESTION = """(SELECT p.text FROM t p WHERE p.channel = a.channel AND p.user_hash = a.user_hash AND p.id <= a.id
    AND p.reason = 'matched' ORDER BY p.id DESC LIMIT 1)"""
"""The question that led to answer ``a`` (a section picked by number was asked about before)."""


@dataclass(frozen=True)
class Query:
    """A named query of the report, also a Datasette canned query."""

    title: str
    description: str
    sql: str


QUERIES: dict[str, Query] = {
    "totals": Query(
        "总量 Totals",
        "Messages, users, questions and how they were answered.",
        f"""{PERIOD}
SELECT count(*) AS messages,
  count(DISTINCT channel || ':' || user_hash) AS users,
  coalesce(sum(reason IN {Q}), 0) AS questions,
  coalesce(sum(reason = 'matched'), 0) AS answered,
  coalesce(sum(reason = 'ambiguous'), 0) AS clarified,
  coalesce(sum(reason IN {U}), 0) AS unanswered,
  coalesce(sum(error IS NOT NULL), 0) AS errors,
  round(avg(latency_ms), 1) AS avg_latency_ms,
  min(day) AS first_day,
  max(day) AS last_day
FROM t""",
    ),
    "per_day": Query(
        "每日消息 Messages per day and channel",
        "Messages per local day and channel.",
        f"""{PERIOD}
SELECT day, channel, count(*) AS messages FROM t GROUP BY day, channel ORDER BY day, channel""",
    ),
    "per_channel": Query(
        "渠道 Messages per channel",
        "Messages and users per channel.",
        f"""{PERIOD}
SELECT channel, count(*) AS messages, count(DISTINCT user_hash) AS users
FROM t GROUP BY channel ORDER BY messages DESC, channel""",
    ),
    "top_intents": Query(
        "热门主题 Top intents",
        "New questions answered, per intent.",
        f"""{PERIOD}
SELECT intent, count(*) AS questions, round(avg(score), 1) AS avg_score
FROM t WHERE reason = 'matched' AND intent IS NOT NULL
GROUP BY intent ORDER BY questions DESC, intent""",
    ),
    "fallback_by_day": Query(
        "兜底率 Fallback rate per day",
        "Share of new questions answered with the fallback (low score or out of scope), per local day.",
        f"""{PERIOD}
SELECT day,
  sum(reason IN {Q}) AS questions,
  sum(reason IN {U}) AS unanswered,
  sum(reason = 'ambiguous') AS clarified,
  round(100.0 * sum(reason IN {U}) / nullif(sum(reason IN {Q}), 0), 1) AS fallback_rate
FROM t GROUP BY day ORDER BY day""",
    ),
    "unanswered": Query(
        "未解答 Unanswered questions",
        "Questions answered with the fallback, one row per normalised text (the report groups similar ones).",
        f"""{PERIOD}
SELECT normalized, min(text) AS text, count(*) AS messages, group_concat(DISTINCT reason) AS reasons,
  max(ts) AS last_ts
FROM t WHERE reason IN {U} AND coalesce(normalized, '') != ''
GROUP BY normalized ORDER BY messages DESC, normalized""",
    ),
    "low_confidence": Query(
        "低置信 Low-confidence matches",
        "Questions the bot had to clarify, or answered with a score below :low_score.",
        f"""{PERIOD}
SELECT normalized, min(text) AS text, count(*) AS messages,
  group_concat(DISTINCT coalesce(intent, json_extract(candidates, '$[0].intent'))) AS intents,
  round(min(score), 1) AS score, max(ts) AS last_ts
FROM t WHERE coalesce(normalized, '') != ''
  AND (reason = 'ambiguous' OR (reason = 'matched' AND score < :low_score))
GROUP BY normalized ORDER BY messages DESC, normalized""",
    ),
    "checklists": Query(
        "条件自查 Checklists",
        "Checklists started and completed per intent, and their verdicts (:verdict_pass, :verdict_fail and "
        ":verdict_unknown are the conclusion texts of knowledge/messages.yaml).",
        f"""{PERIOD},
s AS (
  SELECT intent, kind, reply,
    lag(kind) OVER w AS prev_kind, lag(intent) OVER w AS prev_intent
  FROM t WINDOW w AS (PARTITION BY channel, user_hash ORDER BY id)
)
SELECT intent,
  sum(kind = 'checklist_step' AND (prev_kind IS NULL OR prev_kind NOT IN ('checklist_step', 'reask')
      OR prev_intent IS NOT intent)) AS started,
  sum(kind IN ('verdict', 'match')) AS completed,
  sum(kind = 'verdict' AND coalesce(:verdict_pass, '') != '' AND instr(reply, :verdict_pass) > 0) AS passed,
  sum(kind = 'verdict' AND coalesce(:verdict_fail, '') != '' AND instr(reply, :verdict_fail) > 0) AS failed,
  sum(kind = 'verdict' AND coalesce(:verdict_unknown, '') != '' AND instr(reply, :verdict_unknown) > 0)
    AS undecided
FROM s WHERE intent IS NOT NULL
GROUP BY intent HAVING started > 0 OR completed > 0
ORDER BY started DESC, completed DESC, intent""",
    ),
    "feedback": Query(
        "反馈 Feedback",
        "有用 / 没用 replies to answers of the period.",
        f"""{PERIOD}
SELECT coalesce(sum(f.useful = 1), 0) AS useful, coalesce(sum(f.useful = 0), 0) AS useless, count(*) AS total
FROM feedback f JOIN t a ON a.id = f.turn_id""",
    ),
    "useless_answers": Query(
        "没用最多的回答 Answers most often marked 没用",
        "Answers (intent, kind and first line of the reply) with their 没用 and 有用 counts and a question that "
        "led there.",
        f"""{PERIOD}
SELECT a.intent, a.kind, {_HEADING} AS heading,
  sum(f.useful = 0) AS useless, sum(f.useful = 1) AS useful, min({_QUESTION}) AS example
FROM feedback f JOIN t a ON a.id = f.turn_id
GROUP BY a.intent, a.kind, heading HAVING useless > 0
ORDER BY useless DESC, useful, a.intent""",
    ),
    "versions": Query(
        "知识库版本 Knowledge versions",
        "Which version of the knowledge answered, and when.",
        f"""{PERIOD}
SELECT knowledge_version, min(ts) AS first_ts, max(ts) AS last_ts, count(*) AS replies
FROM t GROUP BY knowledge_version ORDER BY first_ts""",
    ),
    "inbox": Query(
        "待复核 Review inbox",
        "Questions to review: unanswered (low score), low-confidence (below :low_score or clarified) and "
        "marked 没用 (the question that led to the answer), per normalised text.",
        f"""{PERIOD},
q AS (
  SELECT normalized, text, 'unanswered' AS category, NULL AS intent, score, ts FROM t WHERE reason = 'low_score'
  UNION ALL
  SELECT normalized, text, 'low_confidence', coalesce(intent, json_extract(candidates, '$[0].intent')), score, ts
  FROM t WHERE reason = 'ambiguous' OR (reason = 'matched' AND score < :low_score)
  UNION ALL
  SELECT p.normalized, p.text, 'useless', p.intent, p.score, f.ts
  FROM feedback f JOIN t a ON a.id = f.turn_id
  JOIN t p ON p.id = (
    SELECT max(x.id) FROM t x
    WHERE x.channel = a.channel AND x.user_hash = a.user_hash AND x.id <= a.id AND x.reason = 'matched'
  )
  WHERE f.useful = 0
)
SELECT normalized, min(text) AS text, category, count(*) AS messages, group_concat(DISTINCT intent) AS intents,
  round(min(score), 1) AS score, max(ts) AS last_ts
FROM q WHERE coalesce(normalized, '') != ''
GROUP BY normalized, category ORDER BY messages DESC, normalized""",
    ),
}
"""The report's SQL, in one place: ``datasette/metadata.yaml`` holds the same queries (a test checks)."""


def run(conn: sqlite3.Connection, name: str, params: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Rows of query ``name`` as dicts; parameters a query does not use are ignored."""
    sql = QUERIES[name].sql
    used = {k: v for k, v in params.items() if f":{k}" in sql}
    cursor = conn.execute(sql, used)
    columns = [c[0] for c in cursor.description]
    return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]


def params(
    since: dt.date | str | None = None,
    until: dt.date | str | None = None,
    low_score: float = 0.0,
    verdicts: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """The named parameters of the queries."""
    out: dict[str, Any] = {"since": str(since or ""), "until": str(until or ""), "low_score": low_score}
    for key in ("pass", "fail", "unknown"):
        out[f"verdict_{key}"] = (verdicts or {}).get(key, "")
    return out


def count_turns(conn: sqlite3.Connection) -> int:
    """How many rows the log holds (to decide whether a progress bar is worth showing)."""
    return int(conn.execute("SELECT count(*) FROM turns").fetchone()[0])


@dataclass
class Report:
    """Everything the report shows; ``tables`` holds the rows of each query by name."""

    since: str
    until: str
    generated: str
    low_score: float
    tables: dict[str, list[dict[str, Any]]]
    unanswered: list[Group] = field(default_factory=list)
    low_confidence: list[Group] = field(default_factory=list)
    titles: dict[str, str] = field(default_factory=dict)

    @property
    def totals(self) -> dict[str, Any]:
        """The single row of ``totals``."""
        return self.tables["totals"][0]

    @property
    def fallback_rate(self) -> float | None:
        """Unanswered share of the new questions, in percent."""
        questions = self.totals["questions"]
        return round(100.0 * self.totals["unanswered"] / questions, 1) if questions else None

    def title(self, intent: str | None) -> str:
        """An intent id with its title, for tables."""
        if not intent:
            return "-"
        return f"{intent}（{self.titles[intent]}）" if intent in self.titles else intent

    def label(self, intent: str | None) -> str:
        """An intent's title (its id when unknown), for charts."""
        return self.titles.get(intent or "", intent or "-")


STEPS = tuple(q for q in QUERIES if q != "inbox") + ("group_unanswered", "group_low_confidence")
"""What ``build_report`` does, one progress step each."""


def build_report(
    conn: sqlite3.Connection,
    since: dt.date | None = None,
    until: dt.date | None = None,
    low_score: float = 72.0,
    verdicts: Mapping[str, str] | None = None,
    titles: Mapping[str, str] | None = None,
    prepare: Callable[[str], str] | None = None,
    step: Callable[[str], None] | None = None,
) -> Report:
    """Run every query for the period and group the unanswered and low-confidence questions.

    Args:
        conn: the log database.
        since: first local day included (None: from the start).
        until: last local day included (None: to the end).
        low_score: matches scoring below this are low-confidence (``min_score`` + ``LOW_CONFIDENCE_MARGIN``).
        verdicts: ``pass``/``fail``/``unknown`` → the conclusion text of ``messages.yaml``.
        titles: intent id → title, to label intents.
        prepare: how questions are compared when grouping (the matcher's ``Index.prepare``).
        step: called after each step (a progress bar).
    """
    from bot.review import Question, group_questions

    values = params(since, until, low_score, verdicts)
    tables: dict[str, list[dict[str, Any]]] = {}
    for name in STEPS[:-2]:
        tables[name] = run(conn, name, values)
        if step:
            step(name)
    groups = []
    for name, category in (("unanswered", "unanswered"), ("low_confidence", "low_confidence")):
        questions = [Question.from_row(row, category) for row in tables[name]]
        groups.append(group_questions(questions, prepare=prepare))
        if step:
            step(f"group_{name}")
    return Report(
        since=values["since"],
        until=values["until"],
        generated=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        low_score=low_score,
        tables=tables,
        unanswered=groups[0],
        low_confidence=groups[1],
        titles=dict(titles or {}),
    )


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}%"


def render_text(report: Report, top: int = 10) -> str:
    """A plain-text summary for the terminal."""
    t = report.totals
    period = f"{report.since or t['first_day'] or '-'} … {report.until or t['last_day'] or '-'}"
    lines = [
        f"PolicyBot log report, {period} (local days, UTC+8)",
        f"messages {t['messages']}, users {t['users']}, questions {t['questions']}: answered {t['answered']}, "
        f"clarified {t['clarified']}, unanswered {t['unanswered']} (fallback rate {_pct(report.fallback_rate)}), "
        f"errors {t['errors']}",
        "",
        "per channel:",
        *(f"  {r['channel']:12} {r['messages']:6}  ({r['users']} users)" for r in report.tables["per_channel"]),
        "",
        "top intents:",
        *(f"  {r['questions']:6}  {report.title(r['intent'])}" for r in report.tables["top_intents"][:top]),
        "",
        "unanswered questions (grouped):",
        *(f"  {g.count:6}  {g.text}  [{' / '.join(g.examples[1:3])}]" for g in report.unanswered[:top]),
        "",
        f"low-confidence matches (score < {report.low_score:g} or clarified):",
        *(
            f"  {g.count:6}  {g.text}  → {', '.join(g.intents) or '-'} (min {g.score:.1f})"
            for g in report.low_confidence[:top]
        ),
        "",
        "checklists (started / completed: pass, fail, undecided):",
        *(
            f"  {r['started']:4} / {r['completed']:4}: {r['passed']}, {r['failed']}, {r['undecided']}  "
            f"{report.title(r['intent'])}"
            for r in report.tables["checklists"]
        ),
        "",
    ]
    fb = report.tables["feedback"][0]
    lines.append(f"feedback: 有用 {fb['useful']}, 没用 {fb['useless']}")
    lines += [
        f"  {r['useless']:4} 没用 / {r['useful']} 有用  {report.title(r['intent'])} {r['heading']}"
        for r in report.tables["useless_answers"][:top]
    ]
    return "\n".join(lines)


def render_html(report: Report) -> str:
    """A self-contained HTML page (inline CSS and SVG, no script, nothing fetched) with charts and tables."""
    return charts.page(report)


def datasette_metadata() -> dict[str, Any]:
    """The Datasette metadata for the log: table descriptions and the report's queries as canned queries."""
    return {
        "title": "PolicyBot 对话日志",
        "description": "PolicyBot's conversation log: user ids are salted hashes, phone numbers, ID numbers and "
        "e-mail addresses are masked. ts is UTC; the canned queries count Chongqing days (UTC+8) and take "
        "since/until as YYYY-MM-DD (empty: no limit) and low_score as a number (min_score + 10, e.g. 72).",
        "databases": {
            "policybot": {
                "tables": {
                    "turns": {
                        "description": "One row per message: the masked text, how it was matched (intent, score, "
                        "top candidates, reason), the reply and the knowledge version that answered.",
                    },
                    "feedback": {"description": "有用 (useful=1) / 没用 (useful=0) replies, turn_id → turns.id."},
                    "review_done": {
                        "description": "Questions an officer has reviewed (policybot review); "
                        "they leave the inbox until asked again."
                    },
                    "state": {"hidden": True},
                    "meta": {"hidden": True},
                },
                "queries": {
                    name: {"title": q.title, "description": q.description, "sql": q.sql} for name, q in QUERIES.items()
                },
            }
        },
    }


def datasette_yaml() -> str:
    """``datasette_metadata`` as the YAML of ``datasette/metadata.yaml`` (SQL as readable blocks)."""
    import yaml

    class Dumper(yaml.SafeDumper):
        """A SafeDumper of our own, so the block-string representer below is not registered globally."""

    def text(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|" if "\n" in value else None)

    Dumper.add_representer(str, text)
    header = (
        "# Datasette metadata for the PolicyBot log (generated by bot.report.datasette_yaml; a test keeps it in\n"
        "# step with the report's SQL). Run: datasette policybot.db -m datasette/metadata.yaml\n"
    )
    body = yaml.dump(datasette_metadata(), Dumper=Dumper, allow_unicode=True, sort_keys=False, width=120)
    return header + body
