"""Run textacy's direct_quotations on JSON Lines articles and print score.py predictions.

The baseline of the evaluation page (docs/evaluation.md): textacy 0.13 with a
spaCy English pipeline, the most used open-source quote extractor in Python.
Each input line is ``{"doc_id", "text"}``; each output line is
``{"doc_id", "quotes": [{"start", "end", "speaker": {"name", "mention"}}]}``,
the format quoteattr's own output has and the scorers read. An article on
which textacy raises (it refuses a text with an odd number of quotation marks)
gets no quotes, as a user would.

Run it in its own environment (textacy pins its own spaCy):

    python3 -m venv textacy-env
    textacy-env/bin/pip install textacy
    textacy-env/bin/python -m spacy download en_core_web_sm
    textacy-env/bin/python scripts/textacy_baseline.py ARTICLES.jsonl > pred.jsonl
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any


def predictions(text: str, nlp: Any, direct_quotations: Any) -> list[dict[str, Any]]:
    try:
        found = list(direct_quotations(nlp(text)))
    except (ValueError, IndexError):  # an odd number of quote marks, and the like
        return []
    quotes = []
    for triple in found:
        content = triple.content
        speaker = None
        if triple.speaker:
            first, last = triple.speaker[0], triple.speaker[-1]
            speaker = {"name": " ".join(t.text for t in triple.speaker),
                       "mention": {"start": first.idx, "end": last.idx + len(last.text)}}
        quotes.append({"start": content.start_char, "end": content.end_char,
                       "speaker": speaker})
    return quotes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("articles", help="JSON Lines: doc_id and text per line")
    parser.add_argument("--model", default="en_core_web_sm", help="spaCy pipeline to load")
    args = parser.parse_args(argv)
    import spacy
    from textacy.extract.triples import direct_quotations

    nlp = spacy.load(args.model)
    with open(args.articles, encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                record = json.loads(line)
                quotes = predictions(record["text"], nlp, direct_quotations)
                sys.stdout.write(json.dumps({"doc_id": record["doc_id"], "quotes": quotes},
                                            ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
