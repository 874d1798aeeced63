"""The hand-written layer against a scripted local server, and webhook verification against the shared vector."""
import json
import pathlib
import threading
import time
import unittest
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from billforge import (BillforgeClient, BillforgeError, CreditsDeniedError, InvalidRequestError, WebhookSignatureError,
                       parse_retry_after, verify_webhook)


class Scripted:
    def __init__(self, script):
        self.script = list(script)
        self.seen = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _answer(self):
                length = int(self.headers.get("Content-Length") or 0)
                outer.seen.append((time.monotonic(), self.rfile.read(length).decode(), self.headers.get("Authorization")))
                status, retry_after, body = outer.script.pop(0) if outer.script else (500, None, "{}")
                self.send_response(status)
                self.send_header("Content-Type", "application/problem+json" if status >= 400 else "application/json")
                if retry_after is not None:
                    self.send_header("Retry-After", retry_after)
                data = body.encode()
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_POST = _answer

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.client = BillforgeClient("http://127.0.0.1:%d/" % self.server.server_address[1], "doc_router_sk_test",
                                      initial_backoff=0.01)

    def close(self):
        self.server.shutdown()
        self.server.server_close()


class ClientTest(unittest.TestCase):
    def scripted(self, *script):
        stub = Scripted(script)
        self.addCleanup(stub.close)
        return stub

    def test_rate_limited_call_is_retried_no_sooner_than_retry_after(self):
        stub = self.scripted((429, "1", '{"status":429,"code":"rate_limited"}'),
                             (200, None, '{"creditName":"SPU","available":"95.76"}'))
        self.assertEqual(stub.client.get_balance()["available"], "95.76")
        self.assertEqual(len(stub.seen), 2)
        self.assertGreaterEqual(stub.seen[1][0] - stub.seen[0][0], 0.95)
        self.assertEqual(stub.seen[0][2], "Bearer doc_router_sk_test")

    def test_usage_event_without_key_gets_one_that_stays_the_same_across_retries(self):
        stub = self.scripted((503, "0", '{"status":503,"code":"ledger_unavailable"}'), (502, None, ""),
                             (200, None, '{"results":[{"status":"recorded","credits":"3"}]}'))
        stub.client.record_usage({"events": [{"meter": "page", "quantity": 3}]})
        keys = {json.loads(body)["events"][0]["idempotencyKey"] for _, body, _ in stub.seen}
        self.assertEqual(len(stub.seen), 3)
        self.assertEqual(len(keys), 1)
        self.assertRegex(keys.pop(), r"^[0-9a-f-]{36}$")

    def test_call_that_is_not_idempotent_is_not_repeated_after_a_bad_gateway(self):
        stub = self.scripted((502, None, "<html>bad gateway</html>"))
        with self.assertRaises(BillforgeError) as caught:
            stub.client.create_org({"name": "Acme"})
        self.assertEqual(caught.exception.status, 502)
        self.assertEqual(len(stub.seen), 1)

    def test_problem_details_become_typed_errors_with_code_and_field(self):
        stub = self.scripted(
            (402, None, '{"status":402,"code":"insufficient_credits","detail":"not enough credits for 40"}'),
            (400, None, '{"status":400,"code":"invalid_request","field":"credits","detail":"credits must be greater than 0"}'))
        with self.assertRaises(CreditsDeniedError) as denied:
            stub.client.create_hold({"credits": "40"})
        self.assertEqual(str(denied.exception), "not enough credits for 40")
        with self.assertRaises(InvalidRequestError) as invalid:
            stub.client.check_entitlement({"credits": "0"})
        self.assertEqual(invalid.exception.field, "credits")

    def test_retry_after_is_read_as_seconds_or_http_date(self):
        self.assertEqual(parse_retry_after("7"), 7.0)
        self.assertEqual(parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT"), 0.0)
        self.assertIsNone(parse_retry_after("soon"))


VECTOR = json.loads((pathlib.Path(__file__).resolve().parents[2] / "webhook-test-vector.json").read_text())


class WebhookTest(unittest.TestCase):
    def test_platform_signed_webhook_verifies_with_current_or_previous_secret(self):
        for secret in (VECTOR["secret"], VECTOR["previousSecret"]):
            event = verify_webhook(VECTOR["body"].encode(), VECTOR["signature"], secret, now=VECTOR["timestamp"] + 30)
            self.assertEqual(event["type"], "alert.threshold")

    def test_changed_body_wrong_secret_or_old_signature_is_refused(self):
        now = VECTOR["timestamp"]
        with self.assertRaises(WebhookSignatureError):
            verify_webhook(VECTOR["body"].replace("90", "10"), VECTOR["signature"], VECTOR["secret"], now=now)
        with self.assertRaises(WebhookSignatureError):
            verify_webhook(VECTOR["body"], VECTOR["signature"], "whsec_other", now=now)
        with self.assertRaises(WebhookSignatureError):
            verify_webhook(VECTOR["body"], VECTOR["signature"], VECTOR["secret"], now=now + 360)


if __name__ == "__main__":
    unittest.main()
