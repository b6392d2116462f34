"""Batch runs over a generated archive, side by side in one run.

Run by hand: python benchmarks/batch_throughput.py [--documents 1000] [--rss 100,1000,10000] [--mt-documents 50]
[--only throughput|rss|mt] [--hant EDITIONS] (one part alone: the 10,000-document memory run takes several minutes
by itself; --hant is passed to every run: `--hant plain-s2twp` against the default `tw` is the cost of the
editions' layers over OpenCC alone)

The corpus is made up here (seeded): article-sized texts (about 3,000 characters: a title, a byline and
twenty-odd paragraphs) built from templates with names, places and figures drawn at random, so no two
articles share their sentences and no cache or dedup makes the work trivial. Nothing is copied from
anywhere. Every run is the real command (`python -m l10n run … --quiet`) in its own process, as an installed
package runs: the package's bytecode is compiled first (into the work folder: PYTHONDONTWRITEBYTECODE in the
environment would otherwise have every run compile every module it imports, and a checkout that happens to hold
`__pycache__` would not), and one warm-up run makes what a first run ever makes once (jieba's dictionary caches).

Prints:
- documents/s with --jobs 1, --jobs 2 and --cluster local (no MT), and the CPU seconds of the --jobs 1 run;
- the run without MT against raw `opencc.OpenCC(config).convert` over the same text (target ≤ 10×), in wall
  time and, steadier on a shared machine, in CPU time;
- peak RSS of a serial run at each --rss size (target: flat within 20 %);
- an unchanged re-run against the first run (target < 5 %), in wall and CPU time;
- the MT stage with the tiny test model (tests/tiny_argos.py) against raw CTranslate2 on the same
  sentences, in one process and on a local cluster of two workers.
"""
from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = Path(tempfile.mkdtemp(prefix="l10n-batch-bench-"))
PACKAGES = WORK / "argos-packages"
os.environ["ARGOS_PACKAGES_DIR"] = str(PACKAGES)  # read by Argos at import: set before it
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

CONFIG = "s2twp"
# The corpus's names, each with the English a desk's glossary would give it (the run enforces them, as it
# would a real glossary's, so glossary work is part of what is measured).
_CITY_NAMES = {"青州": "Qingzhou", "临江": "Linjiang", "北川": "Beichuan", "南屿": "Nanyu", "云岭": "Yunling",
               "白沙": "Baisha", "东湖": "Donghu", "西坪": "Xiping", "长宁": "Changning", "安平": "Anping",
               "清河": "Qinghe", "石门": "Shimen"}
_COMPANY_NAMES = {"华星科技": "Huaxing Technology", "蓝海集团": "Blue Sea Group", "远山能源": "Yuanshan Energy",
                  "启明医药": "Qiming Pharmaceutical", "恒信银行": "Hengxin Bank", "天穹航空": "Tianqiong Airlines",
                  "新禾农业": "Xinhe Agriculture", "金桥物流": "Golden Bridge Logistics",
                  "星河电子": "Xinghe Electronics", "卓越汽车": "Zhuoyue Motors", "青松材料": "Qingsong Materials",
                  "明德教育": "Mingde Education"}
_PEOPLE_NAMES = {"李明远": "Li Mingyuan", "王晓岚": "Wang Xiaolan", "陈志刚": "Chen Zhigang", "赵雨桐": "Zhao Yutong",
                 "周海涛": "Zhou Haitao", "吴佳宁": "Wu Jianing", "郑文博": "Zheng Wenbo", "孙丽华": "Sun Lihua",
                 "刘建国": "Liu Jianguo", "黄若溪": "Huang Ruoxi"}
_CITIES, _COMPANIES, _PEOPLE = list(_CITY_NAMES), list(_COMPANY_NAMES), list(_PEOPLE_NAMES)
_ROLES = ["董事长", "首席执行官", "副市长", "研究员", "分析师", "发言人", "总经理", "教授"]
_THINGS = ["电池工厂", "数据中心", "跨江大桥", "物流园区", "研发中心", "光伏电站", "地铁线路", "医院分院",
           "芯片产线", "港口码头", "农业基地", "人工智能实验室"]
