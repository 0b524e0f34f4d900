"""A small load driver for the survey answering path: threads and http.client, nothing else.

Every simulated respondent is one thread with its own keep-alive connection and cookie jar. It
walks the real answering path of one invitation, the way a browser with JavaScript does:

    GET start page -> POST consent -> GET people -> POST roster -> GET ties
    -> a few autosave POSTs (X-CSRFToken header) -> POST ties with submit -> GET thanks

with a random think time between requests. Latency is measured from sending the request to
the last byte of the response body. No Django here: the driver only speaks HTTP.

The server runs as in production behind a TLS-terminating proxy: requests carry
``X-Forwarded-Proto: https`` (so Django sees them as secure and does not redirect) and POSTs an
``Origin`` header (Django's CSRF origin check). Cookies are kept per respondent by hand, since
the server marks them Secure.
"""

from __future__ import annotations

import http.client
import json
import math
import random
import re
import threading
import time
import urllib.parse
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from typing import Any

#: Request kinds, in the order of the walk.
KINDS = (
    "start",
    "consent",
    "people",
    "search",
    "results",
    "roster",
    "ties",
    "autosave",
    "submit",
    "thanks",
)
KIND_LABELS = {
    "start": "GET /s/<token>/ (purpose and consent)",
    "consent": "POST /s/<token>/ (consent=yes)",
    "people": "GET /s/<token>/people/ (roster)",
    "search": "POST /s/<token>/people/ (ticks so far, search=)",
    "results": "GET /s/<token>/people/?q= (search results)",
    "roster": "POST /s/<token>/people/ (named, next)",
    "ties": "GET /s/<token>/ties/ (ratings form)",
    "autosave": "POST /s/<token>/save/ (autosave)",
    "submit": "POST /s/<token>/ties/ (all ratings, submit)",
    "thanks": "GET /s/<token>/thanks/",
}


SHOWN = re.compile(rb'name="shown" value="(\d+)"')
CHECKED = re.compile(rb'name="named" value="(\d+)" checked')


@dataclass(frozen=True)
class Respondent:
    token: str
    member_id: int
    named: tuple[int, ...]  # the members this respondent will tick on the roster
    #: How to find the named members of other organizations when the roster is not a full
    #: list (large rounds): member id -> the name to search for.
    search_terms: dict[int, str] = field(default_factory=dict)


@dataclass
class Walk:
    """What one respondent did, as the driver saw it: checked against the database later."""

    member_id: int
    phase: str  # warmup, baseline, load, ...
    named: list[int] = field(default_factory=list)
    final: dict[int, dict[str, int]] = field(default_factory=dict)
    submitted: bool = False  # the submit POST was answered with the redirect to thanks
    completed: bool = False  # the thank-you page was shown
    cut: bool = False  # stopped by the hard time limit, not by an error
    error: str | None = None


class StepError(Exception):
    pass


class Cutoff(Exception):
    pass


def percentile(values: Sequence[float], share: float) -> float:
    """Nearest-rank percentile (share in 0..1)."""
    if not values:
        return math.nan
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


class Recorder:
    """Latencies and errors per request kind; thread-safe."""

    def __init__(self, max_requests: int) -> None:
        self.lock = threading.Lock()
        self.max_requests = max_requests
        self.latencies: dict[str, list[float]] = {k: [] for k in KINDS}
        self.bytes: dict[str, int] = dict.fromkeys(KINDS, 0)
        self.errors: dict[str, int] = dict.fromkeys(KINDS, 0)
        self.error_samples: list[str] = []
        self.requests = 0

    def reserve(self) -> bool:
        """Count one request against the bound; False when the bound is reached."""
        with self.lock:
            if self.requests >= self.max_requests:
                return False
            self.requests += 1
            return True

    def ok(self, kind: str, ms: float, size: int) -> None:
        with self.lock:
            self.latencies[kind].append(ms)
            self.bytes[kind] += size

    def error(self, kind: str, ms: float | None, detail: str) -> None:
        with self.lock:
            if ms is not None:
                self.latencies[kind].append(ms)
            self.errors[kind] += 1
            if len(self.error_samples) < 25:
                self.error_samples.append(f"{kind}: {detail}")

    def summary(self) -> dict[str, Any]:
        rows = {}
        everything: list[float] = []
        for kind in KINDS:
            values = self.latencies[kind]
            everything.extend(values)
            rows[kind] = _stats(values) | {
                "errors": self.errors[kind],
                "mean_bytes": round(self.bytes[kind] / len(values)) if values else 0,
            }
        return {
            "kinds": rows,
            "all": _stats(everything) | {"errors": sum(self.errors.values())},
            "error_samples": self.error_samples,
        }


