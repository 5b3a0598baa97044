#!/usr/bin/env bash
# Regenerate the views of the catalog from lists/clinical-data.yaml (run from anywhere).
set -euo pipefail
cd "$(dirname "$0")"
awesomelint render clinical-data.yaml -o README.md
awesomelint render clinical-data.yaml --to csv -o clinical-data.csv
awesomelint render clinical-data.yaml --to html -o index.html
