"""A long fuzz run over the readers of untrusted files, with a report: cases tried and time per target.

Run by hand: python benchmarks/fuzz_readers.py [--cases 100000] [--targets "html text,po file"] [--seed N]

The targets, their inputs and what counts as surviving are the fuzz tests' own (tests/test_fuzz.py, TARGETS):
the article readers (HTML, Markdown, plain text, from text and from the file's bytes through charset
detection), the Word reader (.docx files built from WordprocessingML pieces, cut short or missing a part), the
catalog reader and `l10n import tmx`; an input passes when reading it ends in a result or in
our one-line error (L10nError). The suite tries 150 fixed cases per target; this run tries --cases random ones,
from --seed (printed, so a run can be repeated). A failure is shrunk by hypothesis to a small input, which is
printed with its error. Cases counts every input tried, shrinking included. Exit status 1 when any target failed.
"""
from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]


def main() -> int:
    from hypothesis import HealthCheck, Phase, given, seed, settings

    from test_fuzz import TARGETS

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=100_000, help="cases per target")
    parser.add_argument("--targets", default=",".join(TARGETS), help="comma-separated, from: " + ", ".join(TARGETS))
    parser.add_argument("--seed", type=int, default=None, help="random seed (default: a new one, printed)")
    arguments = parser.parse_args()
    run_seed = random.randrange(2**32) if arguments.seed is None else arguments.seed
    long_run = settings(max_examples=arguments.cases, deadline=None, database=None,
                        phases=[Phase.generate, Phase.shrink], suppress_health_check=list(HealthCheck))
    print(f"seed {run_seed}; up to {arguments.cases:,} cases per target; code: {ROOT}")
    print(f"{'target':13} {'cases':>9} {'seconds':>8} {'cases/s':>8}  outcome", flush=True)
    failed = 0
    for name in arguments.targets.split(","):
        inputs, survives = TARGETS[name]
        cases = [0]
        counted = _counting(survives, cases)
        started = time.perf_counter()
        failure = None
        try:
            seed(run_seed)(long_run(given(inputs)(counted)))()
        except Exception as error:  # the shrunk failing input's error: reported, and the run goes on
            failed += 1
            failure = error
        seconds = time.perf_counter() - started
        outcome = f"FAILED: {type(failure).__name__}: {failure}" if failure else "no traceback"
        print(f"{name:13} {cases[0]:9,} {seconds:8.0f} {cases[0] / seconds:8.0f}  {outcome}", flush=True)
        for note in getattr(failure, "__notes__", []):  # hypothesis's falsifying example
            print(f"    {note}", flush=True)
    print(f"{failed} target(s) failed" if failed else "no target failed")
    return 1 if failed else 0


def _counting(survives, cases: list[int]):
    def counted(value) -> None:
        cases[0] += 1
        survives(value)
    return counted


if __name__ == "__main__":
    sys.exit(main())
