"""Staff commands: ``report``, ``review``, ``mine`` and ``purge`` (the logic lives in report, review, charts)."""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
import sys
from pathlib import Path
from typing import Any

import click

logger = logging.getLogger(__name__)

PROGRESS_MIN_ROWS = 50_000
"""Show a progress bar when the log holds at least this many rows."""
DATE = click.DateTime(formats=["%Y-%m-%d"])


def _day(value: dt.datetime | None) -> dt.date | None:
    return value.date() if value else None


def _db_path(obj: Any) -> Path:
    from bot.engine import default_db

    path = Path(obj.db) if obj.db else default_db()
    if not path.exists():
        raise click.ClickException(f"no log database at {path} (set --db or POLICYBOT_DB)")
    return path


def _connect(obj: Any) -> sqlite3.Connection:
    conn = sqlite3.connect(str(_db_path(obj)), timeout=30)
    conn.execute("PRAGMA busy_timeout = 30000")
    return conn


def _knowledge(obj: Any) -> Any:
    """The knowledge, or None when it does not load (the report still works without titles)."""
    from knowledge.loader import KnowledgeError, load

    try:
        return load(obj.knowledge_dir)
    except KnowledgeError as exc:
        click.echo(
            f"warning: the knowledge does not load ({len(exc.problems)} problems); "
            "intent titles and verdicts are left out",
            err=True,
        )
        return None


def _low_score(obj: Any) -> float:
    from bot.report import LOW_CONFIDENCE_MARGIN

    return float(obj.settings.min_score + LOW_CONFIDENCE_MARGIN)


def _guesser(index: Any, limit: int) -> Any:
    def guesses(text: str) -> list[tuple[str, float]]:
        return [(c.intent, c.score) for c in index.match(text) if c.intent][:limit]

    return guesses


@click.command()
@click.option("--since", type=DATE, help="First day included (YYYY-MM-DD, Chongqing time).")
@click.option("--until", type=DATE, help="Last day included (YYYY-MM-DD, Chongqing time).")
@click.option("--html", "html_path", type=click.Path(dir_okay=False), help="Also write a self-contained HTML report.")
@click.option("--top", default=10, show_default=True, help="Rows per table in the terminal.")
@click.pass_obj
def report(obj: Any, since: dt.datetime | None, until: dt.datetime | None, html_path: str | None, top: int) -> None:
    """What enterprises asked: volumes, top intents, fallback rate, unanswered groups, checklists, feedback."""
    from bot import report as rep
    from bot.engine import build_index

    kn = _knowledge(obj)
    conn = _connect(obj)
    verdicts = titles = prepare = None
    if kn is not None:
        m = kn.messages
        verdicts = {"pass": m.verdict_pass, "fail": m.verdict_fail, "unknown": m.verdict_unknown}
        titles = {tid: t.title for tid, t in kn.topics.items()}
        prepare = build_index(kn, obj.settings).prepare
    args = dict(
        since=_day(since),
        until=_day(until),
        low_score=_low_score(obj),
        verdicts=verdicts,
        titles=titles,
        prepare=prepare,
    )
    if rep.count_turns(conn) >= PROGRESS_MIN_ROWS:
        with click.progressbar(length=len(rep.STEPS), label="reading the log", file=sys.stderr) as bar:
            result = rep.build_report(conn, **args, step=lambda _name: bar.update(1))  # type: ignore[arg-type]
    else:
        result = rep.build_report(conn, **args)  # type: ignore[arg-type]
    conn.close()
    click.echo(rep.render_text(result, top))
    if html_path:
        Path(html_path).write_text(rep.render_html(result), encoding="utf-8")
        click.echo(f"\nwrote {html_path}")