def _stats(values: Sequence[float]) -> dict[str, Any]:
    if not values:
        return {"count": 0, "median_ms": None, "p95_ms": None, "p99_ms": None, "max_ms": None}
    return {
        "count": len(values),
        "median_ms": round(percentile(values, 0.5), 1),
        "p95_ms": round(percentile(values, 0.95), 1),
        "p99_ms": round(percentile(values, 0.99), 1),
        "max_ms": round(max(values), 1),
    }


class Client:
    """One respondent's browser: a keep-alive connection and a cookie jar."""

    def __init__(self, host: str, port: int, timeout: float) -> None:
        self.host, self.port, self.timeout = host, port, timeout
        self.origin = f"https://{host}:{port}"
        self.conn: http.client.HTTPConnection | None = None
        self.cookies: dict[str, str] = {}

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None

    def request(
        self,
        method: str,
        path: str,
        form: list[tuple[str, Any]] | None = None,
        headers: dict[str, str] | None = None,
    ) -> tuple[int, http.client.HTTPResponse, bytes]:
        sent = {
            "Host": f"{self.host}:{self.port}",
            "X-Forwarded-Proto": "https",
            "User-Agent": "netlead-bench-surveys",
            "Accept": "text/html,application/json",
            "Accept-Language": "en",
        }
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            body = urllib.parse.urlencode([(k, str(v)) for k, v in form]).encode()
            sent["Content-Type"] = "application/x-www-form-urlencoded"
            sent["Origin"] = self.origin
            sent["Referer"] = self.origin + path
        sent |= headers or {}
        if self.conn is None:
            self.conn = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
        try:
            self.conn.request(method, path, body=body, headers=sent)
            response = self.conn.getresponse()
            data = response.read()
        except Exception:
            self.close()
            raise
        for raw in response.headers.get_all("Set-Cookie") or []:
            jar: SimpleCookie = SimpleCookie()
            jar.load(raw)
            for name, morsel in jar.items():
                self.cookies[name] = morsel.value
        if response.will_close:
            self.close()
        return response.status, response, data


