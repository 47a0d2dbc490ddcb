"""Provides snownlp's segmentation model in a compact form that loads in milliseconds.

snownlp keeps its character-tagging model as a gzipped marshal of Python dicts
keyed by tuples (~1.9 s and ~420 MiB to load). We convert it once into sorted
integer keys and float counts (numpy), cached under the user cache directory
as one file of raw arrays behind a small JSON header. The arrays are mapped,
not read: a cold ``zhreader summary`` touches only the pages its text needs
(an ``.npz`` of the same arrays cost ~20 ms to read whole).

The cache is keyed by the model file's content (SHA-256, ~10 ms for its 13 MB),
not its mtime: reinstalling the same snownlp must not cost another ~10 s build
and another 20 MB copy. The digest itself is remembered beside the caches,
under the file's path, size, inode and times, so a cold start does not hash
13 MB; any change to the file (even a rewrite with the same size) hashes anew.
Writing a new cache removes the copies of other keys.
The conversion is slow enough that a front end should say so: ``load_model``
takes an ``on_build`` callback, called only when it is about to convert; the
core itself never prints.
"""

from __future__ import annotations

import importlib.util
import json
import mmap
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import platformdirs

TAGS = ("b", "m", "e", "s")
BOS = 4  # tag id of the begin-of-sentence marker ('', 'BOS')
_SLOTS = 5  # tags per character in the packed ids
FORMAT_VERSION = 3
_PREFIX = "segmodel-v"  # every cache file, of any key or format, starts with this
_MAGIC = b"zhreader-segmodel\n"
_ALIGN = 64  # each array starts on a multiple of this, so it maps as a numpy array
_ARRAYS = ("uni", "bi_keys", "bi_counts", "tri_keys", "tri_counts")
_DIGESTS = "digests.json"  # the model files' SHA-256 by path and stat (see source_digest)
# What a front end tells the user while the model is built (on_build of load_model).
FIRST_RUN_NOTICE = "preparing the segmentation model (first run, ~10 s)…"


@dataclass(frozen=True)
class SegModel:
    """Counts of snownlp's character trigram model.

    Keys put the characters first and the tags in the lowest digits, so all the
    entries of one character pair or triple form one contiguous block:
    bigram key ``(c1 * N + c2) * 25 + t1 * 5 + t2``, trigram key
    ``((c1 * N + c2) * N + c3) * 125 + t1 * 25 + t2 * 5 + t3`` with ``N`` =
    ``unknown_id + 1``. Char id 0 is the empty string of the BOS marker (tag 4)
    and ``unknown_id`` stands for any character the model has never seen.
    """

    chars: dict[str, int]
    unknown_id: int
    uni: np.ndarray  # count of char_id * 5 + tag
    bi_keys: np.ndarray  # sorted
    bi_counts: np.ndarray
    tri_keys: np.ndarray  # sorted
    tri_counts: np.ndarray
    total: float
    l1: float
    l2: float
    l3: float

    @property
    def n_chars(self) -> int:
        return self.unknown_id + 1


