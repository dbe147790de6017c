"""scriptmod - one script of scripts/ (a file without .py) as a module.

The training and evaluation tools call each other's functions (sm-curve and
sm-confusion train-intent's, commit-cv eval-sentences', train-intent the
keyword list of eval-sentences), and the tests of those tools call them too.
Python imports only files ending in .py, so each of them loaded the script
through importlib by hand; this is that loader, once.  Standard library only.
"""

import importlib.machinery
import importlib.util
import os
import sys

SCRIPTS = os.path.dirname(os.path.abspath(__file__))


def load(script, name=None):
    """Runs SCRIPT (a path, or a name under scripts/ such as "train-intent")
    as a new module named NAME (default: the file name with "_" for "-") and
    returns it.  Every call returns a fresh module: the caller owns it, and
    environment variables the script reads at load time (SM_*) are read then.
    """
    path = script if os.sep in script else os.path.join(SCRIPTS, script)
    name = name or os.path.basename(path).replace("-", "_")
    loader = importlib.machinery.SourceFileLoader(name, path)
    mod = importlib.util.module_from_spec(importlib.util.spec_from_loader(name, loader))
    loader.exec_module(mod)
    return mod


def main(argv):
    """python3 scripts/scriptmod.py SCRIPT NAME PROGRAM [ARG...]: runs the
    Python PROGRAM (a file, or - for standard input) with SCRIPT loaded as the
    module NAME in its globals and sys.argv = [PROGRAM, ARG...]; the form the
    tests of these tools use.  Environment variables the script reads at load
    time must be set before (SM_INTER=1 python3 scripts/scriptmod.py ...)."""
    if len(argv) < 4:
        sys.stderr.write("usage: scriptmod.py SCRIPT NAME PROGRAM [ARG...]\n")
        return 2
    mod = load(argv[1], argv[2])
    program = argv[3]
    with (sys.stdin if program == "-" else open(program)) as f:
        code = compile(f.read(), "<stdin>" if program == "-" else program, "exec")
    sys.argv = argv[3:]
    exec(code, {"__name__": "__main__", argv[2]: mod})
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
