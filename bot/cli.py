"""The ``policybot`` command: chat, ask, validate, kb, eval, try (and the servers of the channels)."""

from __future__ import annotations

import contextlib
import io
import json
import logging
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click

from bot.settings import Settings, unknown_names
from knowledge.loader import KnowledgeError

logger = logging.getLogger(__name__)


class Context:
    """Options shared by every command."""

    def __init__(self, knowledge: str | None, db: str | None, settings: Settings):
        self.knowledge_dir = knowledge
        self.db = db
        self.settings = settings

    def engine(self, db: str | None = None) -> Any:
        """Open the engine, turning knowledge and database errors into a clean CLI error."""
        import sqlite3

        from bot.engine import default_db, open_engine
        from bot.schema import SchemaError
        from bot.store import describe, is_url

        target = db or self.db or default_db()
        try:
            return open_engine(self.knowledge_dir, target, self.settings)
        except KnowledgeError as exc:
            raise click.ClickException(_problems(exc)) from None
        except SchemaError as exc:
            raise click.ClickException(f"cannot use the log database {describe(target)}: {exc}") from None
        except (OSError, sqlite3.Error) as exc:
            if is_url(target):
                raise click.ClickException(f"cannot open the log database {describe(target)}: {exc}") from None
            path = target
            raise click.ClickException(
                f"cannot open the log database {path}: {exc}. Give a writable file with --db PATH "
                "(or POLICYBOT_DB), or make its folder writable."
            ) from None

    @contextlib.contextmanager
    def scratch_engine(self) -> Iterator[Any]:
        """The engine on a throw-away database: an evaluation writes nothing to the real log."""
        with tempfile.TemporaryDirectory() as tmp:
            engine = self.engine(str(Path(tmp) / "eval.db"))
            try:
                yield engine
            finally:
                engine.storage.close()

    def knowledge(self) -> Any:
        """Load the knowledge only."""
        from knowledge.loader import load

        try:
            return load(self.knowledge_dir)
        except KnowledgeError as exc:
            raise click.ClickException(_problems(exc)) from None


def _problems(exc: KnowledgeError) -> str:
    lines = [f"the knowledge has {len(exc.problems)} problem(s):"]
    lines += [f"  {p}" for p in exc.problems]
    return "\n".join(lines)


def _lines(stream: Any) -> Iterator[str]:
    """Lines of a binary or text stream, decoding invalid UTF-8 with replacement characters."""
    raw = getattr(stream, "buffer", None)
    if raw is not None:
        stream = io.TextIOWrapper(raw, encoding="utf-8", errors="replace")
    for line in stream:
        yield line.rstrip("\r\n")


def _settings_help() -> str:
    return "\n".join(f"  {k} (default {v[0]!r}): {v[1]}" for k, v in Settings.help().items())


KNOWLEDGE_HELP = "Knowledge folder (default: the bundled knowledge/)."
DB_HELP = (
    "SQLite file for the log and dialogue state (default: in the user's data directory), or a "
    "postgresql:// URL shared by several hosts."
)


def _set_shared(ctx: click.Context, param: click.Parameter, value: str | None) -> None:
    """``--knowledge`` or ``--db`` given after the command's name: it overrides the one before."""
    obj = ctx.find_object(Context)
    if value is not None and obj is not None:
        setattr(obj, "knowledge_dir" if param.name == "knowledge" else "db", value)


class Commands(click.Group):
    """The ``policybot`` group: every command also takes ``--knowledge`` and ``--db`` after its name."""

    def add_command(self, cmd: click.Command, name: str | None = None) -> None:
        """Register ``cmd`` with the shared options appended."""
        cmd.params += [
            click.Option(
                ["--knowledge"],
                type=click.Path(file_okay=False),
                expose_value=False,
                callback=_set_shared,
                help=KNOWLEDGE_HELP,
            ),
            click.Option(
                ["--db"], type=click.Path(dir_okay=False), expose_value=False, callback=_set_shared, help=DB_HELP
            ),
        ]
        super().add_command(cmd, name)


