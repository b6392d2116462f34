"""Growth of time and peak memory with the size of hostile inputs: both must grow linearly.

Run by hand: python benchmarks/growth.py [--sizes 1,4,16] [--shapes one-line,identical-lines,...]
[--formats text,html,markdown] [--repeat 1] [--timeout 900] [--memory-cap 12] [--default-limits] [--code DIR]

Every input is made up here: a shape (one line, identical lines, deep nesting, many tiny blocks, one
paragraph hard-wrapped over many lines) in a format (plain text, HTML, Markdown), at each size in MB. Each is
localized by the command's own entry point (`l10n run FILE --mt none --quiet`) in a process of its own,
which first runs the same command on a one-sentence article, so imports, OpenCC and the glossary are loaded,
then resets the kernel's peak-RSS mark (/proc/self/clear_refs) and measures the document alone: CPU time
(user + system; unlike wall time, it hardly moves when the machine is shared) and peak RSS above what the
process held before it. A run that passes --timeout seconds or --memory-cap GB of address space is stopped
and shown as such.

Target: each 4× of input costs at most 5× the CPU time and 5× the memory (linear growth, with slack for
noise). The document limits (--max-blocks, docs/hostile-input.md) are raised so that the work itself is
measured; --default-limits keeps them and shows which shapes a default run refuses, in one line each.
--code measures another checkout: a before/after comparison, back to back.
"""
from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MB = 1024 * 1024
TARGET_RATIO = 5.0
SENTENCE = "微软宣布新的人工智能计划，投资规模达到一百亿元。"
SHORT_LINE = "今天天气很好。"  # shorter than hard-wrapped text: each line stays its own paragraph
WRAPPED_LINE = "微软宣布新的人工智能计划，投资规模达到一百亿元，并且第"  # no sentence end: the next line goes on
HTML_DEPTH = 200  # lxml's HTML parser stops at 255 levels (docs/hostile-input.md)


