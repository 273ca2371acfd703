"""The report as one self-contained HTML page: inline CSS and SVG charts, no script, nothing fetched."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Sequence
from html import escape
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bot.report import Report
    from bot.review import Group

PALETTE = ("#2f6db5", "#e07b39", "#3a9d5d", "#c94c4c", "#8a63b8", "#8c6d4f", "#d36fb0", "#6f7d8c")
SERIES_COLORS = {
    "passed": "#3a9d5d",
    "failed": "#c94c4c",
    "undecided": "#e0a030",
    "unfinished": "#b8c2cc",
    "useful": "#3a9d5d",
    "useless": "#c94c4c",
}
WIDTH = 720
"""Chart width in pixels."""
ROW = 24
"""Height of one bar row."""
LABEL_WIDTH = 230
LABEL_CHARS = 16
"""Longer labels wrap onto further lines of this many characters."""
LABEL_LINES = 3
"""A label longer than this many lines is shortened (the tooltip keeps it whole)."""
LINE_HEIGHT = 14
"""Pixels per extra line of a wrapped label."""
PLOT_HEIGHT = 220
DAY_MIN_WIDTH = 14
DAY_MAX_WIDTH = 48
"""A day's column is never wider, however few the days."""
TICK_STEPS = (1, 2, 2.5, 5, 10)
"""Axis steps are one of these times a power of ten (2.5 only from 25 up, so counts stay whole)."""
TICKS = 4
"""About this many steps up the y axis."""
CHANNEL_LABELS = {
    "wechat": "微信公众号 wechat",
    "wecom": "企业微信 wecom",
    "telegram": "Telegram",
    "web": "网页 web",
    "cli": "命令行 cli",
    "terminal": "终端 terminal",
}
"""How the report names a channel (the log keeps the id)."""

FONTS = (
    '-apple-system,"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC",'
    '"WenQuanYi Micro Hei","Droid Sans Fallback",sans-serif'
)
"""A CJK font stack for the pages (macOS, Windows, then Linux: Debian's fonts-noto-cjk is Noto Sans CJK SC)."""

CSS = (
    "body{font-family:"
    + FONTS
    + """;margin:24px auto;
max-width:980px;color:#222;padding:0 16px}
h1{font-size:22px}h2{font-size:18px;margin-top:32px;border-bottom:1px solid #ddd;padding-bottom:4px}
.cards{display:flex;flex-wrap:wrap;gap:12px}.card{border:1px solid #ddd;border-radius:6px;padding:8px 14px}
.card b{display:block;font-size:20px}.muted{color:#666;font-size:13px}
table{border-collapse:collapse;margin:8px 0;font-size:14px}th,td{border:1px solid #ddd;padding:4px 8px;
text-align:left;vertical-align:top}th{background:#f4f6f8}td.n{text-align:right}
figure{margin:12px 0}figcaption{font-size:13px;color:#555}.legend span{display:inline-block;margin-right:12px;
font-size:13px}.legend i{display:inline-block;width:10px;height:10px;margin-right:4px}
svg text{font-size:12px;fill:#333}
"""
)


def days_between(first: str, last: str) -> list[str]:
    """Every day from ``first`` to ``last`` (ISO dates), so that quiet days show as gaps."""
    start, end = dt.date.fromisoformat(first), dt.date.fromisoformat(last)
    return [(start + dt.timedelta(days=k)).isoformat() for k in range((end - start).days + 1)]


def _e(value: Any) -> str:
    return escape("" if value is None else str(value), quote=True)


NO_LINE_START = "）)」』》】〕、，,。.：:；;！!？?”’"
"""Closing brackets and punctuation stay at the end of the line before (Chinese line breaking)."""


def wrap(label: str) -> list[str]:
    """A chart label as lines of about ``LABEL_CHARS`` characters, at most ``LABEL_LINES`` (the last shortened)."""
    lines: list[str] = []
    rest = label
    while rest:
        cut = LABEL_CHARS
        while cut < len(rest) and rest[cut] in NO_LINE_START:
            cut += 1
        lines.append(rest[:cut])
        rest = rest[cut:]
    lines = lines or [""]
    if len(lines) > LABEL_LINES:
        lines = lines[:LABEL_LINES]
        lines[-1] = lines[-1][:-1] + "…"
    return lines


