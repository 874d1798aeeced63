"""The transport under the generated operations: auth, retries, idempotency keys, typed errors, holds."""
import email.utils
import json
import random
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from decimal import Decimal
from typing import Any, Callable, Dict, Optional, TypeVar

from ._generated import GeneratedOperations
from .errors import BillforgeError, error_for

T = TypeVar("T")
_RETRY_ALWAYS = {429, 503}
_RETRY_IF_IDEMPOTENT = {502, 504}
_MAX_WAIT = 60.0


def parse_retry_after(value: Optional[str], now: Optional[float] = None) -> Optional[float]:
    """Seconds to wait from a Retry-After header (seconds or an HTTP date); None when absent or unreadable."""
    if not value or len(value) > 64:
        return None
    value = value.strip()
    if value.isdigit() and len(value) <= 6:
        return float(value)
    try:
        at = email.utils.parsedate_to_datetime(value).timestamp()
    except (TypeError, ValueError, IndexError):
        return None
    return max(0.0, at - (time.time() if now is None else now))


class ActiveHold(dict):
    """The hold inside ``with_hold``; set ``actual`` to the real cost or the held credits are charged."""
    actual: Any = None


class BillforgeClient(GeneratedOperations):
    """Every operation of the API as a method (snake_case), with an org API key or the operator token.

    Numbers in answers are read as ``Decimal`` (exact); credit amounts come as decimal strings.
    """

    def __init__(self, base_url: str, api_key: str, max_retries: int = 3, initial_backoff: float = 0.5,
                 timeout: float = 60.0):
        if not base_url or not api_key:
            raise ValueError("base_url and api_key are required")
        self.base_url = base_url.rstrip("/")
        self.api_key = api_key
        self.max_retries = max(0, max_retries)
        self.initial_backoff = initial_backoff
        self.timeout = timeout

    def with_hold(self, credits: Any, work: Callable[[ActiveHold], T], ttl_seconds: Optional[int] = None,
                  idempotency_key: Optional[str] = None) -> T:
        """Holds ``credits``, runs ``work(hold)`` and commits ``hold.actual``; releases and re-raises when it raises."""
        request: Dict[str, Any] = {"credits": str(credits)}
        if ttl_seconds is not None:
            request["ttlSeconds"] = ttl_seconds
        if idempotency_key:
            request["idempotencyKey"] = idempotency_key
        hold = ActiveHold(self.create_hold(request))
        try:
            result = work(hold)
        except BaseException:
            try:
                self.release_hold(hold["id"])
            except BillforgeError:
                pass  # the original failure matters more; an unreleased hold expires at its TTL
            raise
        actual = hold.actual if hold.actual is not None else hold["credits"]
        self.commit_hold(hold["id"], {"credits": str(actual)})
        return result

    def _invoke(self, method: str, path: str, path_params: Dict[str, str], query: Dict[str, Any], body: Any,
                options: Dict[str, Any]) -> Any:
        for name, value in path_params.items():
            if value is None:
                raise ValueError(name + " is required")
            path = path.replace("{" + name + "}", urllib.parse.quote(str(value), safe=""))
        params = {k: _text(v) for k, v in query.items() if v is not None}
        url = self.base_url + path + ("?" + urllib.parse.urlencode(params) if params else "")
        body = _with_idempotency_keys(path, body)
        key = options.get("idempotency_key")
        idempotent = method != "POST" or bool(key) or path in ("/api/v1/usage", "/api/v1/reservations")
        headers = {"Authorization": "Bearer " + self.api_key, "Accept": "application/json, application/problem+json"}
        if key:
            headers["Idempotency-Key"] = key
        data = None
        if body is not None:
            headers["Content-Type"] = "application/json"
            data = json.dumps(body, default=_json_default).encode("utf-8")
        elif method in ("POST", "PUT"):
            data = b""
        attempt = 0
        while True:
            request = urllib.request.Request(url, data=data, method=method, headers=headers)
            try:
                with urllib.request.urlopen(request, timeout=self.timeout) as response:
                    text = response.read().decode("utf-8")
                    return json.loads(text, parse_float=Decimal) if text else None
            except urllib.error.HTTPError as failure:
                status = failure.code
                text = failure.read().decode("utf-8", "replace")
                retriable = status in _RETRY_ALWAYS or (idempotent and status in _RETRY_IF_IDEMPOTENT)
                if retriable and attempt < self.max_retries:
                    time.sleep(self._backoff(attempt, failure.headers.get("Retry-After")))
                    attempt += 1
                    continue
                is_json = (failure.headers.get("Content-Type") or "").startswith("application/json")
                if status == 402 and path == "/api/v1/usage" and is_json:
                    return json.loads(text, parse_float=Decimal)  # every event refused under enforce
                try:
                    problem = json.loads(text)
                except ValueError:
                    problem = {}
                raise error_for(status, problem if isinstance(problem, dict) else {}) from None
            except (urllib.error.URLError, OSError) as failure:
                if idempotent and attempt < self.max_retries:
                    time.sleep(self._backoff(attempt, None))
                    attempt += 1
                    continue
                raise BillforgeError(0, {"code": "network_error", "detail": str(failure)}) from failure

    def _backoff(self, attempt: int, retry_after: Optional[str]) -> float:
        cap = self.initial_backoff * (2 ** min(attempt, 16))
        wait = random.uniform(cap / 2, cap)
        server = parse_retry_after(retry_after)
        if server is not None and server > wait:
            wait = server
        return min(wait, _MAX_WAIT)


def _with_idempotency_keys(path: str, body: Any) -> Any:
    """Usage events and holds without a key get a random one, the same on every retry."""
    if path == "/api/v1/usage" and isinstance(body, dict) and isinstance(body.get("events"), list):
        events = [e if not isinstance(e, dict) or e.get("idempotencyKey") else dict(e, idempotencyKey=str(uuid.uuid4()))
                  for e in body["events"]]
        return dict(body, events=events)
    if path == "/api/v1/reservations" and isinstance(body, dict) and not body.get("idempotencyKey"):
        return dict(body, idempotencyKey=str(uuid.uuid4()))
    return body


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if hasattr(value, "isoformat"):
        return value.isoformat().replace("+00:00", "Z")
    return str(value)


def _json_default(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if hasattr(value, "isoformat"):
        return value.isoformat().replace("+00:00", "Z")
    raise TypeError("not JSON serialisable: %r" % (value,))
