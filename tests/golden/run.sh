#!/usr/bin/env bash
# Runs one golden case: tests/golden/<case>/cmd holds the arguments given to
# clausier (one line, words separated by spaces; {out} stands for a fresh
# output folder). The case's expected/ folder holds what it must produce:
# stdout, stderr, status, and every file written below {out} (under out/).
# Outputs are normalised (the output folder's path becomes {out}; documents
# are dated by SOURCE_DATE_EPOCH) so they are stable and reviewable.
# With CLAUSIER_ACCEPT=1 the expected/ folder is rewritten from the outputs:
# review the change with `git diff` before committing it.
set -uo pipefail
clausier="$1"
case_dir="$2"
name="$(basename "$case_dir")"
work="$(mktemp -d "${TMPDIR:-/tmp}/clausier-golden-$name.XXXXXX")"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/actual/out"

read -r -a words <"$case_dir/cmd"
args=()
for w in "${words[@]}"; do args+=("${w//\{out\}/$work/actual/out}"); done

SOURCE_DATE_EPOCH=1795305600 timeout 120 "$clausier" "${args[@]}" >"$work/actual/stdout" 2>"$work/actual/stderr"
echo $? >"$work/actual/status"
for f in "$work/actual/stdout" "$work/actual/stderr"; do
  sed -i "s#$work/actual/out#{out}#g" "$f"
done
# Documents written elsewhere than {out} are not part of a golden case.
find "$work/actual/out" -type d -empty -delete 2>/dev/null || true
# DOCX and ODT packages are compared as normalised XML, never as zip bytes:
# each becomes a folder <name>.docx.d/ holding its parts (XML pretty-printed)
# and _entries, the package's entries in order with their compression.
find "$work/actual/out" -type f \( -name '*.docx' -o -name '*.odt' \) -print0 |
  while IFS= read -r -d '' package; do
    python3 - "$package" <<'PY' || echo "golden $name: package illisible: $package" >&2
import sys, zipfile, pathlib, xml.dom.minidom
package = pathlib.Path(sys.argv[1])
folder = package.with_name(package.name + ".d")
with zipfile.ZipFile(package) as z:
    # Local header order (what readers see first), then each part.
    entries = sorted(z.infolist(), key=lambda i: i.header_offset)
    lines = []
    for info in entries:
        method = "stored" if info.compress_type == zipfile.ZIP_STORED else "deflated"
        lines.append(f"{info.filename} {method} {info.date_time[0]:04}-{info.date_time[1]:02}-{info.date_time[2]:02}")
        if info.is_dir():
            continue
        data = z.read(info)
        target = folder / info.filename
        target.parent.mkdir(parents=True, exist_ok=True)
        if info.filename.endswith((".xml", ".rels")):
            pretty = xml.dom.minidom.parseString(data).toprettyxml(indent="  ")
            data = "\n".join(l for l in pretty.splitlines() if l.strip()).encode() + b"\n"
        target.write_bytes(data)
    (folder / "_entries").write_text("\n".join(lines) + "\n")
package.unlink()
PY
  done

if [ "${CLAUSIER_ACCEPT:-}" = "1" ]; then
  rm -rf "$case_dir/expected"
  cp -r "$work/actual" "$case_dir/expected"
  echo "golden $name: expected/ rewritten; review it with git diff"
  exit 0
fi

if diff -ru "$case_dir/expected" "$work/actual" >"$work/diff"; then
  echo "golden $name: identical"
  exit 0
fi
echo "golden $name: outputs differ from $case_dir/expected (make accept rewrites them):" >&2
head -c 20000 "$work/diff" >&2
exit 1
