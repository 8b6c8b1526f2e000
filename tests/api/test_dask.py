"""The Dask path: bags, dataframes and ``confide redact --dask`` on a local cluster."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("distributed")
pytest.importorskip("pandas")

from distributed import Client, LocalCluster

from toolkit.pii import OperatorName, RedactConfig

pytestmark = pytest.mark.slow

_NAMES = ["Gwenllian", "Tadeusz", "Oluwaseun", "Bethan", "Radomír", "Saoirse", "Ieuan",
          "Zdeňka", "Kwabena", "Morwenna", "Lachlan", "Ludmila"]
CHATS = [
    {"id": n, "messages": [{"role": "user", "content": f"hi im {name}, ring 07700 900{n:03d}"},
                           {"role": "assistant", "content": "Hello, how are you today?"}]}
    for n, name in enumerate(_NAMES)
]


@pytest.fixture(scope="module")
def cluster() -> Iterator[LocalCluster]:
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None) as local:
        yield local


def test_when_bag_redacted_then_same_as_local_api(cluster: LocalCluster) -> None:
    import dask.bag as db

    import toolkit
    from toolkit.dask import redact_bag

    config = RedactConfig(operator=OperatorName.PSEUDONYM, hash_key=b"k" * 32)
    with Client(cluster):
        got = redact_bag(db.from_sequence(CHATS, npartitions=3), config=config).compute()
    assert got == list(toolkit.redact_records(CHATS, config=config))
    assert not any(name in json.dumps(got, ensure_ascii=False) for name in _NAMES)


def test_when_dataframe_redacted_then_only_text_column_changes(cluster: LocalCluster) -> None:
    import dask.dataframe as dd
    import pandas as pd

    from toolkit.dask import redact_dataframe

    frame = pd.DataFrame({"pid": ["P01", "P02"], "text": ["Call Ieuan on 07700 900777", None]})
    with Client(cluster):
        out = redact_dataframe(dd.from_pandas(frame, npartitions=2), ["text"]).compute()
    assert list(out["pid"]) == ["P01", "P02"]
    assert "Ieuan" not in out["text"].iloc[0] and pd.isna(out["text"].iloc[1])


def test_when_cli_runs_on_dask_then_output_is_byte_identical(cluster: LocalCluster,
                                                              tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "chats.jsonl").write_text("".join(json.dumps(c) + "\n" for c in CHATS), "utf-8")
    (src / "s.txt").write_text("THERAPIST: Hi Rhodri.\nCLIENT: Rhodri is tired.\n", "utf-8")
    cmd = [sys.executable, "-m", "toolkit.cli", "redact", str(src), "--no-progress"]
    local = subprocess.run([*cmd, "-o", str(tmp_path / "local"), "--workers", "1"],
                           capture_output=True, text=True, check=False)
    remote = subprocess.run([*cmd, "-o", str(tmp_path / "dask"), "--dask",
                             cluster.scheduler_address], capture_output=True, text=True,
                            check=False)
    assert (local.returncode, remote.returncode) == (0, 0), remote.stderr
    for name in ("chats.jsonl", "s.txt"):
        assert (tmp_path / "local" / name).read_bytes() == (tmp_path / "dask" / name).read_bytes()
