#!/usr/bin/env python3
"""Generates resources/schema/hcn-schema-catalog.json from the HCN fact table plus our overlay.

The fact table (hcn-schema.json) holds what the docs say; scripts/schema-overlay.json holds what the
project adds (string formats, policy settings bindings, input aliases, read-only fields, integer
emission). The output is the one schema resource the core embeds and the console reads, so it is
deterministic and laid out one field / enum value per line to keep diffs readable.

Usage:
    gen-schema-catalog.py [FACT_TABLE] [--overlay PATH] [--output PATH] [--check]

--check compares instead of writing and exits 1 when the checked-in catalog is stale.
"""

import argparse
import json
import re
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_FACTS = REPO_ROOT / ".." / "shared" / "reference" / "hcn-schema.json"
DEFAULT_OVERLAY = REPO_ROOT / "scripts" / "schema-overlay.json"
DEFAULT_OUTPUT = REPO_ROOT / "resources" / "schema" / "hcn-schema-catalog.json"

CATALOG_FORMAT = 1
SCALARS = ["string", "bool", "uint8", "uint16", "uint32", "uint64", "Guid", "ByteArray"]
FORMATS = ["IpAddress", "IpPrefix", "IpOrPrefix", "IpList", "MacAddress", "PortList", "ProtocolList"]
# String fields whose names suggest an address, port or protocol: each must be in overlay formats or noFormat,
# so a new address field in the fact table cannot slip through unannotated.
ADDRESS_LIKE = re.compile(r"Address|Prefix|IP|Ip[A-Z]|Mac|VIP|NextHop|Destination|Exception|Port|Protocol|ServerList")


class CatalogError(Exception):
    pass


def without_comments(mapping):
    return {k: v for k, v in mapping.items() if not k.startswith("$")}


def ancestors(types, name, seen=None):
    """All types name derives from, transitively (not including name itself)."""
    seen = set() if seen is None else seen
    for parent in types[name].get("derivedFrom") or []:
        if parent in types and parent not in seen:
            seen.add(parent)
            ancestors(types, parent, seen)
    return seen


def parse_type_ref(text):
    """'array of Foo' -> ('Foo', True)."""
    if text.startswith("array of "):
        return text[len("array of "):], True
    return text, False


def field_entry(field, types, enums):
    base, is_array = parse_type_ref(field["type"])
    entry = {"name": field["name"]}
    if base in SCALARS:
        entry.update(kind="scalar", isArray=is_array, scalar=base, typeName=base)
    elif base == "Any":
        entry.update(kind="any", isArray=is_array, scalar=None, typeName="Any")
    elif base in enums:
        entry.update(kind="enum", isArray=is_array, scalar=None, typeName=base)
    elif base in types:
        entry.update(kind="object", isArray=is_array, scalar=None, typeName=base)
    else:
        raise CatalogError(f"field {field['name']} has unknown type {field['type']!r}")
    entry.update(
        since=field.get("since"),
        description=field.get("description", ""),
        format=None,
        readOnly=False,
        aliases=[],
    )
    return entry


def apply_field_overlay(types, catalog_types, table, what, apply):
    """Applies table[TypeName][FieldName] to that type and to every type deriving from it."""
    for type_name, fields in without_comments(table).items():
        if type_name not in types:
            raise CatalogError(f"overlay {what}: unknown type {type_name}")
        for field_name, value in fields.items() if isinstance(fields, dict) else ((f, True) for f in fields):
            targets = [t for t in types if t == type_name or type_name in ancestors(types, t)]
            hits = 0
            for target in targets:
                for entry in catalog_types[target]["fields"]:
                    if entry["name"] == field_name:
                        apply(target, entry, value)
                        hits += 1
            if hits == 0:
                raise CatalogError(f"overlay {what}: {type_name} has no field {field_name}")


