"""Build hook for the optional compiled ZWNJ scanner (everything else is in pyproject.toml).

The extension is optional: without a C compiler the build goes on without it and
persnews uses the pure-Python loop that gives the same output.
"""

from setuptools import Extension, setup

try:
    from Cython.Build import cythonize
except ImportError:  # pragma: no cover - Cython is a build requirement
    extensions: list[Extension] = []
else:
    extensions = cythonize(
        [Extension("persnews.normalize._zwnj_scan", ["persnews/normalize/_zwnj_scan.pyx"])],
        compiler_directives={"language_level": "3"},
    )
    for extension in extensions:
        extension.optional = True  # a failed compile leaves the pure-Python loop in use

setup(ext_modules=extensions)
