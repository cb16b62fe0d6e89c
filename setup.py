"""Build hook for the optional compiled loops (everything else is in pyproject.toml).

Three extensions: the ZWNJ scanner (``persnews.normalize._zwnj_scan``), the offset-map
loops (``persnews.normalize._offsets_scan``) and the tokenizer's token scan and tiling
(``persnews._token_scan``).  All are optional: without a C compiler
the build goes on without them and persnews uses the pure-Python loops that give the same
output.
"""

from setuptools import Extension, setup

try:
    from Cython.Build import cythonize
except ImportError:  # pragma: no cover - Cython is a build requirement
    extensions: list[Extension] = []
else:
    extensions = cythonize(
        [
            Extension("persnews.normalize._zwnj_scan", ["persnews/normalize/_zwnj_scan.pyx"]),
            Extension("persnews.normalize._offsets_scan", ["persnews/normalize/_offsets_scan.pyx"]),
            Extension("persnews._token_scan", ["persnews/_token_scan.pyx"]),
        ],
        compiler_directives={"language_level": "3"},
    )
    for extension in extensions:
        extension.optional = True  # a failed compile leaves the pure-Python loops in use

setup(ext_modules=extensions)
