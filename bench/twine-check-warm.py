"""Runs `twine check` ROUNDS times in one Python process (imports done once, as a long-lived process would) and
prints one line per round: "<round> <seconds>". For bench/check.sh. Usage: twine-check-warm.py ROUNDS FILE...
"""
import contextlib
import io
import logging
import sys
import time

from twine.commands import check

logging.disable(logging.CRITICAL)
rounds, files = int(sys.argv[1]), sys.argv[2:]
for round_number in range(1, rounds + 1):
    start = time.perf_counter()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        check.check(files)
    print(f"{round_number} {time.perf_counter() - start:.4f}")
