# Fixtures of other apps' tests, reused: the meetings tests' network, the mentoring programme.
from tests.meetings.conftest import net  # noqa: F401
from tests.programmes.test_mentoring import m  # noqa: F401
