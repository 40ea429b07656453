#!/usr/bin/env python3
"""Collect what adopted resolutions say of the resolutions they cite.

Adopted texts often describe a resolution where they cite it:

    its resolution 64/222 of 21 December 2009, in which it endorsed the
    Nairobi outcome document of the High-level United Nations Conference on
    South-South Cooperation,
    resolution 70/1 of 25 September 2015, entitled "Transforming our world: ..."
    its resolution 68/230 of 20 December 2013 on South-South cooperation

For every General Assembly and Security Council resolution cited that way in
the texts of `corpus/` and `extended/`, this script writes the clause most
texts use (`in which it endorsed ...`, `entitled "..."`, `on ...`), how many
texts use it and how many texts cite the resolution at all, to
`citing_clauses.tsv` next to this script. unres shows it in the hover of a
resolution whose title the record lacks.

Usage: python3 build_citing_clauses.py [SHARED_DATA_DIR]
       (default: /work/shared/data; `corpus/*.txt` and `extended/*.txt` are read)

Standard library only; deterministic (files read in name order, ties broken by
the clause's text). Source: United Nations (the UNxml texts, see
PROVENANCE.md). When using the files, the user must acknowledge the United
Nations as the source of the information.
"""

import csv
import glob
import os
import re
import sys
from collections import Counter, defaultdict

MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
DATE = rf"(?:[1-9]|[12][0-9]|3[01]) (?:{MONTHS}) (?P<year>(?:19|20)[0-9]{{2}})"

KEYWORD = re.compile(r"\bresolutions? ")

# One item of a citation: a number (with a part letter), then its date.
ITEM = re.compile(
    r"(?:(?P<new>(?:E?S-)?[1-9][0-9]?/[1-9][0-9]*)(?: (?P<newpart>[A-Z])\b)?"
    r"|(?P<old>[1-9][0-9]*)(?: (?P<oldpart>[A-Z]))? \((?P<session>(?:E?S-)?[IVXL]+)\)"
    r"|(?P<sc>[1-9][0-9]*) \((?P<scyear>(?:19|20)[0-9]{2})\))"
    rf"(?: of {DATE})?"
)
SEPARATOR = re.compile(r", and |, | and ")

# The clause right after the citation.
ENTITLED = re.compile(r",? entitled (“[^”]{3,300}”|\"[^\"]{3,300}\")")
WHICH = re.compile(
    r", (?P<clause>(?:in|by) which (?:it|the (?:General )?Assembly|the (?:Security )?Council) "
    r"[a-z][^;]*)"
)
ON = re.compile(r" (?P<clause>on (?:the |a |an |its )?[^;]*)")
# "on" phrases that say how or when, not what: "on a quarterly basis".
NOT_A_SUBJECT = re.compile(
    r"^on (?:an? \w+ basis|the (?:basis|occasion|recommendation)\b|(?:this|that|these|those|which)\b|[0-9])"
)
# Where an "on" clause gives way to the next citation or an aside.
CLAUSE_END = re.compile(
    r" and (?:(?:all|its|the|other|subsequent|relevant|previous) )*(?:resolutions?|decisions?)\b"
    r"| as well as | and (?:in|by) which "
)

# Words before "resolution" that name another body than the one the text's
# form implies: "Human Rights Council resolution 5/1", "Commission on the
# Status of Women resolution 49/7", "UNEA resolution 5/14".
OTHER_BODY = re.compile(r"(?:[A-Z][A-Za-z]*|\)) $")

FOOTNOTE_MARK = re.compile(r"(?<=[a-z\)”])[0-9]{1,3}(?=[ ,;.:]|$)")
MAX_CHARS = 240


def organ_of(before, item, citing_body):
    """GA, SC or None (another body, or not decidable) for one cited item."""
    form = "SC" if item.group("sc") else "GA"
    if before.endswith("its "):
        return citing_body if citing_body == form else None
    if re.search(r"(?:General )?Assembly $", before):
        return "GA" if form == "GA" else None
    if before.endswith("Security Council "):
        return "SC" if form == "SC" else None
    if OTHER_BODY.search(before):
        return None
    return form


def symbol_of(item, organ):
    if organ == "SC":
        return f"S/RES/{item.group('sc')}({item.group('scyear')})"
    if item.group("old"):
        part = item.group("oldpart")
        return f"A/RES/{item.group('old')}({item.group('session')})" + (f" {part}" if part else "")
    part = item.group("newpart")
    return f"A/RES/{item.group('new')}" + (f" {part}" if part else "")


def fits_session(item):
    """A dated "N/M" citation belongs to the GA only if the date fits session N."""
    new, year = item.group("new"), item.group("year")
    if not new or not year or "S-" in new:
        return True
    session = int(new.split("/")[0])
    return 1945 + session <= int(year) <= 1946 + session


def clean_clause(text):
    text = FOOTNOTE_MARK.sub("", text)
    text = " ".join(text.split()).rstrip(" ,.;:")
    text = text.replace('"', "“", 1).replace('"', "”", 1) if text.count('"') == 2 else text
    if len(text) > MAX_CHARS:
        text = text[:MAX_CHARS].rsplit(" ", 1)[0].rstrip(" ,;:") + " …"
    return text


