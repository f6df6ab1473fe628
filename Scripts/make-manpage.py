#!/usr/bin/env python3
"""Writes awx-report's man page (man(7) macros) from the command definitions.

Usage: awx-report --experimental-dump-help | python3 Scripts/make-manpage.py > awx-report.1

The input is swift-argument-parser's ToolInfo JSON, so the page lists exactly the
subcommands, options, defaults and help texts declared in Sources/AWXReportCommand.
The output is deterministic (no date), so the same binary gives the same page.
"""

import json
import sys


def esc(text):
    """Escapes text for roff: backslashes, and a leading '.' or "'" on any line."""
    text = text.replace("\\", "\\e")
    lines = []
    for line in text.split("\n"):
        if line.startswith(".") or line.startswith("'"):
            line = "\\&" + line
        lines.append(line)
    return "\n".join(lines)


def dashes(text):
    return esc(text).replace("-", "\\-")


def paragraphs(text):
    """Help text as roff paragraphs: blank lines separate them."""
    out = []
    for para in text.strip().split("\n\n"):
        para = para.strip()
        if para:
            if out:
                out.append(".PP")
            out.append(esc(para))
    return out


def name_of(n):
    kind, name = n["kind"], n["name"]
    if kind == "long":
        return "--" + name
    if kind == "short":
        return "-" + name
    return "-" + name  # longWithSingleDash


def arg_label(a):
    value = a.get("valueName") or "value"
    if a["kind"] == "positional":
        return "\\fI" + dashes(value) + "\\fR" + ("..." if a.get("isRepeating") else "")
    names = ", ".join("\\fB" + dashes(name_of(n)) + "\\fR" for n in a.get("names", []))
    if a["kind"] == "option":
        names += " \\fI" + dashes("<" + value + ">") + "\\fR"
    return names


def arguments(cmd):
    out = []
    for a in cmd.get("arguments", []):
        if not a.get("shouldDisplay", True):
            continue
        out.append(".TP")
        out.append(arg_label(a))
        body = a.get("abstract", "")
        if a.get("discussion"):
            body += ("\n\n" if body else "") + a["discussion"]
        if a.get("allValues"):
            body += ("\n\n" if body else "") + "Values: " + ", ".join(a["allValues"]) + "."
        if a.get("defaultValue") not in (None, ""):
            body += ("\n\n" if body else "") + "Default: " + a["defaultValue"] + "."
        body = body.strip() or " "
        out.extend(paragraphs(body) or ["\\&"])
    return out


def synopsis(cmd, path):
    parts = ["\\fB" + dashes(path) + "\\fR"]
    if cmd.get("subcommands"):
        parts.append("\\fIsubcommand\\fR")
    for a in cmd.get("arguments", []):
        if not a.get("shouldDisplay", True):
            continue
        if a["kind"] == "positional":
            label = arg_label(a)
        else:
            n = a.get("preferredName") or (a.get("names") or [None])[0]
            if n is None:
                continue
            label = "\\fB" + dashes(name_of(n)) + "\\fR"
            if a["kind"] == "option":
                label += " \\fI" + dashes("<" + (a.get("valueName") or "value") + ">") + "\\fR"
        if a.get("isOptional"):
            label = "[" + label + "]"
        parts.append(label)
    return " ".join(parts)


def subcommand_sections(cmd, path):
    out = []
    for sub in cmd.get("subcommands", []):
        if sub.get("shouldDisplay", True) is False:
            continue
        sub_path = path + " " + sub["commandName"]
        out.append(".SS " + dashes(sub_path))
        out.append(synopsis(sub, sub_path))
        if sub.get("abstract"):
            out.append(".PP")
            out.extend(paragraphs(sub["abstract"]))
        if sub.get("discussion"):
            out.append(".PP")
            out.extend(paragraphs(sub["discussion"]))
        args = arguments(sub)
        if args:
            out.append(".PP")
            out.append("Options:")
            out.append(".RS")
            out.extend(args)
            out.append(".RE")
        out.extend(subcommand_sections(sub, sub_path))
    return out


def main():
    info = json.load(sys.stdin)
    cmd = info["command"]
    name = cmd["commandName"]
    version = sys.argv[1] if len(sys.argv) > 1 else ""
    out = [
        '.TH "%s" "1" "" "%s" "User Commands"'
        % (name.upper(), esc((name + " " + version).strip())),
        ".nh",
        ".ad l",
        ".SH NAME",
        dashes(name) + " \\- " + esc(cmd.get("abstract", "")),
        ".SH SYNOPSIS",
        synopsis(cmd, name),
        ".SH DESCRIPTION",
    ]
    out.extend(paragraphs(cmd.get("abstract", "")))
    if cmd.get("discussion"):
        out.append(".PP")
        out.extend(paragraphs(cmd["discussion"]))
    args = arguments(cmd)
    if args:
        out.append(".SH OPTIONS")
        out.extend(args)
    subs = subcommand_sections(cmd, name)
    if subs:
        out.append(".SH SUBCOMMANDS")
        out.extend(subs)
    out.append(".SH SEE ALSO")
    out.append(
        dashes(name)
        + " \\fIsubcommand\\fR \\fB\\-\\-help\\fR; shell completions: "
        + dashes(name)
        + " \\fB\\-\\-generate\\-completion\\-script\\fR bash|zsh|fish."
    )
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
