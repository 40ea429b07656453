#!/usr/bin/env python3
"""Build the compact resolution catalog embedded in unres.

Reads the shared catalog (General Assembly, Security Council and the
citation-derived ECOSOC/HRC rows) and writes `catalog.tsv` next to this script,
keeping only the columns the analysis needs. Standard library only;
deterministic (rows sorted by body then symbol as in the input files).

Usage: python3 build_catalog.py [SHARED_CATALOG_DIR]
       (default: /work/shared/data/catalog)

Source: United Nations (UNxml GA/SC resolutions, Dag Hammarskjöld Library
tables) and Erik Voeten's UN voting data via dgrtwo/unvotes. See PROVENANCE.md.
When using the files, the user must acknowledge the United Nations as the
source of the information.
"""

import csv
import os
import sys

CORRECTED = []

INPUTS = ["ga_resolutions.tsv", "sc_resolutions.tsv", "other_resolutions.tsv"]

# How far a title can be trusted as the UN's own wording (column `title_kind`).
#   O  official UN wording (UNxml metadata, UN pages, quoted in UN texts)
#   C  UN Digital Library catalogue title as retyped in Voeten's data
#   S  secondary web pages agreeing (probably official, not from a UN copy)
#   T  a topic label (Voeten's short description), not a title
#   A  the agenda item under which an SC resolution was adopted
TITLE_KIND = {
    "unxml-ga": "O",
    "unxml-ga-xml": "O",
    "undl-record": "O",
    "un-document": "O",
    "un-web": "O",
    "entitled-in-unxml": "O",
    "unvotes-undl": "C",
    "web-secondary": "S",
    "unvotes-short": "T",
}

COLUMNS = ["symbol", "date", "confidence", "title_kind", "title", "meeting", "vote"]


def clean(value):
    return " ".join((value or "").replace("\t", " ").split())


def rows(directory):
    for name in INPUTS:
        path = os.path.join(directory, name)
        with open(path, encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
                yield row


def cited_dates(directory):
    """Majority dates of resolutions as cited in the official UN texts."""
    path = os.path.join(directory, "cited_resolutions.tsv")
    with open(path, encoding="utf-8", newline="") as handle:
        return {
            row["symbol"]: row["date"]
            for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
            if row["date"] and not row["flag"]
        }


def convert(row, cited):
    body = row["body"]
    title = clean(row.get("title"))
    if body == "SC":
        kind = "A" if title else ""
    else:
        kind = TITLE_KIND.get(row.get("title_source") or "", "T" if title else "")
    date = row["date"] if row["confidence"] in ("high", "medium") else ""
    confidence = {"high": "h", "medium": "m"}.get(row["confidence"], "") if date else ""
    # Security Council 1946-1999 rests on one source, the Dag Hammarskjold
    # Library meeting tables, which sometimes give a later meeting's date
    # (S/RES/1261(1999): table 27 August, adopted and cited 25 August). Where the
    # official texts cite another date, the cited date is kept instead.
    if row["source"] == "dhl-scact" and cited.get(row["symbol"], date) != date:
        date, confidence = cited[row["symbol"]], "m"
        CORRECTED.append(row["symbol"])
    return [
        row["symbol"],
        date,
        confidence,
        kind,
        title,
        clean(row.get("meeting")),
        clean(row.get("vote")),
    ]


def main():
    directory = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/data/catalog"
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "catalog.tsv")
    cited = cited_dates(directory)
    seen = set()
    lines = ["\t".join(COLUMNS)]
    for row in rows(directory):
        record = convert(row, cited)
        if record[0] in seen:
            raise SystemExit(f"duplicate symbol {record[0]}")
        seen.add(record[0])
        lines.append("\t".join(record))
    with open(out, "w", encoding="utf-8", newline="\n") as handle:
        handle.write("\n".join(lines) + "\n")
    print(f"{len(lines) - 1} rows -> {out}")
    print(f"SC dates taken from citations instead of the DHL tables: {', '.join(CORRECTED)}")


if __name__ == "__main__":
    main()