def build(facts, overlay):
    types = facts["types"]
    enums = facts["enums"]
    enum_meta = facts["enumMeta"]
    extras = facts.get("outsideDocs", {})

    # Types and enums are looked up case-insensitively by the core, so names must stay distinct that way.
    for kind, names in (("type", types), ("enum", enums)):
        lowered = {}
        for name in names:
            if name.lower() in lowered:
                raise CatalogError(f"{kind} names {lowered[name.lower()]} and {name} differ only in case")
            lowered[name.lower()] = name

    catalog_types = {}
    for name, t in types.items():
        catalog_types[name] = {
            "name": name,
            "description": t.get("description", ""),
            "note": t.get("note", ""),
            "derivedFrom": list(t.get("derivedFrom") or []),
            "referencedBy": list(t.get("referencedBy") or []),
            "fields": [field_entry(f, types, enums) for f in t.get("fields", [])],
        }

    # Fields documented elsewhere (hcsshim, WSL): appended, marked with their basis. A name the docs already
    # list keeps its documented type and only records the other spelling of its type.
    extra_field_count = 0
    for type_name, fields in extras.get("fieldsOutsideDocs", {}).items():
        if type_name not in types:
            raise CatalogError(f"outsideDocs field for unknown type {type_name}")
        for f in fields:
            existing = next((e for e in catalog_types[type_name]["fields"] if e["name"] == f["name"]), None)
            info = {"type": f["type"], "basis": f["basis"]}
            if "note" in f:
                info["note"] = f["note"]
            if existing is not None:
                existing["outsideDocs"] = info
                continue
            entry = field_entry({"name": f["name"], "type": f["type"]}, types, enums)
            entry["since"] = overlay.get("extraFieldSince", {}).get(f"{type_name}.{f['name']}", "2.0")
            note = f.get("note", "")
            entry["description"] = (note + "; " if note else "") + f"not in the docs, seen in {f['basis']}"
            entry["outsideDocs"] = info
            catalog_types[type_name]["fields"].append(entry)
            extra_field_count += 1

    def set_format(_type, entry, value):
        if value not in FORMATS:
            raise CatalogError(f"unknown format {value} for {_type}.{entry['name']}")
        if entry["typeName"] != "string":
            raise CatalogError(f"format {value} on non-string field {_type}.{entry['name']}")
        entry["format"] = value

    apply_field_overlay(types, catalog_types, overlay.get("formats", {}), "formats", set_format)

    def set_read_only(_type, entry, _value):
        entry["readOnly"] = True

    apply_field_overlay(types, catalog_types, overlay.get("readOnly", {}), "readOnly", set_read_only)

    alias_table = {}
    for type_name, fields in without_comments(overlay.get("aliases", {})).items():
        alias_table[type_name] = {name: spec["aliases"] for name, spec in fields.items()}

    def set_aliases(type_name, entry, aliases):
        known = {e["name"].lower() for e in catalog_types[type_name]["fields"]}
        for alias in aliases:
            if alias.lower() in known:
                raise CatalogError(f"alias {alias} of {type_name}.{entry['name']} collides with a field")
        entry["aliases"] = sorted(set(entry["aliases"]) | set(aliases))

    apply_field_overlay(types, catalog_types, alias_table, "aliases", set_aliases)

    no_format = overlay.get("noFormat", {})
    for key in no_format:
        type_name, _, field_name = key.partition(".")
        if type_name not in types or not any(e["name"] == field_name for e in catalog_types[type_name]["fields"]):
            raise CatalogError(f"overlay noFormat: unknown field {key}")
    unreviewed = []
    for name, t in catalog_types.items():
        for entry in t["fields"]:
            if entry["typeName"] != "string" or entry["format"] or not ADDRESS_LIKE.search(entry["name"]):
                continue
            reviewed = {name} | ancestors(types, name)
            if not any(f"{r}.{entry['name']}" in no_format for r in reviewed):
                unreviewed.append(f"{name}.{entry['name']}")
    if unreviewed:
        raise CatalogError("address-like fields without a format or a noFormat reason: " + ", ".join(unreviewed))

    # Enums: documented values, then the outside-docs values with their basis.
    also_numeric = set(overlay.get("emitNumeric", {}).get("alsoEmitNumeric", []))
    for name in also_numeric:
        if name not in enums:
            raise CatalogError(f"overlay emitNumeric: unknown enum {name}")
    extra_since = overlay.get("extraValueSince", {})
    extra_values = extras.get("enumValuesOutsideDocs", {})
    catalog_enums = {}
    extra_value_count = 0
    for name, values in enums.items():
        kind = enum_meta.get(name, {}).get("kind", "ordinal")
        bitmask = kind == "bitmask"
        out_values = []
        for position, v in enumerate(values):
            numeric = v.get("numeric")
            basis = v.get("numericBasis")
            if numeric is None:
                # The docs give no integer for these (GuestNetworkServiceNotificationType): the position stands in,
                # marked so nobody mistakes it for a known encoding.
                numeric = position
                basis = "not documented; position in the documented list"
            out_values.append({
                "name": v["value"],
                "numeric": numeric,
                "since": v["since"],
                "description": v.get("description", ""),
                "numericBasis": basis,
            })
        for v in extra_values.get(name, []):
            if any(o["name"].lower() == v["value"].lower() or o["numeric"] == v["numeric"] for o in out_values):
                raise CatalogError(f"outsideDocs value {name}.{v['value']} collides with a documented value")
            note = v.get("note", "")
            out_values.append({
                "name": v["value"],
                "numeric": v["numeric"],
                "since": extra_since.get(f"{name}.{v['value']}", extra_since.get("default", "2.0")),
                "description": (note + "; " if note else "") + f"not in the docs, seen in {v['basis']}",
                "numericBasis": v["basis"],
                "outsideDocs": {"basis": v["basis"], **({"note": note} if note else {})},
            })
            extra_value_count += 1
        if bitmask:
            for v in out_values:
                n = v["numeric"]
                if n != 0 and n & (n - 1):
                    raise CatalogError(f"bitmask {name}.{v['name']} = {n} is not a single bit")
        catalog_enums[name] = {
            "name": name,
            "kind": kind,
            "bitmask": bitmask,
            "emitNumeric": bitmask or name in also_numeric,
            "referencedBy": list(enum_meta.get(name, {}).get("referencedBy", [])),
            "values": out_values,
        }
    for name in extra_values:
        if name not in enums:
            raise CatalogError(f"outsideDocs values for unknown enum {name}")

    bindings = []
    for policy_type, table in without_comments(overlay.get("policyBindings", {})).items():
        if policy_type not in types:
            raise CatalogError(f"policy binding for unknown type {policy_type}")
        type_field = next((e for e in catalog_types[policy_type]["fields"] if e["name"] == "Type"), None)
        if type_field is None or type_field["kind"] != "enum":
            raise CatalogError(f"{policy_type} has no enum Type field")
        enum_name = type_field["typeName"]
        value_names = [v["name"] for v in catalog_enums[enum_name]["values"]]
        missing = [v for v in value_names if v not in table]
        if missing:
            raise CatalogError(f"{policy_type}: no binding for {', '.join(missing)}")
        for value in value_names:
            settings = table[value]
            if settings is not None and settings not in types:
                raise CatalogError(f"{policy_type}.{value}: unknown settings type {settings}")
            bindings.append({"policyType": policy_type, "value": value, "settingsType": settings or ""})
        unknown = [v for v in table if v not in value_names]
        if unknown:
            raise CatalogError(f"{policy_type}: bindings for values {enum_name} does not have: {', '.join(unknown)}")

    def sort_key(name):
        return (name.lower(), name)

    return {
        "$comment": "Generated by scripts/gen-schema-catalog.py from hcn-schema.json and scripts/schema-overlay.json; "
                    "do not edit by hand.",
        "catalogFormat": CATALOG_FORMAT,
        "source": facts.get("source", ""),
        "versions": facts.get("versions", []),
        "counts": {
            "types": len(catalog_types),
            "enums": len(catalog_enums),
            "enumValues": sum(len(e["values"]) for e in catalog_enums.values()),
            "enumValuesOutsideDocs": extra_value_count,
            "fieldsOutsideDocs": extra_field_count,
            "policyBindings": len(bindings),
        },
        "formats": overlay.get("formatDescriptions", {}),
        "types": [catalog_types[n] for n in sorted(catalog_types, key=sort_key)],
        "enums": [catalog_enums[n] for n in sorted(catalog_enums, key=sort_key)],
        "policyBindings": bindings,
    }


