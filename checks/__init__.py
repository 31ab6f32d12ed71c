"""deskcheck's checks engine: article text in, verification Report out.

Pure: it imports the standard library, spaCy, httpx, trafilatura and small text
libraries, never the chat adapters or the storage.
"""

from .engine import check_text
from .errors import CheckError
from .models import SCHEMA, Report

__all__ = ["SCHEMA", "CheckError", "Report", "check_text"]