_SENTENCES = [
    "{city}的{company}周{day}宣布，将在{year}年前投资{n}亿元建设{thing}。",
    "{person}表示，这一项目预计可以带动约{m}个就业岗位，并在{k}年内收回成本。",
    "据{city}统计局公布的数据，今年前{k}个月当地工业产值同比增长{p}%，高于全国平均水平。",
    "{company}{role}{person}在接受采访时说：“我们对第{k}季度的订单情况保持谨慎乐观。”",
    "分析人士认为，{thing}投产后，{city}的年产能将提高到{n}万吨，占全省的{p}%。",
    "{person}指出，过去{k}年里，{company}在{city}的研发投入累计超过{n}亿元。",
    "当天，{company}股价上涨{q}%，报收于每股{price}元，成交额达到{m}万元。",
    "{city}市政府在声明中称，将为{thing}提供{n}亩土地和为期{k}年的税收优惠。",
    "有居民担心，{thing}的建设可能给周边交通带来压力，希望有关部门提前做好规划。",
    "{role}{person}透露，{company}计划在{year}年把海外收入占比提高到{p}%。",
    "行业协会的报告显示，第{k}批试点项目中已有{m}个完成验收，总投资约{n}亿元。",
    "专家提醒，{thing}的运营成本仍然较高，每年约需{n}亿元维护费用。",
]


def _sentence(rng: random.Random) -> str:
    return rng.choice(_SENTENCES).format(
        city=rng.choice(_CITIES), company=rng.choice(_COMPANIES), person=rng.choice(_PEOPLE),
        role=rng.choice(_ROLES), thing=rng.choice(_THINGS), day=rng.choice("一二三四五"),
        year=rng.randint(2025, 2040), n=rng.randint(2, 9999), m=rng.randint(10, 99999), k=rng.randint(2, 12),
        p=round(rng.uniform(0.5, 60), 1), q=round(rng.uniform(0.1, 9.9), 2), price=round(rng.uniform(3, 300), 2))


def article(number: int) -> str:
    rng = random.Random(number)
    title = f"{rng.choice(_CITIES)}{rng.choice(_THINGS)}项目获批，{rng.choice(_COMPANIES)}第{number}次扩产"
    lines = [title, f"记者 {rng.choice(_PEOPLE)}"]
    while sum(map(len, lines)) < 3000:
        lines.append("".join(_sentence(rng) for _ in range(rng.randint(2, 4))))
    return "\n\n".join(lines) + "\n"


def build_corpus(count: int) -> Path:
    """count articles, a hundred per folder (feed/000/00042.txt …)."""
    folder = WORK / f"corpus-{count}"
    for number in range(count):
        path = folder / f"{number // 100:03d}" / f"{number:05d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(article(number), encoding="utf-8")
    return folder


def write_glossary() -> Path:
    """The corpus's names as a glossary."""
    path = WORK / "glossary.csv"
    rows = ["zh_Hans,en,en_short,zh_Hant,zh_TW,zh_HK,kind,en_forbidden,note"]
    rows += [f"{zh},{en},{en.split()[0]},,,,person,," for zh, en in _PEOPLE_NAMES.items()]
    rows += [f"{zh},{en},,,,,{kind},," for names, kind in ((_COMPANY_NAMES, "org"), (_CITY_NAMES, "term"))
             for zh, en in names.items()]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


GLOSSARY = write_glossary()


BYTECODE = WORK / "bytecode"
# Every run's environment: this checkout's code, its bytecode compiled once into the work folder.
RUN_ENVIRONMENT = {**{name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"},
                   "PYTHONPATH": str(ROOT), "PYTHONPYCACHEPREFIX": str(BYTECODE)}


def prepare_runs() -> None:
    """The package compiled to bytecode, and one warm-up run of one article: timed runs start as a user's do."""
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "l10n")], env=RUN_ENVIRONMENT, check=True,
                   stdout=subprocess.DEVNULL)
    warm_up = WORK / "warm-up"
    warm_up.mkdir()
    (warm_up / "article.txt").write_text(article(-1), encoding="utf-8")
    l10n_run(warm_up, WORK / "out-warm-up", "--mt", "none")


