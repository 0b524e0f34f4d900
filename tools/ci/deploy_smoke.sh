#!/usr/bin/env bash
# The deployment of docs/deploy.md, step by step, on a throwaway PostgreSQL database: build the
# wheel, install it in a fresh virtualenv, collectstatic, migrate, check --deploy, start
# gunicorn and the database task worker, then as a user would: log in, open the survey link
# an invitation mail carries, load the pages and their static files. Fails on any step, any
# 500 or any traceback in the logs; stops everything it started (trap). Bounded: every wait
# has a timeout, the whole step stays under 4 minutes.
#
#   tools/ci/deploy_smoke.sh            (from the repository root; needs PostgreSQL on
#                                        127.0.0.1:5432, user postgres, trust auth)
# Environment: DEPLOY_SMOKE_PORT (default 8102), KEEP=1 keeps the temporary folder.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
PORT=${DEPLOY_SMOKE_PORT:-8102}
DB="netlead_deploy_smoke_$$"
PG="postgres://postgres@127.0.0.1:5432"
TMP=$(mktemp -d -t netlead-deploy-smoke.XXXXXX)
START=$SECONDS
PIDS=()

say() { printf '[deploy-smoke %3ds] %s\n' $((SECONDS - START)) "$*"; }
fail() { say "FAILED: $*"; exit 1; }