@click.group(
    cls=Commands,
    epilog="Settings (environment variables POLICYBOT_<NAME>):\n\n" + _settings_help().replace("\n", "\n\n"),
)
@click.option("--knowledge", envvar="POLICYBOT_KNOWLEDGE", type=click.Path(file_okay=False), help=KNOWLEDGE_HELP)
@click.option("--db", envvar="POLICYBOT_DB", type=click.Path(dir_okay=False), help=DB_HELP)
@click.option("-v", "--verbose", count=True, help="Log more (-v info, -vv debug) to stderr.")
@click.pass_context
def main(ctx: click.Context, knowledge: str | None, db: str | None, verbose: int) -> None:
    """PolicyBot: answers enterprises' questions about Chongqing's industrial-innovation policy."""
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s", stream=sys.stderr)
    unknown = unknown_names()
    if unknown:
        raise click.ClickException("\n".join(unknown))
    try:
        settings = Settings.from_env()
    except (KeyError, ValueError) as exc:
        raise click.ClickException(str(exc)) from None
    ctx.obj = Context(knowledge, db, settings)


@main.command()
@click.option("--user", default="terminal", show_default=True, help="User id for the dialogue state.")
@click.pass_obj
def chat(obj: Context, user: str) -> None:
    """Chat in the terminal; piped input (one message per line) prints a transcript."""
    from bot.models import Inbound

    engine = obj.engine()
    interactive = sys.stdin.isatty()
    if interactive:
        greeting = engine.respond(Inbound("terminal", user, "你好"), log=False)
        click.echo(greeting.text + "\n")
    stream = _lines(sys.stdin)
    while True:
        if interactive:
            try:
                text = click.prompt("您", prompt_suffix="> ", default="", show_default=False)
            except (EOFError, click.Abort):
                click.echo()
                return
        else:
            try:
                text = next(stream)
            except StopIteration:
                return
            click.echo(f"您> {text}")
        reply = engine.respond(Inbound("terminal", user, text))
        click.echo(f"机器人> {reply.text}\n")


@main.command()
@click.argument("question", required=False)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
@click.option("--no-log", is_flag=True, help="Do not write the questions to the log.")
@click.pass_obj
def ask(obj: Context, question: str | None, as_json: bool, no_log: bool) -> None:
    """Answer QUESTION, or every line of standard input (stateless: each line is a new user)."""
    from bot.models import Inbound

    engine = obj.engine()
    questions = [question] if question is not None else _lines(sys.stdin)
    for n, text in enumerate(questions):
        reply = engine.respond(Inbound("cli", f"ask-{n}", text), log=not no_log)
        engine.storage.save_state(f"cli:{engine.storage.hash_user(engine.salt, 'cli', f'ask-{n}')}", {})
        if as_json:
            top = reply.candidates[:3]
            out = {
                "text": text,
                "intent": reply.intent,
                "act": reply.act,
                "score": round(reply.score, 1),
                "candidates": [c.as_dict() for c in top],
                "reply": reply.as_dict(),
            }
            click.echo(json.dumps(out, ensure_ascii=False))
        else:
            click.echo(reply.text + "\n")


@main.command()
@click.option("--notes", is_flag=True, help="Also list the notes (known, accepted behaviour; see below).")
@click.pass_obj
def validate(obj: Context, notes: bool) -> None:
    """Check every YAML file; each problem names file, line and field; exit 1 if any is an error.

    Besides the schema and cross-references it checks that every example is matched to its own intent, that
    answers fit the channels' length limits, and that criteria are used and sourced (warnings for minor issues).
    Notes record accepted behaviour: an example that, worded a little differently, makes the bot ask which of two
    topics was meant; a whole section or list of sources that WeChat shows as a summary with the menu.
    """
    from bot.checks import NOTE, format_problem, is_valid
    from bot.checks import validate as check_folder

    kn, problems = check_folder(obj.knowledge_dir, obj.settings)
    for p in problems:
        if notes or p.severity != NOTE:
            click.echo(format_problem(p), err=True)
    if kn is None or not is_valid(problems):
        raise SystemExit(1)
    warnings = sum(p.severity not in (NOTE, "error") for p in problems)
    noted = sum(p.severity == NOTE for p in problems)
    more = "" if notes or not noted else " (see them with --notes)"
    click.echo(
        f"ok: {len(kn.topics)} intents, {len(kn.criteria)} criteria, version {kn.version}; "
        f"{warnings} warning(s), {noted} note(s){more}"
    )


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_obj
def kb(obj: Context, as_json: bool) -> None:
    """List every intent with its id, title and example questions."""
    kn = obj.knowledge()
    rows = [
        {"id": t.id, "title": t.title, "kind": t.kind, "examples": t.examples, "file": kn.files.get(t.id)}
        for t in kn.topics.values()
    ]
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for row in rows:
        click.echo(f"{row['id']}  {row['title']}  ({len(row['examples'])} examples)")
        for ex in row["examples"][:3]:
            click.echo(f"    {ex}")


