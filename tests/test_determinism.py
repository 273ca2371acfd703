"""Same question, same answer: replies do not depend on the process's hash seed (two workers answer alike)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.helpers import DATA, ROOT

SEEDS = ("1", "2", "5")
"""Hash seeds that gave different intents for the same message before matching broke ties by a stated rule."""
CONVERSATIONS = 12
"""How many conversations of the dialogue corpus each process plays through."""

SCRIPT = """
import json, sys, tempfile
from pathlib import Path
import yaml
from bot.evaluate_dialogues import load_scenarios, run
from bot.models import Inbound
from tests.helpers import make_engine

data, dialogues, limit = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
questions = []
for name in ("heldout.yaml", "questions/batch1.yaml"):
    questions += [str(row["text"]) for row in yaml.safe_load((data / name).read_text(encoding="utf-8"))]
with tempfile.TemporaryDirectory() as tmp:
    engine = make_engine(Path(tmp) / "d.db")
    out = []
    for n, text in enumerate(questions):
        reply = engine.respond(Inbound("cli", f"q{n}", text), log=False)
        out.append([reply.intent, round(reply.score, 2), reply.section, reply.act, reply.text])
    scenarios = load_scenarios(dialogues)[:limit]
    report = run(lambda inbound: engine.respond(inbound, log=False), scenarios)
    out += [[r.got, r.verdict_got, r.reply] for r in report.results]
print(json.dumps(out, ensure_ascii=False))
"""


def _answering(seed: str) -> subprocess.Popen[str]:
    """A process answering the questions and conversations under ``seed`` (the seeds run side by side)."""
    env = {**os.environ, "PYTHONHASHSEED": seed}
    dialogues = DATA / "dialogues" / "batch1_a.yaml"
    return subprocess.Popen(
        [sys.executable, "-c", SCRIPT, str(DATA), str(dialogues), str(CONVERSATIONS)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _answers(process: subprocess.Popen[str]) -> list[object]:
    out, err = process.communicate(timeout=300)
    assert process.returncode == 0, err
    return json.loads(out)  # type: ignore[no-any-return]


def test_every_reply_is_the_same_under_any_hash_seed() -> None:
    running = [_answering(seed) for seed in SEEDS]
    first, *others = [_answers(p) for p in running]
    assert len(first) > 1500
    for seed, other in zip(SEEDS[1:], others, strict=True):
        differ = [(a, b) for a, b in zip(first, other, strict=True) if a != b]
        assert not differ, f"PYTHONHASHSEED={seed} answered {len(differ)} messages differently: {differ[:3]}"


def test_the_matcher_names_its_tie_rule() -> None:
    source = (Path(ROOT) / "intents" / "match.py").read_text(encoding="utf-8")
    assert "most_common(" not in source, "Counter.most_common breaks ties by insertion order (hash order for sets)"
