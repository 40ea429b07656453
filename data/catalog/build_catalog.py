#!/usr/bin/env python3
"""Build the compact resolution catalog embedded in unres.

Reads the shared catalog (General Assembly, Security Council and the
citation-derived ECOSOC/HRC rows), merges the UN Digital Library voting records
(`sources/undl_voting_records.tsv` beside the catalog folder) and writes
`catalog.tsv` next to this script, keeping only the columns the analysis needs.
Standard library only; deterministic (the shared rows in their input order,
then the resolutions only the library lists, by symbol).

Usage: python3 build_catalog.py [SHARED_DATA_DIR]
       (default: /work/shared/data; `catalog/` and `sources/` are read there)

Source: United Nations (UNxml GA/SC resolutions, Dag Hammarskjöld Library
tables and Digital Library records) and Erik Voeten's UN voting data via
dgrtwo/unvotes. See PROVENANCE.md. When using the files, the user must
acknowledge the United Nations as the source of the information.
"""

import csv
import os
import re
import sys
from collections import Counter

INPUTS = ["ga_resolutions.tsv", "sc_resolutions.tsv", "other_resolutions.tsv"]

# How far a title can be trusted as the UN's own wording (column `title_kind`).
#   O  official UN wording (UNxml metadata, UN pages, quoted in UN texts)
#   L  the title of the UN Digital Library record (UN metadata)
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

COLUMNS = [
    "symbol",
    "date",
    "confidence",
    "title_kind",
    "title",
    "meeting",
    "vote",
    "subject",
]

ROMAN = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]

# What the merge did, reported at the end and in PROVENANCE.md.
STATS = Counter()
EVENTS = {}


def note(kind, symbol):
    STATS[kind] += 1
    EVENTS.setdefault(kind, []).append(symbol)


def clean(value):
    return " ".join((value or "").replace("\t", " ").split())


def read_tsv(path):
    with open(path, encoding="utf-8", newline="") as handle:
        yield from csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)


def cited_dates(directory):
    """Majority dates of resolutions as cited in the official UN texts."""
    return {
        row["symbol"]: row["date"]
        for row in read_tsv(os.path.join(directory, "catalog", "cited_resolutions.tsv"))
        if row["date"] and not row["flag"]
    }


def cited_alternatives(directory):
    """The other dates the official UN texts cite for a resolution (`2019-04-15x1`)."""
    return {
        row["symbol"]: [d.split("x")[0] for d in row["other_dates"].split(";") if d]
        for row in read_tsv(os.path.join(directory, "catalog", "cited_resolutions.tsv"))
        if row["other_dates"]
    }


def session_span(symbol):
    """First and last possible adoption day of a GA resolution `A/RES/N/x`
    (N >= 31): session N opens in September of 1945 + N and ends before the
    next one; resumed parts run to the end of the next year at most."""
    match = re.fullmatch(r"A/RES/([0-9]+)/[0-9]+(?: [A-Z])?", symbol)
    if not match or int(match.group(1)) < 31:
        return None
    opened = 1945 + int(match.group(1))
    return f"{opened}-09-01", f"{opened + 1}-12-31"


def date_in_session(record, alternatives):
    """A GA date outside its session's span is wrong (a citation's typo taken
    as the majority date, A/RES/73/287 "15 April 2018"): another date the
    texts cite within the span replaces it, or the date is dropped."""
    span = session_span(record["symbol"])
    if not span or not record["date"] or span[0] <= record["date"] <= span[1]:
        return
    fitting = [d for d in alternatives.get(record["symbol"], []) if span[0] <= d <= span[1]]
    was = record["date"]
    if fitting:
        record["date"], record["confidence"] = fitting[0], "m"
        note("GA date outside its session, a cited date within it taken", f"{record['symbol']} {record['date']} (was {was})")
    else:
        record["date"], record["confidence"] = "", ""
        note("GA date outside its session, dropped", f"{record['symbol']} (was {was})")


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
        note("SC date from citations instead of the DHL table", row["symbol"])
    # The library's description of an SC resolution, kept by the shared
    # catalog in `notes` for 2000 on ("DHL title: ... [on women and peace ...]").
    subject = ""
    match = re.search(r"DHL title: [^\[]*\[([^\]]+)\]", row.get("notes") or "")
    if body == "SC" and match:
        subject = clean(match.group(1))
    return {
        "symbol": row["symbol"],
        "date": date,
        "confidence": confidence,
        "title_kind": kind,
        "title": title,
        "meeting": clean(row.get("meeting")),
        "vote": clean(row.get("vote")),
        "subject": subject,
        "source": row["source"],
    }


