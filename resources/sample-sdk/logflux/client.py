"""A minimal LogFlux client: batches log records and hands them to a transport."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from typing import Callable, Dict, List, Optional

Transport = Callable[[bytes], None]


@dataclass
class LogRecord:
    level: str
    message: str
    attributes: Dict[str, str] = field(default_factory=dict)
    timestamp: float = field(default_factory=time.time)

    def to_dict(self) -> Dict[str, object]:
        return {
            "level": self.level,
            "message": self.message,
            "attributes": dict(self.attributes),
            "timestamp": self.timestamp,
        }


class LogFluxClient:
    """Collects records and flushes them as one JSON batch when the batch is full or on flush()."""

    def __init__(self, transport: Transport, batch_size: int = 100) -> None:
        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        self._transport = transport
        self._batch_size = batch_size
        self._pending: List[LogRecord] = []

    def log(self, level: str, message: str, **attributes: str) -> None:
        self._pending.append(LogRecord(level.upper(), message, dict(attributes)))
        if len(self._pending) >= self._batch_size:
            self.flush()

    def info(self, message: str, **attributes: str) -> None:
        self.log("INFO", message, **attributes)

    def error(self, message: str, **attributes: str) -> None:
        self.log("ERROR", message, **attributes)

    def flush(self) -> Optional[int]:
        if not self._pending:
            return None
        batch = [record.to_dict() for record in self._pending]
        self._transport(json.dumps({"records": batch}).encode("utf-8"))
        count = len(self._pending)
        self._pending.clear()
        return count