def channel_label(channel: str) -> str:
    """A channel's name as the report shows it."""
    return CHANNEL_LABELS.get(channel, channel)


def local_time(ts: str | None) -> str:
    """A stored UTC timestamp as Chongqing time to the second (``2026-11-25 17:00:00``)."""
    from bot.report import LOCAL_HOURS

    if not ts:
        return "-"
    try:
        moment = dt.datetime.fromisoformat(ts)
    except ValueError:
        return ts
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(dt.timezone(dt.timedelta(hours=LOCAL_HOURS))).strftime("%Y-%m-%d %H:%M:%S")


def nice_ticks(top: float) -> list[float]:
    """Round values from 0 up to at least ``top`` for a y axis: 0/10/20/30/40 rather than 0/9/18/26/35."""
    if top <= 0:
        return [0, 1]
    raw = top / TICKS
    power = 10.0 ** math.floor(math.log10(raw))
    step = max(1.0, next(m * power for m in TICK_STEPS if m * power >= raw and (m != 2.5 or power >= 10)))
    return [k * step for k in range(math.ceil(top / step - 1e-9) + 1)]


def _num(value: float) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def _figure(name: str, caption: str, svg: str, legend: Sequence[tuple[str, str]] = ()) -> str:
    keys = "".join(f'<span><i style="background:{c}"></i>{_e(n)}</span>' for n, c in legend)
    legend_html = f'<div class="legend">{keys}</div>' if legend else ""
    return (
        f'<figure class="chart" data-chart="{name}">{legend_html}{svg}<figcaption>{_e(caption)}</figcaption></figure>'
    )


def _single(name: str, caption: str, value: str, detail: str) -> str:
    """One day of data: the figure in words (a chart of one column or one point says less)."""
    return (
        f'<figure class="chart single" data-chart="{name}"><p><b class="figure">{_e(value)}</b> {_e(detail)}</p>'
        f"<figcaption>{_e(caption)}</figcaption></figure>"
    )


def _empty(name: str, caption: str) -> str:
    return (
        f'<figure class="chart empty" data-chart="{name}"><p class="muted">（无数据 no data）</p>'
        f"<figcaption>{_e(caption)}</figcaption></figure>"
    )


def hbars(name: str, caption: str, rows: Sequence[tuple[str, float]], unit: str = "") -> str:
    """Horizontal bars, one per row."""
    return stacked_hbars(name, caption, [(label, [value]) for label, value in rows], [name], unit, legend=False)


def stacked_hbars(
    name: str,
    caption: str,
    rows: Sequence[tuple[str, Sequence[float]]],
    series: Sequence[str],
    unit: str = "",
    legend: bool = True,
    labels: Sequence[str] | None = None,
) -> str:
    """Horizontal bars made of one segment per series."""
    if not rows:
        return _empty(name, caption)
    colors = [SERIES_COLORS.get(s, PALETTE[i % len(PALETTE)]) for i, s in enumerate(series)]
    top = max(sum(v) for _, v in rows) or 1
    plot = WIDTH - LABEL_WIDTH - 60
    wrapped = [wrap(label) for label, _ in rows]
    height = sum(ROW + LINE_HEIGHT * (len(w) - 1) for w in wrapped) + 8
    parts = [f'<svg width="{WIDTH}" height="{height}" role="img" aria-label="{_e(caption)}">']
    y = 4 - ROW
    for r, (label, values) in enumerate(rows):
        y += ROW + (LINE_HEIGHT * (len(wrapped[r - 1]) - 1) if r else 0)
        lines = "".join(
            f'<tspan x="{LABEL_WIDTH - 6}" dy="{LINE_HEIGHT if k else 0}">{_e(line)}</tspan>'
            for k, line in enumerate(wrapped[r])
        )
        parts.append(
            f'<text class="label" x="{LABEL_WIDTH - 6}" y="{y + 15}" text-anchor="end">{lines}'
            f"<title>{_e(label)}</title></text>"
        )
        x = float(LABEL_WIDTH)
        for s, value in enumerate(values):
            w = plot * value / top
            if value:
                parts.append(
                    f'<rect class="bar" x="{x:.1f}" y="{y + 3}" width="{max(w, 1):.1f}" height="{ROW - 6}" '
                    f'fill="{colors[s]}" data-label="{_e(label)}" data-series="{_e(series[s])}" '
                    f'data-value="{_num(value)}"><title>{_e(label)} · {_e((labels or series)[s])}: '
                    f"{_num(value)}{unit}</title></rect>"
                )
            x += w
        total = sum(values)
        parts.append(f'<text x="{x + 4:.1f}" y="{y + 15}">{_num(total)}{unit}</text>')
    parts.append("</svg>")
    keys = list(zip(labels or series, colors, strict=True)) if legend else []
    return _figure(name, caption, "".join(parts), keys)


