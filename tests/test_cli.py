"""The ``parley analyze`` command on good and bad input, in-process (CliRunner) and as a process.

Every bad input gets a clear message; a batch goes on past a bad article; the exit code is
non-zero only when nothing could be analysed.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from parley.cli import app
from parley.types import content_id

pytestmark = pytest.mark.model

REPO = Path(__file__).resolve().parents[1]
ARTICLE = (
    "Finland and Estonia signed a ferry agreement in Helsinki on Monday. "
    "“The link will run all winter,” Finnish Transport Minister Aino Virtanen said.\n"
)
PUBLISHED = "2025-03-12"


def run(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args), input=stdin)
    return result.exit_code, result.stdout, " ".join(result.stderr.split())


def analyze_json(*args: str) -> list[dict]:  # type: ignore[type-arg]
    code, out, err = run("analyze", *args, "--format", "json")
    assert code == 0, err
    decoder, docs, pos = json.JSONDecoder(), [], 0
    while pos < len(out.strip()):
        data, pos = decoder.raw_decode(out, pos)
        docs.append(data)
        while pos < len(out) and out[pos].isspace():
            pos += 1
    return docs


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "ferry.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_cli_analyze_text_report(article: Path) -> None:
    code, out, _ = run("analyze", str(article), "--published", PUBLISHED)
    assert code == 0
    # The report names the article by its id: a file has no id of its own, so the content hash.
    assert "Quotes" in out and content_id(ARTICLE) in out


def test_cli_analyze_json_contract(article: Path) -> None:
    (doc,) = analyze_json(str(article), "--published", PUBLISHED)
    assert doc["document"] == {
        "id": content_id(ARTICLE),
        "title": None,
        "published": PUBLISHED,
        "url": None,
    }
    for key in ("actors", "quotes", "dates"):
        assert isinstance(doc[key], list)
    for quote in doc["quotes"]:
        assert ARTICLE[quote["start"] : quote["end"]] == quote["text"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is empty"),
        (b"   \n\n  \t", "is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("Fran\u00e7ois Dupont a d\u00e9clar\u00e9 lundi".encode("latin-1"), "not valid UTF-8"),
    ],
    ids=["empty", "blank", "binary", "latin1"],
)
def test_cli_analyze_bad_file_fails_clearly(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    code, out, err = run("analyze", str(path))
    assert code == 1
    assert message in err and "bad.txt" in err or message in err
    assert "Traceback" not in err + out


def test_cli_analyze_missing_file(tmp_path: Path) -> None:
    code, _, err = run("analyze", str(tmp_path / "nowhere.txt"))
    assert code == 1
    assert "nowhere.txt: no such file" in err


def test_cli_analyze_folder_reads_its_articles_like_ingest(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "one.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "x.gold.json").write_text("{}", encoding="utf-8")  # not an article: skipped
    docs = analyze_json(str(tmp_path))
    assert [d["document"]["id"] for d in docs] == [content_id(ARTICLE)]


def test_cli_analyze_empty_folder_or_jsonl_says_so(tmp_path: Path) -> None:
    code, _, err = run("analyze", str(tmp_path))
    assert code == 1
    assert "no articles found" in err
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n\n", encoding="utf-8")
    code, _, err = run("analyze", str(empty))
    assert code == 1
    assert "empty.jsonl holds no articles" in err


def test_cli_analyze_json_is_json_lines(tmp_path: Path) -> None:
    path = tmp_path / "two.jsonl"
    path.write_text(
        json.dumps({"id": "a", "text": ARTICLE})
        + "\n"
        + json.dumps({"id": "b", "text": ARTICLE.replace("Monday", "Friday")})
        + "\n",
        encoding="utf-8",
    )
    code, out, err = run("analyze", str(path), "--format", "json")
    assert code == 0, err
    lines = out.splitlines()
    assert [json.loads(line)["document"]["id"] for line in lines] == ["a", "b"]


def test_cli_analyze_lone_surrogates_fail_per_record(tmp_path: Path) -> None:
    # "\ud800" in JSON is a lone surrogate once parsed: in the text or in the title.
    path = tmp_path / "sur.jsonl"
    path.write_text(
        '{"id": "t", "text": "Talks went on \\ud800 in Oslo."}\n'
        '{"id": "h", "title": "Bad \\udda0 title", "text": "Talks went on in Oslo."}\n'
        + json.dumps({"id": "ok", "text": ARTICLE})
        + "\n",
        encoding="utf-8",
    )
    code, out, err = run("analyze", str(path), "--format", "json")
    assert code == 0, err
    assert [json.loads(line)["document"]["id"] for line in out.splitlines()] == ["ok"]
    assert "U+D800" in err and "U+DDA0" in err and "Traceback" not in err


def test_cli_analyze_good_file_beside_bad_one_succeeds(tmp_path: Path, article: Path) -> None:
    code, out, err = run("analyze", str(tmp_path / "nowhere.txt"), str(article), "--format", "json")
    assert code == 0  # something was analysed
    assert "no such file" in err
    assert json.loads(out)["document"]["id"] == content_id(ARTICLE)


def test_cli_analyze_jsonl_bad_lines_reported_others_go_on(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "one", "text": ARTICLE, "published": PUBLISHED}),
        '{"id": "two", "text": "unterminated',
        json.dumps({"id": "three"}),
        "",
        json.dumps({"id": "four", "text": ARTICLE.replace("Monday", "Tuesday")}),
        json.dumps({"id": "five", "text": "   "}),
    ]
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    code, _, err = run("analyze", str(path), "--out", str(out), "--published", "2025-03-14")
    assert code == 0
    assert sorted(p.name for p in out.iterdir()) == ["four.json", "one.json"]
    assert f"{path}:2: not valid JSON" in err
    assert f"{path}:3:" in err and "'text'" in err
    assert "five" in err and "empty" in err
    assert "2 article(s) written" in err and "3 failed" in err
    # A record's own date wins; --published fills in the others.
    assert json.loads((out / "one.json").read_text())["document"]["published"] == PUBLISHED
    assert json.loads((out / "four.json").read_text())["document"]["published"] == "2025-03-14"


def test_cli_analyze_jsonl_all_bad_exits_nonzero(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text("not json\n[1, 2]\n", encoding="utf-8")
    code, _, err = run("analyze", str(path))
    assert code == 1
    assert f"{path}:1:" in err and f"{path}:2:" in err


def test_cli_analyze_jsonl_non_utf8_line(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    good = json.dumps({"id": "ok", "text": ARTICLE}).encode()
    bad = '{"id": "bad", "text": "Z\u00fcrich talks"}'.encode("latin-1")
    path.write_bytes(good + b"\n" + bad + b"\n")
    code, out, err = run("analyze", str(path), "--format", "json")
    assert code == 0
    assert f"{path}:2" in err and "UTF-8" in err
    assert json.loads(out)["document"]["id"] == "ok"


def test_cli_analyze_out_writes_one_file_per_id(tmp_path: Path) -> None:
    out = tmp_path / "results"
    code, _, _ = run("analyze", str(REPO / "examples" / "articles.jsonl"), "--out", str(out))
    assert code == 0
    ids = [json.loads(line)["id"] for line in (REPO / "examples" / "articles.jsonl").open()]
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{i}.json" for i in ids)
    for i in ids:
        assert json.loads((out / f"{i}.json").read_text())["document"]["id"] == i


def test_cli_analyze_non_english_warns_but_analyses(tmp_path: Path) -> None:
    path = tmp_path / "es.txt"
    path.write_text(
        "El ministro de Asuntos Exteriores dijo el lunes que las conversaciones con los "
        "vecinos del norte continuarán durante la próxima semana en la capital.",
        encoding="utf-8",
    )
    code, _, err = run("analyze", str(path), "--format", "json")
    assert code == 0
    assert "warning" in err and "English" in err


def test_cli_analyze_html_through_trafilatura(tmp_path: Path) -> None:
    para = (
        "<p>Chile and Peru agreed on Thursday to open the Chacalluta border crossing "
        "for longer hours, officials in both capitals said.</p>"
        "<p>“Trucks wait for nine hours in the sun,” said Rosa Quispe, a Peruvian trade official, "
        "adding that the change would help farmers on both sides of the border.</p>"
    )
    html = (
        "<html><head><title>Border hours extended</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/sport'>Sport</a> Subscribe now</nav>"
        f"<article><h1>Border hours extended</h1>{para * 2}</article>"
        "<footer>Copyright Example News. All rights reserved.</footer></body></html>"
    )
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    (doc,) = analyze_json(str(path), "--published", "2024-09-27")
    assert doc["document"]["title"] == "Border hours extended"
    texts = [q["text"] for q in doc["quotes"]]
    assert any("Trucks wait for nine hours" in t for t in texts), texts
    code, out, _ = run("analyze", str(path), "--format", "json")
    assert "Subscribe now" not in out and "All rights reserved" not in out


def test_cli_analyze_html_without_text(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text(
        "<html><head><title>x</title></head><body><script>var a;</script></body></html>"
    )
    code, _, err = run("analyze", str(path))
    assert code == 1
    assert "no article text" in err


def test_cli_analyze_stdin() -> None:
    code, out, _ = run("analyze", "-", "--format", "json", "--published", PUBLISHED, stdin=ARTICLE)
    assert code == 0
    data = json.loads(out)
    assert data["document"]["published"] == PUBLISHED
    for quote in data["quotes"]:
        assert ARTICLE[quote["start"] : quote["end"]] == quote["text"]


@pytest.mark.parametrize("value", ["18/04/2025", "yesterday", "2025-13-01"])
def test_cli_analyze_bad_published_is_a_usage_error(article: Path, value: str) -> None:
    code, _, err = run("analyze", str(article), "--published", value)
    assert code == 2
    assert "--published" in err and "ISO date" in err


def test_cli_subprocess_stdin_and_exit_codes(tmp_path: Path) -> None:
    parley = [str(Path(sys.executable).parent / "parley")]  # the installed console script
    env = {**os.environ, "COLUMNS": "120"}
    ok = subprocess.run(
        [*parley, "analyze", "-", "--format", "json"],
        input=ARTICLE.encode(),
        capture_output=True,
        env=env,
        timeout=120,
    )
    assert ok.returncode == 0, ok.stderr
    assert json.loads(ok.stdout)["quotes"] is not None
    bad = subprocess.run(
        [*parley, "analyze", "-"],
        input=b"\xff\xfe\x00\x00binary",
        capture_output=True,
        env=env,
        timeout=120,
    )
    assert bad.returncode == 1
    assert b"binary" in bad.stderr and b"Traceback" not in bad.stderr
    # A progress bar never pollutes standard output, even for many articles.
    many = tmp_path / "many.jsonl"
    many.write_text(
        "".join(json.dumps({"id": f"a{i}", "text": ARTICLE}) + "\n" for i in range(60)),
        encoding="utf-8",
    )
    batch = subprocess.run(
        [*parley, "analyze", str(many), "--format", "json"],
        capture_output=True,
        env=env,
        timeout=300,
    )
    assert batch.returncode == 0, batch.stderr
    assert batch.stdout.count(b'"document"') == 60
    assert len(batch.stdout.splitlines()) == 60  # JSON Lines
    # Not a terminal: no animation frames, one summary line with the count and the rate.
    summary = [line for line in batch.stderr.splitlines() if line.startswith(b"analyse:")]
    assert len(summary) == 1 and b"60 article(s)" in summary[0] and b"articles/s" in summary[0]


def test_cli_help_lists_commands() -> None:
    code, out, _ = run("--help")
    assert code == 0
    assert "analyze" in out and "eval" in out


def test_cli_batches_are_bounded_by_characters() -> None:
    from parley.service import _batches
    from parley.types import Article

    items = [
        (t, Article(text=t, id=str(n))) for n, t in enumerate(["a" * 50, "b" * 50, "c" * 200, "d"])
    ]
    sizes = [[a.id for _, a in b] for b in _batches(items, max_docs=10, max_chars=120)]
    assert sizes == [["0", "1"], ["2"], ["3"]]
    sizes = [[a.id for _, a in b] for b in _batches(items, max_docs=1, max_chars=10_000)]
    assert sizes == [["0"], ["1"], ["2"], ["3"]]
