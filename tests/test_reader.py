"""Records files read back into typed records; articles told from records; bad rows named."""

from __future__ import annotations

from pathlib import Path

import pytest

from statx import extract_paths
from statx.errors import SourceError, StatxError
from statx.export import Format, write_records
from statx.reader import read_inputs, read_records, sniff
from statx.records import Record
from tests.conftest import SAMPLE_FILES, SAMPLES
from tests.synthetic import RECORDS


def test_sniff_tells_records_from_articles() -> None:
    assert sniff(b'{"doc": "a", "text": "1\\u4eba"}\n') == "jsonl"
    assert sniff(b"\xef\xbb\xbf [\n  {}]") == "json"
    assert sniff("\ufeffdoc,text,value,unit,metric\n".encode()) == "csv"
    assert sniff(b"metric,value\nx,1\n") is None  # not enough columns for records
    assert sniff(b"PAR1\x00\x00") == "parquet"
    assert sniff(SAMPLE_FILES[0].read_bytes()) is None


def test_a_hand_made_csv_with_a_few_columns_is_enough(tmp_path: Path) -> None:
    path = tmp_path / "mine.csv"
    path.write_text("doc,text,value,unit,metric,remark\nx,3人,3,人,staff,checked\nx,1.5万元,15000.0,元,,\n")
    assert read_records(path) == [
        Record("x", "3人", 3, "人", metric="staff"),
        Record("x", "1.5万元", 15000, "元", metric=""),
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("doc,text,value,unit\nx,3人,three,人\n", "line 2: value 'three' is not a number"),
        ("doc,text,value,unit,start\nx,3人,3,人,1.5\n", "line 2: start '1.5' is not a whole number"),
        ("doc,text,value,unit\nx,3人,3\n", "line 2: 3 cells where the header has 4"),
        ("doc,text,unit\nx,3人,人\n", "CSV header lacks value (not a records file)"),
        ("doc,text,value,unit\nx,3人,,人\n", "line 2: value '' is not a number"),
    ],
)
def test_bad_csv_rows_fail_the_file_with_file_and_line(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(SourceError) as err:
        read_records(path)
    assert str(err.value) == f"{path}: {message}"


def test_bad_json_and_parquet_are_named(tmp_path: Path) -> None:
    jsonl = tmp_path / "bad.jsonl"
    jsonl.write_text('{"doc": "a", "text": "1人", "value": 1, "unit": "人"}\n{"doc": \n', encoding="utf-8")
    with pytest.raises(SourceError, match=r"bad.jsonl: line 2: not valid JSON"):
        read_records(jsonl)
    missing = tmp_path / "missing.json"
    missing.write_text('[{"doc": "a", "text": "1人", "value": 1}]', encoding="utf-8")
    with pytest.raises(SourceError, match=r"missing.json: item 1: unit is missing"):
        read_records(missing)
    parquet = tmp_path / "bad.parquet"
    parquet.write_bytes(b"PAR1 this is not parquet")
    with pytest.raises(SourceError, match=r"bad.parquet: not a valid Parquet file"):
        read_records(parquet)
    with pytest.raises(SourceError, match="no such file"):
        read_records(tmp_path / "nope.csv")


def test_inputs_mix_records_files_articles_and_folders(tmp_path: Path) -> None:
    from_samples = list(extract_paths([SAMPLES]))
    saved = tmp_path / "figures.jsonl"
    write_records(RECORDS, Format.jsonl, saved)
    unknown_ending = tmp_path / "figures.out"
    write_records(RECORDS, Format.csv, unknown_ending)
    article = tmp_path / "note.log"
    article.write_text("共查处违法12起", encoding="utf-8")
    got = list(read_inputs([saved, SAMPLES, unknown_ending, article]))
    texts = [r.text for r in got]
    assert got[: len(RECORDS)] == RECORDS
    assert got[len(RECORDS) : len(RECORDS) + len(from_samples)] == from_samples
    assert got[len(RECORDS) + len(from_samples) : -1] == RECORDS
    assert texts[-1] == "12起" and got[-1].doc == "note"


def test_a_bad_input_goes_to_on_error_and_the_others_are_read(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("doc,text,value,unit\nx,3人,three,人\n", encoding="utf-8")
    good = tmp_path / "good.json"
    write_records(RECORDS[:2], Format.json, good)
    errors: list[StatxError] = []
    got = list(read_inputs([bad, tmp_path / "missing.jsonl", good], on_error=errors.append))
    assert got == RECORDS[:2]
    assert [str(e).split(": ")[0] for e in errors] == [str(bad), str(tmp_path / "missing.jsonl")]
    with pytest.raises(SourceError):
        list(read_inputs([bad]))


def test_summary_reads_an_article_corpus_as_articles(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(
        '{"id": "a1", "text": "共查处违法12起，行政拘留3人"}\n{"id": "a2", "text": "查处违法8起"}\n',
        encoding="utf-8",
    )
    from statx.reader import read_inputs

    got = [(r.doc, r.text) for r in read_inputs([corpus])]
    assert got == [("a1", "12起"), ("a1", "3人"), ("a2", "8起")]