def day_columns(name: str, caption: str, rows: Iterable[dict[str, Any]]) -> str:
    """Messages per day, stacked by channel."""
    table: dict[str, dict[str, int]] = {}
    channels: list[str] = []
    for row in rows:
        table.setdefault(row["day"], {})[row["channel"]] = row["messages"]
        if row["channel"] not in channels:
            channels.append(row["channel"])
    if not table:
        return _empty(name, caption)
    if len(table) == 1:
        (day, counts), *_ = table.items()
        detail = " · ".join(f"{channel_label(c)} {n}" for c, n in sorted(counts.items()))
        return _single(name, caption, f"{sum(counts.values())}", f"条消息 messages on {day}（{detail}）")
    days = days_between(min(table), max(table))
    colors = {c: PALETTE[i % len(PALETTE)] for i, c in enumerate(sorted(channels))}
    ticks = nice_ticks(max(sum(v.values()) for v in table.values()))
    top = ticks[-1]
    step = min(DAY_MAX_WIDTH, max(DAY_MIN_WIDTH, (WIDTH - 50) / len(days)))
    width = max(int(50 + step * len(days)), WIDTH // 2)
    every = max(1, int(60 // step) + 1)
    parts = [
        f'<svg width="{width}" height="{PLOT_HEIGHT + 40}" role="img" aria-label="{_e(caption)}">',
        _y_axis(ticks, "", width),
    ]
    for d, day in enumerate(days):
        x = 45 + d * step
        y = float(PLOT_HEIGHT + 10)
        for channel in sorted(table.get(day, {})):
            value = table[day][channel]
            h = PLOT_HEIGHT * value / top
            y -= h
            parts.append(
                f'<rect class="bar" x="{x + 1:.1f}" y="{y:.1f}" width="{step - 2:.1f}" height="{h:.1f}" '
                f'fill="{colors[channel]}" data-label="{_e(day)}" data-series="{_e(channel)}" data-value="{value}">'
                f"<title>{_e(day)} {_e(channel_label(channel))}: {value}</title></rect>"
            )
        if d % every == 0:
            parts.append(f'<text x="{x:.1f}" y="{PLOT_HEIGHT + 26}">{_e(day[5:])}</text>')
    parts.append("</svg>")
    return _figure(name, caption, "".join(parts), [(channel_label(c), colors[c]) for c in sorted(channels)])


def _y_axis(ticks: Sequence[float], unit: str, width: int = WIDTH) -> str:
    lines = []
    for value in ticks:
        y = PLOT_HEIGHT + 10 - PLOT_HEIGHT * value / ticks[-1]
        lines.append(
            f'<line x1="42" x2="{width}" y1="{y:.1f}" y2="{y:.1f}" stroke="#eee"/>'
            f'<text class="tick" x="38" y="{y + 4:.1f}" text-anchor="end">{value:g}{unit}</text>'
        )
    return "".join(lines)


def rate_line(name: str, caption: str, rows: Sequence[dict[str, Any]]) -> str:
    """The fallback rate per day, as a line with one point per day that had questions."""
    points = [(r["day"], float(r["fallback_rate"])) for r in rows if r["fallback_rate"] is not None]
    if not points:
        return _empty(name, caption)
    if len(points) == 1:
        (day, value), *_ = points
        return _single(name, caption, f"{value:g}%", f"on {day}")
    days = days_between(points[0][0], points[-1][0])
    step = (WIDTH - 70) / max(1, len(days) - 1)
    ticks = nice_ticks(100.0)
    top = ticks[-1]
    where = {day: 50 + k * step for k, day in enumerate(days)}
    coords = [(where[day], PLOT_HEIGHT + 10 - PLOT_HEIGHT * v / top) for day, v in points]
    every = max(1, int(60 // step) + 1)
    parts = [
        f'<svg width="{WIDTH}" height="{PLOT_HEIGHT + 40}" role="img" aria-label="{_e(caption)}">',
        _y_axis(ticks, "%"),
        '<polyline class="line" fill="none" stroke="#c94c4c" stroke-width="2" points="'
        + " ".join(f"{x:.1f},{y:.1f}" for x, y in coords)
        + '"/>',
    ]
    for (day, value), (x, y) in zip(points, coords, strict=True):
        parts.append(
            f'<circle class="point" cx="{x:.1f}" cy="{y:.1f}" r="3.5" fill="#c94c4c" '
            f'data-label="{_e(day)}" data-value="{value:g}"><title>{_e(day)}: {value:g}%</title></circle>'
        )
    for k, day in enumerate(days):
        if k % every == 0:
            parts.append(f'<text x="{where[day] - 14:.1f}" y="{PLOT_HEIGHT + 26}">{_e(day[5:])}</text>')
    parts.append("</svg>")
    return _figure(name, caption, "".join(parts))


def table(name: str, headers: Sequence[str], rows: Iterable[Sequence[Any]], numeric: Sequence[int] = ()) -> str:
    """A plain table; every cell is escaped."""
    head = "".join(f"<th>{_e(h)}</th>" for h in headers)
    body = []
    for row in rows:
        cells = "".join(
            f'<td class="n">{_e(v)}</td>' if i in numeric else f"<td>{_e(v)}</td>" for i, v in enumerate(row)
        )
        body.append(f"<tr>{cells}</tr>")
    if not body:
        body.append(f'<tr><td colspan="{len(headers)}" class="muted">（无 none）</td></tr>')
    return f'<table data-table="{name}"><thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table>'


REASON_LABELS = {"low_score": "没匹配上 low score", "out_of_scope": "范围外 out of scope"}


def _group_rows(groups: Sequence[Group], report: Report) -> list[list[Any]]:
    return [
        [g.count, g.text, " / ".join(g.examples[1:]), ", ".join(report.title(i) for i in g.intents[:3])] for g in groups
    ]


def _unanswered_rows(groups: Sequence[Group]) -> list[list[Any]]:
    return [
        [
            g.count,
            g.text,
            " / ".join(g.examples[1:]),
            "，".join(f"{REASON_LABELS.get(r, r)} {n}" for r, n in g.reasons.most_common()),
        ]
        for g in groups
    ]


def page(report: Report) -> str:
    """The whole report page."""
    from bot.report import TOP

    t, tables = report.totals, report.tables
    fb = tables["feedback"][0]
    period = f"{report.since or t['first_day'] or '-'} 至 {report.until or t['last_day'] or '-'}"
    cards = [
        ("消息 messages", t["messages"]),
        ("用户 users", t["users"]),
        ("提问 questions", t["questions"]),
        ("已解答 answered", t["answered"]),
        ("需澄清 clarified", t["clarified"]),
        ("未解答 unanswered", t["unanswered"]),
        ("兜底率 fallback rate", "-" if report.fallback_rate is None else f"{report.fallback_rate:.1f}%"),
        ("出错 errors", t["errors"]),
        ("有用 useful", fb["useful"]),
        ("没用 useless", fb["useless"]),
    ]
    checklist_rows = [
        (report.label(r["intent"]), [r["passed"], r["failed"], r["undecided"], max(0, r["started"] - r["completed"])])
        for r in tables["checklists"]
    ]
    useless = tables["useless_answers"]
    body = [
        f"<h1>PolicyBot 日志报告</h1><p class='muted'>{_e(period)}（重庆时间按日统计 local days, UTC+8）· "
        f"生成于 generated {_e(local_time(report.generated))}</p>",
        '<div class="cards">'
        + "".join(f'<div class="card" data-card="{_e(k)}">{_e(k)}<b>{_e(v)}</b></div>' for k, v in cards)
        + "</div>",
        "<h2>消息量 Messages</h2>",
        day_columns("per_day", "每日消息，按渠道 messages per day by channel", tables["per_day"]),
        hbars(
            "per_channel",
            "各渠道消息 messages per channel",
            [(channel_label(r["channel"]), r["messages"]) for r in tables["per_channel"]],
        ),
        "<h2>热门主题 Top intents</h2>",
        hbars(
            "top_intents",
            "已解答的新问题，按主题 answered questions per intent",
            [(report.label(r["intent"]), r["questions"]) for r in tables["top_intents"][:TOP]],
        ),
        "<h2>兜底率 Fallback rate</h2>",
        rate_line("fallback_rate", "每日未解答占提问的比例 unanswered / questions per day", tables["fallback_by_day"]),
        table(
            "fallback_by_day",
            ["日期 day", "提问 questions", "未解答 unanswered", "需澄清 clarified", "兜底率 %"],
            [
                [r["day"], r["questions"], r["unanswered"], r["clarified"], r["fallback_rate"]]
                for r in tables["fallback_by_day"]
            ],
            numeric=(1, 2, 3, 4),
        ),
        "<h2>最常见的未解答问题 Unanswered questions (grouped)</h2>",
        table(
            "unanswered",
            ["次数 count", "问题 question", "相似说法 similar", "原因 reason"],
            _unanswered_rows(report.unanswered[:TOP]),
            numeric=(0,),
        ),
        f"<h2>低置信匹配 Low-confidence matches（score &lt; {report.low_score:g} 或需澄清）</h2>",
        table(
            "low_confidence",
            ["次数 count", "问题 question", "相似说法 similar", "主题 intents", "最低分 min score"],
            [
                [*row, f"{g.score:.1f}"]
                for g, row in zip(
                    report.low_confidence[:TOP], _group_rows(report.low_confidence[:TOP], report), strict=True
                )
            ],
            numeric=(0, 4),
        ),
        "<h2>条件自查 Checklists</h2>",
        stacked_hbars(
            "checklists",
            "自查结果 verdicts (未完成 = started − completed)",
            checklist_rows,
            ["passed", "failed", "undecided", "unfinished"],
            labels=["符合 pass", "不符合 fail", "暂无法判断 unknown", "未完成 unfinished"],
        ),
        table(
            "checklists",
            ["主题 intent", "开始 started", "完成 completed", "符合 pass", "不符合 fail", "暂无法判断 unknown"],
            [
                [report.title(r["intent"]), r["started"], r["completed"], r["passed"], r["failed"], r["undecided"]]
                for r in tables["checklists"]
            ],
            numeric=(1, 2, 3, 4, 5),
        ),
        "<h2>用户反馈 Feedback</h2>",
        stacked_hbars(
            "feedback",
            "有用 / 没用",
            [("有用 useful", [fb["useful"], 0]), ("没用 useless", [0, fb["useless"]])],
            ["useful", "useless"],
            legend=False,
            labels=["有用", "没用"],
        )
        if fb["total"]
        else _empty("feedback", "有用 / 没用"),
        stacked_hbars(
            "useless_answers",
            "被标为没用最多的回答 answers most often marked 没用",
            [(r["heading"] or report.label(r["intent"]), [r["useless"], r["useful"]]) for r in useless[:TOP]],
            ["useless", "useful"],
            labels=["没用", "有用"],
        ),
        table(
            "useless_answers",
            ["没用", "有用", "主题 intent", "类型 kind", "回答 reply", "提问示例 example"],
            [
                [r["useless"], r["useful"], report.title(r["intent"]), r["kind"], r["heading"], r["example"]]
                for r in useless[:TOP]
            ],
            numeric=(0, 1),
        ),
        "<h2>知识库版本 Knowledge versions</h2>",
        table(
            "versions",
            ["版本 version", "首次 first (UTC+8)", "最近 last (UTC+8)", "回复 replies"],
            [
                [r["knowledge_version"], local_time(r["first_ts"]), local_time(r["last_ts"]), r["replies"]]
                for r in tables["versions"]
            ],
            numeric=(3,),
        ),
    ]
    return (
        '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>PolicyBot 日志报告 {_e(period)}</title><style>{CSS}</style></head><body>"
        + "\n".join(body)
        + "</body></html>\n"
    )
