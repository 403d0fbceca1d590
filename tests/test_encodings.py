"""Input in any encoding a crawl brings: the records equal those of the same text in UTF-8."""

from __future__ import annotations

import logging
from pathlib import Path

import opencc
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from statx import extract_paths
from statx.encodings import Decoder
from statx.errors import SourceError, UsageError
from statx.rules import RuleSet
from tests.conftest import SAMPLE_FILES

TRADITIONAL = opencc.OpenCC("s2tw")  # Taiwan standard forms: the ones Big5 holds


def _encodable(text: str, encoding: str) -> str:
    """The text without the characters `encoding` cannot hold (GBK lacks a few symbols, Big5 many)."""
    if all(ord(ch) < 0x80 for ch in text):
        return text
    kept = []
    for ch in text:
        try:
            ch.encode(encoding)
        except UnicodeEncodeError:
            continue
        kept.append(ch)
    return "".join(kept)


def _records(path: Path, rules: RuleSet, **options: object) -> list[dict[str, object]]:
    return [r.to_dict() for r in extract_paths([path], rules=rules, **options)]  # type: ignore[arg-type]


def _write(folder: Path, name: str, data: bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(data)
    return path


CASES = [
    ("gb18030", lambda t: t.encode("gb18030")),
    ("gbk", lambda t: t.encode("gbk")),
    ("big5", lambda t: t.encode("big5")),
    ("utf-16-le-bom", lambda t: t.encode("utf-16")),  # BOM + little-endian on this machine
    ("utf-16-be-bom", lambda t: b"\xfe\xff" + t.encode("utf-16-be")),
    ("utf-16-le", lambda t: t.encode("utf-16-le")),  # no BOM: told by where the NULs fall
    ("utf-8-bom", lambda t: t.encode("utf-8-sig")),
]


@pytest.mark.parametrize(("name", "encode"), CASES, ids=[c[0] for c in CASES])
@pytest.mark.parametrize("sample", SAMPLE_FILES[:3], ids=lambda p: p.stem[:3])
def test_records_equal_those_of_the_utf8_file(
    name: str, encode: object, sample: Path, tmp_path: Path, rules: RuleSet
) -> None:
    text = sample.read_text(encoding="utf-8")
    if name == "big5":
        text = TRADITIONAL.convert(text)
    if name in ("gbk", "big5"):
        text = _encodable(text, name)
    reference = _write(tmp_path / "utf8", sample.name, text.encode("utf-8"))
    encoded = _write(tmp_path / name, sample.name, encode(text))  # type: ignore[operator]
    expected = _records(reference, rules)
    got = _records(encoded, rules)
    assert expected and got == expected
    decoded = Decoder().decode(encoded.read_bytes(), name)
    assert decoded == text  # the BOM is not part of the text, so the offsets are the same
    assert all(decoded[r["start"] : r["end"]] == r["text"] for r in got)  # type: ignore[misc]


def test_short_chinese_texts_are_detected() -> None:
    for text in ("查处违法12起", "其中饮酒驾驶135起", "今年以来，共查处各类交通违法58957起"):
        assert Decoder().decode(text.encode("gb18030"), "x") == text
        traditional = TRADITIONAL.convert(text)
        assert Decoder().decode(traditional.encode("big5"), "x") == traditional


def test_encoding_option_overrides_detection(tmp_path: Path, rules: RuleSet) -> None:
    gbk = _write(tmp_path, "a.txt", "共查处违法58957起".encode("gb18030"))
    assert [r["text"] for r in _records(gbk, rules, encoding="gb18030")] == ["58957起"]
    with pytest.raises(SourceError, match="not valid utf-8 at byte 0"):
        _records(gbk, rules, encoding="utf-8")
    assert Decoder("utf-8").decode("\ufeff共12起".encode(), "x") == "共12起"
    with pytest.raises(UsageError, match="unknown encoding 'klingon'"):
        Decoder("klingon")
    with pytest.raises(UsageError, match="unknown encoding 'base64'"):
        Decoder("base64")  # a codec, but not a text encoding


def test_a_gb18030_corpus_learns_its_encoding_once(tmp_path: Path, rules: RuleSet) -> None:
    lines = ['{"id": "a", "text": "共查处违法12起"}', '{"id": "b", "text": "飲酒駕駛135起"}', '{"id": "c"}']
    corpus = _write(tmp_path, "c.jsonl", "\n".join(lines[:2]).encode("gb18030") + b"\n")
    assert [(r["doc"], r["text"]) for r in _records(corpus, rules)] == [("a", "12起"), ("b", "135起")]
    decoder = Decoder()
    decoder.decode(lines[0].encode("gb18030"), "x")
    assert decoder.learned == "gb18030"


def test_binary_and_undecodable_input_is_an_error_saying_so() -> None:
    png = b"\x89PNG\r\n\x1a\n" + bytes(64)
    with pytest.raises(SourceError, match=r"binary file \(a PNG image\)"):
        Decoder().decode(png, "x.png")
    with pytest.raises(SourceError, match="binary file, not text"):
        Decoder().decode(bytes(range(256)) * 8, "x.bin")
    with pytest.raises(SourceError, match="binary file, not text"):
        Decoder().decode(b"\x01\x02\x03\x04\x05 abc \x06\x07", "x.bin")  # control characters, no NUL
    with pytest.raises(SourceError, match="cannot tell the encoding"):
        Decoder().decode(bytes(range(0x80, 0x100)) * 8, "x.bin")


def test_a_few_damaged_bytes_keep_utf8_and_are_reported(caplog: pytest.LogCaptureFixture) -> None:
    text = "今年以来，共查处各类交通违法58957起，其中饮酒驾驶135起。"
    cut = text.encode("utf-8")[:-1]  # a download cut inside the last character
    with caplog.at_level(logging.WARNING, logger="statx"):
        assert Decoder().decode(cut, "cut.txt") == text[:-1] + "\ufffd"
    assert "cut.txt: 1 invalid byte sequence(s) in UTF-8 text" in caplog.text
    stray = (text * 20).encode("utf-8").replace("，".encode(), b"\xa3\xac", 1)  # one GBK comma
    decoded = Decoder().decode(stray, "stray.txt")
    assert decoded.count("\ufffd") == 2 and decoded.endswith(text)
    assert Decoder().decode(text.encode("gbk"), "gbk.txt") == text  # damage everywhere: not UTF-8


def test_utf8_text_forced_through_another_codec_is_reported_once(caplog: pytest.LogCaptureFixture) -> None:
    """latin-1 reads any bytes, so forcing it on UTF-8 raises nothing: the user must hear of it."""
    decoder = Decoder("latin-1")
    with caplog.at_level(logging.WARNING, logger="statx"):
        decoder.decode(b'{"text": "no Chinese"}', "c.jsonl:1")  # ASCII reads alike: no word yet
        assert not caplog.text
        decoder.decode("共12起".encode(), "c.jsonl:2")
        decoder.decode("共13起".encode(), "c.jsonl:3")
    assert caplog.text.count("UTF-8 text, read as latin-1 because of --encoding") == 1
    assert "c.jsonl:2" in caplog.text
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="statx"):
        text = "共查处违法58957起"
        assert Decoder("gb18030").decode(text.encode("gb18030"), "gb.txt") == text
        Decoder("utf-8").decode("共12起".encode(), "u.txt")
    assert not caplog.text  # the right codec, forced: nothing to say


