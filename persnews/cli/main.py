"""The ``persnews`` command line: analyze, demo, report, train.

>>> from typer.testing import CliRunner
>>> result = CliRunner().invoke(app, ["--help"])
>>> "analyze" in result.output and "demo" in result.output
True
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from persnews.batch.worker import DEFAULT_PIPELINE
from persnews.errors import PersnewsError

__all__ = ["app", "main"]

app = typer.Typer(
    name="persnews",
    help="Who is mentioned and who said what in Persian news.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _default_workers() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def _split(values: list[str] | None) -> list[str]:
    out: list[str] = []
    for value in values or []:
        out.extend(v.strip() for v in value.split(",") if v.strip())
    return out


def _exclusions(pipeline: str, components: list[str], disable: list[str]) -> tuple[str, ...]:
    """Names to exclude so that only ``components`` (if given) minus ``disable`` run."""
    if not components and not disable:
        return ()
    from persnews.batch.worker import WorkerConfig, get_nlp

    names = list(get_nlp(WorkerConfig(nlp=pipeline)).pipe_names)
    unknown = [c for c in components + disable if c not in names]
    if unknown:
        raise typer.BadParameter(
            f"unknown component(s) {unknown}; the pipeline has: {', '.join(names) or '(none)'}"
        )
    keep = set(components) if components else set(names)
    return tuple(n for n in names if n not in keep or n in disable)


@app.command()
def analyze(
    inputs: Annotated[
        list[Path],
        typer.Argument(
            help="Files or directories (.txt, .jsonl, .csv, .tsv, .parquet, "
            "optionally .gz/.xz/.bz2).",
            show_default=False,
        ),
    ],
    outdir: Annotated[Path, typer.Option("-o", "--outdir", help="Output directory.")],
    workers: Annotated[
        int | None, typer.Option(help="Worker processes (default: all cores).", min=1)
    ] = None,
    batch_size: Annotated[
        int, typer.Option(help="Articles per chunk (unit of work and of checkpointing).", min=1)
    ] = 32,
    engine: Annotated[str, typer.Option(help="local or dask.")] = "local",
    scheduler: Annotated[
        str | None, typer.Option(help="Dask scheduler address; a local cluster when omitted.")
    ] = None,
    components: Annotated[
        list[str] | None,
        typer.Option(help="Run only these pipeline components (comma-separated, repeatable)."),
    ] = None,
    disable: Annotated[
        list[str] | None, typer.Option(help="Pipeline components to switch off.")
    ] = None,
    fmt: Annotated[
        list[str] | None,
        typer.Option(
            "--format", help="jsonl, parquet, conllu (repeatable; default: jsonl and parquet)."
        ),
    ] = None,
    resume: Annotated[bool, typer.Option(help="Finish an interrupted run in OUTDIR.")] = False,
    overwrite: Annotated[bool, typer.Option(help="Replace a previous run in OUTDIR.")] = False,
    limit: Annotated[
        int | None, typer.Option(help="Analyse only the first N records.", min=0)
    ] = None,
    text_column: Annotated[str, typer.Option(help="Text field (JSONL/CSV/Parquet).")] = "text",
    id_column: Annotated[str, typer.Option(help="Id field; default <file>:<line>.")] = "id",
    title_column: Annotated[str, typer.Option(help="Optional title field.")] = "title",
    date_column: Annotated[str, typer.Option(help="Optional date field.")] = "date",
    url_column: Annotated[str, typer.Option(help="Optional URL field.")] = "url",
    max_chars: Annotated[
        int, typer.Option(help="Longer articles become errors.", min=1)
    ] = 1_000_000,
    timeout: Annotated[float, typer.Option(help="Seconds per article (0: none).", min=0)] = 120.0,
    pipeline: Annotated[
        str, typer.Option(help="MODULE:FUNCTION returning the spaCy pipeline to use.")
    ] = DEFAULT_PIPELINE,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress output.")] = False,
) -> None:
    """Analyse articles into OUTDIR: articles.jsonl, Parquet tables, errors.jsonl."""
    from persnews.batch import RunOptions, run_corpus
    from persnews.cli.progress import ProgressDisplay
    from persnews.io import ReadOptions

    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    formats = tuple(dict.fromkeys(_split(fmt))) or ("jsonl", "parquet")
    options = RunOptions(
        formats=formats,
        workers=workers or _default_workers(),
        batch_size=batch_size,
        engine=engine,
        scheduler=scheduler,
        exclude=_exclusions(pipeline, _split(components), _split(disable)),
        nlp=pipeline,
        timeout=timeout or None,
        limit=limit,
        resume=resume,
        overwrite=overwrite,
        read=ReadOptions(
            text_column=text_column,
            id_column=id_column,
            title_column=title_column or None,
            date_column=date_column or None,
            url_column=url_column or None,
            max_chars=max_chars,
        ),
    )
    display = ProgressDisplay(inputs, limit) if not quiet else None
    if display is not None:
        with display:
            summary = run_corpus(inputs, outdir, options, progress=display)
    else:
        summary = run_corpus(inputs, outdir, options)
    speed = summary.processed / summary.seconds if summary.seconds else 0.0
    wps = summary.words / summary.seconds if summary.seconds else 0.0
    typer.echo(
        f"{summary.inputs} inputs: {summary.processed} analysed, {summary.failed} failed "
        f"(see errors.jsonl), {summary.resumed} skipped (done before, resumed); "
        f"{summary.seconds:.1f} s, {speed:.1f} articles/s, {wps:.0f} words/s",
        err=True,
    )
    typer.echo(f"wrote {', '.join(summary.files)} to {summary.outdir}", err=True)
    if not summary.ok:
        shown = ", ".join(summary.missing[:20])
        more = f" and {len(summary.missing) - 20} more" if len(summary.missing) > 20 else ""
        typer.echo(
            f"error: {len(summary.missing)} input(s) are in neither the outputs nor errors.jsonl:"
            f" {shown}{more}; rerun with --resume",
            err=True,
        )
        raise typer.Exit(code=2)


@app.command()
def demo(
    workers: Annotated[int, typer.Option(help="Worker processes.", min=1)] = 1,
) -> None:
    """Analyse the bundled sample articles; print who is in them and who said what."""
    from persnews.cli.demo import run_demo

    typer.echo(run_demo(workers=workers))


@app.command()
def report(
    input: Annotated[Path, typer.Argument(help="analyze OUTDIR, articles.jsonl or raw input.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="HTML file to write.")] = Path(
        "report.html"
    ),
) -> None:
    """Write a standalone HTML report (top people, speakers, quotes, co-occurrence)."""
    from persnews.cli.demo import load_or_analyze

    try:
        from persnews.visualize import write_report
    except ImportError as exc:
        raise PersnewsError(
            "the HTML report needs persnews.visualize, which is not available in this install"
        ) from exc
    path = write_report(load_or_analyze(input), output)
    typer.echo(f"wrote {path}", err=True)


@app.command(
    context_settings={"allow_extra_args": True, "ignore_unknown_options": True},
)
def train(
    ctx: typer.Context,
    model: Annotated[str, typer.Argument(help="tagger, parser or ner.")],
) -> None:
    """Train a model (options are passed on; see `persnews train MODEL --help`)."""
    try:
        from persnews.training.cli import main as train_main
    except ImportError as exc:
        raise PersnewsError("training is not available in this install") from exc
    code = train_main([model, *ctx.args])
    raise typer.Exit(code=code or 0)


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``persnews`` script and ``python -m persnews``; returns the exit code."""
    try:
        app(args=argv, prog_name="persnews", standalone_mode=True)
    except SystemExit as exc:
        code = exc.code
        return code if isinstance(code, int) else (0 if code is None else 1)
    except PersnewsError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted; rerun with --resume to continue", file=sys.stderr)
        return 130
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
