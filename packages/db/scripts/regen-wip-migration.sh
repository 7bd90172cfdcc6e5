#!/usr/bin/env bash
# Session-only helper: regenerates the not-yet-landed migration 0004 from the current schema,
# serialised with flock so parallel edits cannot interleave. Delete once 0004 has landed.
set -euo pipefail
cd "$(dirname "$0")/.."
exec 9>/tmp/kapas-migration.lock
flock 9
rm -f drizzle/0004_*.sql drizzle/meta/0004_snapshot.json
python3 - <<'PY'
import json
p='drizzle/meta/_journal.json'
j=json.load(open(p)); j['entries']=[e for e in j['entries'] if e['idx']<4]
open(p,'w').write(json.dumps(j,indent=2)+'\n')
PY
npx drizzle-kit generate --name partners_workflow_trade_desk >/dev/null
ls drizzle/0004_*.sql
