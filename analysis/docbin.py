"""The parse cache's entries: one Doc as `DocBin` bytes, written and read faster than spaCy's
own `DocBin` does it, with the same bytes (tested).

`DocBin.add` reads nine string properties of every token to collect the strings it stores;
`OneDocBin.add` takes them from the distinct hashes of the token attributes. srsly builds a new
msgpack packer, and a new decoder chain, for every call, reading its registries' entry points
each time (as much as the rest of the serialisation); here one of each serves the process.
Imported only when a Doc is written or read, so that a fully cached run never imports spaCy.
"""

from __future__ import annotations

import functools
import zlib

import numpy
import srsly
from spacy.attrs import DEP, ENT_ID, ENT_KB_ID, ENT_TYPE, LEMMA, MORPH, NORM, ORTH, SPACY, TAG
from spacy.tokens import Doc, DocBin
from thinc.api import NumpyOps

_HASHED = [ORTH, TAG, LEMMA, NORM, DEP, ENT_TYPE, ENT_KB_ID, ENT_ID]
"""Token attributes whose string is the vocabulary's string for their hash (`MORPH` is not:
an empty analysis is written « » but hashed as « _ »)."""


class OneDocBin(DocBin):
    """`DocBin` for the parse cache, faster where spaCy's own spends most of its time, with
    the same bytes (tested): `add` collects the strings of the token attributes from their
    distinct hashes instead of reading nine string properties of every token, and the message
    is packed and read with one msgpack packer and decoder chain per process."""

    def add(self, doc: Doc) -> None:
        if doc.spans:  # span groups add strings of their own: spaCy's own way
            super().add(doc)
            return
        array = doc.to_array(self.attrs)
        if len(array.shape) == 1:
            array = array.reshape((array.shape[0], 1))
        self.tokens.append(array)
        self.spaces.append(numpy.asarray(doc.to_array(SPACY), dtype=bool).reshape((-1, 1)))
        self.flags.append({"has_unknown_spaces": doc.has_unknown_spaces})
        strings = doc.vocab.strings
        self.strings.update(strings[h] for h in set(doc.to_array(_HASHED).ravel().tolist()))
        _, first = numpy.unique(doc.to_array(MORPH), return_index=True)
        self.strings.update(str(doc[i].morph) for i in first.tolist())
        self.cats.append(doc.cats)
        self.span_groups.append(doc.spans.to_bytes())

    def packed(self) -> bytes:
        """The msgpack bytes that `to_bytes` compresses (spaCy's message, built the same
        way), so that the compression can run in the writer thread. User data is never stored
        (the parse cache keeps none)."""
        if self.store_user_data:
            raise ValueError("OneDocBin stores no user data; use spaCy's DocBin for that")
        msg = {
            "version": self.version,
            "attrs": self.attrs,
            "tokens": numpy.vstack(self.tokens).tobytes("C"),
            "spaces": numpy.vstack(self.spaces).tobytes("C"),
            "lengths": numpy.asarray([len(t) for t in self.tokens], dtype="int32").tobytes("C"),
            "strings": sorted(self.strings),
            "cats": self.cats,
            "flags": self.flags,
            "span_groups": self.span_groups,
        }
        return _packer().pack(msg)

    def from_bytes(self, bytes_data: bytes) -> DocBin:
        """`DocBin.from_bytes` (spaCy 3.8's own steps), with the message read by `_unpack`:
        srsly looks its decoder registry up again for every entry, a third of reading one."""
        try:
            msg = _unpack(zlib.decompress(bytes_data))
        except zlib.error:
            raise ValueError("not a DocBin entry (zlib)") from None
        self.attrs = msg["attrs"]
        self.strings = set(msg["strings"])
        lengths = numpy.frombuffer(msg["lengths"], dtype="int32")
        flat_spaces = numpy.frombuffer(msg["spaces"], dtype=bool)
        flat_tokens = numpy.frombuffer(msg["tokens"], dtype="uint64")
        flat_tokens = flat_tokens.reshape((flat_tokens.size // len(self.attrs), len(self.attrs)))
        self.tokens = NumpyOps().unflatten(flat_tokens, lengths)
        self.spaces = NumpyOps().unflatten(flat_spaces.reshape((flat_spaces.size, 1)), lengths)
        self.cats = msg["cats"]
        self.span_groups = msg.get("span_groups", [b"" for _ in lengths])
        self.flags = msg.get("flags", [{} for _ in lengths])
        self.user_data = list(msg["user_data"]) if "user_data" in msg else [None] * len(self)
        return self


def _unpack(data: bytes) -> object:
    """`srsly.msgpack_loads` with the registered decoders chained once per process (through
    srsly's own unpacker; `srsly.msgpack_loads` itself if a release no longer has it)."""
    unpackb = getattr(srsly.msgpack, "_unpackb", None)
    if unpackb is None:
        return srsly.msgpack_loads(data)
    return unpackb(data, raw=False, use_list=True, object_hook=_decoders())


@functools.cache
def _decoders():
    """The object hook `srsly.msgpack.unpackb` builds on every call: its registered decoders,
    chained (numpy arrays and the like)."""
    hook = None
    for decoder in srsly.msgpack.msgpack_decoders.get_all().values():
        hook = functools.partial(decoder, chain=hook)
    return hook


@functools.cache
def _packer() -> srsly.msgpack.Packer:
    """One msgpack packer for the process, as `srsly.msgpack_dumps` makes it (binary type on,
    the registered encoders chained): srsly builds a new one for every call, reading the
    encoder registry's entry points each time, which cost as much as the whole rest of the
    serialisation. Packing resets after each call, so the bytes are the same."""
    return srsly.msgpack.Packer(use_bin_type=True)


def doc_bytes(doc: Doc) -> bytes:
    """One Doc as `DocBin` bytes (user data left out), as `DocBin(docs=[doc]).to_bytes()`."""
    return zlib.compress(packed(doc))


def packed(doc: Doc) -> bytes:
    """The msgpack bytes of `doc_bytes`, before compression (which a writer thread can do)."""
    return OneDocBin(docs=[doc], store_user_data=False).packed()


def read_docs(data: bytes, vocab) -> list[Doc]:
    """The Docs of one entry (`ValueError` when it is no DocBin)."""
    return list(OneDocBin().from_bytes(data).get_docs(vocab))
