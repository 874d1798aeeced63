"""Billforge API client; standard library only."""
from ._generated import *  # noqa: F401,F403  (the models, as TypedDicts)
from .client import ActiveHold, BillforgeClient, parse_retry_after
from .errors import (AuthenticationError, BillforgeError, ConflictError, CreditsDeniedError, InvalidRequestError,
                     NotFoundError, RateLimitedError)
from .webhooks import WebhookSignatureError, verify_webhook

__all__ = ["BillforgeClient", "ActiveHold", "parse_retry_after", "BillforgeError", "CreditsDeniedError",
           "RateLimitedError", "InvalidRequestError", "AuthenticationError", "NotFoundError", "ConflictError",
           "verify_webhook", "WebhookSignatureError"]