def test_big5_forced_through_gb18030_names_the_codec_to_use(caplog: pytest.LogCaptureFixture) -> None:
    """GB18030 takes Big5's bytes without an error and gives kana and symbols: name the right codec."""
    text = "全縣公安機關共破獲刑事案件1200起，抓獲犯罪嫌疑人356名，群眾滿意率達到98.5%。"
    with caplog.at_level(logging.WARNING, logger="statx"):
        misread = Decoder("gb18030").decode(text.encode("big5"), "tw.txt")
        assert misread != text
        assert Decoder("big5").decode(text.encode("big5"), "right.txt") == text
        Decoder("latin-1").decode("共查处违法58957起".encode("gb18030"), "gb.txt")
    assert "tw.txt: this reads as big5 text, not gb18030; use --encoding big5" in caplog.text
    assert "gb.txt: this reads as gb18030 text, not latin-1" in caplog.text
    assert "right.txt" not in caplog.text


@settings(max_examples=150)
@given(st.binary(max_size=300))
def test_any_bytes_decode_or_fail_with_a_source_error(data: bytes) -> None:
    try:
        text = Decoder().decode(data, "x")
    except SourceError as e:
        assert str(e).startswith("x: ")
    else:
        assert isinstance(text, str) and not text.startswith("\ufeff")
