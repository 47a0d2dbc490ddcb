"""Provides snownlp's segmentation model in a compact form that loads in milliseconds.

snownlp keeps its character-tagging model as a gzipped marshal of Python dicts
keyed by tuples (~1.9 s and ~420 MiB to load). We convert it once into sorted
integer keys and float counts (numpy), cached under the user cache directory
and keyed by snownlp's version and the model file's size and mtime; the
model file's SHA-256 is recorded inside the cache.
"""

from __future__ import annotations

import gzip
import hashlib
import importlib.metadata
import importlib.util
import marshal
import os
import tempfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
import platformdirs

TAGS = ("b", "m", "e", "s")
BOS = 4  # tag id of the begin-of-sentence marker ('', 'BOS')
_SLOTS = 5  # tags per character in the packed ids
FORMAT_VERSION = 2


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


def cache_path(model_file: Path) -> Path:
    stat = model_file.stat()
    version = importlib.metadata.version("snownlp")
    name = f"segmodel-v{FORMAT_VERSION}-snownlp{version}-{stat.st_size}-{stat.st_mtime_ns}.npz"
    override = os.environ.get("ZHREADER_CACHE_DIR")
    folder = Path(override) if override else Path(platformdirs.user_cache_dir("zhreader"))
    return folder / name


@cache
def load_model() -> SegModel:
    """The compact model, converting snownlp's file on first use."""
    model_file = snownlp_model_file()
    path = cache_path(model_file)
    try:
        return _read(path)
    except (OSError, ValueError, KeyError):
        pass
    model = convert(model_file)
    _write(path, model, hashlib.sha256(model_file.read_bytes()).hexdigest())
    return model


def convert(model_file: Path) -> SegModel:
    """Pack snownlp's dict-of-tuples model into sorted integer arrays."""
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


def _write(path: Path, model: SegModel, source_sha256: str) -> None:
    """Write atomically so a crash or a second process never leaves half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    chars = "".join(c for c, _ in sorted(model.chars.items(), key=lambda kv: kv[1])[1:])
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            np.savez(
                handle,
                chars=np.array(chars),
                uni=model.uni,
                bi_keys=model.bi_keys,
                bi_counts=model.bi_counts,
                tri_keys=model.tri_keys,
                tri_counts=model.tri_counts,
                params=np.array([model.total, model.l1, model.l2, model.l3]),
                source_sha256=np.array(source_sha256),
            )
        os.replace(tmp, path)
    except OSError:
        Path(tmp).unlink(missing_ok=True)  # a read-only cache only costs speed


def _read(path: Path) -> SegModel:
    with np.load(path, allow_pickle=False) as data:
        chars = {"": 0}
        for i, char in enumerate(str(data["chars"]), start=1):
            chars[char] = i
        total, l1, l2, l3 = (float(x) for x in data["params"])
        return SegModel(
            chars=chars,
            unknown_id=len(chars),
            uni=data["uni"],
            bi_keys=data["bi_keys"],
            bi_counts=data["bi_counts"],
            tri_keys=data["tri_keys"],
            tri_counts=data["tri_counts"],
            total=total,
            l1=l1,
            l2=l2,
            l3=l3,
        )
