"""The ``policybot`` entry point: the core commands plus the channels' commands (serve, wechat-menu, telegram)."""

from __future__ import annotations

import contextlib
import json
import logging
import os
import socket
import sys
from typing import Any

import click

from bot.cli import Context, main
from bot.settings import register_names
from handlers.config import CONFIG_FILE_VAR, ConfigError, ServerConfig
from knowledge.loader import KnowledgeError

__all__ = ["listening_socket", "main", "run_workers", "worker_app"]

LOG_LEVEL_VAR = "POLICYBOT_LOG_LEVEL"
"""Passes the CLI's log level to uvicorn's worker processes."""
register_names([*ServerConfig.names(), CONFIG_FILE_VAR, LOG_LEVEL_VAR])


def _config() -> ServerConfig:
    try:
        return ServerConfig.load()
    except ConfigError as exc:
        raise click.ClickException(str(exc)) from None


def _config_help() -> str:
    return "\n\n".join(
        f"  {name} (default {default!r}): {text}" for name, (default, text) in ServerConfig.help().items()
    )


def worker_app() -> Any:
    """The app factory each uvicorn worker calls (configuration from the environment)."""
    from handlers.app import create_app

    level = os.environ.get(LOG_LEVEL_VAR, "WARNING")
    logging.basicConfig(
        level=level, format="%(asctime)s %(levelname)s %(process)d %(name)s: %(message)s", stream=sys.stderr
    )
    return create_app()


LIMITS: dict[str, Any] = {
    "timeout_keep_alive": 5,  # seconds an idle keep-alive connection is kept
    "h11_max_incomplete_event_size": 16 * 1024,  # bytes of request line and headers
    "limit_concurrency": 512,  # connections per worker before new ones get 503
}
"""uvicorn's limits for ``serve``; a request body must also arrive within ``wxbase.BODY_SECONDS`` (else 408)."""


@main.command(epilog="Configuration (environment variables, or a file named by POLICYBOT_CONFIG):\n\n" + _config_help())
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on.")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64), help="Worker processes.")
@click.option("--access-log/--no-access-log", default=False, show_default=True, help="Log every request.")
@click.pass_obj
def serve(obj: Context, host: str, port: int, workers: int, access_log: bool) -> None:
    """Run the server: /wechat, /wecom, /api/ask, /healthz and the chat page at / (uvicorn)."""
    import uvicorn

    from handlers.texts import load_texts

    config = _config()
    from handlers.telegram import webhook_config

    webhook_config()  # a malformed TELEGRAM_BOT_TOKEN or webhook setting stops here, naming the variable
    engine = obj.engine()  # fail now, with the knowledge's problems listed, not in every worker
    try:
        load_texts(engine.knowledge.root)
    except KnowledgeError as exc:
        engine.storage.close()
        raise click.ClickException("\n".join(str(p) for p in exc.problems)) from None
    for line in startup_lines(host, port, workers, config, engine):
        click.echo(line)
    level = logging.getLevelName(logging.getLogger().getEffectiveLevel())
    options: dict[str, Any] = dict(host=host, port=port, access_log=access_log, log_level=level.lower(), **LIMITS)
    if workers == 1:  # one process: serve the engine just opened
        from handlers.app import create_app

        try:
            uvicorn.run(create_app(engine, config), **options)
        finally:
            engine.storage.close()
        return
    engine.storage.close()
    from bot.store import is_url

    os.environ["POLICYBOT_DB"] = str(obj.db) if is_url(obj.db) else str(engine.storage.path)
    if obj.knowledge_dir:
        os.environ["POLICYBOT_KNOWLEDGE"] = str(obj.knowledge_dir)
    os.environ[LOG_LEVEL_VAR] = level
    run_workers("handlers.cli:worker_app", workers, factory=True, **options)


