"""The core never imports a channel (STYLE.md): bot/, intents/ and knowledge/ stay channel-free."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FORBIDDEN = ("handlers", "wechatpy", "telegram", "starlette", "uvicorn")


@pytest.mark.parametrize(
    "path", sorted(p for d in ("bot", "intents", "knowledge") for p in (ROOT / d).rglob("*.py")), ids=str
)
def test_core_does_not_import_channels(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        names = (
            [a.name for a in node.names]
            if isinstance(node, ast.Import)
            else [node.module or ""]
            if isinstance(node, ast.ImportFrom)
            else []
        )
        for name in names:
            assert name.split(".")[0] not in FORBIDDEN, f"{path.name} imports {name}"
