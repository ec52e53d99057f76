"""LogFlux Python SDK: send structured logs to a LogFlux collector."""

from logflux.client import LogFluxClient, LogRecord

__version__ = "0.2.0"

__all__ = ["LogFluxClient", "LogRecord", "__version__"]
