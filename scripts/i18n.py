#!/usr/bin/env python3
"""Adds or updates texts in both resource files of the web app (Chinese is the neutral language, English the
satellite), keeping keys sorted. A developer convenience; the .resx files are the source of truth.

  scripts/i18n.py set KEY "中文" "English"
  scripts/i18n.py import FILE.tsv          # lines: KEY<TAB>中文<TAB>English
  scripts/i18n.py missing                  # keys used as T.Key in .razor/.cs files but absent from the resources
"""
import os, re, sys
import xml.etree.ElementTree as ET

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WEB = os.path.join(ROOT, "src", "PatentTransfer.Web")
ZH = os.path.join(WEB, "Localization", "SharedResource.resx")
EN = os.path.join(WEB, "Localization", "SharedResource.en.resx")

HEADER = """<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
"""

def load(path):
    if not os.path.exists(path):
        return {}
    return {d.get("name"): (d.findtext("value") or "") for d in ET.parse(path).getroot().findall("data")}

def esc(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

def save(path, entries):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(HEADER)
        for key in sorted(entries, key=str.lower):
            f.write(f'  <data name="{key}" xml:space="preserve"><value>{esc(entries[key])}</value></data>\n')
        f.write("</root>\n")

def main(argv):
    zh, en = load(ZH), load(EN)
    if len(argv) == 4 and argv[0] == "set":
        zh[argv[1]], en[argv[1]] = argv[2], argv[3]
    elif len(argv) == 2 and argv[0] == "import":
        for number, line in enumerate(open(argv[1], encoding="utf-8"), 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) != 3:
                sys.exit(f"{argv[1]}:{number}: expected KEY<TAB>zh<TAB>en")
            zh[parts[0]], en[parts[0]] = parts[1], parts[2]
    elif argv == ["missing"]:
        used = set()
        for folder, _, files in os.walk(WEB):
            if "/obj" in folder or "/bin" in folder:
                continue
            for name in files:
                if name.endswith((".razor", ".cs")):
                    used |= set(re.findall(r"\bT\.([A-Z][A-Za-z0-9_]*)", open(os.path.join(folder, name), encoding="utf-8").read()))
        for key in sorted(used - set(zh)):
            print(key)
        return
    else:
        sys.exit(__doc__)
    save(ZH, zh)
    save(EN, en)

if __name__ == "__main__":
    main(sys.argv[1:])
