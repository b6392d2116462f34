"""What the QA checks cost, in CPU seconds (steadier than wall time on a shared machine), best of N runs:

    python benchmarks/qa_speed.py [--documents 300] [--runs 3] [--data ../shared/data]

- a serial no-MT `l10n run` over batch_throughput.py's generated corpus: the CPU spent in the checks against the
  whole run's (the run checks the Traditional catalog; with no MT the English one has nothing to check);
- `check_files`, the call behind `l10n check`, on the QA benchmark's English catalogs (newsdev2017's 2,002 news
  pairs, MAC-Dev's literary ones), each run in a fresh process so that no cache carries over.
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))


def run_cpu(corpus: Path, glossary: Path) -> tuple[float, float]:
    """(CPU seconds in check_catalog, CPU seconds of the whole command) for one serial no-MT run."""
    import l10n.qa as qa  # the pipeline imports check_catalog from here where it checks a document
    from typer.testing import CliRunner

    from l10n.cli import app

    spent = [0.0]
    check_catalog = qa.check_catalog

    def timed(*arguments, **keywords):
        start = time.process_time()
        try:
            return check_catalog(*arguments, **keywords)
        finally:
            spent[0] += time.process_time() - start

    qa.check_catalog = timed
    with tempfile.TemporaryDirectory() as out:
        start = time.process_time()
        result = CliRunner().invoke(app, ["run", str(corpus), "--out", out, "--cache", f"{out}/cache.sqlite3",
                                          "--glossary", str(glossary), "--mt", "none", "--jobs", "1", "--quiet"])
        total = time.process_time() - start
    if result.exit_code:
        raise SystemExit(f"l10n run failed: {result.output}")
    return spent[0], total


def check_cpu(catalog: Path) -> float:
    from l10n.glossary import Glossary
    from l10n.qa.catalogs import check_files
    from l10n.text.words import dictionary_words

    dictionary_words("载入")  # jieba's dictionary loads once per process, whatever is checked: not counted
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / catalog.name
        shutil.copyfile(catalog, copy)
        start = time.process_time()
        check_files([copy], Glossary([]))
        return time.process_time() - start


def _in_a_fresh_process(*arguments: str) -> list[float]:
    output = subprocess.run([sys.executable, __file__, "--one", *arguments], check=True, capture_output=True,
                            text=True).stdout
    return [float(value) for value in output.split()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=300)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--data", type=Path, default=HERE.parent.parent / "shared" / "data")
    parser.add_argument("--one", nargs="+", help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.one:  # one measurement, in this process
        kind, *paths = arguments.one
        values = run_cpu(Path(paths[0]), Path(paths[1])) if kind == "run" else (check_cpu(Path(paths[0])),)
        print(*values)
        return

    import batch_throughput
    from qa_eval import literary_pairs, news_pairs, write_catalog

    corpus = batch_throughput.build_corpus(arguments.documents)
    runs = [_in_a_fresh_process("run", str(corpus), str(batch_throughput.GLOSSARY)) for _ in range(arguments.runs)]
    qa, total = min(runs, key=lambda pair: pair[1])
    print(f"no-MT run, {arguments.documents} documents, --jobs 1: checks {min(r[0] for r in runs):.2f} s CPU; "
          f"the whole run {total:.2f} s CPU (best of {arguments.runs}; checks {qa:.2f} s in that run)")
    with tempfile.TemporaryDirectory() as folder:
        for name, pairs in (("news", news_pairs(arguments.data / "newsdev2017-zh-en")),
                            ("literary", literary_pairs(arguments.data / "mac-dev"))):
            catalog = Path(folder) / f"{name}.po"
            write_catalog(pairs, catalog)
            best = min(_in_a_fresh_process("check", str(catalog))[0] for _ in range(arguments.runs))
            print(f"check_files on the {name} catalog ({len(pairs)} English entries): {best:.2f} s CPU "
                  f"(best of {arguments.runs})")
    shutil.rmtree(batch_throughput.WORK, ignore_errors=True)


if __name__ == "__main__":
    main()
