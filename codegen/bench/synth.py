#!/usr/bin/env python3
"""Synthetic metadata for the compile-scaling benchmark: N tables of 100 columns each, and
the same tables as plain serde-derive structs (what a user writes without the crate)."""
import json, os, sys

n, meta, plain = int(sys.argv[1]), sys.argv[2], sys.argv[3]

def label(t):
    return {"LocalizedLabels": [{"Label": t, "LanguageCode": 1033}], "UserLocalizedLabel": {"Label": t, "LanguageCode": 1033}}

# 100 columns: 30 text, 15 integer, 10 decimal, 5 money, 15 date-time, 10 bool, 5 guid, 5 choice, 5 lookup
KINDS = [("String", 30), ("Integer", 15), ("Decimal", 10), ("Money", 5), ("DateTime", 15),
         ("Boolean", 10), ("Uniqueidentifier", 5), ("Picklist", 5), ("Lookup", 5)]
RUST = {"String": "String", "Integer": "i32", "Decimal": "rust_decimal::Decimal", "Money": "rust_decimal::Decimal",
        "DateTime": "time::OffsetDateTime", "Boolean": "bool", "Uniqueidentifier": "uuid::Uuid",
        "Picklist": "i32", "Lookup": "uuid::Uuid"}

os.makedirs(meta, exist_ok=True)
sets = {"systemuser": "systemusers"}
plain_src = ["use serde::{Deserialize, Serialize};\n"]
for t in range(n):
    name = f"new_table{t}"
    sets[name] = f"{name}s"
    attrs, rels, fields = [], [], []
    for kind, count in KINDS:
        for i in range(count):
            col = f"new_{kind.lower()}{i}"
            a = {"LogicalName": col, "SchemaName": col, "AttributeType": kind,
                 "RequiredLevel": {"Value": "ApplicationRequired" if i == 0 else "None"},
                 "Description": label(f"The {kind} column number {i}.")}
            if kind == "String": a["MaxLength"] = 100 + i
            if kind == "Integer": a["MinValue"], a["MaxValue"] = 0, 1000
            if kind in ("Decimal", "Money"): a["Precision"], a["MinValue"], a["MaxValue"] = 2, -1000000, 1000000
            if kind == "Picklist":
                a["OptionSet"] = {"Name": f"{name}_{col}", "IsGlobal": False, "OptionSetType": "Picklist",
                                  "Options": [{"Value": 100000000 + k, "Label": label(f"Option {k}")} for k in range(10)]}
            serde_name = col
            if kind == "Lookup":
                target = f"new_table{(t + i + 1) % n}" if n > 1 else "systemuser"
                a["Targets"] = [target]
                rels.append({"SchemaName": f"{target}_{name}_{col}", "ReferencedEntity": target,
                             "ReferencedAttribute": f"{target}id", "ReferencingEntity": name,
                             "ReferencingAttribute": col, "ReferencingEntityNavigationPropertyName": f"{col}_{target}",
                             "CascadeConfiguration": {"Archive": "NoCascade", "Assign": "NoCascade", "Delete": "RemoveLink", "Merge": "NoCascade",
                                                      "Reparent": "NoCascade", "RollupView": "NoCascade", "Share": "NoCascade", "Unshare": "NoCascade"}})
                serde_name = f"_{col}_value"
            attrs.append(a)
            ser = ""
            if kind == "DateTime": ser = '    #[serde(default, with = "time::serde::rfc3339::option")]\n'
            elif kind in ("Decimal", "Money"): ser = '    #[serde(default, with = "rust_decimal::serde::float_option")]\n'
            fields.append(f'    /// The {kind} column number {i}.\n{ser}    #[serde(rename = "{serde_name}", skip_serializing_if = "Option::is_none")]\n    pub {col}: Option<{RUST[kind]}>,\n')
    os.makedirs(f"{meta}/{name}", exist_ok=True)
    entity = {"LogicalName": name, "SchemaName": name, "EntitySetName": f"{name}s",
              "PrimaryIdAttribute": "new_uniqueidentifier0", "PrimaryNameAttribute": "new_string0",
              "Attributes": attrs, "ManyToOneRelationships": rels}
    json.dump(entity, open(f"{meta}/{name}/entity.json", "w"))
    plain_src.append(f"/// Table `{name}`.\n#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]\npub struct Table{t} {{\n" + "".join(fields) + "}\n")
json.dump({"value": [{"LogicalName": k, "EntitySetName": v} for k, v in sets.items()]}, open(f"{meta}/entitysets.json", "w"))
open(plain, "w").write("\n".join(plain_src))
