#!/usr/bin/env bash
# Checks that each layer of host/ includes only the layers below it and only
# the libraries it is allowed to use (docs/architecture.md).
set -uo pipefail
cd "$(dirname "$0")/../../host"

declare -A allowed=(
  [base]="base"
  [model]="base model"
  [params]="base model params"
  [readers]="base model readers"
  [engine]="base model params engine"
  [lua]="base model params engine lua"
  [render]="base model params engine render"
  [writers]="base model params engine render writers"
  [store]="base model params engine render writers store"
  [app]="base model params readers engine lua render writers store app"
  [server]="base model params readers engine lua render writers store app server"
  [cli]="base model params readers engine lua render writers store app server cli"
)
# Third-party headers, by the layers that may include them.
declare -A libraries=(
  ["lua.hpp"]="lua" ["lua.h"]="lua" ["lauxlib.h"]="lua" ["lualib.h"]="lua"
  ["kainjow/"]="render"
  ["libxml/"]="readers"
  ["zlib.h"]="readers writers"
  ["Poco/Zip/"]=""  # tests only: writers::ZipWriter writes every archive
  ["Poco/JSON/"]="render store app server"
  ["Poco/Net/"]="server cli"
  ["mimalloc"]="base"
  ["Poco/Data/"]="store"
  ["sodium"]="app"
)

status=0
for layer in "${!allowed[@]}"; do
  [ -d "$layer" ] || continue
  while IFS=: read -r file _ include; do
    target="$(sed -E 's/.*#include [<"]([^">]+)[">].*/\1/' <<<"$include")"
    dir="${target%%/*}"
    if [ -d "$dir" ] && [[ "$target" == */* ]]; then
      if [[ " ${allowed[$layer]} " != *" $dir "* ]]; then
        echo "$file: the $layer layer may not include $target (allowed: ${allowed[$layer]})"
        status=1
      fi
      continue
    fi
    for lib in "${!libraries[@]}"; do
      if [[ "$target" == "$lib"* ]] && [[ " ${libraries[$lib]} " != *" $layer "* ]]; then
        echo "$file: the $layer layer may not include $target (only: ${libraries[$lib]})"
        status=1
      fi
    done
  done < <(grep -rn '^#include' "$layer" --include='*.hpp' --include='*.cpp')
done
[ $status -eq 0 ] && echo "layers: every include goes one way"
exit $status