def library_symbol(symbol):
    """The catalog's form of a Digital Library symbol, or None for the records
    of a part of a resolution (a paragraph, a rule, a section, a roman-numbered
    subdivision): `A/RES/217(III)[A]` -> `A/RES/217(III) A`, `A/RES/38/188H` ->
    `A/RES/38/188 H`, `A/RES/107(S-1)` -> `A/RES/107(S-I)`."""
    old = re.fullmatch(
        r"A/RES/(\d+)\(((?:E?S-)?)([IVXL]+|\d+)\)(?:\[([A-Z](?:-[A-Z])?)\]|([A-Z](?:-[A-Z])?))?",
        symbol,
    )
    if old:
        number, special, session, bracketed, plain = old.groups()
        if session.isdigit():
            session = ROMAN[int(session)]
        part = bracketed or plain
        return f"A/RES/{number}({special}{session})" + (f" {part}" if part else "")
    new = re.fullmatch(
        r"A/RES/((?:E?S-)?\d+)/(\d+)(?:\[([A-Z](?:-[A-Z])?)\]| ?([A-Z](?:-[A-Z])?))?", symbol
    )
    if new:
        session, number, bracketed, plain = new.groups()
        part = bracketed or plain
        return f"A/RES/{session}/{number}" + (f" {part}" if part else "")
    if re.fullmatch(r"S/RES/\d+\(\d{4}\)", symbol):
        return symbol
    return None


def parts_of(symbol):
    """`A/RES/377(V) A-C` -> the symbols of A, B and C; empty for one resolution."""
    match = re.fullmatch(r"(.+) ([A-Z])-([A-Z])", symbol)
    if not match:
        return []
    base, first, last = match.groups()
    return [f"{base} {chr(c)}" for c in range(ord(first), ord(last) + 1)]


def library_records(directory):
    records = {}
    for row in read_tsv(os.path.join(directory, "sources", "undl_voting_records.tsv")):
        symbol = library_symbol(row["symbol"])
        # `[B-I]`, `[A-V]`, `[B-X]`: section I, V or X of a part, not a range of parts.
        if symbol is not None and re.search(r" [A-Z]-[IVX]$", symbol):
            symbol = None
        if symbol is None:
            note("library record of a part of a resolution (not merged)", row["symbol"])
            continue
        if symbol in records:
            raise SystemExit(f"two library records for {symbol}")
        records[symbol] = row
    return records


def subject_of(title):
    """`Security Council resolution 15 (1946) [on establishment of ...]` -> `on establishment of ...`."""
    match = re.search(r"\[([^\]]+)\]\s*$", title)
    return clean(match.group(1)) if match else ""