@dataclass(frozen=True)
class Run:
    seconds: float  # wall time of the command
    peak: int  # peak RSS (KiB) of the run's own process (not its workers)
    cpu: float  # user + system seconds of the run's own process: steadier than wall time on a shared machine
    stdout: str


def l10n_run(corpus: Path, out: Path, *options: str) -> Run:
    """One `l10n run` in its own process."""
    command = [sys.executable, "-m", "l10n", "run", str(corpus), "--out", str(out), "--quiet",
               "--cache", str(WORK / "cache.sqlite3"), "--glossary", str(GLOSSARY), *EDITIONS, *options]
    with tempfile.TemporaryFile("w+") as stdout, tempfile.TemporaryFile("w+") as stderr:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=stdout, stderr=stderr, cwd=WORK,
                                   env=RUN_ENVIRONMENT)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        stdout.seek(0)
        stderr.seek(0)
        if process.returncode != 0:
            raise SystemExit(f"l10n run failed ({process.returncode}): {stderr.read().strip()[-500:]}")
        return Run(seconds, usage.ru_maxrss, usage.ru_utime + usage.ru_stime, stdout.read())


def _stage(stdout: str, name: str) -> float:
    for line in stdout.splitlines():
        if line.strip().startswith(f"time: {name} "):
            return float(line.split()[-2])
    raise ValueError(f"no stage {name!r} in the summary")


PARTS = ("throughput", "rss", "mt")
EDITIONS: list[str] = []  # --hant's option for every run, when given


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--documents", type=int, default=1000, help="corpus for the throughput columns")
    parser.add_argument("--rss", default="100,1000,10000", help="corpus sizes for peak memory")
    parser.add_argument("--mt-documents", type=int, default=50, help="corpus for the MT comparison")
    parser.add_argument("--only", choices=PARTS, help="run this part alone")
    parser.add_argument("--hant", help="the editions every run writes (l10n run --hant); default: the run's default")
    args = parser.parse_args()
    if args.hant:
        EDITIONS[:] = ["--hant", args.hant]
    print(f"corpus: generated articles of ~3,000 characters, a glossary of their {len(GLOSSARY.read_text().splitlines()) - 1} "
          f"names; work folder {WORK}")
    parts = [args.only] if args.only else PARTS
    prepare_runs()
    if "throughput" in parts:
        throughput(args.documents)
    if "rss" in parts:
        peak_rss([int(size) for size in args.rss.split(",")])
    if "mt" in parts:
        mt_stage(args.mt_documents)


def _corpus(count: int) -> Path:
    """The generated corpus of count articles, built once per benchmark run."""
    folder = WORK / f"corpus-{count}"
    return folder if folder.exists() else build_corpus(count)


def _seconds(work, clock=time.perf_counter) -> float:
    start = clock()
    work()
    return clock() - start


