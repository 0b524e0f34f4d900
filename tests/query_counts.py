"""What every counted request adds to its queries, for the tests that pin query counts."""

#: Every personal-link page, and each limited form, counts itself against the rate limit
#: (netlead.core.ratelimit): one statement.
RATE_COUNT = 1
#: A test runs in a transaction, so a service's transaction is a savepoint: its SAVEPOINT and
#: RELEASE are counted here (a request in production opens a transaction instead).
SAVEPOINT = 2