def startup_lines(host: str, port: int, workers: int, config: ServerConfig, engine: Any) -> list[str]:
    """What ``serve`` prints before it starts: where it listens, and each channel's state (or what is missing)."""
    from handlers.telegram import TOKEN_ENV, WEBHOOK_URL_ENV, webhook_config

    shown = f"[{host}]" if ":" in host else host
    base = f"http://{shown}:{port}" if port else f"http://{shown}:<a free port, named in the log below>"
    plural = "s" if workers > 1 else ""
    lines = [
        f"PolicyBot listening on {base}/ ({workers} worker{plural}); chat page at /, API at /api/ask, "
        "health at /healthz",
        f"  knowledge: {engine.knowledge.root} (version {engine.knowledge.version}); log: {engine.storage.path}",
    ]
    for channel, path in (("wechat", "/wechat"), ("wecom", "/wecom")):
        missing = config.missing(channel)
        mode = " (plaintext mode)" if channel == "wechat" and not config.wechat_aes_key else ""
        state = f"not configured, missing {', '.join(missing)}" if missing else f"configured{mode}"
        lines.append(f"  {channel:9}{base}{path}: {state}")
    hook = webhook_config()
    if hook is not None:
        lines.append(f"  telegram {base}{hook.path}: configured (webhook {hook.url})")
    else:
        unset = [name for name in (TOKEN_ENV, WEBHOOK_URL_ENV) if not os.environ.get(name, "").strip()]
        lines.append(f"  telegram not served here, missing {' and '.join(unset)} (or run `policybot telegram` to poll)")
    return lines


def listening_socket(host: str, port: int) -> socket.socket:
    """A bound TCP socket whose connections get TCP_NODELAY.

    uvicorn's own socket for ``--workers`` is created with protocol 0, so asyncio does not set TCP_NODELAY on
    the connections it accepts, and every reply (headers and body are two writes) waits about 40 ms for the
    client's delayed ACK. This one names IPPROTO_TCP.
    """
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    sock.bind((host, port))
    sock.set_inheritable(True)
    return sock


def run_workers(app: str, workers: int, host: str = "127.0.0.1", port: int = 8000, **options: Any) -> None:
    """``uvicorn.run`` with several worker processes (``app`` is an import string), on ``listening_socket``."""
    import uvicorn
    from uvicorn.supervisors import Multiprocess

    config = uvicorn.Config(app, host=host, port=port, workers=workers, **options)
    sock = listening_socket(host, port)
    logging.getLogger("uvicorn.error").info("Uvicorn running on http://%s:%d with %d workers", host, port, workers)
    with contextlib.suppress(KeyboardInterrupt):
        Multiprocess(config, sockets=[sock]).run()


@main.command("wechat-menu")
@click.option("--push", is_flag=True, help="Also create the menu through the API (needs AppID and AppSecret).")
@click.pass_obj
def wechat_menu(obj: Context, push: bool) -> None:
    """Print the official account's custom-menu JSON built from the knowledge (menu clicks ask the bot)."""
    from handlers.texts import load_texts
    from handlers.wechat import build_menu, push_menu

    config = _config() if push else None
    if config is not None and not (config.wechat_appid and config.wechat_secret):  # fail before printing anything
        raise click.ClickException("--push needs POLICYBOT_WECHAT_APPID and POLICYBOT_WECHAT_SECRET")
    kn = obj.knowledge()
    try:
        texts = load_texts(kn.root)
    except KnowledgeError as exc:
        raise click.ClickException("\n".join(str(p) for p in exc.problems)) from None
    menu = build_menu(kn, texts)
    click.echo(json.dumps(menu, ensure_ascii=False, indent=2))
    if config is None:
        return
    from requests import RequestException
    from wechatpy.exceptions import WeChatClientException

    try:
        push_menu(config, menu)
    except WeChatClientException as exc:
        raise click.ClickException(f"WeChat refused the menu: {exc.errcode} {exc.errmsg}") from None
    except RequestException as exc:
        raise click.ClickException(f"cannot reach {config.wechat_api_base}: {type(exc).__name__}") from None
    click.echo("menu pushed", err=True)


def _add_telegram() -> None:
    try:
        from handlers.telegram import API_BASE_ENV, SECRET_ENV, WEBHOOK_URL_ENV, telegram_command
    except ImportError:
        return
    register_names([WEBHOOK_URL_ENV, SECRET_ENV, API_BASE_ENV])
    main.add_command(telegram_command)


_add_telegram()

if __name__ == "__main__":  # pragma: no cover
    main()
