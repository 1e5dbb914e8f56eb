"""A per-instance memo for a method without arguments: the header rules ask each header line many
questions (header_facts.Line), each worked out once."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar, overload

T = TypeVar("T")


class memo(Generic[T]):
    """functools.cached_property without its lock: Python 3.11's takes an RLock on every first read,
    which cost about 7 % of the header rules' time (an instance is read by one thread only). The
    first read stores the answer in the instance's __dict__, which later reads find before this
    (non-data) descriptor."""

    def __init__(self, func: Callable[[Any], T]) -> None:
        self.func = func
        self.name = func.__name__
        self.__doc__ = func.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, instance: None, owner: type | None = None) -> memo[T]: ...
    @overload
    def __get__(self, instance: object, owner: type | None = None) -> T: ...

    def __get__(self, instance: object | None, owner: type | None = None) -> T | memo[T]:
        if instance is None:
            return self
        value = instance.__dict__[self.name] = self.func(instance)
        return value
