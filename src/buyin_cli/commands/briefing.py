"""`buyin brief` and `buyin watch`: each briefing's deck and talking points, once or on every save."""

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from buyin_cli.commands.app import (
    BriefingId,
    Command,
    Draft,
    OutDir,
    PptxTemplate,
    StrategyPath,
    TemplatesDir,
    app,
    is_terminal,
    settings,
    step_summary,
)

if TYPE_CHECKING:
    from buyin_cli.brief import Output


@app.command(cls=Command)
def brief(
    path: StrategyPath = None,
    out: OutDir = None,
    briefing: BriefingId = None,
    templates: TemplatesDir = None,
    pptx_template: PptxTemplate = None,
    pdf: Annotated[bool | None, typer.Option(
        "--pdf/--no-pdf", help="Also write DIR/ID.pdf, a hand-out of the presented slides "
                               "(needs LibreOffice; default: buyin.toml's pdf, else no).",
        show_default=False)] = None,
    pre_read: Annotated[bool, typer.Option(
        "--pre-read", help="Also write DIR/ID.pre-read.pdf: the slides, then each slide with "
                           "its talking points, to send the day before (needs LibreOffice).")
    ] = False,
    force: Annotated[bool, typer.Option(
        "--force", help="Write over outputs that were edited by hand or are open in PowerPoint.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing but errors.")] = False,
    verbose: Annotated[bool, typer.Option(
        "--verbose", "-v", help="Also say how long each briefing took.")] = False,
    since: Annotated[str | None, typer.Option(
        "--since", metavar="REV",
        help="Give the decks what has changed since this git revision (as buyin diff "
             "says it), for strategies that keep their history in git.")] = None,
    draft: Draft = False,
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
      buyin brief --pre-read
      buyin brief strategy/ --since v1
    """
    import time
    from contextlib import AbstractContextManager, nullcontext

    from buyin_cli.brief import Progress, brief as render_briefs
    from buyin_cli.errors import display_path

    start = time.perf_counter()
    out_named = out is not None  # named on the command line: followed even as a link
    path, out, templates, pptx_template, pdf = _configured(path, out, templates, pptx_template, pdf)
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
                               since=since, draft=draft, out_named=out_named)
    for item in result.rendered:
        if verbose:
            say(f"rendered {item.briefing_id} in {item.seconds:.2f} s")
        for output in result.outputs:  # its deck and talking points
            if output.briefing_id == item.briefing_id:
                say(_written(output))
    outputs = result.outputs
    decks = [o for o in result.outputs if o.path.suffix == ".pptx"]
    for wanted, notes in ((pdf, False), (pre_read, True)):
        if not wanted:
            continue
        from buyin_cli.handout import export_pdfs

        # LibreOffice is slow and silent: say what it does, on stderr (stdout lists the files).
        pdfs = export_pdfs(decks, notes=notes, say=None if quiet else (
            lambda line: print(line, file=sys.stderr, flush=True)))
        for output in pdfs:
            say(_written(output))
        outputs = outputs + pdfs
    from buyin_cli.words import plural

    if verbose:
        changed = sum(o.changed for o in outputs)
        say(f"{plural(changed, 'file', 'files')} written, {len(outputs) - changed} unchanged, "
            f"in {time.perf_counter() - start:.2f} s")
    if os.environ.get("GITHUB_STEP_SUMMARY"):
        from buyin_cli.present.summary import brief_summary

        step_summary("\n".join(brief_summary(
            [(display_path(o.path), o.changed) for o in outputs], result.not_ready)))
    if result.not_ready:
        say(f"{plural(result.not_ready, 'readiness warning', 'readiness warnings')} listed in the talking points; "
            f"`buyin check {display_path(path)}` shows where to fix them")


@app.command(cls=Command)
def watch(
    path: StrategyPath = None,
    out: OutDir = None,
    briefing: BriefingId = None,
    templates: TemplatesDir = None,
    pptx_template: PptxTemplate = None,
    serve: Annotated[bool, typer.Option(
        "--serve", help="Also show a page on 127.0.0.1 with each briefing's slides (drawn by "
                        "LibreOffice after each save), talking points and problems; it "
                        "updates itself.")] = False,
    port: Annotated[int, typer.Option(
        "--port", metavar="N", min=0, max=65535,
        help="The page's port with --serve (0: any free one).")] = 8765,
    draft: Draft = False,
) -> None:
    """Check and render the briefings, then again on every save, while you write.

    Prints each problem as `buyin check` does, as it appears, and how long each
    briefing took to render. An invalid save renders nothing, so the last good decks
    stay open beside you; so does a figure check calls impossible (W307), as in brief,
    unless --draft renders it with each slide that shows it marked DRAFT. A deck open
    in PowerPoint is not replaced (watch says which) and watching goes on. Ctrl-C
    stops it.

    \b
    Example:
      buyin watch strategy/
      buyin watch . --briefing coo-q3 --out build
      buyin watch --serve        # then open http://127.0.0.1:8765/
    """
    from buyin_cli.errors import BuyinError, Interrupted, display_path
    from buyin_cli.watch import Session, file_changes, run

    out_named = out is not None  # named on the command line: followed even as a link
    path, out, templates, pptx_template, _ = _configured(path, out, templates, pptx_template, None)
    preview = None
    if serve:
        from buyin_cli.preview import Preview

        preview = Preview()
    session = Session(path, out, briefing_id=briefing, templates=templates,
                      pptx_template=pptx_template, say=lambda line: print(line, flush=True),
                      out_named=out_named, draft=draft,
                      on_render=preview.rendered if preview else None,
                      on_invalid=preview.invalid if preview else None)
    if not path.exists():
        session.render()  # says what is wrong with PATH, in check's words
        if preview is not None:
            preview.close()
        raise typer.Exit(1)
    if preview is not None:
        from buyin_cli.preview_server import serve as start_server

        try:
            server = start_server(preview, port)
        except OSError as exc:
            preview.close()
            raise BuyinError(f"--serve: cannot listen on 127.0.0.1:{port}: {exc.strerror}; "
                             "pass --port with a free port, or --port 0 for any") from None
        print(f"preview at http://127.0.0.1:{server.server_address[1]}/", flush=True)
    print(f"watching {', '.join(display_path(p) for p in session.watched())}; Ctrl-C stops",
          flush=True)
    try:
        run(session, file_changes(session))
    except (KeyboardInterrupt, Interrupted):
        print("stopped watching", file=sys.stderr)
    finally:
        if preview is not None:
            preview.close()


def _configured(path: Path | None, out: Path | None, templates: Path | None,
                pptx_template: Path | None, pdf: bool | None
                ) -> tuple[Path, Path, Path | None, Path | None, bool]:
    """The command line's values, each one it leaves out taken from buyin.toml, then the default."""
    found = settings()
    assert path is not None  # Command.parse_args takes it from buyin.toml, or stops
    return (path, out or found.out or Path("build"),
            templates or found.templates, pptx_template or found.pptx_template,
            bool(found.pdf) if pdf is None else pdf)


def _written(output: "Output") -> str:
    from buyin_cli.errors import display_path

    return f"{'wrote' if output.changed else 'unchanged'} {display_path(output.path)}"

