"""The harness regenerates its inputs when the code that shapes them has changed."""

from __future__ import annotations

from bench.context import FINGERPRINT, Context, generator_fingerprint


def _inputs(folder):
    (folder / "design-100.kumozu.yaml").write_text("old", encoding="utf-8")
    (folder / "design-100.cfn").mkdir()
    (folder / "design-100.cfn" / "stack-00.cfn.yaml").write_text("old", encoding="utf-8")
    (folder / "template-500.cfn.yaml").write_text("old", encoding="utf-8")


def test_inputs_of_other_generator_sources_are_removed(tmp_path):
    """Designs written when the layout or the generator was different are deleted (and so made
    again on first use), and the current fingerprint is recorded."""
    _inputs(tmp_path)
    (tmp_path / FINGERPRINT).write_text("a fingerprint of older sources\n", encoding="utf-8")
    Context(data=tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == [FINGERPRINT]
    assert (tmp_path / FINGERPRINT).read_text(encoding="utf-8").strip() == generator_fingerprint()


def test_inputs_of_the_current_sources_are_kept(tmp_path):
    """With the fingerprint of the sources as they are, nothing is regenerated."""
    _inputs(tmp_path)
    (tmp_path / FINGERPRINT).write_text(generator_fingerprint() + "\n", encoding="utf-8")
    Context(data=tmp_path)
    assert (tmp_path / "design-100.kumozu.yaml").read_text(encoding="utf-8") == "old"
    assert (tmp_path / "design-100.cfn" / "stack-00.cfn.yaml").exists()
    assert (tmp_path / "template-500.cfn.yaml").exists()


def test_a_missing_fingerprint_counts_as_stale(tmp_path):
    """Inputs without a fingerprint (written before it existed) are made again."""
    _inputs(tmp_path)
    Context(data=tmp_path)
    assert not (tmp_path / "design-100.kumozu.yaml").exists()
