"""Near-duplicate detection of syndicated copies with MinHash and LSH (datasketch).

A wire story reprinted by ten outlets, or lightly rewritten by a blog, is one source of
evidence, not ten. Each article gets a MinHash signature of its word 3-shingles; LSH band
keys of the signature are stored next to it (table `lsh_bands`), so finding the candidates of
a new article is one indexed lookup in the store, across runs, without loading the corpus.
"""

from __future__ import annotations

import hashlib
import re

import numpy as np
from datasketch import MinHash, MinHashLSH

# A light rewrite (new headline, a sentence added or cut, some words swapped) keeps well over
# half of a story's 3-word shingles; two different stories about the same event share far
# fewer (measured on our tests' rewrites: copies 0.7-1.0, distinct stories under 0.2).
THRESHOLD = 0.5
NUM_PERM = 64  # 256 bytes a signature; the estimate's error at 0.5 is about +-0.06.
SHINGLE = 3
SEED = 1

_lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
BANDS, ROWS = _lsh.b, _lsh.r
del _lsh
# MinHash draws its permutations from the seed on every construction (a third of a
# signature's cost); the same seed gives the same ones, so draw them once.
_FIRST = MinHash(num_perm=NUM_PERM, seed=SEED)
_PERMUTATIONS, _SCHEME = _FIRST.permutations, _FIRST.scheme
del _FIRST
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def shingles(text: str) -> set[bytes]:
    words = _WORD.findall(text.casefold())
    if len(words) < SHINGLE:
        return {" ".join(words).encode("utf-8")}
    return {" ".join(words[i : i + SHINGLE]).encode("utf-8") for i in range(len(words) - SHINGLE + 1)}


def signature(text: str) -> np.ndarray:
    """The MinHash of a text as uint32 values (datasketch's hash values fit in 32 bits)."""
    m = MinHash(num_perm=NUM_PERM, seed=SEED, permutations=_PERMUTATIONS, scheme=_SCHEME)
    m.update_batch(list(shingles(text)))
    return m.hashvalues.astype(np.uint32)


def band_keys(sig: np.ndarray) -> list[int]:
    """One signed 64-bit key per LSH band: equal keys mean the band's rows all agree."""
    out = []
    raw = sig.astype("<u4")
    for b in range(BANDS):
        chunk = raw[b * ROWS : (b + 1) * ROWS].tobytes()
        digest = hashlib.blake2b(bytes([b]) + chunk, digest_size=8).digest()
        out.append(int.from_bytes(digest, "little", signed=True))
    return out


def to_bytes(sig: np.ndarray) -> bytes:
    return sig.astype("<u4").tobytes()


def from_bytes(data: bytes) -> np.ndarray:
    return np.frombuffer(data, dtype="<u4")


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of the shingle sets behind two signatures."""
    return float(np.count_nonzero(a == b)) / len(a)
