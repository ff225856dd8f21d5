#!/usr/bin/env python3
"""Writes docs/errors.md from the error catalog, as `hcnctl explain all --json` prints it.

    scripts/errors-doc.py [HCNCTL] > docs/errors.md

HCNCTL defaults to build/app/hcnctl/hcnctl. tests/core/tst_errorcatalog checks that the document lists
every catalogued code.
"""
import json
import subprocess
import sys

INTRO = """# Error codes

What every HRESULT in the error catalog means for HCN, what causes it in the field and what to check.
The same text is what `hcnctl explain CODE` prints and what the console shows under an error
(Causes and checks). This file is generated from the catalog (`core/common/error_catalog_*.cpp`) by
`scripts/errors-doc.py`; edit the catalog, then regenerate.

`hcnctl explain` reads a code however it was written: `0x803B0013`, `803b0013`, `-2143617005`
(signed decimal, as PowerShell's `Exception.HResult` shows it), `2151350291` (an ErrorRecord's
`ErrorCode`), a Win32 error number (`1168` reads as `0x80070490`), the name
(`HCN_E_PORT_ALREADY_EXISTS`, also the `HNS_` spelling seen in support notes,
`HNS_PORT_ALREADY_EXISTS`) or the `hr::` constant (`PortAlreadyExists`). Eight digits starting with 8
(`80070490`) are read as hex: as a decimal number they would be a success code nobody reports; other
numbers without `0x` and without hex letters are decimal. A code
not in the catalog is still decoded: severity, facility and code, for FACILITY_WIN32 the Win32 error
number, with `certutil -error` / `net helpmsg` to look it up on Windows. Exit status: 0 when every code
is known, 1 when one is not, 2 for text that is not an error code.

Where the facts come from: names, values and message texts are Windows' own (winerror.h and the HCN
reference; the HCN meanings are paraphrased from Microsoft's table). The causes come from public field
reports where there are any (hcsshim and its tests, kube-proxy, flannel, antrea, Docker, WSL and
microsoft/SDN issues); the rest follow from the code's name and from what this engine does, and an entry
whose trigger Windows does not document says "inferred". Reading ERROR_GEN_FAILURE as the switch layer
failing is inferred from its message. docs/inferred-behaviours.md holds the engine's side of those
choices. The commands to check with are PowerShell's HNS module (`Get-HnsNetwork`, `Get-HnsEndpoint`,
`Get-HnsPolicyList`, `Get-HnsNamespace` from hns.psm1), `hnsdiag`, `vfpctrl` and `hcnctl`.

| Code | Name | Meaning | Common causes | What to check |
|---|---|---|---|---|
"""


def cell(text):
    return text.replace("|", "\\|").replace("\n", " ")


def items(lines):
    return "<br>".join("• " + cell(line) for line in lines)


def main():
    hcnctl = sys.argv[1] if len(sys.argv) > 1 else "build/app/hcnctl/hcnctl"
    run = subprocess.run([hcnctl, "--json", "explain", "all"], check=True, capture_output=True, text=True)
    out = [INTRO]
    for e in json.loads(run.stdout):
        meaning = cell(e["Meaning"])
        if e["Message"]:
            meaning = "*" + cell(e["Message"]) + "*<br>" + meaning
        out.append(f"| {e['HResult']} | {e['Name']} | {meaning} | {items(e['Causes'])} | {items(e['Checks'])} |\n")
    sys.stdout.write("".join(out))


if __name__ == "__main__":
    main()
