"""Score ``match_quotes`` alone on a cross-article gold: the annotated spans and speakers.

Usage:
    python scripts/xdoc_gold_spans.py ../shared/eval/xdoc.dev.json [recall=30 window=None ...]

Each gold quote becomes a ``Quote`` printed on its article's date, with the
speaker the annotators resolved (a person) and the mention that names it (a
pronoun, a surname), or no speaker where none is named; the clusters are
scored by ``xdoc_score.py`` beside the gold file's folder (``../tools``).
Options are ``match_quotes`` keywords as ``name=value`` (Python literals).
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from quoteattr.matching.clusters import match_quotes
from quoteattr.models import Quote, QuoteSpeaker, Span


def main() -> None:
    gold_path = Path(sys.argv[1])
    options = {k: ast.literal_eval(v) for k, v in (a.split("=", 1) for a in sys.argv[2:])}
    gold = json.loads(gold_path.read_text("utf-8"))
    printings = []
    for g in gold["quotes"]:
        speaker = None
        if g["speaker"] and g["speaker_kind"] != "none":
            if g["speaker_kind"] == "name" or g["speaker"] != g["speaker_mention"]:
                mention = g["speaker_mention"] or g["speaker"]
                speaker = QuoteSpeaker(name=g["speaker"], kind="person",
                                       mention=Span(text=mention, start=0, end=len(mention)))
            elif g["speaker_kind"] == "nominal":
                speaker = QuoteSpeaker(name=g["speaker"], kind="anonymous")
        quote = Quote(text=g["text"], start=g["start"], end=g["end"], open_mark='"',
                      close_mark='"', speaker=speaker)
        printings.append((g["doc_id"], quote, g["date"][:10]))
    clusters = match_quotes(printings, **options)
    predicted = [[{"doc_id": m.doc_id, "start": m.quote.start, "end": m.quote.end}
                  for m in c.members] for c in clusters if len(c.members) > 1]
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as out:
        json.dump(predicted, out)
    scorer = gold_path.resolve().parent.parent / "tools" / "xdoc_score.py"
    subprocess.run([sys.executable, str(scorer), str(gold_path), out.name], check=True)


if __name__ == "__main__":
    main()
