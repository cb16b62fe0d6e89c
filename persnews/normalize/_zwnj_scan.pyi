from persnews.normalize.offsets import Edit
from persnews.normalize.zwnj import ZwnjModel

def word_spans(text: str) -> tuple[list[int], list[int]]: ...
def edits(
    text: str, model: ZwnjModel, joined: str, spaced: str, protected: list[tuple[int, int]]
) -> list[Edit]: ...
