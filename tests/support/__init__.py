"""What the test modules share: loopback fakes, report builders, fixtures' machinery, golden files.

Test modules import from here (`from support.fake_slack import FakeSlack`), never from one another;
`tests/test_layering.py` holds them to that. pytest puts `tests/` on `sys.path`, and spawned
worker processes inherit it, so `support.slow_checks` is importable there too.

This file imports nothing, on purpose: each helper drags in what it needs (bolt, discord.py,
SQLAlchemy), and a test that asks for one must not pay for the others.
"""
