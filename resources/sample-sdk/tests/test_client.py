import json
import unittest

import logflux
from logflux import LogFluxClient


class ClientTest(unittest.TestCase):
    def test_flushes_a_full_batch(self):
        sent = []
        client = LogFluxClient(sent.append, batch_size=2)
        client.info("started", service="api")
        client.error("failed")
        self.assertEqual(len(sent), 1)
        records = json.loads(sent[0])["records"]
        self.assertEqual([r["level"] for r in records], ["INFO", "ERROR"])

    def test_version_is_a_string(self):
        self.assertIsInstance(logflux.__version__, str)


if __name__ == "__main__":
    unittest.main()
