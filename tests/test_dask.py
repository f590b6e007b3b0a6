"""The Dask integration: same results as the in-process pipeline, on the local and distributed schedulers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import koreabrief as kb

db = pytest.importorskip("dask.bag")
kbdask = pytest.importorskip("koreabrief.dask")


def _corpus(tmp_path: Path) -> Path:
    lines = [json.dumps({"id": a.id, "text": a.raw, "published": str(a.published)}) for a in kb.seeds()]
    (tmp_path / "c.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "x.txt").write_text("Seoul said on Monday that talks resume.", encoding="utf-8")
    return tmp_path


class TestBag:
    def test_read_and_extract_equal_local_pipeline(self, tmp_path: Path) -> None:
        """read_bag + extract_bag on the threaded scheduler gives exactly process()'s facts."""
        root = _corpus(tmp_path)
        expected = list(kb.process(root, workers=1))
        got = kbdask.extract_bag(kbdask.read_bag(root)).compute(scheduler="threads")
        assert got == expected

    def test_dict_records_and_strings(self) -> None:
        """Dict records and plain strings are accepted."""
        bag = db.from_sequence([{"id": "n1", "text": "Seoul said."}, "Tokyo said."], npartitions=2)
        ids = [f.article.id for f in kbdask.extract_bag(bag).compute(scheduler="sync")]
        assert ids == ["n1", "adhoc"]

    def test_bad_item_raises_library_error(self) -> None:
        """An item that is not article-like raises KoreabriefError."""
        with pytest.raises(kb.KoreabriefError):
            kbdask.extract_bag(db.from_sequence([42])).compute(scheduler="sync")

    def test_to_jsonl_round_trips(self, tmp_path: Path) -> None:
        """to_jsonl writes files that read back into the same facts."""
        facts = kbdask.extract_bag(db.from_sequence(kb.seeds(), npartitions=2))
        files = kbdask.to_jsonl(facts, tmp_path / "out")
        back = []
        for name in sorted(files):
            with open(name, encoding="utf-8") as fh:
                back.extend(kb.read_jsonl(fh, kb.Facts))
        assert back == facts.compute(scheduler="sync")

    def test_cluster_bag_equals_cluster(self) -> None:
        """cluster_bag over any partitioning gives exactly kb.cluster's stories."""
        facts = [kb.extract(a) for a in kb.seeds()]
        expected = kb.cluster(facts)
        for parts in (1, 2, 5):
            bag = db.from_sequence(facts, npartitions=parts)
            assert kbdask.cluster_bag(bag).compute(scheduler="sync") == expected


class TestDistributed:
    def test_local_cluster(self, tmp_path: Path) -> None:
        """The same bag runs on a distributed.LocalCluster."""
        distributed = pytest.importorskip("distributed")
        root = _corpus(tmp_path)
        with (
            distributed.LocalCluster(
                n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
            ) as cluster,
            distributed.Client(cluster) as client,
        ):
            facts = kbdask.extract_bag(kbdask.read_bag(root))
            got = client.compute(facts, sync=True)
            stories = client.compute(kbdask.cluster_bag(facts), sync=True)
        assert stories == kb.cluster(got)
        assert [f.article.id for f in got] == [f.article.id for f in kb.process(root, workers=1)]
