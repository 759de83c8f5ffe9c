"""``presslens network [QUERY]``: the actors of a story and who does what to whom."""

from __future__ import annotations

import csv
import dataclasses
import json
import sys
import xml.etree.ElementTree as ET

import click
from rich.table import Table

from presslens.cli.options import db_option
from presslens.cli.output import FORMATS, console
from presslens.cli.search import question_options
from presslens.corpus.network import Network
from presslens.store.db import open_store
from presslens.store.network import story_network
from presslens.store.queries import Filters

_GRAPHML = "http://graphml.graphdrawing.org/xmlns"


def graphml(net: Network) -> str:
    """``net`` as GraphML: nodes with name and type, edges with relation, count and the
    evidence as JSON (for Gephi, yEd, networkx, igraph)."""
    root = ET.Element("graphml", xmlns=_GRAPHML)
    keys = (
        ("name", "node"),
        ("type", "node"),
        ("links", "node"),
        ("relation", "edge"),
        ("count", "edge"),
        ("evidence", "edge"),
    )
    for name, where in keys:
        kind = "int" if name in ("links", "count") else "string"
        ET.SubElement(root, "key", {"id": name, "for": where, "attr.name": name, "attr.type": kind})
    graph = ET.SubElement(root, "graph", id="presslens", edgedefault="directed")

    def data(parent: ET.Element, key: str, value: object) -> None:
        ET.SubElement(parent, "data", key=key).text = "" if value is None else str(value)

    for n in net.nodes:
        node = ET.SubElement(graph, "node", id=n.key)
        data(node, "name", n.name)
        data(node, "type", n.type)
        data(node, "links", n.links)
    for i, e in enumerate(net.edges):
        edge = ET.SubElement(graph, "edge", id=f"e{i}", source=e.source, target=e.target)
        data(edge, "relation", e.relation)
        data(edge, "count", e.count)
        data(edge, "evidence", json.dumps([dataclasses.asdict(v) for v in e.evidence]))
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


def _print(net: Network) -> None:
    names = {n.key: n.name for n in net.nodes}
    table = Table(expand=True, header_style="bold")
    for name, ratio in (("who", 2), ("does", 1), ("to whom", 2), ("times", 1), ("evidence", 4)):
        table.add_column(name, ratio=ratio)
    for e in net.edges:
        first = e.evidence[0]
        table.add_row(
            names[e.source],
            e.relation,
            names[e.target],
            str(e.count),
            f"#{first.article_id} {first.source} {first.id}: {first.text}",
        )
    out = console()
    out.print(table)
    out.print(f"{len(net.nodes)} actors, {len(net.edges)} relations")


@click.command("network")
@click.argument("query", required=False)
@db_option
@click.option(
    "--min-count",
    type=click.IntRange(1),
    default=1,
    show_default=True,
    help="Only relations read at least this many times.",
)
@question_options(paged=False)
@click.option(
    "--format",
    "fmt",
    type=click.Choice([*FORMATS, "graphml"]),
    default=None,
    help="table (the default on a terminal), json, jsonl or csv (one edge a line), graphml.",
)
def network_command(
    query: str | None,
    db: str,
    min_count: int,
    filters: Filters,
    fmt: str | None,
) -> None:
    """The actors of a story (QUERY's articles; the most recent articles without one) and
    who supports, criticises, demands of, consults or attacks whom, from events and quotes;
    each relation with its count and evidence."""
    net = story_network(
        open_store(db, read_only=True),
        query,
        min_count=min_count,
        filters=filters,
    )
    fmt = fmt or ("table" if sys.stdout.isatty() else "jsonl")
    edges = [dataclasses.asdict(e) for e in net.edges]
    if fmt == "graphml":
        sys.stdout.write(graphml(net))
    elif fmt == "json":
        whole = {"nodes": [dataclasses.asdict(n) for n in net.nodes], "edges": edges}
        sys.stdout.write(json.dumps(whole, ensure_ascii=False, indent=2) + "\n")
    elif fmt == "jsonl":
        for edge in edges:
            sys.stdout.write(json.dumps(edge, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(["source", "relation", "target", "count", "evidence"])
        for e in net.edges:
            cited = "; ".join(f"#{v.article_id} {v.source} {v.id}" for v in e.evidence)
            writer.writerow([e.source, e.relation, e.target, e.count, cited])
    else:
        _print(net)
