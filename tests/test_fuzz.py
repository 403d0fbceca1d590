"""Fuzzing: arbitrary Unicode, HTML fragments and number-like strings never make extraction raise,
and every record stays grounded (`source[start:end] == text`) and writable as UTF-8 JSON.

Corpus bytes are fuzzed too: reading them yields documents or per-line errors, never an exception.
"""

from __future__ import annotations

import io
import json
import math

from hypothesis import given, settings
from hypothesis import strategies as st

from statx import extract_text, load_rules
from statx.corpus import read_corpus
from statx.errors import SourceError
from statx.extract import extract_source
from statx.sources import Source

RULES = load_rules()

HTML_BITS = [
    "<p>", "</p>", "<br/>", "<div class='x'>", "</div>", "<span>", "<b>", "</b>", "<td>",
    "<script>", "</script>", "<style>", "</style>", "<head>", "</head>", "<title>", "</title>",
    "<!--", "-->", "<!DOCTYPE html>", "<html>", "<body>", "<![CDATA[", "]]>", "<?xml ?>",
    "<a href='http://x.cn/12起'>", "</a>", "<img src=1.jpg>", "<", ">", "</", "<a", "=\"",
    "&amp;", "&nbsp;", "&#", "&#x", "&#49;", "&#x31;", "&#x110000;", "&#99999999999;", "&unknown;",
    "---\n", "title: 标题\n", "date: 2021-13-45\n", "```\n", "# ", "- ", "[链接](", "](http://a.b/1)",
    "農(nóng)", "(men)", "\r\n", "\r", "\n", "\ufeff", "\u200b", "\u00ad", "\u3000",
]  # fmt: skip
NUMBER_BITS = [
    *"0123456789", "１", "２", "０", ",", "，", ".", "．", "·", "万", "亿", "千", "百", "十",
    *"零〇一二两三四五六七八九廿", "点", "余", "多", "约", "近", "超过", "不足", "以上", "左右",
    "%", "％", "个百分点", "倍", "成", "百分之", "千分之", "起", "人", "元", "人次", "辆", "户", "个",
    "-", "+", "~", "—", "到", "至", " ", "第", "年", "月", "日", "同比", "增长", "下降", "其中",
]  # fmt: skip

pieces = st.one_of(
    st.text(max_size=12),
    st.sampled_from(HTML_BITS),
    st.lists(st.sampled_from(NUMBER_BITS), min_size=1, max_size=10).map("".join),
)
documents = st.lists(pieces, max_size=30).map("".join)


def _check(source: str, records: list[object]) -> None:
    for r in records:
        d = r.to_dict()  # type: ignore[attr-defined]
        assert 0 <= d["start"] <= d["end"] <= len(source)
        assert source[d["start"] : d["end"]] == d["text"]
        assert isinstance(d["value"], int) or math.isfinite(d["value"])
        json.dumps(d, ensure_ascii=False).encode("utf-8")  # no lone surrogates, no NaN


@settings(max_examples=400)
@given(documents)
def test_extraction_never_raises_and_stays_grounded(source: str) -> None:
    _check(source, extract_text(source, "fuzz", rules=RULES))  # type: ignore[arg-type]


JSONISH_BYTES = st.sampled_from([b"\n", b'{"text": "', b'"}', b",", b'"'])


@settings(max_examples=150)
@given(st.lists(st.one_of(st.binary(max_size=40), JSONISH_BYTES)))
def test_corpus_bytes_give_documents_or_line_errors(parts: list[bytes]) -> None:
    data = b"".join(parts)
    for fmt in ("jsonl", "csv"):
        for item in read_corpus(io.BytesIO(data), "f", fmt, "f"):
            assert isinstance(item, Source | SourceError)
            if isinstance(item, Source):
                _check(item.text, extract_source(item, RULES))  # type: ignore[arg-type]


@settings(max_examples=100)
@given(st.lists(st.fixed_dictionaries({"id": st.text(max_size=5), "text": documents}), max_size=4))
def test_json_lines_of_fuzzed_articles_are_grounded_in_their_own_text(rows: list[dict[str, str]]) -> None:
    data = "\n".join(json.dumps(row, ensure_ascii=bool(len(rows) % 2)) for row in rows).encode()
    for item in read_corpus(io.BytesIO(data), "f", "jsonl", "f"):
        if isinstance(item, Source):
            _check(item.text, extract_source(item, RULES))  # type: ignore[arg-type]