def throughput(documents: int) -> None:
    """documents/s serial, with workers and on a local cluster; against raw OpenCC; an unchanged re-run."""
    import opencc

    corpus = _corpus(documents)
    texts = [path.read_text(encoding="utf-8") for path in sorted(corpus.rglob("*.txt"))]
    converter = opencc.OpenCC(f"{CONFIG}.json")
    def convert_all() -> None:
        for text in texts:
            converter.convert(text)

    raw_opencc = min(_seconds(convert_all) for _ in range(3))
    raw_opencc_cpu = min(_seconds(convert_all, time.process_time) for _ in range(3))

    rows = []
    first = None
    for label, options in [("--jobs 1", ["--jobs", "1"]), ("--jobs 2", ["--jobs", "2"]),
                           ("--cluster local (2 workers)", ["--cluster", "local", "--jobs", "2"])]:
        run = l10n_run(corpus, WORK / f"out-{label.split()[0]}-{label.split()[1]}", "--mt", "none", *options)
        rows.append((label, run.seconds))
        first = first or run
    first_seconds = first.seconds
    again = l10n_run(corpus, WORK / "out---jobs-1", "--mt", "none")
    rerun, rerun_stdout = again.seconds, again.stdout
    print(f"\nthroughput, {documents} documents, no MT (wall time of the whole command):")
    for label, seconds in rows:
        print(f"  {label:<28} {seconds:8.1f} s   {documents / seconds:7.2f} documents/s")
    print(f"  --jobs 1 CPU time (user + system of the run's process): {first.cpu:.1f} s")
    print(f"\nno-MT run against raw OpenCC {CONFIG} over the same text ({raw_opencc:.2f} s, the best of three; "
          f"target ≤ 10x):")
    for label, seconds in rows[:2]:
        print(f"  l10n run {label:<10} {seconds:6.1f} s: {seconds / raw_opencc:5.1f}x")
    print(f"  CPU time: l10n run --jobs 1 {first.cpu:.1f} s against raw OpenCC's {raw_opencc_cpu:.2f} s: "
          f"{first.cpu / raw_opencc_cpu:5.1f}x")
    print("\nunchanged re-run against the first run (--jobs 1):")
    skipped = [line for line in rerun_stdout.splitlines() if "skipped" in line]
    print(f"  first {first_seconds:.1f} s, re-run {rerun:.2f} s: {rerun / first_seconds:.1%} (target < 5 %); "
          f"{skipped[0].strip() if skipped else ''}")
    print(f"  CPU time: first {first.cpu:.1f} s, re-run {again.cpu:.2f} s: {again.cpu / first.cpu:.1%}")


def peak_rss(sizes: list[int]) -> None:
    """Peak RSS of a serial no-MT run at each corpus size: flat when documents stream."""
    print("\npeak RSS of a serial no-MT run:")
    peaks = []
    for size in sizes:
        run = l10n_run(_corpus(size), WORK / f"rss-{size}", "--mt", "none")
        seconds, peak = run.seconds, run.peak
        peaks.append(peak)
        print(f"  {size:>6} documents  {peak / 1024:7.1f} MiB  ({seconds:.0f} s)", flush=True)
    print(f"  spread {max(peaks) / min(peaks) - 1:.1%} (target: within 20 %)")


def mt_stage(count: int) -> None:
    """The pipeline's MT stage with the tiny model against raw CTranslate2 on the same sentences."""
    from tiny_argos import build_package

    from l10n.reading.ingest import read_article
    from l10n.reading.segment import segment_document
    from l10n.translate.argos import ArgosTranslator
    from l10n.translate.base import EngineOptions
    from l10n.translate.enforce import N_BEST
    from l10n.translate.models import install_file

    install_file(build_package(WORK / "tiny"))
    corpus = _corpus(count)
    sources = list(dict.fromkeys(segment.source for path in sorted(corpus.rglob("*.txt"))
                                 for segment in segment_document(read_article(path))))
    translator = ArgosTranslator.installed(EngineOptions())
    options = translator.options  # Argos's decoding options, as the translator uses them
    import ctranslate2

    engine = ctranslate2.Translator(str(translator.model_path), device="cpu", inter_threads=1,
                                    intra_threads=options.threads)
    tokenized = translator.tokenize(sources)
    start = time.perf_counter()
    engine.translate_batch(tokenized, replace_unknowns=True, max_batch_size=options.max_batch_size,
                           beam_size=max(options.beam_size, N_BEST), num_hypotheses=N_BEST,
                           length_penalty=options.length_penalty)
    raw = time.perf_counter() - start
    print(f"\nMT stage, tiny model, {count} documents, {len(sources)} distinct sentences, no cache:")
    print(f"  raw CTranslate2 translate_batch (tokenized already)  {raw:7.2f} s")
    for label, extra in [("pipeline, one process", ["--jobs", "1"]),
                         ("pipeline, local cluster of 2 (summed)", ["--cluster", "local", "--jobs", "2"])]:
        stdout = l10n_run(corpus, WORK / f"mt-{extra[1]}", "--mt", "argos", "--no-cache", "--force", *extra).stdout
        english = _stage(stdout, "English")
        print(f"  {label:<52} {english:7.2f} s  ({english / raw:.2f}x raw)")


if __name__ == "__main__":
    main()
