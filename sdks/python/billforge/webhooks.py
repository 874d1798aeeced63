"""Billforge's signed org webhooks.

``Billforge-Signature: t=<unix seconds>,v1=<hex>[,v1=<hex>]``, each ``v1`` an HMAC-SHA256 of
``"<t>.<raw body>"`` with one of the org's secrets (two during a rotation). Verify the raw body bytes
as received, before parsing them.
"""
import hashlib
import hmac
import json
import re
import time
from typing import Any, Dict, Iterable, Optional, Union


class WebhookSignatureError(Exception):
    pass


def verify_webhook(raw_body: Union[bytes, str], signature_header: Optional[str], secrets: Union[str, Iterable[str]],
                   tolerance_seconds: int = 300, now: Optional[float] = None) -> Dict[str, Any]:
    """Returns the parsed event, or raises WebhookSignatureError."""
    if not isinstance(signature_header, str) or len(signature_header) > 4096:
        raise WebhookSignatureError("missing or oversized Billforge-Signature header")
    body = raw_body if isinstance(raw_body, bytes) else raw_body.encode("utf-8")
    timestamp = None
    signatures = []
    for part in signature_header.split(","):
        key, _, value = part.strip().partition("=")
        if key == "t" and re.fullmatch(r"[0-9]{1,12}", value):
            timestamp = int(value)
        elif key == "v1" and value:
            signatures.append(value)
    if timestamp is None or not signatures:
        raise WebhookSignatureError("Billforge-Signature needs t= and v1=")
    if abs((time.time() if now is None else now) - timestamp) > tolerance_seconds:
        raise WebhookSignatureError("signature timestamp outside the tolerance")
    for secret in ([secrets] if isinstance(secrets, str) else list(secrets)):
        expected = hmac.new(secret.encode("utf-8"), str(timestamp).encode("ascii") + b"." + body, hashlib.sha256).hexdigest()
        if any(hmac.compare_digest(expected, given) for given in signatures):
            return json.loads(body)
    raise WebhookSignatureError("no signature matches")