@click.command()
@click.option("--since", type=DATE, help="First day included (YYYY-MM-DD).")
@click.option("--until", type=DATE, help="Last day included (YYYY-MM-DD).")
@click.option(
    "--apply",
    "draft",
    type=click.Path(exists=True, dir_okay=False),
    help="Instead of asking, write the groups of a draft from `policybot mine` whose intent is filled in.",
)
@click.pass_obj
def review(obj: Any, since: dt.datetime | None, until: dt.datetime | None, draft: str | None) -> None:
    """Walk through unanswered, low-confidence and 没用 questions; file each group as an example of an intent."""
    from bot import review as rev

    engine = obj.engine()
    kn = engine.knowledge
    conn = engine.storage.db.conn
    groups = rev.inbox(conn, _low_score(obj), _day(since), _day(until), prepare=engine.index.prepare)
    if draft:
        for line in rev.apply_draft(Path(draft), kn.root, conn, groups, obj.settings):
            click.echo(line)
        return
    if not groups:
        click.echo("nothing to review")
        return
    click.echo(f"{len(groups)} groups to review, most frequent first (knowledge: {kn.root})")
    titles = {tid: t.title for tid, t in kn.topics.items()}
    guesses = _guesser(engine.index, rev.GUESSES)
    result = rev.walk(groups, kn.root, conn, guesses, titles, click.prompt, click.echo, obj.settings)
    click.echo(
        f"\nadded {result.added} example(s), {result.out_of_scope} out of scope, {result.confirmed} already "
        f"examples, skipped {result.skipped}"
    )
    if result.added or result.out_of_scope:
        click.echo("check with `policybot validate`; a running server reloads the change by itself")


@click.command()
@click.option("--out", "out", required=True, type=click.Path(dir_okay=False), help="The YAML draft to write.")
@click.option("--since", type=DATE, help="First day included (YYYY-MM-DD).")
@click.option("--until", type=DATE, help="Last day included (YYYY-MM-DD).")
@click.pass_obj
def mine(obj: Any, out: str, since: dt.datetime | None, until: dt.datetime | None) -> None:
    """Write the review inbox as a YAML draft (fill in intent:, then `policybot review --apply FILE`)."""
    from bot import review as rev

    engine = obj.engine()
    conn = engine.storage.db.conn
    groups = rev.inbox(conn, _low_score(obj), _day(since), _day(until), prepare=engine.index.prepare)
    rev.write_draft(Path(out), rev.draft(groups, _guesser(engine.index, rev.GUESSES)))
    click.echo(f"wrote {len(groups)} groups to {out}")


@click.command()
@click.option("--before", required=True, type=DATE, help="Delete rows of days before this one (YYYY-MM-DD).")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@click.pass_obj
def purge(obj: Any, before: dt.datetime, yes: bool) -> None:
    """Delete log rows, feedback and idle dialogue state from before DATE, then compact the file."""
    from bot.report import LOCAL_HOURS, LOCAL_OFFSET

    conn = _connect(obj)
    day = before.date().isoformat()
    where = f"date(ts, '{LOCAL_OFFSET}') < ?"
    turns = conn.execute(f"SELECT count(*) FROM turns WHERE {where}", [day]).fetchone()[0]
    feedback = conn.execute(
        f"SELECT count(*) FROM feedback WHERE {where} OR turn_id IN (SELECT id FROM turns WHERE {where})", [day, day]
    ).fetchone()[0]
    cutoff = (dt.datetime.combine(before.date(), dt.time(), dt.UTC) - dt.timedelta(hours=LOCAL_HOURS)).timestamp()
    states = conn.execute("SELECT count(*) FROM state WHERE updated < ?", [cutoff]).fetchone()[0]
    click.echo(f"before {day}: {turns} messages, {feedback} feedback rows, {states} dialogue states")
    if not (turns or feedback or states):
        return
    if not yes:
        click.confirm("delete them?", abort=True)
    with conn:
        conn.execute(
            f"DELETE FROM feedback WHERE {where} OR turn_id IN (SELECT id FROM turns WHERE {where})", [day, day]
        )
        conn.execute(f"DELETE FROM turns WHERE {where}", [day])
        conn.execute("DELETE FROM state WHERE updated < ?", [cutoff])
        if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'review_done'").fetchone():
            conn.execute(f"DELETE FROM review_done WHERE {where}", [day])
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("VACUUM")
    conn.close()
    click.echo("deleted")


def register(main: click.Group) -> None:
    """Add the staff commands to the ``policybot`` group."""
    for command in (report, review, mine, purge):
        main.add_command(command)
