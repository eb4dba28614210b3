"""The stand-in for pydantic's plugin loader answers as the loader does, and hands over to it."""

from __future__ import annotations

import json
import os
import subprocess
import sys

# Run in a fresh interpreter: in this one pydantic's own loader is loaded already.
SCRIPT = """
import json, os, sys
from buyin_cli import plugins_off
plugins_off.stand_in()
from pydantic import BaseModel

class Thing(BaseModel):
    n: int

Thing(n=1)  # a validator is built: pydantic asks its loader for plugins
loader = sys.modules[plugins_off.NAME]
stood_in = isinstance(loader, plugins_off._StandIn)
metadata = 'importlib.metadata' in sys.modules
from pydantic.plugin._loader import get_plugins
plugins = list(get_plugins())
print(json.dumps({'stood in': stood_in, 'metadata': metadata, 'plugins': len(plugins),
                  'entry-point group': loader.PYDANTIC_ENTRY_POINT_GROUP,
                  'real after': not isinstance(sys.modules[plugins_off.NAME], plugins_off._StandIn)}))
"""


def _run(disable: str | None) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"}
    if disable is not None:
        env["PYDANTIC_DISABLE_PLUGINS"] = disable
    done = subprocess.run([sys.executable, "-c", SCRIPT], env=env, capture_output=True, text=True,
                          encoding="utf-8", timeout=60)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.splitlines()[-1])


def test_with_plugins_off_no_plugin_is_looked_for_nor_the_means_imported():
    for value in ("__all__", "1", "true"):
        found = _run(value)
        assert found["stood in"] and not found["metadata"] and found["plugins"] == 0, value
        # Any other name is the real loader's, which is then loaded in the stand-in's place.
        assert found["entry-point group"] == "pydantic" and found["real after"]


def test_with_plugins_on_the_real_loader_looks():
    for value in (None, "", "some-plugin"):
        found = _run(value)
        assert not found["stood in"] and found["metadata"], value


def test_a_module_walk_does_not_load_the_real_loader(tmp_path):
    script = ("import sys\nfrom buyin_cli import plugins_off\nplugins_off.stand_in()\n"
              "files = [getattr(m, '__file__', None) for m in list(sys.modules.values())]\n"
              "print(isinstance(sys.modules[plugins_off.NAME], plugins_off._StandIn))\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "True"

