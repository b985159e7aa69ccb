"""Raises errors with the unmodified official Python sentry-sdk against a Vigil DSN.

Run by dev.vigil.e2e.PythonSdkTest: ``python raise_errors.py <dsn>``. Each kind of error is raised inside
its own transaction, except the KeyError, raised with none (its culprit is then the raising frame, not a
transaction name); every event carries ``contexts.trace``. The last line printed on stdout is a JSON
object mapping each kind to the trace id its events were sent with, for the test to check.

Expected issues: ZeroDivisionError x3 (same site), KeyError x2, ValueError chained from KeyError x2,
and the message "user <id> not found" x2 with two ids (one issue once parameterized).
"""

import json
import sys

import sentry_sdk


def divide_by_zero(numerator):
    return numerator / 0


def lookup_missing_key(settings):
    return settings["missing_setting"]


def load_config(raw):
    try:
        return raw["timeout"]
    except KeyError as cause:
        raise ValueError("invalid configuration: no timeout") from cause


def raise_and_capture(times, action):
    for attempt in range(times):
        try:
            action(attempt)
        except Exception as error:  # noqa: BLE001 - every error is reported, that is the point
            sentry_sdk.capture_exception(error)


def in_transaction(name, work):
    """Runs `work` inside a transaction (events then take its name as culprit); returns its trace id."""
    with sentry_sdk.start_transaction(op="http.server", name=name) as transaction:
        work()
        return transaction.trace_id


def outside_transaction(work):
    """Runs `work` with no transaction; events still carry the scope's trace, whose id is returned."""
    work()
    return sentry_sdk.get_traceparent().split("-")[0]


def capture_messages(user_ids):
    for user_id in user_ids:
        sentry_sdk.capture_message("user %d not found" % user_id, level="warning")


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: raise_errors.py <dsn>")
    sentry_sdk.init(
        dsn=sys.argv[1],
        release="e2e@1.0",
        environment="e2e",
        traces_sample_rate=1.0,
        default_integrations=True,
    )
    trace_ids = {
        # First: a finished transaction leaves its name on the scope, and later events would take it.
        "key_error": outside_transaction(lambda: raise_and_capture(2, lambda n: lookup_missing_key({"n": n}))),
        "zero_division": in_transaction(
            "GET /reports/average", lambda: raise_and_capture(3, lambda n: divide_by_zero(n))
        ),
        "chained": in_transaction(
            "POST /config/reload", lambda: raise_and_capture(2, lambda n: load_config({"retries": n}))
        ),
        "message": in_transaction("GET /users/{id}", lambda: capture_messages([1042, 7])),
    }
    sentry_sdk.flush(timeout=10)
    print(json.dumps({"sdk": sentry_sdk.VERSION, "trace_ids": trace_ids}))


if __name__ == "__main__":
    main()
