"""Matching approaches side by side (issue 12): the same labelled files, judged as `policybot eval` judges them.

Run: `python benchmarks/approaches.py [FILE…]` (default: tests/data/questions/batch*.yaml and heldout.yaml).
Each approach is the whole engine's first reply with one matcher:

- `matcher`: aliases and examples (rapidfuzz) with the decision's thresholds, no classifier (`classifier=0`);
- `classifier alone`: the character n-gram classifier trained on the YAML examples picks every intent (or out of
  scope) by itself;
- `+ settle ties`: the matcher, with the classifier settling ties only (no rescue of low scores);
- `+ settle, rescue ≥ 3`: and rescuing a score below min_score when the classifier's lead is 3 or more;
- `+ settle, rescue ≥ 5`: the same with a lead of 5 (the default settings).

The classifier is trained only from the knowledge's examples (and out-of-scope examples), never from these files.
"""

from __future__ import annotations

import math
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.engine import Engine  # noqa: E402
from bot.evaluate import Report, evaluate  # noqa: E402
from bot.models import Inbound  # noqa: E402
from bot.settings import Settings  # noqa: E402
from bot.storage import Storage  # noqa: E402
from intents.match import OUT_OF_SCOPE, Candidate, Index  # noqa: E402
from knowledge.loader import load  # noqa: E402

FILES = [*sorted((ROOT / "tests/data/questions").glob("batch*.yaml")), ROOT / "tests/data/heldout.yaml"]
APPROACHES: dict[str, dict[str, float]] = {
    "matcher": {"classifier": 0},
    "classifier alone": {"classifier": 1},
    "+ settle ties": {"vote_rescue_margin": math.inf},
    "+ settle, rescue ≥ 3": {"vote_rescue_margin": 3.0},
    "+ settle, rescue ≥ 5": {},
}


def classifier_alone(index: Index) -> None:
    """Make ``index`` answer with the classifier's first choice only (a score of 100, the rest 0)."""
    classifier = index.classifier
    assert classifier is not None

    def match(text: str, limit: int, exact: bool) -> list[Candidate]:
        ranked = sorted(classifier.scores(index.prepare(text)).items(), key=lambda p: (-p[1], p[0]))[:limit]
        return [
            Candidate(None if label == OUT_OF_SCOPE else label, 100.0 if k == 0 else 0.0, "ngram")
            for k, (label, _) in enumerate(ranked)
        ]

    index._match = match  # type: ignore[method-assign]


def measure(name: str, values: dict[str, float], path: Path) -> Report:
    """One approach on one file, on a scratch database."""
    kn = load()
    with tempfile.TemporaryDirectory() as tmp:
        storage = Storage(Path(tmp) / "eval.db")
        engine = Engine(kn, storage, Settings().replace(values))
        if name == "classifier alone":
            classifier_alone(engine.index)
        try:
            return evaluate(
                engine.index, path, lambda text, n: engine.respond(Inbound("cli", f"eval-{n}", text), log=False)
            )
        finally:
            storage.close()


def main(files: list[Path]) -> None:
    print("in-scope right intent / out of scope rejected / in-scope false fallback, per file")
    print(f"{'approach':24} " + " ".join(f"{f.stem:>20}" for f in files))
    for name, values in APPROACHES.items():
        cells = []
        for path in files:
            r = measure(name, values, path)
            cells.append(f"{r.accuracy:.1%}/{r.oos_recall:.1%}/{r.fallback_rate:.1%}")
        print(f"{name:24} " + " ".join(f"{c:>20}" for c in cells), flush=True)


if __name__ == "__main__":
    main([Path(a) for a in sys.argv[1:]] or FILES)
