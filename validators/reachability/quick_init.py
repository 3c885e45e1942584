"""A cheaper ``__init__`` for the frozen dataclasses tracing makes by the thousand.

A frozen dataclass's generated ``__init__`` stores each field with ``object.__setattr__`` (a plain
assignment would raise ``FrozenInstanceError``): one call per field. Tracing every implied flow of
a 1,000-resource design makes about 12,500 hops, 1,400 legs and paths, and a few hundred of each
other record; those calls were about a twentieth of a full validation. :func:`quick_init` gives the
class an ``__init__`` with the same signature and defaults that sets the instance's whole
``__dict__`` in one call. Equality, hashing, ``repr``, ``dataclasses.replace`` and pickling read the
fields as before, so the records behave exactly as they did.

Only for frozen dataclasses whose fields all take part in ``__init__``, with plain defaults (no
``default_factory``), no ``__post_init__`` and no ``__slots__``: anything else is refused when the
class is defined, not misbehaving later.
"""

from __future__ import annotations

import dataclasses
import operator

__all__ = ["quick_init", "hashed_once"]


def quick_init(cls):
    """Class decorator, placed above ``@dataclass(frozen=True)``."""
    fields = dataclasses.fields(cls)
    if not cls.__dataclass_params__.frozen or hasattr(cls, "__post_init__") or \
            "__slots__" in cls.__dict__:
        raise TypeError(f"quick_init: {cls.__name__} is not a frozen dataclass without "
                        f"__post_init__ or __slots__")
    defaults: dict[str, object] = {}
    params, items = [], []
    for f in fields:
        if not f.init or f.default_factory is not dataclasses.MISSING:
            raise TypeError(f"quick_init: field {cls.__name__}.{f.name} needs the generated __init__")
        if f.default is dataclasses.MISSING:
            params.append(f.name)
        else:
            defaults[f"_default_{f.name}"] = f.default
            params.append(f"{f.name}=_default_{f.name}")
        items.append(f"{f.name!r}: {f.name}")
    source = (f"def __init__(self, {', '.join(params)}):\n"
              f"    _set(self, '__dict__', {{{', '.join(items)}}})\n")
    namespace: dict[str, object] = {"_set": object.__setattr__, **defaults}
    exec(source, namespace)  # noqa: S102 - source built above from the class's own field names
    init = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__module__ = cls.__module__
    init.__doc__ = cls.__init__.__doc__
    init.__annotations__ = {**{f.name: f.type for f in fields}, "return": None}
    cls.__init__ = init
    return cls


def hashed_once(cls):
    """Class decorator, placed above ``@quick_init``: the instance's hash, the hash of its fields as
    the dataclass computes it, is computed at first use and kept in the instance's ``__dict__``
    (outside the fields, so equality is unchanged). For records that key remembered legs and
    placements and are hashed many times per trace."""
    fields = operator.attrgetter(*(f.name for f in dataclasses.fields(cls)))

    def __hash__(self) -> int:
        try:
            return self.__dict__["_hash"]
        except KeyError:
            value = self.__dict__["_hash"] = hash(fields(self))
            return value

    __hash__.__qualname__ = f"{cls.__qualname__}.__hash__"
    cls.__hash__ = __hash__
    return cls