def _repeat(unit: str, size: int, head: str = "", tail: str = "") -> str:
    """head + unit repeated until the UTF-8 text is about `size` bytes + tail."""
    count = max(1, (size - len((head + tail).encode())) // len(unit.encode()))
    return head + unit * count + tail


def _wrapped(size: int, head: str, tail: str) -> str:
    """head + lines of the same width, numbered (identical lines would be repeated chrome), none ending a
    sentence, until about `size` bytes + tail: one paragraph hard-wrapped over all of them."""
    count = max(1, (size - len((head + tail).encode())) // len(f"{WRAPPED_LINE}0000000\n".encode()))
    return head + "".join(f"{WRAPPED_LINE}{number:07d}\n" for number in range(count)) + tail


def _nested(opening: str, inner: str, closing: str, size: int, head: str = "", tail: str = "") -> str:
    depth = max(1, (size - len((head + inner + tail).encode())) // len((opening + closing).encode()))
    return head + opening * depth + inner + closing * depth + tail


_HTML_HEAD, _HTML_TAIL = "<!DOCTYPE html><html><head><title>标题</title></head><body>", "</body></html>\n"

# shape → format → size in bytes → text
SHAPES: dict[str, dict[str, Callable[[int], str]]] = {
    "one-line": {
        "text": lambda size: _repeat(SENTENCE, size, tail="\n"),
        "html": lambda size: _repeat(SENTENCE, size, _HTML_HEAD + "<p>", "</p>" + _HTML_TAIL),
        "markdown": lambda size: _repeat(SENTENCE, size, "# 标题\n\n", "\n"),
    },
    "identical-lines": {
        "text": lambda size: _repeat(SHORT_LINE + "\n", size),
        "html": lambda size: _repeat(f"<p>{SENTENCE}</p>\n", size, _HTML_HEAD, _HTML_TAIL),
        "markdown": lambda size: _repeat(SENTENCE + "\n\n", size, "# 标题\n\n"),
    },
    "deep-nesting": {
        "text": lambda size: _nested("（“", SENTENCE, "”）", size, tail="\n"),
        "html": lambda size: _repeat("<div>" * HTML_DEPTH + f"<p>{SENTENCE}</p>" + "</div>" * HTML_DEPTH, size,
                                     _HTML_HEAD, _HTML_TAIL),
        "markdown": lambda size: _nested("*", SENTENCE, "*", size, "# 标题\n\n", "\n"),
    },
    "tiny-blocks": {
        "text": lambda size: _repeat("字。\n\n", size, SENTENCE + "\n\n"),
        "html": lambda size: _repeat("<p>x</p>", size, _HTML_HEAD + f"<p>{SENTENCE}</p>", _HTML_TAIL),
        "markdown": lambda size: _repeat("- x\n", size, f"# 标题\n\n{SENTENCE}\n\n"),
    },
    "wrapped-lines": {
        "text": lambda size: _wrapped(size, "标题\n\n", SENTENCE + "\n"),
        "html": lambda size: _wrapped(size, _HTML_HEAD + "<p>", SENTENCE + "</p>" + _HTML_TAIL),
        "markdown": lambda size: _wrapped(size, "# 标题\n\n", SENTENCE + "\n"),
    },
}
EXTENSIONS = {"text": ".txt", "html": ".html", "markdown": ".md"}


# Runs in the measured process: the warm-up run, then the document's, measured (see the module's docstring).
_DRIVER = """
import re, resource, sys
from l10n.cli import app
report, warm, *command = sys.argv[1:]
def kernel(key):
    return int(re.search(key + r":\\s+(\\d+)", open("/proc/self/status").read()).group(1)) * 1024
def cpu():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime
app(["run", warm, "--out", warm + ".out", "--mt", "none", "--quiet"], standalone_mode=False)
open("/proc/self/clear_refs", "w").write("5")
held, started = kernel("VmRSS"), cpu()
code = app(command, standalone_mode=False) or 0
open(report, "w").write(f"{code} {cpu() - started} {kernel('VmHWM') - held}")
"""


def measure(path: Path, work: Path, code: Path, arguments: list[str], timeout: float,
            memory_cap: int) -> tuple[str, float, int]:
    """(outcome, CPU seconds, peak RSS in bytes above what the warmed-up process held) of one `l10n run` on
    path; outcome is "ok", "timeout", the error line the run printed, or how the process ended."""
    out, report, warm = work / "out", work / "report", work / "warm.txt"
    shutil.rmtree(out, ignore_errors=True)
    shutil.rmtree(work / "warm.txt.out", ignore_errors=True)
    report.unlink(missing_ok=True)
    warm.write_text(SENTENCE + "\n", encoding="utf-8")
    command = [sys.executable, "-c", _DRIVER, str(report), str(warm), "run", str(path), "--out", str(out),
               "--mt", "none", "--quiet", "--force", *arguments]

    def capped() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (memory_cap, memory_cap))

    with open(work / "stderr", "wb") as errors:
        process = subprocess.Popen(command, cwd=work, env={**os.environ, "PYTHONPATH": str(code)},
                                   stdout=subprocess.DEVNULL, stderr=errors, preexec_fn=capped)
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
            return "timeout", 0.0, 0
    if not report.exists():
        lines = (work / "stderr").read_text(errors="replace").splitlines()
        return (lines[-1] if lines else f"ended with status {process.returncode}"), 0.0, 0
    status, seconds, peak = report.read_text().split()
    if status != "0":
        lines = [line for line in (work / "stderr").read_text(errors="replace").splitlines()
                 if line.startswith("error:")]
        return (lines[-1].replace(str(path), path.name) if lines else f"exit {status}"), 0.0, 0
    return "ok", float(seconds), int(peak)


def growth(values: list[float]) -> list[float]:
    """Each size's figure over the figure of the size before it."""
    return [later / earlier if earlier > 0 else float("inf") for earlier, later in zip(values, values[1:])]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,4,16", help="input sizes in MB, comma-separated, each 4× the last")
    parser.add_argument("--shapes", default=",".join(SHAPES))
    parser.add_argument("--formats", default=",".join(EXTENSIONS))
    parser.add_argument("--repeat", type=int, default=1, help="runs per input; the best is shown")
    parser.add_argument("--timeout", type=float, default=900.0, help="seconds before a run is stopped")
    parser.add_argument("--memory-cap", type=float, default=12.0, help="GB of address space per run")
    parser.add_argument("--default-limits", action="store_true", help="keep the default document limits")
    parser.add_argument("--code", type=Path, default=ROOT, help="the checkout to measure (default: this one)")
    arguments = parser.parse_args()
    sizes = [float(size) for size in arguments.sizes.split(",")]
    cap = int(arguments.memory_cap * 1024 * MB)
    limits = [] if arguments.default_limits else ["--max-blocks", str(10**9)]
    work = Path(tempfile.mkdtemp(prefix="l10n-growth-"))
    try:
        print(f"code: {arguments.code}; limits: {'default' if arguments.default_limits else ' '.join(limits)}; "
              f"best of {arguments.repeat}; stopped past {arguments.timeout:g} s or {arguments.memory_cap:g} GB")
        size_columns = " ".join(f"{f'{size:g} MB':>7}" for size in sizes)
        print(f"{'':26} {'CPU seconds':^{len(size_columns)}} {'growth':>7}  {'peak RSS, MB':^{len(size_columns)}} "
              f"{'growth':>7}")  # peak RSS: above what the warmed-up process held
        print(f"{'format':9} {'shape':16} {size_columns} {'per 4×':>7}  {size_columns} {'per 4×':>7}  verdict")
        failed = 0
        for shape in arguments.shapes.split(","):
            for page_format in arguments.formats.split(","):
                times: list[float] = []
                memories: list[float] = []
                outcome = "ok"
                for size in sizes:
                    path = work / f"{shape}{EXTENSIONS[page_format]}"
                    path.write_text(SHAPES[shape][page_format](int(size * MB)), encoding="utf-8")
                    runs = [measure(path, work, arguments.code, limits, arguments.timeout, cap)
                            for _ in range(arguments.repeat)]
                    path.unlink()
                    done = [run for run in runs if run[0] == "ok"]
                    if not done:
                        outcome = f"{size:g} MB: {runs[0][0]}"
                        break
                    times.append(min(run[1] for run in done))
                    memories.append(min(run[2] for run in done) / MB)
                time_growth, memory_growth = growth(times), growth(memories)
                if outcome != "ok":
                    verdict = outcome
                elif not time_growth:
                    verdict = "-"  # one size: nothing to compare
                else:
                    verdict = "linear" if max(time_growth + memory_growth) <= TARGET_RATIO else "NOT LINEAR"
                failed += verdict != "linear"
                print(f"{page_format:9} {shape:16} {_cells(times, len(sizes), '.2f')} {_steps(time_growth)}  "
                      f"{_cells(memories, len(sizes), '.0f')} {_steps(memory_growth)}  {verdict}", flush=True)
        print(f"{failed} of the cases not linear or not finished" if failed else "every case grows linearly")
        return 1 if failed else 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _cells(values: list[float], count: int, form: str) -> str:
    return " ".join([f"{value:7{form}}" for value in values] + [f"{'-':>7}"] * (count - len(values)))


def _steps(values: list[float]) -> str:
    return f"{' '.join(f'{value:.1f}' for value in values) or '-':>7}"


if __name__ == "__main__":
    sys.exit(main())