def merge(record, library, cited):
    """Fold one library record into a catalog row, official UN metadata first."""
    symbol = record["symbol"]
    body = "SC" if symbol.startswith("S/") else "GA"
    date = library["date"]
    if record["date"] == date:
        if record["confidence"] == "m":
            record["confidence"] = "h"
            note(f"{body} date confirmed (medium -> high)", symbol)
        else:
            note(f"{body} date agrees", symbol)
    elif not record["date"]:
        record["date"], record["confidence"] = date, "h"
        note(f"{body} date added", symbol)
    elif record["source"].startswith("unxml"):
        # The UN's own metadata of the resolution wins.
        note(f"{body} date differs, official UNxml date kept", f"{symbol} {record['date']} (library {date})")
    elif cited.get(symbol) == record["date"]:
        # The date the adopted texts cite (UN texts, often several) against one record.
        note(f"{body} date differs, the date the texts cite kept", f"{symbol} {record['date']} (library {date})")
    elif cited.get(symbol) == date:
        note(f"{body} date differs, the library's date cited by the texts taken", f"{symbol} {date} (was {record['date']})")
        record["date"], record["confidence"] = date, "m"
    elif record["source"] == "dhl-scact":
        # Two Dag Hammarskjold Library sources disagree (usually by a day or a
        # week) and no text cites the resolution with a date: the meeting
        # table's date stays, with medium confidence.
        record["confidence"] = "m"
        note(f"{body} date differs, DHL table date kept (medium)", f"{symbol} {record['date']} (library {date})")
    else:
        note(f"{body} date differs, library date replaces {record['source']}", f"{symbol} {date} (was {record['date']})")
        record["date"], record["confidence"] = date, "h"
    title = library_title(library)
    if body == "SC":
        subject = subject_of(title)
        if subject and not record["subject"]:
            record["subject"] = subject
            note("SC subject added", symbol)
        return
    if record["title_kind"] == "O":
        same = title.lower().rstrip(".") == record["title"].lower().rstrip(".")
        note("GA official title kept" + ("" if same else " (library title differs)"), symbol)
    elif title:
        previous = record["title_kind"] or "none"
        if previous == "C" and title.lower() == record["title"].lower():
            note("GA title C -> L (same words)", symbol)
        else:
            note(f"GA title {previous} -> L", symbol)
        record["title"], record["title_kind"] = title, "L"


def library_title(library):
    """The library's title, its "A : B" subtitles written as the UN does ("A: B")."""
    return clean(library["title"]).replace(" : ", ": ")


def new_record(symbol, library):
    title = library_title(library)
    sc = symbol.startswith("S/")
    note(("SC" if sc else "GA") + " resolution added from the library", symbol)
    return {
        "symbol": symbol,
        "date": library["date"],
        "confidence": "h",
        "title_kind": "" if sc else "L",
        "title": "" if sc else title,
        "meeting": "",
        "vote": "recorded vote" if library["recorded_vote"] == "Y" else "",
        "subject": subject_of(title) if sc else "",
        "source": "undl",
    }


def sort_key(symbol):
    """Symbols in a natural order: body, session or year, number, part."""
    return [int(piece) if piece.isdigit() else piece for piece in re.split(r"(\d+)", symbol)]


def main():
    directory = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/data"
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "catalog.tsv")
    cited = cited_dates(directory)
    records = []
    by_symbol = {}
    for name in INPUTS:
        for row in read_tsv(os.path.join(directory, "catalog", name)):
            record = convert(row, cited)
            if record["symbol"] in by_symbol:
                raise SystemExit(f"duplicate symbol {record['symbol']}")
            by_symbol[record["symbol"]] = record
            records.append(record)
    added = []
    for symbol, library in sorted(library_records(directory).items(), key=lambda i: sort_key(i[0])):
        if symbol in by_symbol:
            merge(by_symbol[symbol], library, cited)
        elif any(part in by_symbol for part in parts_of(symbol)):
            note("library record of parts the catalog lists one by one (not merged)", symbol)
        else:
            added.append(new_record(symbol, library))
    records.extend(added)
    alternatives = cited_alternatives(directory)
    for record in records:
        date_in_session(record, alternatives)
    lines = ["\t".join(COLUMNS)]
    lines.extend("\t".join(record[c] for c in COLUMNS) for record in records)
    with open(out, "w", encoding="utf-8", newline="\n") as handle:
        handle.write("\n".join(lines) + "\n")
    print(f"{len(records)} rows -> {out}")
    for kind in sorted(STATS):
        shown = EVENTS[kind] if STATS[kind] <= 12 else EVENTS[kind][:3] + ["..."]
        print(f"{STATS[kind]:6}  {kind}: {', '.join(shown)}")


if __name__ == "__main__":
    main()
