"""Matching latency and throughput on the bundled knowledge and on 10× / 100× synthetic ones; cold start of `ask`.

Run: `make bench` (or `python benchmarks/run.py`). Prints a table; targets (issue 12): p99 about 0.3 ms bundled,
≤ 5 ms at 100×, cold start ≤ 1 s. On a busy machine p99 mostly measures the scheduler: run it twice.
"""

from __future__ import annotations

import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.engine import build_index  # noqa: E402
from bot.evaluate_dialogues import load_scenarios, run  # noqa: E402
from bot.settings import Settings  # noqa: E402
from intents.match import OUT_OF_SCOPE, Index  # noqa: E402
from knowledge.loader import load  # noqa: E402

QUERIES = [row["text"] for row in yaml.safe_load((ROOT / "tests/data/heldout.yaml").read_text(encoding="utf-8"))]
POOL = (
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自"
    "二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变"
    "条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指"
    "几九区强放决西被干做必战先回则任取据处理世车"
)


def synthetic(kn, factor: int, seed: int = 7) -> Index:  # type: ignore[no-untyped-def]
    """A knowledge base `factor` times larger: every intent copied with mutated examples and aliases."""
    rng = random.Random(seed)

    def mutate(text: str) -> str:
        chars = list(text)
        for _ in range(max(1, len(chars) // 5)):
            chars[rng.randrange(len(chars))] = rng.choice(POOL)
        return "".join(chars)

    aliases, examples = {}, {}
    for tid, topic in kn.topics.items():
        for k in range(factor):
            key = tid if k == 0 else f"{tid}_{k}"
            aliases[key] = list(topic.aliases) if k == 0 else [mutate(a) + rng.choice(POOL) for a in topic.aliases]
            examples[key] = list(topic.examples) if k == 0 else [mutate(e) for e in topic.examples]
    examples[OUT_OF_SCOPE] = list(kn.out_of_scope) * 1
    vocab = kn.messages.vocabulary
    return Index(aliases, examples, vocab.fillers, vocab.synonyms)


def latency(index: Index, rounds: int = 3) -> tuple[float, float, float, int]:
    """p50 ms, p99 ms, questions/s, examples indexed."""
    timings = []
    for _ in range(rounds):
        for q in QUERIES:
            start = time.perf_counter()
            index.decide(index.match(q, remember=False))
            timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    p50 = statistics.median(timings)
    p99 = timings[int(len(timings) * 0.99) - 1]
    qps = len(timings) / (sum(timings) / 1000)
    return p50, p99, qps, len(index.examples)


def cold_start() -> tuple[float, float]:
    """Seconds from process start to the first `ask` answer: median of 3 runs, and the worst."""
    runs = []
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "POLICYBOT_DB": str(Path(tmp) / "bench.db")}
        for _ in range(3):
            start = time.perf_counter()
            subprocess.run(
                [sys.executable, "-m", "bot.cli", "ask", "专精特新要什么条件", "--json"],
                cwd=ROOT,
                env=env,
                check=True,
                capture_output=True,
            )
            runs.append(time.perf_counter() - start)
    return statistics.median(runs), max(runs)


def dialogue_turns() -> tuple[int, float, float]:
    """Turns played, p50 ms and p99 ms per turn of the whole engine (state, dialogue, SQLite) on the dialogue corpus."""
    from bot.engine import Engine
    from bot.storage import Storage

    scenarios = [s for f in sorted((ROOT / "tests/data/dialogues").glob("*.yaml")) for s in load_scenarios(f)]
    with tempfile.TemporaryDirectory() as tmp:
        engine = Engine(load(), Storage(Path(tmp) / "bench.db"), Settings())
        run(lambda inbound: engine.respond(inbound, log=True), scenarios, "warm")
        timings = sorted(r.ms for r in run(lambda inbound: engine.respond(inbound, log=True), scenarios).results)
    return len(timings), statistics.median(timings), timings[int(len(timings) * 0.99) - 1]


def masking() -> list[tuple[int, float]]:
    """Milliseconds to mask texts of 4 KiB to 64 KiB (the log masks every message; target ≤ 10 ms at 64 KiB)."""
    from bot.storage import mask

    rows = []
    for size in (4096, 16384, 65536):
        text = ("专精特新营收3000万 联系13812345678 " * size)[:size]
        start = time.perf_counter()
        mask(text)
        rows.append((size, (time.perf_counter() - start) * 1000))
    return rows


def main() -> None:
    kn = load()
    rows = []
    start = time.perf_counter()
    bundled = build_index(kn, Settings())
    rows.append(("bundled", time.perf_counter() - start, *latency(bundled)))
    for factor in (10, 100):
        start = time.perf_counter()
        index = synthetic(kn, factor)
        rows.append((f"{factor}x synthetic", time.perf_counter() - start, *latency(index, rounds=1)))
    print(f"matching ({len(QUERIES)} held-out questions per round)")
    print(f"{'knowledge':16} {'examples':>9} {'build s':>8} {'p50 ms':>8} {'p99 ms':>8} {'q/s':>9}")
    for name, build, p50, p99, qps, n in rows:
        print(f"{name:16} {n:9d} {build:8.2f} {p50:8.3f} {p99:8.3f} {qps:9.0f}")
    turns, p50, p99 = dialogue_turns()
    print()
    print(f"whole turns on the dialogue corpus ({turns} turns, logged to SQLite): p50 {p50:.2f} ms, p99 {p99:.2f} ms")
    print("masking personal data: " + ", ".join(f"{size // 1024} KiB {ms:.1f} ms" for size, ms in masking()))
    median, worst = cold_start()
    print()
    print(f"cold start of `policybot ask` to the first answer: median {median:.2f} s, worst {worst:.2f} s (target 1 s)")


if __name__ == "__main__":
    main()
