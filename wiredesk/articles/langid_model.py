"""py3langid's model, unpacked once and kept in the user's cache folder.

The model ships LZMA-compressed (4.6 MB, 68 MB unpacked): unpacking it costs each process
that identifies a language about half a CPU second, and a run starts several. Unpacked once
(``wiredesk.user_cache``), it reads in a sixth of that (0.1 s). The arrays are the package's own,
read as its loader reads them, so every answer is the same; where nothing can be kept, or
the package's layout is not the one known here, the package loads its model itself.
"""

from __future__ import annotations

import lzma
import shutil
import zipfile
from array import array
from importlib.metadata import version
from pathlib import Path
from typing import IO

import numpy as np
from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

from wiredesk.user_cache import cache_folder, file_stamp, keep, stamped_name

#: The arrays of the package's model file.
LAYOUT = ("ptc", "pc", "classes", "nextmove", "nextmove_row", "out_feat")
#: array typecodes of the unsigned integer sizes the model's state tables come in.
_TYPECODES = {2: "H", 4: "I", 8: "L"}


def packaged_model() -> Path:
    return MODEL_DIR / MODEL_FILE


def unpacked_path(model: Path) -> Path:
    """Where ``model``'s unpacked arrays are kept, named by its version."""
    stamp = f"{file_stamp(model)}\npy3langid {version('py3langid')}"
    return cache_folder("langid") / stamped_name("model", stamp, ".npz")


def _unpack(model: Path, out: IO[bytes]) -> None:
    with lzma.open(model) as packed:
        shutil.copyfileobj(packed, out, length=1 << 20)


def _state_table(values: np.ndarray) -> array:
    """The identifier walks its state tables in Python: a stdlib array indexes fastest."""
    table = array(_TYPECODES[values.dtype.itemsize])
    table.frombytes(memoryview(np.ascontiguousarray(values)).cast("B"))
    return table


def _read(path: Path, norm_probs: bool) -> LanguageIdentifier | None:
    """The identifier from an unpacked copy; None when there is none or it is damaged."""
    try:
        with np.load(path, allow_pickle=False) as data:
            if not set(LAYOUT) <= set(data.files):
                return None
            return LanguageIdentifier(
                data["ptc"],
                data["pc"],
                data["classes"].tolist(),
                _state_table(data["nextmove"]),
                data["out_feat"].tolist(),
                norm_probs=norm_probs,
                tk_row=_state_table(data["nextmove_row"]),
            )
    except (OSError, ValueError, EOFError, KeyError, zipfile.BadZipFile):
        return None


def load_identifier(model: Path | None = None, norm_probs: bool = True) -> LanguageIdentifier:
    """The identifier for ``model`` (the package's own by default), from its unpacked copy,
    unpacked now if there is none (or it is damaged)."""
    model = model or packaged_model()
    path = unpacked_path(model)
    identifier = _read(path, norm_probs)
    if identifier is None and keep(path, lambda out: _unpack(model, out)):
        identifier = _read(path, norm_probs)
    return identifier or LanguageIdentifier.from_model_file(model, norm_probs=norm_probs)