def entitled_at(text, at):
    """`, entitled “…”` at `at`: (clause, end) or None."""
    entitled = ENTITLED.match(text, at)
    return (clean_clause("entitled " + entitled.group(1)), entitled.end()) if entitled else None


def clause_at(text, at, pattern):
    """An `in which it …` (WHICH) or `on …` (ON) clause at `at`, or None."""
    which = pattern.match(text, at, min(len(text), at + 500))
    if not which:
        return None
    clause = which.group("clause")
    # "decided, inter alia, that ..." keeps its aside; any other comma ends it.
    clause = clause.replace(", inter alia,", " inter alia")
    clause = clause.split(",")[0]
    # A sentence ends at a full stop followed by a capital or the line's end.
    clause = re.split(r"\.(?: [A-Z]|\n|$)", clause)[0].split("\n")[0]
    clause = CLAUSE_END.split(clause)[0]
    if len(clause.split()) < 3 or NOT_A_SUBJECT.match(clause):
        return None
    return clean_clause(clause)


def main():
    directory = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/data"
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "citing_clauses.tsv")
    files = sorted(glob.glob(os.path.join(directory, "corpus", "*.txt")))
    files += sorted(glob.glob(os.path.join(directory, "extended", "*.txt")))
    if not files:
        raise SystemExit(f"no texts under {directory}/corpus or {directory}/extended")
    titled = titled_symbols(os.path.dirname(out))
    citing = defaultdict(set)  # symbol -> names of the texts that cite it
    companions = defaultdict(lambda: defaultdict(set))  # symbol -> titled symbol -> texts
    clauses = defaultdict(lambda: defaultdict(set))  # symbol -> clause -> texts
    for path in files:
        name = os.path.basename(path)[: -len(".txt")]
        body = "SC" if name.startswith("S_RES") else "GA"
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
        for keyword in KEYWORD.finditer(text):
            before = text[max(0, keyword.start() - 60) : keyword.start()].split("\n")[-1]
            items = []  # (symbol, clause from "entitled")
            at = keyword.end()
            while True:
                item = ITEM.match(text, at)
                if not item:
                    break
                organ = organ_of(before, item, body)
                at = item.end()
                entitled = entitled_at(text, at)
                if entitled:
                    at = entitled[1]
                if organ is not None and fits_session(item):
                    items.append((symbol_of(item, organ), entitled and entitled[0]))
                separator = SEPARATOR.match(text, at)
                if not separator or not ITEM.match(text, separator.end()):
                    break
                at = separator.end()
            if not items:
                continue
            # "on …" after a list describes every item; "in which it …" the last.
            on = clause_at(text, at, ON)
            which = clause_at(text, at, WHICH)
            for index, (symbol, entitled) in enumerate(items):
                if symbol.replace("/", "_").replace(" ", "_") == name:
                    continue
                citing[symbol].add(name)
                for other, _ in items:
                    if other != symbol and other in titled:
                        companions[symbol][other].add(name)
                last = index == len(items) - 1
                clause = entitled or on or (which if last else None)
                if clause:
                    clauses[symbol][clause].add(name)
    # What the texts say is shown for resolutions the record has no title for.
    # A resolution never described where it is cited is at least known by the
    # company it keeps: the titled resolution most often cited in the same list.
    rows = []
    # Only resolutions the record knows no title for: the hover shows the rest's titles.
    for symbol in sorted((set(clauses) | set(companions)) - titled, key=sort_key):
        clause, with_clause = best(clauses.get(symbol, {}))
        companion, with_companion = best(companions.get(symbol, {}))
        rows.append([symbol, clause, with_clause, len(citing[symbol]), companion, with_companion])
    with open(out, "w", encoding="utf-8", newline="\n") as handle:
        handle.write("symbol\tclause\ttexts_with_clause\ttexts_citing\tcited_with\ttexts_cited_with\n")
        for row in rows:
            handle.write("\t".join(str(cell) for cell in row) + "\n")
    kinds = Counter(row[1].split()[0] for row in rows if row[1])
    print(f"{len(files)} texts, {len(citing)} resolutions cited -> {out}")
    print(f"{sum(1 for r in rows if r[1])} with a clause (" + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())) + ")")
    print(f"{sum(1 for r in rows if not r[1])} with only a titled resolution they are cited with")


def best(texts_by_value):
    """The value most texts use (ties: the first in sorted order), with its count."""
    if not texts_by_value:
        return "", ""
    value, texts = min(texts_by_value.items(), key=lambda item: (-len(item[1]), item[0]))
    return value, len(texts)


def sort_key(symbol):
    return [int(piece) if piece.isdigit() else piece for piece in re.split(r"(\d+)", symbol)]


def titled_symbols(directory):
    """Symbols that `catalog.tsv` (built first, by build_catalog.py) gives a title."""
    with open(os.path.join(directory, "catalog.tsv"), encoding="utf-8") as handle:
        rows = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        return {row["symbol"] for row in rows if row["title_kind"] in ("O", "L", "C", "S", "A")}


if __name__ == "__main__":
    main()
