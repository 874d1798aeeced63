"""API errors from RFC 9457 problem details; branch on ``code`` (stable) or catch a subclass."""
from typing import Any, Dict, Optional


class BillforgeError(Exception):
    def __init__(self, status: int, problem: Optional[Dict[str, Any]] = None):
        problem = problem or {}
        self.status = status
        self.code = problem.get("code") or ("http_%d" % status if status else "network_error")
        self.field = problem.get("field")
        self.detail = problem.get("detail")
        self.problem = problem
        super().__init__(self.detail or self.code)


class CreditsDeniedError(BillforgeError):
    """402: not enough credits, a hard cap reached, or the account blocked."""


class RateLimitedError(BillforgeError):
    """429 after the retries ran out."""


class InvalidRequestError(BillforgeError):
    """400: bad input; ``field`` names it."""


class AuthenticationError(BillforgeError):
    """401/403."""


class NotFoundError(BillforgeError):
    """404."""


class ConflictError(BillforgeError):
    """409, e.g. idempotency_conflict, reservation_closed."""


_BY_CODE = {
    "insufficient_credits": CreditsDeniedError, "cap_reached": CreditsDeniedError, "account_blocked": CreditsDeniedError,
    "rate_limited": RateLimitedError, "throttled": RateLimitedError, "too_many_holds": RateLimitedError,
    "invalid_request": InvalidRequestError,
    "unauthorized": AuthenticationError, "forbidden": AuthenticationError, "role_required": AuthenticationError,
    "not_found": NotFoundError,
}


def error_for(status: int, problem: Dict[str, Any]) -> BillforgeError:
    kind = _BY_CODE.get(problem.get("code")) or (ConflictError if status == 409 else BillforgeError)
    return kind(status, problem)