@main.command(name="try")
@click.argument("question")
@click.pass_obj
def try_(obj: Context, question: str) -> None:
    """Show how QUESTION is matched: normalised text, top candidates and the evidence for each."""
    from bot.engine import build_index

    kn = obj.knowledge()
    index = build_index(kn, obj.settings)
    candidates = index.match(question)
    decision = index.decide(candidates)
    click.echo(f"normalised: {index.prepare(question)}")
    for c in candidates:
        click.echo(f"  {c.score:6.1f}  {c.intent or '(out of scope)':24} {c.via}")
    click.echo(f"decision: {decision.intent or '-'} ({decision.reason})")


@main.command(name="eval")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--show-errors", is_flag=True, help="List every misrouted question.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@click.pass_obj
def eval_(obj: Context, file: str, show_errors: bool, as_json: bool) -> None:
    """Accuracy on a labelled YAML file (- text, intent: id|null, section): intents, parts asked, reply lengths."""
    from bot.evaluate import evaluate, format_report
    from bot.models import Inbound

    with obj.scratch_engine() as engine:
        report = evaluate(
            engine.index, Path(file), lambda text, n: engine.respond(Inbound("cli", f"eval-{n}", text), log=False)
        )
    if as_json:
        click.echo(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(format_report(report, show_errors))


@main.command(name="eval-dialogues")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the figures and every turn as JSON.")
@click.option("--failures", is_flag=True, help="List only the turns that failed.")
@click.pass_obj
def eval_dialogues(obj: Context, files: tuple[str, ...], as_json: bool, failures: bool) -> None:
    """Play the conversations of FILES (YAML), each as a fresh conversation on a scratch database, and score them."""
    from bot.evaluate_dialogues import format_report, load_scenarios, run

    scenarios = [s for f in files for s in load_scenarios(Path(f))]
    with obj.scratch_engine() as engine:
        report = run(lambda inbound: engine.respond(inbound, log=False), scenarios)
    if as_json:
        click.echo(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(format_report(report, failures_only=failures))


@main.command(name="reload")
@click.option(
    "--accept",
    is_flag=True,
    help="Confirm the knowledge now on disk although it drops content; every server process then serves it.",
)
@click.pass_obj
def reload_command(obj: Context, accept: bool) -> None:
    """Show the running server's last knowledge reload, and a reload it holds because the new files drop content.

    A server (every worker of `policybot serve`) reloads edited YAML by itself once the files have been quiet
    for POLICYBOT_RELOAD_SETTLE seconds. A version that drops a topic, a checklist, a calculator, a section or
    most of a topic's examples is held until staff run `policybot reload --accept` with the same --knowledge
    and --db as the server.
    """
    import sqlite3

    from bot import reload as live
    from bot.checks import ERROR, validate
    from bot.engine import default_db
    from bot.storage import Storage

    kn, problems = validate(obj.knowledge_dir, obj.settings)
    errors = [p for p in problems if p.severity == ERROR]
    path = obj.db or default_db()
    try:
        storage = Storage(path)
    except (OSError, sqlite3.Error) as exc:
        raise click.ClickException(f"cannot open the log database {path}: {exc} (give the server's --db)") from None
    try:
        status = live.last_reload_in(storage)
        held = (status or {}).get("held")
        if status is None:
            click.echo("no reload recorded in this database")
        else:
            click.echo(f"serving version {status['serving']} (as of {status['ts']})")
            for problem in status.get("problems") or []:
                click.echo(f"  {problem}")
        if held:
            click.echo(f"held: version {held['version']}, which drops:")
            for line in held["losses"]:
                click.echo(f"  {line}")
        if not accept:
            return
        if kn is None or errors:
            raise click.ClickException(
                "the knowledge on disk has errors, it cannot go live:\n" + "\n".join(f"  {p}" for p in errors)
            )
        if held and held["version"] != kn.version:
            click.echo(f"the files changed since: accepting what is on disk now, version {kn.version}")
        live.accept(storage, kn.version)
        click.echo(f"accepted version {kn.version}: the server serves it within {live.POLL_SECONDS:g} s")
    finally:
        storage.close()


def _register_staff_commands() -> None:
    """Staff tools (report, review, mine, purge) live in bot.staff."""
    try:
        from bot.staff import register
    except ImportError:  # pragma: no cover - during development only
        return
    register(main)


_register_staff_commands()

if __name__ == "__main__":  # pragma: no cover
    main()