def snownlp_model_file() -> Path:
    """Where snownlp keeps its segmentation model (found without importing snownlp)."""
    spec = importlib.util.find_spec("snownlp")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("snownlp is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "seg" / "seg.marshal.3"


def cache_dir() -> Path:
    """Where the converted model (and the lexicon's counts) are kept; overridable for tests."""
    override = os.environ.get("ZHREADER_CACHE_DIR")
    return Path(override) if override else Path(platformdirs.user_cache_dir("zhreader"))


def source_digest(model_file: Path) -> str:
    """SHA-256 of ``model_file``: what the cache is keyed by.

    Remembered per (path, size, inode, mtime, ctime), within a process and in
    the cache directory, so asking again costs a stat; a file with the same
    bytes and a new mtime gets the same key (after one more hash).
    """
    stat = model_file.stat()
    return _digest(str(model_file), stat.st_size, stat.st_ino, stat.st_mtime_ns, stat.st_ctime_ns)


@lru_cache(maxsize=8)
def _digest(path: str, *stamp: int) -> str:
    index = cache_dir() / _DIGESTS
    try:
        known = json.loads(index.read_text(encoding="utf-8"))
        entry = known.get(path) if isinstance(known, dict) else None
    except (OSError, ValueError):
        known, entry = {}, None
    if isinstance(entry, list) and entry[:-1] == list(stamp) and isinstance(entry[-1], str):
        return entry[-1]
    import hashlib

    with open(path, "rb") as handle:
        digest = hashlib.file_digest(handle, "sha256").hexdigest()
    known = known if isinstance(known, dict) else {}
    known[path] = [*stamp, digest]
    _write_atomically(index, json.dumps(known, ensure_ascii=False).encode("utf-8"))
    return digest


def _write_atomically(path: Path, data: bytes) -> bool:
    """Write ``data`` to ``path`` through a temporary file, so a crash or a second
    process never leaves half a file. False when it could not be written: a
    read-only cache only costs speed."""
    import tempfile

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    except OSError:
        return False
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except OSError:
        Path(tmp).unlink(missing_ok=True)
        return False
    return True


def cache_path(model_file: Path) -> Path:
    """The cache file of ``model_file``: named by our format and the file's content."""
    return cache_dir() / f"{_PREFIX}{FORMAT_VERSION}-{source_digest(model_file)[:32]}.bin"


_lock = threading.Lock()
_model: SegModel | None = None


def load_model(on_build: Callable[[], None] | None = None) -> SegModel:
    """The compact model, converting snownlp's file on first use.

    ``on_build`` is called once, just before a conversion (no usable cache:
    the first run, or a new snownlp), so the caller can tell the user why
    this run is slow. Threads asking at the same time wait for one load.
    """
    global _model
    with _lock:
        if _model is None:
            _model = _load(on_build)
        return _model


def _load(on_build: Callable[[], None] | None) -> SegModel:
    model_file = snownlp_model_file()
    path = cache_path(model_file)
    try:
        return _read(path)
    except (OSError, ValueError, KeyError, TypeError):  # missing, truncated, foreign
        pass
    if on_build is not None:
        on_build()
    model = convert(model_file)
    write_cache(path, model, source_digest(model_file))
    return model


def convert(model_file: Path) -> SegModel:
    """Pack snownlp's dict-of-tuples model into sorted integer arrays."""
    import gzip  # only a first run converts: not paid by every cold start
    import marshal

    with gzip.open(model_file, "rb") as handle:
        raw = marshal.loads(handle.read())
    tag_id = {t: i for i, t in enumerate(TAGS)} | {"BOS": BOS}
    chars: dict[str, int] = {"": 0}
    for char, _ in raw["uni"]["d"]:
        chars.setdefault(char, len(chars))
    for key in raw["tri"]["d"]:
        for char, _ in key:
            chars.setdefault(char, len(chars))
    for key in raw["bi"]["d"]:
        for char, _ in key:
            chars.setdefault(char, len(chars))
    unknown_id = len(chars)
    n = unknown_id + 1

    def bi_key(a: tuple[str, str], b: tuple[str, str]) -> int:
        return (chars[a[0]] * n + chars[b[0]]) * 25 + tag_id[a[1]] * 5 + tag_id[b[1]]

    def tri_key(a: tuple[str, str], b: tuple[str, str], c: tuple[str, str]) -> int:
        chars_part = (chars[a[0]] * n + chars[b[0]]) * n + chars[c[0]]
        return chars_part * 125 + tag_id[a[1]] * 25 + tag_id[b[1]] * 5 + tag_id[c[1]]

    uni = np.zeros(n * _SLOTS, dtype=np.float64)
    for (char, tag), count in raw["uni"]["d"].items():
        uni[chars[char] * _SLOTS + tag_id[tag]] = count
    bi_items = sorted((bi_key(a, b), c) for (a, b), c in raw["bi"]["d"].items())
    tri_items = sorted((tri_key(a, b, c), k) for (a, b, c), k in raw["tri"]["d"].items())
    return SegModel(
        chars=chars,
        unknown_id=unknown_id,
        uni=uni,
        bi_keys=np.array([k for k, _ in bi_items], dtype=np.int64),
        bi_counts=np.array([c for _, c in bi_items], dtype=np.float64),
        tri_keys=np.array([k for k, _ in tri_items], dtype=np.int64),
        tri_counts=np.array([c for _, c in tri_items], dtype=np.float64),
        total=float(raw["uni"]["total"]),
        l1=float(raw["l1"]),
        l2=float(raw["l2"]),
        l3=float(raw["l3"]),
    )


def write_cache(path: Path, model: SegModel, source_sha256: str) -> None:
    """Write atomically so a crash or a second process never leaves half a file,
    then remove the cache files of other keys (each is 20 MB)."""
    chars = "".join(c for c, _ in sorted(model.chars.items(), key=lambda kv: kv[1])[1:])
    arrays = {name: np.ascontiguousarray(getattr(model, name)) for name in _ARRAYS}
    offsets: dict[str, int] = {}
    end = 0
    for name, array in arrays.items():
        offsets[name] = end
        end += -(-array.nbytes // _ALIGN) * _ALIGN
    layout = {name: [a.dtype.str, offsets[name], int(a.size)] for name, a in arrays.items()}
    header = json.dumps(
        {
            "chars": chars,
            "params": [model.total, model.l1, model.l2, model.l3],
            "source_sha256": source_sha256,
            "arrays": layout,
        },
        ensure_ascii=False,
    ).encode("utf-8")
    start = -(-(len(_MAGIC) + 8 + len(header)) // _ALIGN) * _ALIGN
    data = bytearray(start + end)
    data[: len(_MAGIC)] = _MAGIC
    data[len(_MAGIC) : len(_MAGIC) + 8] = start.to_bytes(8, "little")
    data[len(_MAGIC) + 8 : len(_MAGIC) + 8 + len(header)] = header
    for name, array in arrays.items():
        at = start + offsets[name]
        data[at : at + array.nbytes] = array.tobytes()
    if _write_atomically(path, bytes(data)):
        remove_stale(path)


def remove_stale(keep: Path) -> list[Path]:
    """Delete the other segmentation caches beside ``keep``: older snownlp files,
    older formats (.npz before format 3), the mtime-keyed names of earlier
    versions. Returns what went."""
    removed = []
    for pattern in (f"{_PREFIX}*.npz", f"{_PREFIX}*.bin"):
        for other in keep.parent.glob(pattern):
            if other.name != keep.name:
                try:
                    other.unlink()
                except OSError:
                    continue  # another process got there first, or no permission
                removed.append(other)
    return removed


def _read(path: Path) -> SegModel:
    """Map the cache file and view its arrays in place (read-only, shared with the page cache)."""
    with open(path, "rb") as handle:
        mapped = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
    if mapped[: len(_MAGIC)] != _MAGIC:
        raise ValueError(f"not a segmentation cache: {path}")
    start = int.from_bytes(mapped[len(_MAGIC) : len(_MAGIC) + 8], "little")
    header = json.loads(mapped[len(_MAGIC) + 8 : start].rstrip(b"\0").decode("utf-8"))
    arrays = {
        name: np.frombuffer(mapped, dtype=np.dtype(dtype), count=count, offset=start + offset)
        for name, (dtype, offset, count) in header["arrays"].items()
    }
    chars = {"": 0}
    for i, char in enumerate(header["chars"], start=1):
        chars[char] = i
    total, l1, l2, l3 = (float(x) for x in header["params"])
    return SegModel(
        chars=chars,
        unknown_id=len(chars),
        uni=arrays["uni"],
        bi_keys=arrays["bi_keys"],
        bi_counts=arrays["bi_counts"],
        tri_keys=arrays["tri_keys"],
        tri_counts=arrays["tri_counts"],
        total=total,
        l1=l1,
        l2=l2,
        l3=l3,
    )
