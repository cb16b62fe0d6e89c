"""The public API is small and explicit: ``persnews.__all__`` is guarded here."""

from __future__ import annotations

import importlib
import inspect

import pytest

import persnews

EXPECTED_API = {
    "Article",
    "ArticleRecord",
    "DataNotFoundError",
    "InputFormatError",
    "InvalidOptionError",
    "ModelNotFoundError",
    "NormalizedText",
    "Normalizer",
    "PersnewsError",
    "__version__",
    "analyze",
    "load",
    "normalize",
    "pipe",
    "read_article",
    "render",
    "to_frames",
}


def test_all_is_exactly_the_documented_api() -> None:
    assert set(persnews.__all__) == EXPECTED_API
    assert len(persnews.__all__) == len(set(persnews.__all__))


@pytest.mark.parametrize("name", sorted(EXPECTED_API))
def test_every_public_name_resolves(name: str) -> None:
    assert getattr(persnews, name) is not None


def test_unknown_attribute_raises_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'nothing_here'"):
        _ = persnews.nothing_here  # type: ignore[attr-defined]


@pytest.mark.parametrize("name", ["analyze", "load", "pipe", "read_article", "render"])
def test_options_are_keyword_only(name: str) -> None:
    params = list(inspect.signature(getattr(persnews, name)).parameters.values())
    # at most the main input is positional; every option is keyword-only
    positional = [p for p in params if p.kind is not inspect.Parameter.KEYWORD_ONLY]
    assert len(positional) <= 1, [p.name for p in positional]


@pytest.mark.parametrize(
    "module",
    [
        "persnews.errors",
        "persnews.normalize",
        "persnews.pipeline",
        "persnews.record",
        "persnews.article",
        "persnews.batch",
        "persnews.visualize",
    ],
)
def test_public_modules_declare_all(module: str) -> None:
    mod = importlib.import_module(module)
    names = mod.__all__
    assert names, f"{module}.__all__ is empty"
    for name in names:
        assert hasattr(mod, name), f"{module}.__all__ lists missing {name!r}"


def test_errors_form_one_hierarchy() -> None:
    for exc in (
        persnews.InvalidOptionError,
        persnews.ModelNotFoundError,
        persnews.DataNotFoundError,
        persnews.InputFormatError,
    ):
        assert issubclass(exc, persnews.PersnewsError)
    assert issubclass(persnews.InvalidOptionError, ValueError)
    assert issubclass(persnews.InputFormatError, ValueError)


def test_load_rejects_unknown_component_names() -> None:
    with pytest.raises(persnews.InvalidOptionError, match="persnews_nothing"):
        persnews.load(exclude=["persnews_nothing"])


def test_library_logger_has_only_a_null_handler() -> None:
    import logging

    handlers = logging.getLogger("persnews").handlers
    assert handlers and all(isinstance(h, logging.NullHandler) for h in handlers)
