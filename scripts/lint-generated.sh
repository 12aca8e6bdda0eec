#!/usr/bin/env bash
# Generates the skeleton for several teams, every kind and both languages (and a team whose values
# are full of Markdown and HTML) and runs markdownlint (default rules, line length aside) on every
# Markdown file. Needs markdownlint-cli2 (npm install -g markdownlint-cli2).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin="$PWD/target/release/mlteam"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo '{"config": {"MD013": false}}' > "$work/.markdownlint-cli2.jsonc"

teams=(all business-consultant data-analyst "product-manager,devops-engineer"
       "data-scientist,ml-engineer,data-engineer")
for lang in en zh; do
  for kind in product delivery research; do
    for i in "${!teams[@]}"; do
      "$bin" init "$work/$lang-$kind-$i" --yes --quiet --lang "$lang" --kind "$kind" \
        --roles "${teams[$i]}" --timezone Asia/Shanghai \
        --member "Ada Lovelace <ada@example.com> @ada=${teams[$i]%%,*}"
    done
  done
done
# Values full of Markdown, HTML, links and marker-like text: escaped, they must lint clean too.
for lang in en zh; do
  "$bin" init "$work/$lang-hostile" --yes --quiet --lang "$lang" --timezone UTC \
    --roles data-scientist,ml-engineer \
    --name '# *Fraud* _detection_ | <b>x</b> mlteam:end team' \
    --description='- <!-- mlteam:begin team --> `code` [a](http://x) www.x.org a@b.org $x$ ~~s~~ &amp; 1. x' \
    --member 'Ada [x] *y* <ada_x+1@example.com> @ada=data-scientist' --member '1. Bo | Li=ml-engineer'
done
cd "$work" && markdownlint-cli2 "**/*.md"
