"""The server's configuration: one table of ``POLICYBOT_*`` names, read from the environment or one file."""

from __future__ import annotations

import base64
import binascii
import dataclasses
import os
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

import yaml

PREFIX = "POLICYBOT_"
CONFIG_FILE_VAR = "POLICYBOT_CONFIG"
AES_KEY_LENGTH = 43
"""An EncodingAESKey is 43 base64 characters (32 bytes once decoded)."""


def option(default: Any, help: str) -> Any:
    """Declare a configuration name with its default and help text."""
    return field(default=default, metadata={"help": help})


class ConfigError(Exception):
    """The configuration file cannot be used; the message lists every problem."""


@dataclass(frozen=True)
class ServerConfig:
    """Channel credentials and server limits. Environment variables ``POLICYBOT_<NAME>`` override the file."""

    wechat_token: str = option("", "Official account (公众号): Token from 服务器配置")
    wechat_aes_key: str = option("", "Official account: EncodingAESKey; empty means plaintext mode")
    wechat_appid: str = option("", "Official account: AppID (required with an AES key)")
    wechat_secret: str = option("", "Official account: AppSecret (customer-service messages, menu push)")
    wechat_api_base: str = option("https://api.weixin.qq.com/cgi-bin/", "Base URL of the official account API")
    wecom_token: str = option("", "WeCom (企业微信) app: Token from 接收消息")
    wecom_aes_key: str = option("", "WeCom app: EncodingAESKey")
    wecom_corpid: str = option("", "WeCom: CorpID (企业ID)")
    wecom_agentid: str = option("", "WeCom app: AgentId (customer-service fallback)")
    wecom_secret: str = option("", "WeCom app: Secret (customer-service fallback)")
    wecom_api_base: str = option("https://qyapi.weixin.qq.com/cgi-bin/", "Base URL of the WeCom API")
    reply_budget: float = option(4.0, "Seconds a passive reply may take; a later answer is sent as a message")
    timestamp_window: int = option(300, "Reject requests whose timestamp is further off (seconds; 0: no check)")
    reload: int = option(1, "Watch the knowledge folder and swap in edits that validate (0: off)")
    reload_settle: float = option(5.0, "Seconds the knowledge files must stay unchanged before a reload loads them")
    checkpoint_seconds: float = option(60.0, "Seconds between WAL checkpoints that truncate the write-ahead log")

    @classmethod
    def names(cls) -> list[str]:
        """Every name as it is written in the environment or the file."""
        return [PREFIX + f.name.upper() for f in fields(cls)]

    @classmethod
    def help(cls) -> dict[str, tuple[Any, str]]:
        """Name → (default, help), for ``--help`` and the README."""
        return {PREFIX + f.name.upper(): (f.default, f.metadata["help"]) for f in fields(cls)}

    @classmethod
    def load(cls, environ: Mapping[str, str] | None = None) -> ServerConfig:
        """The file named by ``POLICYBOT_CONFIG`` (if any), then the environment on top.

        Raises:
            ConfigError: the file is unreadable, has unknown names, or a value has the wrong type.
        """
        env = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        if env.get(CONFIG_FILE_VAR):
            values.update(read_file(Path(env[CONFIG_FILE_VAR])))
        values.update({name: env[name] for name in cls.names() if name in env})
        return cls.from_values(values)

    @classmethod
    def from_values(cls, values: Mapping[str, Any]) -> ServerConfig:
        """Build from ``POLICYBOT_*`` names; unknown names and bad types are errors."""
        unknown = sorted(set(values) - set(cls.names()))
        problems = [f"unknown name {n} (known: {', '.join(cls.names())})" for n in unknown]
        typed: dict[str, Any] = {}
        for f in fields(cls):
            name = PREFIX + f.name.upper()
            kind: Any = type(f.default)
            if name in values and values[name] is not None:
                try:
                    typed[f.name] = kind(values[name])
                except (TypeError, ValueError):
                    problems.append(f"{name}: expected {kind.__name__}, got {values[name]!r}")
        if problems:
            raise ConfigError("; ".join(problems))
        return dataclasses.replace(cls(), **typed)

    def missing(self, channel: str) -> list[str]:
        """What keeps ``channel`` ("wechat" or "wecom") from working: missing or invalid names."""
        return _REQUIREMENTS[channel](self)


def read_file(path: Path) -> dict[str, Any]:
    """A YAML mapping or ``NAME=value`` lines using the same names as the environment."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read ({exc.strerror})") from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError:
        data = None
    if isinstance(data, dict):
        return {str(k): v for k, v in data.items()}
    values: dict[str, Any] = {}
    for number, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        name, sep, value = line.removeprefix("export ").partition("=")
        if not sep:
            raise ConfigError(f"{path}:{number}: expected NAME=value")
        values[name.strip()] = value.strip().strip("'\"")
    return values


def valid_aes_key(key: str) -> bool:
    """Whether ``key`` looks like an EncodingAESKey (43 base64 characters, 32 bytes)."""
    if len(key) != AES_KEY_LENGTH:
        return False
    try:
        return len(base64.b64decode(key + "=", validate=True)) == 32
    except (binascii.Error, ValueError):
        return False


def _wechat_missing(c: ServerConfig) -> list[str]:
    out = [] if c.wechat_token else ["POLICYBOT_WECHAT_TOKEN"]
    if c.wechat_aes_key and not valid_aes_key(c.wechat_aes_key):
        out.append("POLICYBOT_WECHAT_AES_KEY (must be 43 base64 characters)")
    if c.wechat_aes_key and not c.wechat_appid:
        out.append("POLICYBOT_WECHAT_APPID (required with an AES key)")
    return out


def _wecom_missing(c: ServerConfig) -> list[str]:
    out = [
        name
        for name, value in (("POLICYBOT_WECOM_TOKEN", c.wecom_token), ("POLICYBOT_WECOM_CORPID", c.wecom_corpid))
        if not value
    ]
    if not c.wecom_aes_key:
        out.append("POLICYBOT_WECOM_AES_KEY")
    elif not valid_aes_key(c.wecom_aes_key):
        out.append("POLICYBOT_WECOM_AES_KEY (must be 43 base64 characters)")
    if c.wecom_agentid and not c.wecom_agentid.isdigit():
        out.append("POLICYBOT_WECOM_AGENTID (must be a number)")
    return out


_REQUIREMENTS = {"wechat": _wechat_missing, "wecom": _wecom_missing}
