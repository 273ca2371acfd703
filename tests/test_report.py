"""The log report: numbers checked against the log built by the real engine; the HTML opened in Chromium."""

from __future__ import annotations

import datetime as dt
import itertools
import sqlite3
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from bot import charts, staff
from bot import report as rep
from bot.cli import main
from bot.engine import Engine
from knowledge.loader import BUNDLED
from tests.helpers import BACKENDS, CHROMIUM, CHROMIUM_ARGS, ROOT, make_engine, missing_glyphs
from tests.staff_log import build_log, copy_db, log_copy

LOW_SCORE = 72.0
XSS = "<script>alert('x')</script>怎么注册公司"


@pytest.fixture(scope="module")
def log(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Engine, int, Path]]:
    db = tmp_path_factory.mktemp("log") / "log.db"
    engine, sent = build_log(db)
    yield engine, sent, db
    engine.storage.close()


@pytest.fixture(scope="module")
def rows(log: tuple[Engine, int, Path]) -> list[dict[str, Any]]:
    """Every turn, with its Chongqing day computed in Python (not by the report's SQL)."""
    conn = log[0].storage.db.conn
    cursor = conn.execute("SELECT * FROM turns ORDER BY id")
    names = [c[0] for c in cursor.description]
    out = []
    for values in cursor.fetchall():
        row = dict(zip(names, values, strict=True))
        local = dt.datetime.fromisoformat(row["ts"]).astimezone(dt.timezone(dt.timedelta(hours=8)))
        row["day"] = local.date().isoformat()
        out.append(row)
    return out


def _verdicts(engine: Engine) -> dict[str, str]:
    m = engine.knowledge.messages
    return {"pass": m.verdict_pass, "fail": m.verdict_fail, "unknown": m.verdict_unknown}


@pytest.fixture(scope="module")
def report(log: tuple[Engine, int, Path]) -> rep.Report:
    engine = log[0]
    titles = {tid: t.title for tid, t in engine.knowledge.topics.items()}
    return rep.build_report(
        engine.storage.db.conn,
        low_score=LOW_SCORE,
        verdicts=_verdicts(engine),
        titles=titles,
        prepare=engine.index.prepare,
    )


def test_the_log_is_realistic(log: tuple[Engine, int, Path], rows: list[dict[str, Any]]) -> None:
    _, sent, _ = log
    assert sent >= 300
    assert len(rows) == sent, "every message is logged"
    kinds = Counter(r["kind"] for r in rows)
    for kind in ("answer", "section", "fallback", "clarify", "checklist_step", "verdict", "match", "feedback"):
        assert kinds[kind], kind
    assert len({r["channel"] for r in rows}) >= 4
    assert len({r["day"] for r in rows}) >= 10
    assert not any("13812345678" in (r["text"] or "") for r in rows), "phone numbers are masked"


def test_totals_match_the_log(report: rep.Report, rows: list[dict[str, Any]]) -> None:
    questions = [r for r in rows if r["reason"] in rep.QUESTION_REASONS]
    unanswered = [r for r in rows if r["reason"] in rep.UNANSWERED_REASONS]
    assert report.totals["messages"] == len(rows)
    assert report.totals["users"] == len({(r["channel"], r["user_hash"]) for r in rows})
    assert report.totals["questions"] == len(questions)
    assert report.totals["answered"] == sum(r["reason"] == "matched" for r in rows)
    assert report.totals["clarified"] == sum(r["reason"] == "ambiguous" for r in rows)
    assert report.totals["unanswered"] == len(unanswered)
    assert report.totals["errors"] == 0
    assert report.fallback_rate == round(100 * len(unanswered) / len(questions), 1)


def test_messages_per_day_and_channel(report: rep.Report, rows: list[dict[str, Any]]) -> None:
    expected = Counter((r["day"], r["channel"]) for r in rows)
    assert {(r["day"], r["channel"]): r["messages"] for r in report.tables["per_day"]} == expected
    per_channel = Counter(r["channel"] for r in rows)
    assert {r["channel"]: r["messages"] for r in report.tables["per_channel"]} == per_channel