def dumps(value):
    return json.dumps(value, ensure_ascii=True, separators=(", ", ": "))


def render(catalog):
    """Pretty enough to diff: one line per field, enum value and binding."""
    out = ["{"]
    top = list(catalog.items())
    for i, (key, value) in enumerate(top):
        comma = "," if i + 1 < len(top) else ""
        if key == "types":
            out.append(' "types": [')
            for j, t in enumerate(value):
                head = {k: v for k, v in t.items() if k != "fields"}
                out.append("  " + dumps(head)[:-1] + ', "fields": [')
                for k, f in enumerate(t["fields"]):
                    out.append("   " + dumps(f) + ("," if k + 1 < len(t["fields"]) else ""))
                out.append("  ]}" + ("," if j + 1 < len(value) else ""))
            out.append(" ]" + comma)
        elif key == "enums":
            out.append(' "enums": [')
            for j, e in enumerate(value):
                head = {k: v for k, v in e.items() if k != "values"}
                out.append("  " + dumps(head)[:-1] + ', "values": [')
                for k, v in enumerate(e["values"]):
                    out.append("   " + dumps(v) + ("," if k + 1 < len(e["values"]) else ""))
                out.append("  ]}" + ("," if j + 1 < len(value) else ""))
            out.append(" ]" + comma)
        elif key in ("policyBindings", "versions"):
            out.append(f' "{key}": [')
            for j, b in enumerate(value):
                out.append("  " + dumps(b) + ("," if j + 1 < len(value) else ""))
            out.append(" ]" + comma)
        else:
            out.append(f" {dumps(key)}: {dumps(value)}{comma}")
    out.append("}")
    return "\n".join(out) + "\n"


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("facts", nargs="?", default=str(DEFAULT_FACTS), help="path of hcn-schema.json")
    parser.add_argument("--overlay", default=str(DEFAULT_OVERLAY))
    parser.add_argument("--output", default=str(DEFAULT_OUTPUT))
    parser.add_argument("--check", action="store_true", help="fail if the output file is not up to date")
    args = parser.parse_args(argv)

    try:
        facts = json.loads(Path(args.facts).read_text(encoding="utf-8"))
        overlay = json.loads(Path(args.overlay).read_text(encoding="utf-8"))
        text = render(build(facts, overlay))
    except (OSError, ValueError, CatalogError) as error:
        print(f"gen-schema-catalog: {error}", file=sys.stderr)
        return 2

    output = Path(args.output)
    if args.check:
        current = output.read_text(encoding="utf-8") if output.exists() else ""
        if current != text:
            print(f"gen-schema-catalog: {output} is out of date; rerun scripts/gen-schema-catalog.py", file=sys.stderr)
            return 1
        return 0
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(text, encoding="utf-8", newline="\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