class Driver:
    def __init__(
        self,
        *,
        host: str,
        port: int,
        questions: Sequence[str],
        think: tuple[float, float],
        timeout: float,
        max_requests: int,
        seed: int,
    ) -> None:
        self.host, self.port = host, port
        self.questions = tuple(questions)
        self.think = think
        self.timeout = timeout
        self.max_requests = max_requests
        self.seed = seed
        self.walks: list[Walk] = []
        self.walks_lock = threading.Lock()

    # -- one request -------------------------------------------------------------------

    def _step(
        self,
        client: Client,
        rec: Recorder,
        kind: str,
        method: str,
        path: str,
        *,
        expect: int,
        form: list[tuple[str, Any]] | None = None,
        headers: dict[str, str] | None = None,
        location: str | None = None,
        location_prefix: str | None = None,
        contains: Sequence[bytes] = (),
        hard_stop: float,
    ) -> bytes:
        if time.monotonic() > hard_stop:
            raise Cutoff
        if not rec.reserve():
            raise Cutoff
        start = time.perf_counter()
        try:
            status, response, data = client.request(method, path, form=form, headers=headers)
        except Exception as error:  # connection refused, reset, timeout: all count as errors
            rec.error(kind, None, f"{type(error).__name__}: {error}")
            raise StepError(f"{kind}: {type(error).__name__}") from error
        ms = (time.perf_counter() - start) * 1000
        problem = None
        if status != expect:
            problem = f"status {status}, expected {expect}"
        elif location is not None and response.getheader("Location") != location:
            problem = f"redirected to {response.getheader('Location')!r}, expected {location!r}"
        elif location_prefix is not None and not (response.getheader("Location") or "").startswith(
            location_prefix
        ):
            problem = (
                f"redirected to {response.getheader('Location')!r}, expected {location_prefix!r}..."
            )
        else:
            missing = [c for c in contains if c not in data]
            if missing:
                problem = f"response lacks {missing[0]!r}"
        if problem:
            rec.error(kind, ms, f"{method} {path.split('/', 3)[-1] or '/'}: {problem}")
            raise StepError(f"{kind}: {problem}")
        rec.ok(kind, ms, len(data))
        return data

    def _think(self, rng: random.Random, hard_stop: float) -> None:
        pause = rng.uniform(*self.think)
        if time.monotonic() + pause > hard_stop:
            raise Cutoff
        time.sleep(pause)

    # -- one respondent ----------------------------------------------------------------

    def walk(
        self, r: Respondent, rec: Recorder, rng: random.Random, *, phase: str, hard_stop: float
    ) -> Walk:
        w = Walk(member_id=r.member_id, phase=phase)
        client = Client(self.host, self.port, self.timeout)
        base = f"/s/{r.token}/"
        step = self._step
        try:
            step(client, rec, "start", "GET", base, expect=200, contains=[b'name="consent"'], hard_stop=hard_stop)  # fmt: skip
            csrf = client.cookies.get("csrftoken")
            if not csrf:
                rec.error("start", None, "no csrftoken cookie")
                raise StepError("start: no csrftoken cookie")
            token_field = ("csrfmiddlewaretoken", csrf)
            self._think(rng, hard_stop)
            step(client, rec, "consent", "POST", base, expect=302, location=base + "people/", form=[token_field, ("consent", "yes")], hard_stop=hard_stop)  # fmt: skip
            w.named = list(r.named)
            self._roster(client, rec, rng, r, base, token_field, hard_stop)
            fields = [f'name="tie-{t}-{self.questions[0]}"'.encode() for t in r.named]
            step(client, rec, "ties", "GET", base + "ties/", expect=200, contains=fields, hard_stop=hard_stop)  # fmt: skip
            final = {t: {q: rng.randint(1, 4) for q in self.questions} for t in r.named}
            w.final = final
            # Autosaves, one tie at a time as a person answers: a first thought about the
            # first person, then the final answers about the first few people.
            first = r.named[0]
            saves = [{q: rng.randint(1, 4) for q in self.questions}]
            saves[0] = {"target": first, **saves[0]}
            for target in r.named[: rng.randint(2, 4)]:
                saves.append({"target": target, **final[target]})
            for save in saves:
                self._think(rng, hard_stop)
                target = save.pop("target")
                form = [(f"tie-{target}-{q}", v) for q, v in save.items()]
                data = step(client, rec, "autosave", "POST", base + "save/", expect=200, form=form, headers={"X-CSRFToken": csrf}, hard_stop=hard_stop)  # fmt: skip
                if json.loads(data).get("saved") != 1:
                    rec.error("autosave", None, f"saved={data[:80]!r}")
                    raise StepError("autosave: nothing saved")
            self._think(rng, hard_stop)
            form = [token_field]
            for target, ratings in final.items():
                form.extend((f"tie-{target}-{q}", v) for q, v in ratings.items())
            form.append(("submit", ""))
            step(client, rec, "submit", "POST", base + "ties/", expect=302, location=base + "thanks/", form=form, hard_stop=hard_stop)  # fmt: skip
            w.submitted = True
            step(client, rec, "thanks", "GET", base + "thanks/", expect=200, hard_stop=hard_stop)  # fmt: skip
            w.completed = True
        except StepError as error:
            w.error = str(error)
        except Cutoff:
            w.cut = True
        finally:
            client.close()
        return w

    def _roster(
        self,
        client: Client,
        rec: Recorder,
        rng: random.Random,
        r: Respondent,
        base: str,
        token_field: tuple[str, str],
        hard_stop: float,
    ) -> None:
        """Tick the named members as a person does: on the page when listed (a small round
        lists everyone, a large one the own organization), else by searching for each name.
        Every post carries the page's ticks and its `shown` fields, as the browser's form."""
        step = self._step
        page = step(client, rec, "people", "GET", base + "people/", expect=200, hard_stop=hard_stop)  # fmt: skip
        pending = {t for t in r.named if f'value="{t}"'.encode() in page}
        to_find = [t for t in r.named if t not in pending]
        for target in to_find:
            if target not in r.search_terms:
                rec.error("people", None, f"member {target} is not listed and has no search term")
                raise StepError("people: a named member is not listed")
            self._think(rng, hard_stop)
            form = self._roster_form(token_field, page, pending)
            form += [("q", r.search_terms[target]), ("search", "")]
            step(client, rec, "search", "POST", base + "people/", expect=302, location_prefix=base + "people/?q=", form=form, hard_stop=hard_stop)  # fmt: skip
            query = urllib.parse.urlencode({"q": r.search_terms[target]})
            page = step(client, rec, "results", "GET", f"{base}people/?{query}", expect=200, contains=[f'value="{target}"'.encode()], hard_stop=hard_stop)  # fmt: skip
            pending = {target}
        self._think(rng, hard_stop)
        form = self._roster_form(token_field, page, pending)
        step(client, rec, "roster", "POST", base + "people/", expect=302, location=base + "ties/", form=form, hard_stop=hard_stop)  # fmt: skip

    @staticmethod
    def _roster_form(
        token_field: tuple[str, str], page: bytes, ticked: set[int]
    ) -> list[tuple[str, Any]]:
        checked = {int(x) for x in CHECKED.findall(page)} | ticked
        shown = {int(x) for x in SHOWN.findall(page)}
        return [
            token_field,
            *(("named", x) for x in sorted(checked)),
            *(("shown", x) for x in sorted(shown)),
        ]

    # -- many respondents --------------------------------------------------------------

    def run(
        self,
        respondents: Iterator[Respondent],
        *,
        users: int,
        duration: float,
        grace: float,
        phase: str,
        rec: Recorder,
        walks_per_user: int | None = None,
    ) -> dict[str, Any]:
        """`users` threads walk respondents until `duration` seconds have passed (or each did
        `walks_per_user` walks); a walk under way then finishes, within `grace` seconds."""
        lock = threading.Lock()
        begin = time.monotonic()
        deadline = begin + duration
        hard_stop = deadline + grace

        def next_respondent() -> Respondent | None:
            with lock:
                return next(respondents, None)

        def user(number: int) -> None:
            rng = random.Random(f"{self.seed}:{phase}:{number}")
            time.sleep(rng.uniform(0, self.think[1]))  # do not all start at the same instant
            done = 0
            while time.monotonic() < deadline and (walks_per_user is None or done < walks_per_user):
                r = next_respondent()
                if r is None:
                    return
                w = self.walk(r, rec, rng, phase=phase, hard_stop=hard_stop)
                with self.walks_lock:
                    self.walks.append(w)
                done += 1
                if w.cut or rec.requests >= rec.max_requests:
                    return

        threads = [threading.Thread(target=user, args=(i,), daemon=True) for i in range(users)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=max(0.0, hard_stop - time.monotonic()) + self.timeout + 5)
        elapsed = time.monotonic() - begin
        walks = [w for w in self.walks if w.phase == phase]
        return {
            "phase": phase,
            "users": users,
            "duration_s": duration,
            "elapsed_s": round(elapsed, 2),
            "requests": rec.requests,
            "throughput_rps": round(rec.requests / elapsed, 1) if elapsed else None,
            "threads_still_running": sum(t.is_alive() for t in threads),
            "walks": {
                "started": len(walks),
                "completed": sum(w.completed for w in walks),
                "failed": sum(w.error is not None for w in walks),
                "cut_by_time_limit": sum(w.cut for w in walks),
                "errors": [w.error for w in walks if w.error][:10],
            },
            "latency": rec.summary(),
        }