def test_top_intents(report: rep.Report, rows: list[dict[str, Any]]) -> None:
    expected = Counter(r["intent"] for r in rows if r["reason"] == "matched" and r["intent"])
    got = {r["intent"]: r["questions"] for r in report.tables["top_intents"]}
    assert got == expected
    counts = [r["questions"] for r in report.tables["top_intents"]]
    assert counts == sorted(counts, reverse=True)


def test_fallback_rate_per_day(report: rep.Report, rows: list[dict[str, Any]]) -> None:
    for day_row in report.tables["fallback_by_day"]:
        day = [r for r in rows if r["day"] == day_row["day"]]
        asked = sum(r["reason"] in rep.QUESTION_REASONS for r in day)
        missed = sum(r["reason"] in rep.UNANSWERED_REASONS for r in day)
        assert (day_row["questions"], day_row["unanswered"]) == (asked, missed), day_row["day"]
        assert day_row["fallback_rate"] == (round(100 * missed / asked, 1) if asked else None)


def test_the_period_is_chongqing_days(log: tuple[Engine, int, Path], rows: list[dict[str, Any]]) -> None:
    days = sorted({r["day"] for r in rows})
    since, until = dt.date.fromisoformat(days[2]), dt.date.fromisoformat(days[-3])
    part = rep.build_report(log[0].storage.db.conn, since=since, until=until, low_score=LOW_SCORE)
    inside = [r for r in rows if since.isoformat() <= r["day"] <= until.isoformat()]
    assert part.totals["messages"] == len(inside)
    assert {r["day"] for r in part.tables["per_day"]} == {r["day"] for r in inside}
    assert any(r["ts"][:10] != r["day"] for r in inside), "some evening messages fall on the next local day"


def test_unanswered_questions_are_grouped(report: rep.Report, rows: list[dict[str, Any]]) -> None:
    unanswered = [r for r in rows if r["reason"] in rep.UNANSWERED_REASONS]
    assert sum(g.count for g in report.unanswered) == len(unanswered)
    social = next(g for g in report.unanswered if "社保补贴" in g.text)
    assert social.count == sum("社保补贴" in r["text"] for r in unanswered) == 6
    assert all("社保补贴" in e for e in social.examples) and len(social.examples) > 1
    licence = next(g for g in report.unanswered if "营业执照" in g.text)
    assert licence.count == 4
    assert social is not licence
    counts = [g.count for g in report.unanswered]
    assert counts == sorted(counts, reverse=True)


def test_low_confidence(report: rep.Report, rows: list[dict[str, Any]]) -> None:
    low = [r for r in rows if r["reason"] == "ambiguous" or (r["reason"] == "matched" and r["score"] < LOW_SCORE)]
    assert low
    assert sum(g.count for g in report.low_confidence) == len(low)


def _starts(rows: list[dict[str, Any]]) -> Counter[str]:
    starts: Counter[str] = Counter()
    last: dict[tuple[str, str], dict[str, Any]] = {}
    for r in rows:
        key = (r["channel"], r["user_hash"])
        prev = last.get(key)
        if r["kind"] == "checklist_step" and (
            prev is None or prev["kind"] not in ("checklist_step", "reask") or prev["intent"] != r["intent"]
        ):
            starts[r["intent"]] += 1
        last[key] = r
    return starts


def test_checklists(report: rep.Report, rows: list[dict[str, Any]], log: tuple[Engine, int, Path]) -> None:
    table = {r["intent"]: r for r in report.tables["checklists"]}
    starts = _starts(rows)
    assert {i: r["started"] for i, r in table.items() if r["started"]} == starts
    done = Counter(r["intent"] for r in rows if r["kind"] in ("verdict", "match"))
    assert {i: r["completed"] for i, r in table.items() if r["completed"]} == done
    verdicts = _verdicts(log[0])
    for intent, r in table.items():
        replies = [x["reply"] for x in rows if x["kind"] == "verdict" and x["intent"] == intent]
        assert r["passed"] == sum(verdicts["pass"] in x for x in replies)
        assert r["failed"] == sum(verdicts["fail"] in x for x in replies)
        assert r["undecided"] == sum(verdicts["unknown"] in x for x in replies)
        assert r["passed"] + r["failed"] + r["undecided"] == len(replies), "each verdict is classified once"
    assert sum(r["passed"] + r["failed"] + r["undecided"] for r in table.values()) >= 5


