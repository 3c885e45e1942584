"""What the fuzzing tests expect of every outcome: a failure is a LoadError naming the file (and the
line, unless the problem is the whole file); a success is a design that can be validated, traced,
saved and opened again unchanged."""

from __future__ import annotations

from model import native_format
from model.diagram import Diagram
from model.errors import LoadError

__all__ = ["assert_clean_failure", "assert_saves_and_reopens", "WHOLE_FILE_PROBLEMS", "model_of"]

#: Problems that belong to the file as a whole, so no line can be named.
WHOLE_FILE_PROBLEMS = (
    "more than one YAML document", "must be a YAML mapping", "must be a mapping with a Resources",
    "neither a Kumozu design", "not a Kumozu design", "not a Kumozu lab", "MB", "has no resources",
    "a lab file must be", "not valid JSON", "nested more than", "more than 200,000 values",
    "the template cannot be drawn",
)


def assert_clean_failure(error: BaseException, path: str) -> None:
    """``error`` is how Kumozu reports a bad file: a LoadError for ``path`` with a message and,
    when the problem is somewhere in the file, its line."""
    assert isinstance(error, LoadError), f"{type(error).__name__}: {error}"
    assert error.path == path, error
    assert error.message.strip(), error
    if error.line is None:
        assert any(p in error.message for p in WHOLE_FILE_PROBLEMS), f"no line for: {error}"
    else:
        assert error.line >= 1 and (error.column is None or error.column >= 1), error


def model_of(diagram: Diagram) -> tuple:
    """Everything a design means (not where its boxes are)."""
    return (sorted((r.id, r.kind, r.name, r.parent, repr(sorted(r.properties.items(), key=str)))
                   for r in diagram),
            sorted((r.id, r.kind, r.source, r.target, repr(r.properties)) for r in diagram.relations()),
            tuple(diagram.metadata(k) for k in ("title", "region", "environment", "description")))


def assert_saves_and_reopens(diagram: Diagram) -> str:
    """Saving ``diagram`` in the native format and opening the file again gives the same design,
    and saving that gives the same bytes. Returns the text."""
    text = native_format.dumps(diagram)
    again = native_format.loads(text, "saved.kumozu.yaml")
    assert native_format.dumps(again) == text
    before, after = model_of(diagram), model_of(again)
    for was, now in zip(before, after):
        lost = [x for x in was if x not in now]
        gained = [x for x in now if x not in was]
        assert not lost and not gained, f"saving lost {lost}, reopening gained {gained}"
    return text
