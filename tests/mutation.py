"""``make mutate``: mutation testing (mutmut) of the code that carries the promises, and its score.

Runs ``mutmut run`` on the functions in ``SCOPE`` (two children: the machine is shared), then prints each
promise's score and, as the last line, ``mutation score: N% (killed K of T)``. A mutant that survives is a
one-line bug no test notices; those judged equivalent (no behaviour can tell them apart) are listed, with why,
in ``docs/testing.md`` and left out of T. ``python tests/mutation.py --score`` prints the score of the last run
without running anything; ``--only PATTERN`` runs a part, ``--again`` the mutants that were not killed last time
(the score always covers the whole scope).
"""

from __future__ import annotations

import argparse
import fnmatch
import json
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MUTMUT = Path(sys.executable).parent / "mutmut"
DOC = ROOT / "docs" / "testing.md"
CHILDREN = 2
"""Parallel mutmut children: the machine has two cores, shared."""

SCOPE: dict[str, list[str]] = {
    "answer parsing (bot/answers.py)": [
        "bot.answers.x_parse_answer__mutmut_*",
        "bot.answers.x_number_value__mutmut_*",
        "bot.answers.x_convert__mutmut_*",
        "bot.answers.x_parse_yes_no__mutmut_*",
        "bot.answers.x__parse_choice__mutmut_*",
    ],
    "checklist verdicts (bot/checklist.py)": [
        "bot.checklist.x_test__mutmut_*",
        "bot.checklist.x_status__mutmut_*",
        "bot.checklist.x_statuses__mutmut_*",
        "bot.checklist.x_verdict__mutmut_*",
    ],
    "masking, salt, idle state (bot/storage.py)": [
        "bot.storage.x_mask__mutmut_*",
        "bot.storage.xǁStorageǁsalt__mutmut_*",
        "bot.storage.xǁStorageǁload_state__mutmut_*",
    ],
    "dedupe (bot/dedupe.py)": [
        "bot.dedupe.xǁDedupeǁknown__mutmut_*",
        "bot.dedupe.xǁDedupeǁ_check_nonce__mutmut_*",
        "bot.dedupe.xǁDedupeǁ_claim_in__mutmut_*",
    ],
    "signature and replay checks (handlers/)": [
        "handlers.wechat.xǁWeChatChannelǁ_check_plain__mutmut_*",
        "handlers.wechat.xǁWeChatChannelǁopen__mutmut_*",
        "handlers.wxbase.xǁWxChannelǁ_check_timestamp__mutmut_*",
    ],
    "reload (bot/reload.py)": [
        "bot.reload.x_reload_once__mutmut_*",
        "bot.reload.x__record__mutmut_*",
        "bot.reload.x_last_reload__mutmut_*",
    ],
    "the report's figures (bot/report.py)": [
        "bot.report.x_params__mutmut_*",
        "bot.report.x_render_text__mutmut_*",
        "bot.report.x__pct__mutmut_*",
    ],
    "settings (bot/settings.py)": [
        "bot.settings.xǁSettingsǁreplace__mutmut_*",
        "bot.settings.xǁSettingsǁfrom_env__mutmut_*",
        "bot.settings.xǁSettingsǁhelp__mutmut_*",
    ],
}
"""Promise → mutmut mutant-name patterns of the functions that keep it."""

KILLED = {1, 3, 36, 37, -24, 24, 152, 255}
"""mutmut exit codes of a detected mutant: a test failed, pytest broke, it timed out or mypy refused it."""
EQUIVALENT = re.compile(r"^- `([^`]+__mutmut_\d+)`", re.MULTILINE)


def equivalent() -> set[str]:
    """Mutant names that ``docs/testing.md`` lists as equivalent."""
    return set(EQUIVALENT.findall(DOC.read_text(encoding="utf-8"))) if DOC.exists() else set()


def results() -> dict[str, int | None]:
    """Every mutant's exit code from the last runs (None: not run yet)."""
    out: dict[str, int | None] = {}
    for meta in (ROOT / "mutants").rglob("*.py.meta"):
        out.update(json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"])
    return out


def in_scope(name: str, patterns: list[str]) -> bool:
    return any(fnmatch.fnmatchcase(name, p) for p in patterns)


def score(verbose: bool = False) -> tuple[int, int]:
    """Print each promise's score and the survivors; the total (killed, counted)."""
    codes, skip = results(), equivalent()
    killed_all = counted_all = 0
    for promise, patterns in SCOPE.items():
        names = sorted(n for n in codes if in_scope(n, patterns))
        counted = [n for n in names if n not in skip]
        killed = [n for n in counted if codes[n] in KILLED]
        survivors = [n for n in counted if codes[n] not in KILLED]
        pct = 100.0 * len(killed) / len(counted) if counted else 0.0
        left, unrun = len(names) - len(counted), sum(codes[n] is None for n in counted)
        note = f"{left} equivalent left out" + (f", {unrun} not run yet" if unrun else "")
        print(f"{pct:5.1f}%  killed {len(killed):4} of {len(counted):4}  ({note})  {promise}")
        if verbose:
            for name in survivors:
                print(f"         survived ({codes[name]}): {name}")
        killed_all += len(killed)
        counted_all += len(counted)
    return killed_all, counted_all


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--score", action="store_true", help="only print the score of the last run")
    parser.add_argument("--only", nargs="*", help="mutant-name patterns to run instead of the whole scope")
    parser.add_argument("--again", action="store_true", help="run only the mutants not killed last time")
    parser.add_argument("-v", "--verbose", action="store_true", help="list the surviving mutants")
    args = parser.parse_args()
    started = time.monotonic()
    if not args.score:
        patterns = args.only or [p for ps in SCOPE.values() for p in ps]
        if args.again:
            codes, skip, every = results(), equivalent(), [p for ps in SCOPE.values() for p in ps]
            patterns = sorted(n for n, c in codes.items() if c not in KILLED and n not in skip and in_scope(n, every))
        run = subprocess.run([str(MUTMUT), "run", "--max-children", str(CHILDREN), *patterns], cwd=ROOT)
        if run.returncode:
            print(f"mutmut run failed (exit {run.returncode})")
            return run.returncode
        print(f"mutmut took {(time.monotonic() - started) / 60:.1f} minutes")
    killed, counted = score(args.verbose)
    pct = 100.0 * killed / counted if counted else 0.0
    print(f"mutation score: {pct:.0f}% (killed {killed} of {counted})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
