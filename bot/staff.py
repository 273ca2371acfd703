"""Staff commands: ``report``, ``review``, ``mine`` and ``purge`` (the logic lives in report, review, charts)."""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click

logger = logging.getLogger(__name__)

PROGRESS_MIN_ROWS = 50_000
"""Show a progress bar when the log holds at least this many rows."""
DATE = click.DateTime(formats=["%Y-%m-%d"])


def _day(value: dt.datetime | None) -> dt.date | None:
    return value.date() if value else None


def _db_path(obj: Any) -> Path | str:
    """The log database: an existing SQLite file, or a PostgreSQL URL."""
    from bot.engine import default_db
    from bot.store import is_url

    if is_url(obj.db):
        return str(obj.db)
    path = Path(obj.db) if obj.db else default_db()
    if not path.exists():
        raise click.ClickException(f"no log database at {path} (set --db or POLICYBOT_DB)")
    return path


@contextlib.contextmanager
def _report_connection(obj: Any, since: dt.date | None, until: dt.date | None) -> Iterator[sqlite3.Connection]:
    """The report's SQLite connection (PostgreSQL: a copy of the period), or a clean CLI error."""
    from bot.store import describe, report_connection

    target = _db_path(obj)
    try:
        conn = report_connection(target, since, until)
    except OSError as exc:
        raise click.ClickException(f"cannot read the log database {describe(target)}: {exc}") from None
    try:
        yield conn
    finally:
        conn.close()


@contextlib.contextmanager
def _review_connections(engine: Any, since: dt.date | None, until: dt.date | None) -> Iterator[tuple[Any, Any]]:
    """(read, write): the connection the inbox is read from, and the one reviewed questions are marked on."""
    storage = engine.storage
    if storage.dialect == "sqlite":
        yield storage.db.conn, storage.db.conn
        return
    snapshot = storage.snapshot(since, until)
    try:
        with storage.reading() as conn:  # autocommit: each question marked is kept at once
            yield snapshot, conn
    finally:
        snapshot.close()


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
    with _report_connection(obj, _day(since), _day(until)) as conn:
        if rep.count_turns(conn) >= PROGRESS_MIN_ROWS:
            with click.progressbar(length=len(rep.STEPS), label="reading the log", file=sys.stderr) as bar:
                result = rep.build_report(conn, **args, step=lambda _name: bar.update(1))  # type: ignore[arg-type]
        else:
            result = rep.build_report(conn, **args)  # type: ignore[arg-type]
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
    engine = obj.engine()
    with _review_connections(engine, _day(since), _day(until)) as (read, write):
        _review(obj, engine, read, write, since, until, draft)


def _review(obj: Any, engine: Any, read: Any, conn: Any, since: Any, until: Any, draft: str | None) -> None:
    from bot import review as rev

    kn = engine.knowledge
    groups = rev.inbox(read, _low_score(obj), _day(since), _day(until), prepare=engine.index.prepare)
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
    with _review_connections(engine, _day(since), _day(until)) as (read, _):
        groups = rev.inbox(read, _low_score(obj), _day(since), _day(until), prepare=engine.index.prepare)
    rev.write_draft(Path(out), rev.draft(groups, _guesser(engine.index, rev.GUESSES)))
    click.echo(f"wrote {len(groups)} groups to {out}")


@click.command()
@click.option("--before", required=True, type=DATE, help="Delete rows of days before this one (YYYY-MM-DD).")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@click.pass_obj
def purge(obj: Any, before: dt.datetime, yes: bool) -> None:
    """Delete log rows, feedback and idle dialogue state from before DATE, then compact the file."""
    from bot.report import LOCAL_HOURS, LOCAL_OFFSET
    from bot.store import describe, is_url, open_storage

    target = _db_path(obj)
    day = before.date().isoformat()
    cutoff = (dt.datetime.combine(before.date(), dt.time(), dt.UTC) - dt.timedelta(hours=LOCAL_HOURS)).timestamp()
    if is_url(target):  # the same days, as PostgreSQL writes them; the database compacts itself (autovacuum)
        try:
            storage = open_storage(target)
        except OSError as exc:
            raise click.ClickException(f"cannot open the log database {describe(target)}: {exc}") from None
        try:
            with storage.reading() as conn:
                where = "ts::timestamptz < to_timestamp(?)"
                _purge(conn, where, cutoff, cutoff, yes, storage.transaction, day, reviewed=True)
        finally:
            storage.close()
        return
    conn = sqlite3.connect(str(target), timeout=30)
    conn.execute("PRAGMA busy_timeout = 30000")
    reviewed = bool(conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'review_done'").fetchone())
    if _purge(conn, f"date(ts, '{LOCAL_OFFSET}') < ?", day, cutoff, yes, lambda: conn, day, reviewed):
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("VACUUM")
    conn.close()


def _purge(
    conn: Any, where: str, bound: Any, cutoff: float, yes: bool, transaction: Any, day: str, reviewed: bool
) -> bool:
    """Count, confirm and delete the rows before ``bound`` (``where`` compares ``ts`` with it); True if deleted."""
    turns = conn.execute(f"SELECT count(*) FROM turns WHERE {where}", [bound]).fetchone()[0]
    feedback = conn.execute(
        f"SELECT count(*) FROM feedback WHERE {where} OR turn_id IN (SELECT id FROM turns WHERE {where})",
        [bound, bound],
    ).fetchone()[0]
    states = conn.execute("SELECT count(*) FROM state WHERE updated < ?", [cutoff]).fetchone()[0]
    click.echo(f"before {day}: {turns} messages, {feedback} feedback rows, {states} dialogue states")
    if not (turns or feedback or states):
        return False
    if not yes:
        click.confirm("delete them?", abort=True)
    with transaction() as writer:
        writer.execute(
            f"DELETE FROM feedback WHERE {where} OR turn_id IN (SELECT id FROM turns WHERE {where})", [bound, bound]
        )
        writer.execute(f"DELETE FROM turns WHERE {where}", [bound])
        writer.execute("DELETE FROM state WHERE updated < ?", [cutoff])
        if reviewed:  # a log that was never reviewed may not have the table
            writer.execute(f"DELETE FROM review_done WHERE {where}", [bound])
    click.echo("deleted")
    return True


@click.command()
@click.option("--to", "url", required=True, help="The PostgreSQL database to fill (postgresql://user:…@host/db).")
@click.pass_obj
def migrate(obj: Any, url: str) -> None:
    """Copy the SQLite log (--db) into an empty PostgreSQL database: log, feedback, dialogue state, reviews, salt."""
    from bot.store import describe, is_url

    if not is_url(url):
        raise click.ClickException("--to must be a postgresql:// URL")
    source = _db_path(obj)
    if is_url(source):
        raise click.ClickException("--db must name the SQLite file to copy from")
    try:
        from bot.pgstore import MigrateError, PgStorage
        from bot.pgstore import migrate as copy_log
        from bot.storage import Storage

        src, target = Storage(source), PgStorage(url)
    except (ImportError, OSError, sqlite3.Error) as exc:
        raise click.ClickException(f"cannot open {source} and {describe(url)}: {exc}") from None
    try:
        counts = copy_log(src, target)
    except MigrateError as exc:
        raise click.ClickException(str(exc)) from None
    finally:
        src.close()
        target.close()
    copied = ", ".join(f"{n} {table}" for table, n in counts.items())
    click.echo(f"copied {copied} from {source} to {describe(url)}")


def register(main: click.Group) -> None:
    """Add the staff commands to the ``policybot`` group."""
    for command in (report, review, mine, purge, migrate):
        main.add_command(command)