cleanup() {
  local status=$?
  for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
  done
  timeout 20 "$ROOT/.venv/bin/python" - "$DB" <<'PY' || true
import sys, psycopg
with psycopg.connect("host=127.0.0.1 port=5432 user=postgres dbname=postgres", autocommit=True, connect_timeout=5) as c:
    c.execute(f'DROP DATABASE IF EXISTS "{sys.argv[1]}" WITH (FORCE)')
PY
  if [ "$status" != 0 ]; then
    for log in "$TMP"/*.log; do [ -f "$log" ] && { echo "--- $log (last 40 lines)"; tail -n 40 "$log"; }; done
  fi
  if [ "${KEEP:-}" = 1 ]; then say "kept $TMP"; else rm -rf "$TMP"; fi
  exit "$status"
}
trap cleanup EXIT INT TERM

(exec 3<>/dev/tcp/127.0.0.1/5432) 2>/dev/null || fail "PostgreSQL does not answer on 127.0.0.1:5432"

# 1. The wheel, built from a checkout whose front-end libraries (make static) and compiled
#    translations (make messages) are in place: both ship inside the package.
say "building the wheel"
make --no-print-directory static messages >"$TMP/make.log" 2>&1 || fail "make static messages"
timeout 120 .venv/bin/python -m build --wheel --outdir "$TMP/dist" . >"$TMP/build.log" 2>&1 || fail "python -m build"
rm -rf build
WHEEL=$(ls "$TMP"/dist/netlead-*.whl)
CONTENTS=$(unzip -l "$WHEEL")
for needed in netlead/static/vendor/htmx.min.js netlead/static/vendor/chart.umd.min.js.map \
  netlead/locale/nl/LC_MESSAGES/django.mo netlead/templates/base.html; do
  grep -q " $needed\$" <<<"$CONTENTS" || fail "the wheel lacks $needed"
done

# 2. A fresh virtualenv with the same Python, and the wheel in it.
PYTHON=$(.venv/bin/python -c 'import sys; print(sys._base_executable)')
say "installing $(basename "$WHEEL") into a fresh virtualenv ($PYTHON)"
"$PYTHON" -m venv "$TMP/venv"
timeout 150 "$TMP/venv/bin/pip" install --quiet --disable-pip-version-check --no-compile "$WHEEL" >"$TMP/pip.log" 2>&1 || fail "pip install"
BIN=$TMP/venv/bin

# 3. Production settings (DEBUG off), the database of its own, mail into files.
export SECRET_KEY="deploy-smoke-$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
export DEBUG=false
export ALLOWED_HOSTS=127.0.0.1
export SITE_URL="https://127.0.0.1:$PORT"
export DATABASE_URL="$PG/$DB"
export NETLEAD_VAR_DIR="$TMP/var"
export TASKS_BACKEND=database
export EMAIL_FILE_PATH="$TMP/mail"
unset REDIS_URL EMAIL_HOST
cd "$TMP"   # nothing from the checkout on the import path from here on

timeout 20 "$ROOT/.venv/bin/python" - "$DB" <<'PY' || fail "createdb"
import sys, psycopg
with psycopg.connect("host=127.0.0.1 port=5432 user=postgres dbname=postgres", autocommit=True, connect_timeout=5) as c:
    c.execute(f'CREATE DATABASE "{sys.argv[1]}"')
PY
say "collectstatic"
timeout 120 "$BIN/netlead" collectstatic --no-input -v0 >"$TMP/collectstatic.log" 2>&1 || fail "collectstatic"
say "migrate"
timeout 120 "$BIN/netlead" migrate --no-input -v0 >"$TMP/migrate.log" 2>&1 || fail "migrate"
# As in production, with an SMTP server named (this check mails into files instead).
say "check --deploy"
EMAIL_HOST=smtp.example.org timeout 60 "$BIN/netlead" check --deploy --fail-level WARNING >"$TMP/check.log" 2>&1 || {
  cat "$TMP/check.log"; fail "check --deploy"; }

# 4. gunicorn and the database task worker.
say "starting gunicorn on 127.0.0.1:$PORT and the task worker"
"$BIN/gunicorn" netlead.wsgi:application --bind "127.0.0.1:$PORT" --workers 2 --timeout 30 \
  --access-logfile "$TMP/access.log" --error-logfile "$TMP/gunicorn.log" &
PIDS+=($!)
"$BIN/netlead" db_worker --interval 0.5 >"$TMP/worker.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 100); do (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && break; sleep 0.2; done
(exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null || fail "gunicorn does not answer on $PORT"

# 5. A leader who can log in, a network of six and an opened round: its invitations are queued
#    and sent by the worker.
PASSWORD="smoke-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
timeout 60 "$BIN/python" "$ROOT/tools/ci/smoke_round.py" --members 6 --password "$PASSWORD" \
  --site "$SITE_URL" >"$TMP/round.json" 2>"$TMP/round.log" || fail "setting up the round"
say "round set up: $(cat "$TMP/round.json")"

# 6. What a user does, over HTTP as through the proxy (X-Forwarded-Proto: https).
timeout 90 "$BIN/python" - "$PORT" "$PASSWORD" "$TMP/round.json" "$EMAIL_FILE_PATH" <<'PY' || fail "the HTTP checks"
import email, http.client, json, pathlib, re, sys, time, urllib.parse
from http.cookies import SimpleCookie

port, password, round_file, mail_dir = int(sys.argv[1]), sys.argv[2], sys.argv[3], pathlib.Path(sys.argv[4])
info = json.loads(pathlib.Path(round_file).read_text())
origin = f"https://127.0.0.1:{port}"
cookies: dict[str, str] = {}
seen: list[tuple[int, str]] = []

def request(method, path, form=None):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
    headers = {"Host": f"127.0.0.1:{port}", "X-Forwarded-Proto": "https", "Accept-Language": "en"}
    if cookies:
        headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in cookies.items())
    body = None
    if form is not None:
        body = urllib.parse.urlencode(form).encode()
        headers |= {"Content-Type": "application/x-www-form-urlencoded", "Origin": origin, "Referer": origin + path}
    conn.request(method, path, body=body, headers=headers)
    response = conn.getresponse()
    data = response.read()
    for raw in response.headers.get_all("Set-Cookie") or []:
        jar = SimpleCookie(); jar.load(raw)
        cookies.update({name: morsel.value for name, morsel in jar.items()})
    conn.close()
    seen.append((response.status, f"{method} {path}"))
    return response.status, response.getheader("Location") or "", data

def expect(status, wanted, what):
    if status != wanted:
        sys.exit(f"{what}: status {status}, expected {wanted}")

# The invitation mails, written by the worker: one per member with an address.
deadline = time.monotonic() + 45
links = []
while time.monotonic() < deadline:
    links = []
    for path in mail_dir.glob("*.log") if mail_dir.exists() else []:
        for part in path.read_bytes().split(b"\n" + b"-" * 79 + b"\n"):
            if part.strip():
                message = email.message_from_bytes(part)
                text = message.get_payload(decode=True) or b""
                links += re.findall(rb"https://127\.0\.0\.1:\d+(/s/[^/\s]+/)", text)
    if len(links) >= info["invited"]:
        break
    time.sleep(0.5)
if len(links) != info["invited"]:
    sys.exit(f"{len(links)} invitation mails, expected {info['invited']}")
print(f"  {len(links)} invitation mails sent by the worker")

# A respondent opens their link (the consent page), agrees and gets the list of people.
link = links[-1].decode()
status, _, page = request("GET", link)
expect(status, 200, "the survey link")
assert b'name="consent"' in page, "the survey page has no consent question"
status, location, _ = request("POST", link, [("csrfmiddlewaretoken", cookies["csrftoken"]), ("consent", "yes")])
expect(status, 302, "consenting")
status, _, page = request("GET", location)
expect(status, 200, f"GET {location}")

# The leader logs in and walks the pages.
cookies.clear()
status, _, page = request("GET", "/accounts/login/")
expect(status, 200, "the login page")
status, location, _ = request("POST", "/accounts/login/", [
    ("csrfmiddlewaretoken", cookies["csrftoken"]), ("username", info["leader"]), ("password", password)])
expect(status, 302, "logging in")
slug, network, rnd = info["workspace"], info["network"], info["round"]
pages = [location or "/", f"/w/{slug}/", f"/w/{slug}/networks/{network}/surveys/{rnd}/"]
for path in pages:
    status, location, page = request("GET", path)
    if status == 302:
        status, location, page = request("GET", location)
    expect(status, 200, f"GET {path}")
# Every static file the pages link to is served (collectstatic's hashed names).
statics = set(re.findall(rb'(?:src|href)="(/static/[^"]+)"', page))
assert statics, "the page links no static file"
for path in sorted(statics):
    status, _, _ = request("GET", path.decode())
    expect(status, 200, f"GET {path.decode()}")
errors = [s for s in seen if s[0] >= 500]
if errors:
    sys.exit(f"server errors: {errors}")
print(f"  {len(seen)} requests, none answered 5xx; {len(statics)} static files served")
PY

# 7. Nothing went wrong on the server's side.
if grep -l "Traceback" "$TMP/gunicorn.log" "$TMP/worker.log" >/dev/null 2>&1; then
  fail "a traceback in the server's logs"
fi
if awk '$9 ~ /^5/' "$TMP/access.log" | grep -q .; then fail "a 5xx in the access log"; fi
say "passed in $((SECONDS - START)) s"