def test_feedback(report: rep.Report, log: tuple[Engine, int, Path]) -> None:
    conn = log[0].storage.db.conn
    useful, useless = conn.execute("SELECT sum(useful = 1), sum(useful = 0) FROM feedback").fetchone()
    assert report.tables["feedback"][0] == {"useful": useful, "useless": useless, "total": useful + useless}
    assert useless >= 10
    answers = report.tables["useless_answers"]
    assert sum(r["useless"] for r in answers) == useless
    assert [r["useless"] for r in answers] == sorted((r["useless"] for r in answers), reverse=True)
    assert all(not (r["example"] or "x").isdigit() for r in answers), "the question, not the number picked"


def _report(db: Path | str, *args: str) -> str:
    result = CliRunner().invoke(main, ["--knowledge", str(BUNDLED), "--db", str(db), "report", *args])
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.parametrize("backend", BACKENDS)
def test_cli_report_prints_and_writes_html(backend: str, log: tuple[Engine, int, Path], tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    with log_copy(log[0], backend, tmp_path) as db:
        output = _report(db, "--html", str(out))
        reference = tmp_path / "sqlite.html"
        same = _report(log[2], "--html", str(reference)).replace(str(reference), str(out))
        assert output == same, "the same report on both"
        period = ["--since", "2026-11-20", "--until", "2026-11-22"]
        assert _report(db, *period) == _report(log[2], *period)
    assert f"messages {log[1]}," in output
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    for external in ("http://", "https://", "<script", "src=", "@import", "url("):
        assert external not in html, external
    assert "&lt;script&gt;alert(" in html


def test_progress_bar_on_large_logs(log: tuple[Engine, int, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(staff, "PROGRESS_MIN_ROWS", 1)
    result = CliRunner().invoke(main, ["--knowledge", str(BUNDLED), "--db", str(log[2]), "report"])
    assert result.exit_code == 0, result.output
    assert "reading the log" in result.stderr


def test_datasette_metadata_holds_the_report_queries(log: tuple[Engine, int, Path]) -> None:
    path = ROOT / "datasette" / "metadata.yaml"
    assert yaml.safe_load(path.read_text(encoding="utf-8")) == rep.datasette_metadata(), (
        "regenerate: python -c 'import bot.report as r; print(r.datasette_yaml(), end=\"\")' > datasette/metadata.yaml"
    )
    conn = log[0].storage.db.conn
    for name in rep.QUERIES:
        assert isinstance(rep.run(conn, name, rep.params(low_score=LOW_SCORE)), list), name


@pytest.mark.parametrize("backend", BACKENDS)
def test_purge_deletes_old_rows_only(backend: str, log: tuple[Engine, int, Path], tmp_path: Path) -> None:
    day = "2026-11-20"
    conn = sqlite3.connect(copy_db(log[0], tmp_path / "reference.db"))  # counted by SQLite's date arithmetic
    before = conn.execute("SELECT count(*) FROM turns WHERE date(ts, '+8 hours') < ?", [day]).fetchone()[0]
    total = conn.execute("SELECT count(*) FROM turns").fetchone()[0]
    kept = [r[0] for r in conn.execute("SELECT id FROM turns WHERE date(ts, '+8 hours') >= ? ORDER BY id", [day])]
    conn.close()
    assert 0 < before < total
    with log_copy(log[0], backend, tmp_path) as db:
        result = CliRunner().invoke(main, ["--db", str(db), "purge", "--before", day, "--yes"])
        assert result.exit_code == 0, result.output
        assert f"before {day}: {before} messages" in result.output
        engine = make_engine(db)
        try:
            assert [r["id"] for r in engine.storage.turns()] == kept
            with engine.storage.reading() as conn:
                orphans = "SELECT count(*) FROM feedback WHERE turn_id NOT IN (SELECT id FROM turns)"
                assert conn.execute(orphans).fetchone()[0] == 0
        finally:
            engine.storage.close()
    if backend == "sqlite":
        raw = Path(db).read_bytes()
        assert b"user-1" not in raw and b"13812345678" not in raw, "ids stay hashed, text stays masked"


# -- the HTML in a real browser ---------------------------------------------------------------------------
@pytest.fixture(scope="module")
def page(report: rep.Report, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    playwright = pytest.importorskip("playwright.sync_api")
    path = tmp_path_factory.mktemp("html") / "report.html"
    path.write_text(rep.render_html(report), encoding="utf-8")
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        tab = browser.new_page(viewport={"width": 1000, "height": 900})
        tab.seen = {"requests": [], "errors": [], "dialogs": []}
        tab.on("request", lambda r: tab.seen["requests"].append(r.url))
        tab.on("console", lambda m: tab.seen["errors"].append(m.text) if m.type == "error" else None)
        tab.on("pageerror", lambda e: tab.seen["errors"].append(str(e)))
        tab.on("dialog", lambda d: (tab.seen["dialogs"].append(d.message), d.dismiss()))
        tab.goto(path.as_uri())
        tab.wait_for_load_state("load")
        yield tab
        browser.close()


def _bars(page: Any, chart: str) -> list[dict[str, Any]]:
    return page.eval_on_selector_all(
        f'figure[data-chart="{chart}"] rect.bar, figure[data-chart="{chart}"] circle.point',
        """els => els.map(e => ({label: e.dataset.label, series: e.dataset.series, value: Number(e.dataset.value),
                                width: e.getBoundingClientRect().width, height: e.getBoundingClientRect().height}))""",
    )


def test_html_loads_offline_without_errors(page: Any) -> None:
    assert all(url.startswith("file://") for url in page.seen["requests"]), page.seen["requests"]
    assert page.seen["errors"] == []
    assert page.seen["dialogs"] == [], "user text is escaped, never run"
    assert page.get_by_text(XSS).count() >= 1


def test_html_chinese_is_readable(page: Any) -> None:
    """Chinese shows as characters, not as boxes: a CJK font is named in the CSS and installed (fonts-noto-cjk)."""
    for selector in ("h1", "h2", "table th", "figcaption", 'figure[data-chart="checklists"] .legend span'):
        assert missing_glyphs(page, selector) == [], f"{selector}: install fonts-noto-cjk"


def test_html_has_every_chart(page: Any) -> None:
    charts = page.eval_on_selector_all("figure.chart", "els => els.map(e => e.dataset.chart)")
    assert charts == [
        "per_day",
        "per_channel",
        "top_intents",
        "fallback_rate",
        "checklists",
        "feedback",
        "useless_answers",
    ]
    sizes = page.eval_on_selector_all("figure.chart svg", "els => els.map(e => e.getBoundingClientRect().width)")
    assert len(sizes) == len(charts) and min(sizes) > 300


def test_html_charts_show_the_numbers(page: Any, report: rep.Report) -> None:
    per_day = _bars(page, "per_day")
    assert len(per_day) == len(report.tables["per_day"])
    assert sum(b["value"] for b in per_day) == report.totals["messages"]
    assert all(b["height"] > 0 for b in per_day)
    top = _bars(page, "top_intents")
    assert [b["value"] for b in top] == [r["questions"] for r in report.tables["top_intents"][: rep.TOP]]
    widths = [b["width"] for b in top]
    assert widths == sorted(widths, reverse=True), "longer bar, more questions"
    points = _bars(page, "fallback_rate")
    expected = [r["fallback_rate"] for r in report.tables["fallback_by_day"] if r["fallback_rate"] is not None]
    assert [p["value"] for p in points] == expected
    checklist = _bars(page, "checklists")
    verdicts = sum(r["passed"] + r["failed"] + r["undecided"] for r in report.tables["checklists"])
    assert sum(b["value"] for b in checklist if b["series"] != "unfinished") == verdicts
    feedback = {b["label"]: b["value"] for b in _bars(page, "feedback")}
    assert sorted(feedback.values()) == sorted(report.tables["feedback"][0][k] for k in ("useful", "useless"))


def test_html_tables(page: Any, report: rep.Report) -> None:
    def cells(name: str) -> list[list[str]]:
        return page.eval_on_selector_all(
            f'table[data-table="{name}"] tbody tr', "rows => rows.map(r => [...r.cells].map(c => c.innerText))"
        )

    unanswered = cells("unanswered")
    assert len(unanswered) == min(rep.TOP, len(report.unanswered))
    assert [int(r[0]) for r in unanswered] == [g.count for g in report.unanswered[: rep.TOP]]
    assert "社保补贴" in unanswered[0][1]
    assert len(cells("checklists")) == len(report.tables["checklists"])
    assert len(cells("fallback_by_day")) == len(report.tables["fallback_by_day"])
    assert [int(r[0]) for r in cells("useless_answers")] == [
        r["useless"] for r in report.tables["useless_answers"][: rep.TOP]
    ]
    card = page.locator('[data-card="消息 messages"] b').inner_text()
    assert int(card) == report.totals["messages"]


def test_y_axis_ticks_are_round_numbers() -> None:
    assert charts.nice_ticks(35) == [0, 10, 20, 30, 40]
    assert charts.nice_ticks(100) == [0, 25, 50, 75, 100]
    assert charts.nice_ticks(7) == [0, 2, 4, 6, 8]
    assert charts.nice_ticks(3) == [0, 1, 2, 3], "counts are whole"
    assert charts.nice_ticks(1234) == [0, 500, 1000, 1500]


def test_html_axes_read_in_round_steps(page: Any, report: rep.Report) -> None:
    ticks = page.eval_on_selector_all(
        'figure[data-chart="per_day"] text.tick', "els => els.map(e => Number(e.textContent))"
    )
    highest = max(sum(r["messages"] for r in report.tables["per_day"] if r["day"] == d) for d in _days(report))
    step = ticks[1] - ticks[0]
    assert ticks[0] == 0 and ticks[-1] >= highest and len(ticks) <= 6
    assert all(b - a == step for a, b in itertools.pairwise(ticks)) and step in (1, 2, 5, 10, 20, 25, 50, 100)
    rates = page.eval_on_selector_all(
        'figure[data-chart="fallback_rate"] text.tick', "els => els.map(e => e.textContent)"
    )
    assert rates == ["0%", "25%", "50%", "75%", "100%"]


def _days(report: rep.Report) -> set[str]:
    return {r["day"] for r in report.tables["per_day"]}


def test_html_names_channels_in_chinese(page: Any, report: rep.Report) -> None:
    legend = page.locator('figure[data-chart="per_day"] .legend').inner_text()
    labels = page.eval_on_selector_all(
        'figure[data-chart="per_channel"] text.label',
        "els => els.map(e => [...e.querySelectorAll('tspan')].map(t => t.textContent).join(''))",
    )
    for channel in {r["channel"] for r in report.tables["per_channel"]}:
        assert charts.channel_label(channel) in legend and charts.channel_label(channel) in labels
    assert "微信公众号 wechat" in labels


def test_html_useless_has_one_colour(page: Any) -> None:
    fills = page.eval_on_selector_all(
        'figure[data-chart="feedback"] rect.bar, figure[data-chart="useless_answers"] rect.bar',
        "els => els.map(e => [e.closest('figure').dataset.chart, e.dataset.series, e.getAttribute('fill')])",
    )
    useless = {(chart, fill) for chart, series, fill in fills if series == "useless"}
    assert {chart for chart, _ in useless} == {"feedback", "useless_answers"}
    assert len({fill for _, fill in useless}) == 1
    useful = {fill for _, series, fill in fills if series == "useful"}
    assert len(useful) == 1 and useful != {fill for _, fill in useless}


def test_html_times_are_local_without_milliseconds(page: Any, report: rep.Report) -> None:
    import re

    stamp = re.compile(r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$")
    cells = page.eval_on_selector_all(
        'table[data-table="versions"] tbody tr', "rows => rows.map(r => [...r.cells].map(c => c.innerText))"
    )
    first = dt.datetime.fromisoformat(report.tables["versions"][0]["first_ts"]) + dt.timedelta(hours=8)
    assert cells[0][1] == first.strftime("%Y-%m-%d %H:%M:%S")
    assert all(stamp.match(c[1]) and stamp.match(c[2]) for c in cells)
    intro = page.locator("p.muted").first.inner_text()
    assert "UTC+8" in intro and not re.search(r"\d\.\d{3}|\+00:00|T\d{2}:", intro)


def test_html_long_intent_names_wrap_whole(page: Any, report: rep.Report) -> None:
    labels = page.eval_on_selector_all(
        'figure[data-chart="top_intents"] text.label',
        """els => els.map(e => ({lines: [...e.querySelectorAll('tspan')].map(t => t.textContent),
                                left: e.getBoundingClientRect().left}))""",
    )
    titles = [report.label(r["intent"]) for r in report.tables["top_intents"][: rep.TOP]]
    long = [(t, label) for t, label in zip(titles, labels, strict=True) if len(t) > charts.LABEL_CHARS]
    assert long, "the log asks about an intent with a long title"
    for title, label in long:
        assert "".join(label["lines"]) == title and "…" not in title, "wrapped, not cut"
        assert not any(line.startswith(("）", "、")) for line in label["lines"]), label
    assert any(len(label["lines"]) >= 2 for _, label in long)
    assert min(label["left"] for label in labels) >= 0, "no label runs off the page"


def test_one_day_is_a_figure_not_a_full_width_block(log: tuple[Engine, int, Path], report: rep.Report) -> None:
    day = max(_days(report))
    one = rep.build_report(log[0].storage.db.conn, since=dt.date.fromisoformat(day), until=dt.date.fromisoformat(day))
    html = rep.render_html(one)
    for chart in ("per_day", "fallback_rate"):
        start = html.index(f'data-chart="{chart}"')
        figure = html[start : html.index("</figure>", start)]
        assert "single" in html[html.rindex("<figure", 0, start) : start] and "<svg" not in figure, chart
    total = sum(r["messages"] for r in one.tables["per_day"])
    assert f'<b class="figure">{total}</b>' in html and day in html


def test_the_officers_guide_names_real_commands_and_options() -> None:
    import re

    guide = (ROOT / "docs" / "officers.md").read_text(encoding="utf-8")
    used = re.findall(r"policybot (\w[\w-]*)((?: [^`\n#]*)?)", guide)
    assert {name for name, _ in used} >= {"validate", "try", "review", "mine", "report", "purge", "kb"}
    for name, rest in used:
        command = main.commands.get(name)
        assert command is not None and command.help, name
        options = {o for p in command.params for o in getattr(p, "opts", [])}
        for option in re.findall(r"--[\w-]+", rest):
            assert option in options, f"policybot {name} {option}"


def test_the_officers_guide_says_how_to_run_commands_and_where_the_log_is(monkeypatch: pytest.MonkeyPatch) -> None:
    from platformdirs.macos import MacOS
    from platformdirs.unix import Unix

    guide = (ROOT / "docs" / "officers.md").read_text(encoding="utf-8")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert ".venv/bin/policybot validate" in guide and "source .venv/bin/activate" in guide
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    home = str(Path.home())
    for system, dirs in (("Linux", Unix("policybot")), ("macOS", MacOS("policybot"))):
        path = dirs.user_data_dir.replace(home, "~", 1) + "/policybot.db"
        assert f"| {system} | `{path}` |" in guide, system
    install = ".venv/bin/pip install -e '.[datasette]'"
    assert install in readme and install in guide, "Datasette is installed the same way in both"
    assert 'pip install "datasette' not in guide
