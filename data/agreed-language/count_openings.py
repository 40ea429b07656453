#!/usr/bin/env python3
"""Count how often each agreed opening starts a paragraph in adopted resolutions.

Usage: python3 count_openings.py [CORPUS_DIR] > openings.tsv

CORPUS_DIR defaults to `data/corpus` and holds one plain-text resolution per file
(ODS layout: tab-indented preambular paragraphs, `<TAB>12.<TAB>` operative
paragraphs) plus a `MANIFEST.tsv` with `file` and `symbol` columns. The phrase lists
are read from the directory of this script: the spec lists
(`preambular-phrases.tsv`, `operative-verbs.tsv`) and `corpus-additions.tsv`. Standard library only; the output is
deterministic (files are read in sorted order, ties broken by phrase).

Output columns: kind (preambular | operative), phrase (base form, as in the list),
sources (the provenance tags of the list, CORPUS for the additions), count (paragraphs of the corpus that open with it, markers stripped), marked (how
many of those carry a repetition marker), symbol and example (the start of the
first paragraph in file order that opens with it; empty when it never does) and
note (from the list).

The matching mirrors `src/analysis/agreed_language/mod.rs`: strip a repetition
marker (operative "Also", "Further", "Once again", "Again" before the verb;
"also"/"further" after the first word in either part, "further" only when it is
not an adjective), then take the longest phrase of the list that the paragraph
starts with, word by word, case-insensitively, British "-ise" spellings folded
into "-ize".
"""

import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
OPERATIVE_MARKERS = ("Once again ", "Also ", "Further ", "Again ")
EXAMPLE_WORDS = 14

NUMBERED = re.compile(r"^[ \t]*[1-9][0-9]{0,3}\.[ \t]+(\S.*)$")
ORGAN = re.compile(r"^[ \t]*The [A-Z][A-Za-z ]+,[ \t]*$")
CLOSING = re.compile(
    r"^[ \t]*(?:[1-9][0-9]*(?:st|nd|rd|th)(?: \(resumed\))? (?:plenary )?meeting"
    r"|_{5,}|Annex)"
)


def read_tsv(name):
    with open(os.path.join(HERE, name), encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        return [dict(zip(header, line.rstrip("\n").split("\t"))) for line in f if line.strip()]


def read_lists():
    """Per kind, the entries in list order: (phrase, sources, note)."""
    lists = {"preambular": [], "operative": []}
    for kind, name in (("preambular", "preambular-phrases.tsv"), ("operative", "operative-verbs.tsv")):
        for row in read_tsv(name):
            lists[kind].append((row["phrase"], row["sources"], row.get("note", "")))
    for row in read_tsv("corpus-additions.tsv"):
        lists[row["kind"]].append((row["phrase"], "CORPUS", row.get("note", "")))
    return lists


def read_manifest(corpus):
    symbols = {}
    path = os.path.join(corpus, "MANIFEST.tsv")
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            header = f.readline().rstrip("\n").split("\t")
            file_col, symbol_col = header.index("file"), header.index("symbol")
            for line in f:
                cells = line.rstrip("\n").split("\t")
                symbols[cells[file_col]] = cells[symbol_col]
    return symbols


def paragraphs(text):
    """Yield (kind, paragraph text) for the body of each resolution (or part)."""
    in_body = False
    for line in text.split("\n"):
        if ORGAN.match(line):
            in_body = True
            continue
        if not in_body:
            continue
        if CLOSING.match(line):
            in_body = False
            continue
        numbered = NUMBERED.match(line)
        if numbered:
            yield "operative", numbered.group(1).strip()
        elif line.startswith("\t") and line[1:2].isupper():
            yield "preambular", line.strip()


FURTHER_MARKER_NEXT = {
    "that", "its", "the", "to", "in", "with", "by", "all", "their", "his", "her",
    "of", "on", "upon", "for", "as", "at", "also", "Member", "States",
}
WORD = re.compile(r"[^\W\d_][\w‑-]*|\S")


def normalize(word):
    """Lower case, British -ise spellings folded into -ize (as the Rust side)."""
    lower = word.lower().replace("‑", "-")
    for british, american in (("ising", "izing"), ("ises", "izes"), ("ised", "ized"), ("ise", "ize")):
        if lower.endswith(british) and len(lower) - len(british) >= 4:
            return lower[: -len(british)] + american
    return lower


def variants(kind, text):
    """The words of the paragraph start as written and without its repetition
    marker, each with whether a marker was removed: the leading operative marker
    ("Also requests"), or a lone "also"/"further" among the first words
    ("Recalling also", "Taking note also of", "Decides further"); "further"
    followed by a noun ("further efforts") is an adjective, not a marker."""
    words = WORD.findall(text)[:16]
    yield words, False
    for marker in (("Once", "again"), ("Also",), ("Further",), ("Again",)):
        if tuple(words[: len(marker)]) == marker and len(words) > len(marker):
            yield words[len(marker):], True
    for i in range(1, min(len(words), 6)):
        word = words[i]
        if word == "also" or (
            word == "further"
            and (i + 1 >= len(words) or words[i + 1] in FURTHER_MARKER_NEXT or not words[i + 1][0].isalpha())
        ):
            yield words[:i] + words[i + 1:], True


NORMALIZED = {}


def match(phrases, words):
    """The longest phrase the words start with (normalized word by word)."""
    normalized = [normalize(w) for w in words]
    best = None
    for phrase in phrases:
        p = NORMALIZED.setdefault(phrase, [normalize(w) for w in phrase.split()])
        if normalized[: len(p)] == p and (best is None or len(phrase) > len(best)):
            best = phrase
    return best


def opening(phrases, kind, text):
    """The longest listed opening of a paragraph and whether it carries a marker
    (on equal length, the reading with the marker removed wins)."""
    best = None
    for variant, marked in variants(kind, text):
        phrase = match(phrases, variant)
        if phrase and (best is None or len(phrase) >= len(best[0])):
            best = (phrase, marked)
    return best


def example_of(text):
    words = text.split()
    start = " ".join(words[:EXAMPLE_WORDS])
    return start + (" …" if len(words) > EXAMPLE_WORDS else "")


def main():
    corpus = sys.argv[1] if len(sys.argv) > 1 else "data/corpus"
    entries = read_lists()
    lists = {kind: [e[0] for e in es] for kind, es in entries.items()}
    symbols = read_manifest(corpus)
    counts = {(k, p): [0, 0, "", ""] for k, ps in lists.items() for p in ps}
    files = sorted(
        f for f in os.listdir(corpus) if f.endswith(".txt") and f != "MANIFEST.tsv"
    )
    for name in files:
        with open(os.path.join(corpus, name), encoding="utf-8") as f:
            text = f.read().replace("\r\n", "\n")
        symbol = symbols.get(name, name[: -len(".txt")])
        for kind, paragraph in paragraphs(text):
            found = opening(lists[kind], kind, paragraph)
            if found is None:
                continue
            phrase, marked = found
            entry = counts[(kind, phrase)]
            entry[0] += 1
            entry[1] += int(marked)
            if not entry[2]:
                entry[2] = symbol
                entry[3] = example_of(paragraph)
    print("kind\tphrase\tsources\tcount\tmarked\tsymbol\texample\tnote")
    for kind in ("preambular", "operative"):
        for phrase, sources, note in entries[kind]:
            count, marked, symbol, example = counts[(kind, phrase)]
            print(f"{kind}\t{phrase}\t{sources}\t{count}\t{marked}\t{symbol}\t{example}\t{note}")


if __name__ == "__main__":
    main()
