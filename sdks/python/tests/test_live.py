"""Against a running Billforge product (SdkIT in tenant-docrouter starts DocRouter and sets the env)."""
import os
import time
import unittest
from datetime import datetime, timedelta, timezone

from billforge import AuthenticationError, BillforgeClient, CreditsDeniedError, NotFoundError

BASE_URL = os.environ.get("BILLFORGE_BASE_URL")
OPERATOR_TOKEN = os.environ.get("BILLFORGE_OPERATOR_TOKEN")
if not BASE_URL or not OPERATOR_TOKEN:
    raise RuntimeError("set BILLFORGE_BASE_URL and BILLFORGE_OPERATOR_TOKEN (a running DocRouter with an operator token)")


def new_org() -> BillforgeClient:
    operator = BillforgeClient(BASE_URL, OPERATOR_TOKEN)
    org = operator.create_org({"name": "Python SDK", "timeZone": "Europe/Berlin"})
    key = operator.create_api_key(org["id"], {"name": "python"})
    assert key["key"].startswith(os.environ.get("BILLFORGE_KEY_PREFIX", "")), key["prefix"]
    return BillforgeClient(BASE_URL, key["key"])


class LiveTest(unittest.TestCase):
    def test_usage_is_charged_once_per_key_and_the_balance_follows(self):
        client = new_org()
        self.assertEqual(client.get_balance()["available"], "100")
        first = client.record_usage({"events": [{"idempotencyKey": "job-1", "meter": "page", "quantity": 3},
                                                {"meter": "llm_token", "quantity": 1234}]})
        self.assertEqual([r["status"] for r in first["results"]], ["recorded", "recorded"])
        self.assertTrue(first["results"][1]["idempotencyKey"])
        again = client.record_usage({"events": [{"idempotencyKey": "job-1", "meter": "page", "quantity": 3}]})
        self.assertEqual(again["results"][0]["status"], "duplicate")
        self.assertEqual(again["balance"]["available"], "95.76")

    def test_with_hold_commits_the_actual_cost_and_releases_when_the_work_fails(self):
        client = new_org()

        def work(hold):
            hold.actual = "25"
            return "done"

        self.assertEqual(client.with_hold("40", work), "done")
        self.assertEqual(client.get_balance()["available"], "75")

        def failing(hold):
            raise RuntimeError("extraction failed")

        with self.assertRaisesRegex(RuntimeError, "extraction failed"):
            client.with_hold(30, failing)
        balance = client.get_balance()
        self.assertEqual((balance["available"], balance["held"]), ("75", "0"))

    def test_errors_arrive_typed_with_their_stable_code(self):
        client = new_org()
        with self.assertRaises(CreditsDeniedError) as denied:
            client.create_hold({"credits": "100000"})
        self.assertEqual(denied.exception.status, 402)
        with self.assertRaises(NotFoundError):
            client.commit_hold("res_missing", {"credits": "1"})
        with self.assertRaises(AuthenticationError) as unauthorized:
            BillforgeClient(BASE_URL, "doc_router_sk_not_a_key", max_retries=0).get_balance()
        self.assertEqual(unauthorized.exception.code, "unauthorized")

    def test_usage_summary_and_ledger_are_typed_calls(self):
        client = new_org()
        client.record_usage({"events": [{"meter": "page", "quantity": 2, "properties": {"operation": "extract"}}]})
        self.assertTrue(client.check_entitlement({"meter": "page", "quantity": 10})["allowed"])
        self.assertGreaterEqual(len(client.list_ledger_entries(limit=5)["entries"]), 2)
        now = datetime.now(timezone.utc)
        query = dict(from_=now - timedelta(days=1), to=now + timedelta(hours=1), granularity="hour", group_by="operation")
        summary = client.usage_summary(**query)
        for _ in range(50):  # rollups follow the ledger commit
            if summary["total"] == "2":
                break
            time.sleep(0.1)
            summary = client.usage_summary(**query)
        self.assertEqual(summary["total"], "2")
        self.assertEqual(summary["buckets"][0]["credits"]["extract"], "2")


if __name__ == "__main__":
    unittest.main()
