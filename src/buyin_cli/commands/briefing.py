"""`buyin brief` and `buyin watch`: each briefing's deck and talking points, once or on every save."""

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from buyin_cli.commands.app import (
    BriefingId,
    Command,
    OutDir,
    PptxTemplate,
    StrategyPath,
    TemplatesDir,
    app,
    is_terminal,
)

if TYPE_CHECKING:
    from buyin_cli.brief import Output


@app.command(cls=Command)
def brief(
    path: StrategyPath,
    out: OutDir = Path("build"),
    briefing: BriefingId = None,
    templates: TemplatesDir = None,
    pptx_template: PptxTemplate = None,
    pdf: Annotated[bool, typer.Option(
        "--pdf", help="Also write DIR/ID.pdf, a hand-out of the presented slides "
                      "(needs LibreOffice).")] = False,
    force: Annotated[bool, typer.Option(
        "--force", help="Write over outputs that were edited by hand or are open in PowerPoint.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing but errors.")] = False,
    verbose: Annotated[bool, typer.Option(
        "--verbose", "-v", help="Also say how long each briefing took.")] = False,
    since: Annotated[str | None, typer.Option(
        "--since", metavar="REV",
        help="Give the decks what has changed since this git revision (as buyin diff "
             "says it), for strategies that keep their history in git.")] = None,
    draft: Annotated[bool, typer.Option(
        "--draft", help="Render even with a figure check calls impossible (W307), marking "
                        "each slide that shows it DRAFT.")] = False,
) -> None:
    """Render each briefing's deck (DIR/ID.pptx, talking points in the speaker notes)
    and talking points (DIR/ID.md).

    Prints one line per file: "wrote" when it changed, "unchanged" when it already held
    the same bytes (then it is not touched, so its mtime stays). An invalid strategy
    writes nothing; a failed render leaves existing files as they were. With --pdf and
    no LibreOffice, the decks are written and brief exits 1 saying what to install.

    \b
    Example:
      buyin brief examples/northwind-manufacturing.yaml --out build
      buyin brief strategy/ --briefing coo-q3 --pptx-template corporate.potx
      buyin brief . --out build --pdf -q
      buyin brief strategy/ --since v1
    """
    import time
    from contextlib import AbstractContextManager, nullcontext

    from buyin_cli.brief import Progress, brief as render_briefs
    from buyin_cli.errors import display_path

    start = time.perf_counter()
    if templates is None:
        from buyin_cli.render.templating import own_templates

        templates = own_templates(path)
    say = (lambda line: None) if quiet else print
    if not quiet and is_terminal(sys.stderr):
        from buyin_cli.progress import progress_bar

        bar: AbstractContextManager[Progress | None] = progress_bar(sys.stderr)
    else:
        bar = nullcontext(None)
    with bar as progress:
        result = render_briefs(path, out, briefing_id=briefing, templates=templates,
                               pptx_template=pptx_template, progress=progress, force=force,
                               since=since, draft=draft)
    for number, item in enumerate(result.rendered):
        if verbose:
            say(f"rendered {item.briefing_id} in {item.seconds:.2f} s")
        for output in result.outputs[2 * number:2 * number + 2]:  # its deck and talking points
            say(_written(output))
    outputs = result.outputs
    if pdf:
        from buyin_cli.handout import export_pdfs

        pdfs = export_pdfs([o for o in result.outputs if o.path.suffix == ".pptx"])
        for output in pdfs:
            say(_written(output))
        outputs = outputs + pdfs
    from buyin_cli.words import plural

    if verbose:
        changed = sum(o.changed for o in outputs)
        say(f"{plural(changed, 'file')} written, {len(outputs) - changed} unchanged, "
            f"in {time.perf_counter() - start:.2f} s")
    if result.not_ready:
        say(f"{plural(result.not_ready, 'readiness warning')} listed in the talking points; "
            f"`buyin check {display_path(path)}` shows where to fix them")


@app.command(cls=Command)
def watch(
    path: StrategyPath,
    out: OutDir = Path("build"),
    briefing: BriefingId = None,
    templates: TemplatesDir = None,
    pptx_template: PptxTemplate = None,
) -> None:
    """Check and render the briefings, then again on every save, while you write.

    Prints each problem as `buyin check` does, as it appears, and how long each
    briefing took to render. An invalid save renders nothing, so the last good decks
    stay open beside you. Ctrl-C stops it.

    \b
    Example:
      buyin watch strategy/
      buyin watch . --briefing coo-q3 --out build
    """
    from buyin_cli.errors import Interrupted, display_path
    from buyin_cli.watch import Session, file_changes, run

    session = Session(path, out, briefing_id=briefing, templates=templates,
                      pptx_template=pptx_template, say=lambda line: print(line, flush=True))
    if not path.exists():
        session.render()  # says what is wrong with PATH, in check's words
        raise typer.Exit(1)
    print(f"watching {', '.join(display_path(p) for p in session.watched())}; Ctrl-C stops",
          flush=True)
    try:
        run(session, file_changes(session))
    except (KeyboardInterrupt, Interrupted):
        print("stopped watching", file=sys.stderr)


def _written(output: "Output") -> str:
    from buyin_cli.errors import display_path

    return f"{'wrote' if output.changed else 'unchanged'} {display_path(output.path)}"
