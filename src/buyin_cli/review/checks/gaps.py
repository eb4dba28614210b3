"""W2xx: analyse the learners' knowledge, skills and motivation gaps."""

from __future__ import annotations

from collections.abc import Iterator

from buyin_cli.review.context import Check, Context
from buyin_cli.words import dotted


def checks(ctx: Context) -> Iterator[Check]:
    hints = {"knowledge": "what is specific to the organisation that they do not know",
             "skills": "what they need to practise",
             "motivation": "what is in it for the learner"}
    for i, audience in enumerate(ctx.strategy.audiences):
        for kind, hint in hints.items():
            path = ("audiences", i, "gaps", kind)
            gaps = getattr(audience.gaps, kind)
            yield ctx.check("W201", ("audiences", i), not gaps, ctx.at(path),
                            f"{dotted(path)}: {kind} gaps not analysed: add at least one "
                            f"{{need, evidence, response}}: {hint}")
            for j, gap in enumerate(gaps):
                yield ctx.check("W202", ("audiences", i), gap.evidence is None,
                                ctx.sources.at(path + (j,)),
                                f"{dotted(path + (j,))}: no evidence for '{gap.need}': add "
                                "evidence (how you know: a survey, error logs, "
                                "observation, exit interviews…)")
