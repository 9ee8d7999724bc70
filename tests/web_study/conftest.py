"""The study suite: browser pages and the study API.

The pages use the one server and Chromium every browser suite shares
(``tests/web_browser.py``, registered in ``tests/conftest.py``); the API tests
(``test_api.py``) import the API suite's ``app``/``browser``/``school`` fixtures,
which need its helpers on ``sys.path``.
"""

from __future__ import annotations

import sys
from pathlib import Path

WEB_API = Path(__file__).resolve().parents[1] / "web_api"
if str(WEB_API) not in sys.path:
    sys.path.insert(0, str(WEB_API))
