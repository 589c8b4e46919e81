"""The CAMEO codebook as data: codes, labels, Goldstein weights, QuadClass and PLOVER 2.0 types.

The table lives in ``parley/data/cameo_codes.csv`` (sources in its header). It is read once, on
first use, and validated as it loads: a malformed row stops the load with a message naming the
row, so a bad edit to the data file can never ship silently.

CAMEO codes are strings: the two-digit root ("19"), three-digit base codes ("195") and four-digit
sub-codes ("1951"). ``root`` of every code is its first two characters.

The ``as_*`` helpers turn the code of an action into the code of a statement *about* that action:
"will provide aid" is an intent (033), "threatened to cut aid" a threat (1311), "refused to
release" a refusal (1243), "demanded the release" a demand (1053). This is the CAMEO rule that an
action not yet taken is coded by what was said about it, never as done.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, Literal, get_args

from parley.errors import ConfigError

#: The event types of the PLOVER ontology (codes, not words).
PloverType = Literal[
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
    "OTHER",
]
PLOVER_TYPES: frozenset[str] = frozenset(get_args(PloverType))

COLUMNS = ("code", "label", "goldstein", "quad_class", "plover_type", "plover_mode")


def quad_class_of_root(root: str) -> int:
    """The QuadClass of a root: 01-05 verbal cooperation (1), 06-08 material cooperation (2),
    09-13 verbal conflict (3), 14-20 material conflict (4)."""
    n = int(root)
    if not 1 <= n <= 20:
        raise ValueError(f"CAMEO root must be 01..20, got {root!r}")
    return 1 if n <= 5 else 2 if n <= 8 else 3 if n <= 13 else 4


@dataclass(frozen=True, slots=True)
class CameoCode:
    """One row of the codebook."""

    code: str
    label: str
    goldstein: float
    quad_class: int
    plover_type: str
    plover_mode: str | None = None

    @property
    def root(self) -> str:
        return self.code[:2]

    def event_fields(self) -> dict[str, Any]:
        """The fields of an :class:`~parley.types.Event` that its code decides."""
        return {
            "code": self.code,
            "label": self.label,
            "root": self.root,
            "quad_class": self.quad_class,
            "goldstein": self.goldstein,
            "plover_type": self.plover_type,
            "plover_mode": self.plover_mode,
        }

    @property
    def level(self) -> int:
        """2 for a root, 3 for a base code, 4 for a sub-code."""
        return len(self.code)


def _problems(row: dict[str, str], line: int) -> list[str]:
    out: list[str] = []
    code = (row.get("code") or "").strip()
    where = f"cameo_codes.csv line {line} (code {code!r})"
    if not code.isdigit() or len(code) not in (2, 3, 4):
        return [f"{where}: code must be 2-4 digits as a string"]
    try:
        root_quad = quad_class_of_root(code[:2])
    except ValueError as exc:
        return [f"{where}: {exc}"]
    if not (row.get("label") or "").strip():
        out.append(f"{where}: label is empty")
    try:
        g = float(row.get("goldstein") or "")
        if not -10.0 <= g <= 10.0:
            out.append(f"{where}: goldstein {g} outside [-10, 10]")
    except ValueError:
        out.append(f"{where}: goldstein is not a number")
    try:
        q = int(row.get("quad_class") or "")
        if q != root_quad:
            out.append(f"{where}: quad_class {q} but root {code[:2]} is QuadClass {root_quad}")
    except ValueError:
        out.append(f"{where}: quad_class is not an integer")
    if (row.get("plover_type") or "").strip() not in PLOVER_TYPES:
        out.append(f"{where}: plover_type {row.get('plover_type')!r} is not a PLOVER 2.0 type")
    return out


def parse_codebook(text: str) -> dict[str, CameoCode]:
    """Parse and validate codebook CSV text (``#`` lines are comments).

    Raises:
        ConfigError: listing every malformed row, duplicate code or code whose parent is missing.
    """
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    reader = csv.DictReader(io.StringIO("\n".join(lines)))
    if tuple(reader.fieldnames or ()) != COLUMNS:
        raise ConfigError(f"cameo_codes.csv must have the columns {','.join(COLUMNS)}")
    codes: dict[str, CameoCode] = {}
    problems: list[str] = []
    for line, row in enumerate(reader, start=2):
        found = _problems(row, line)
        if found:
            problems += found
            continue
        code = row["code"].strip()
        if code in codes:
            problems.append(f"cameo_codes.csv line {line}: duplicate code {code!r}")
            continue
        codes[code] = CameoCode(
            code=code,
            label=row["label"].strip(),
            goldstein=float(row["goldstein"]),
            quad_class=int(row["quad_class"]),
            plover_type=row["plover_type"].strip(),
            plover_mode=(row["plover_mode"] or "").strip() or None,
        )
    for code in codes:
        parent = code[:2] if len(code) == 3 else code[:3]
        if len(code) > 2 and parent not in codes:
            problems.append(f"cameo_codes.csv: code {code!r} has no parent {parent!r}")
    if problems:
        raise ConfigError("invalid CAMEO codebook:\n" + "\n".join(problems))
    return codes


@lru_cache(maxsize=1)
def codebook() -> dict[str, CameoCode]:
    """The packaged codebook, loaded and validated once per process."""
    text = resources.files("parley").joinpath("data/cameo_codes.csv").read_text(encoding="utf-8")
    return parse_codebook(text)


def validate(codes: dict[str, CameoCode] | None = None) -> list[str]:
    """Re-check a loaded codebook; returns the problems found (empty when all is well)."""
    problems: list[str] = []
    for code, entry in (codes if codes is not None else codebook()).items():
        row = {
            "code": code,
            "label": entry.label,
            "goldstein": str(entry.goldstein),
            "quad_class": str(entry.quad_class),
            "plover_type": entry.plover_type,
        }
        problems += _problems(row, 0)
    return problems


def lookup(code: str) -> CameoCode:
    """The codebook entry for ``code`` ("195", "036", "1034", "19").

    Raises:
        KeyError: when the code is not in CAMEO.
    """
    try:
        return codebook()[str(code).strip()]
    except KeyError:
        raise KeyError(f"{code!r} is not a CAMEO code (see parley/data/cameo_codes.csv)") from None


def is_code(code: str) -> bool:
    """Whether ``code`` is in the codebook."""
    return str(code) in codebook()


def plover_of(code: str) -> tuple[str, str | None]:
    """(PLOVER 2.0 type, mode) of a CAMEO code."""
    entry = lookup(code)
    return entry.plover_type, entry.plover_mode


# -- statements about actions ----------------------------------------------------------------

# Action code prefix -> code of "express intent to" that action (CAMEO 03).
_INTENT = {
    "04": "036",
    "045": "039",
    "046": "036",
    "05": "032",
    "057": "030",
    "051": "032",
    "06": "031",
    "061": "0311",
    "062": "0312",
    "063": "0313",
    "064": "0314",
    "07": "033",
    "071": "0331",
    "072": "0332",
    "073": "0333",
    "074": "0334",
    "075": "033",
    "08": "035",
    "081": "0351",
    "082": "0352",
    "083": "034",
    "0831": "0341",
    "0832": "0342",
    "0833": "0343",
    "0834": "0344",
    "084": "0353",
    "085": "0354",
    "086": "0355",
    "087": "0356",
    "0871": "0356",
    "0872": "0356",
    "0873": "0356",
    "0874": "0356",
}
# Action -> "threaten to" (CAMEO 13).
_THREAT = {
    "14": "133",
    "15": "138",
    "16": "131",
    "161": "1313",
    "162": "1311",
    "163": "1312",
    "164": "134",
    "165": "135",
    "166": "136",
    "17": "137",
    "172": "132",
    "1721": "1321",
    "1722": "1322",
    "1723": "1323",
    "1724": "1324",
    "18": "1383",
    "19": "1384",
    "191": "1381",
    "192": "1382",
    "20": "1383",
    "204": "1385",
}
# Action asked of someone -> "demand that" (CAMEO 10).
_DEMAND = {
    "04": "106",
    "045": "108",
    "05": "102",
    "06": "101",
    "061": "1011",
    "062": "1012",
    "063": "1013",
    "064": "1014",
    "07": "103",
    "071": "1031",
    "072": "1032",
    "073": "1033",
    "074": "1034",
    "08": "105",
    "081": "1051",
    "082": "1052",
    "083": "104",
    "0831": "1041",
    "0832": "1042",
    "0833": "1043",
    "0834": "1044",
    "084": "1053",
    "085": "1054",
    "086": "1055",
    "087": "1056",
    "16": "100",
    "17": "100",
    "03": "100",
}
# Action refused -> "refuse / reject" (CAMEO 12).
_REFUSAL = {
    "04": "125",
    "045": "126",
    "046": "125",
    "06": "121",
    "061": "1211",
    "062": "1212",
    "07": "122",
    "071": "1221",
    "072": "1222",
    "073": "1223",
    "074": "1224",
    "08": "124",
    "081": "1241",
    "082": "1242",
    "083": "123",
    "084": "1243",
    "085": "1244",
    "086": "1245",
    "087": "1246",
    "057": "127",
    "03": "120",
    "05": "120",
    "01": "011",  # refusing to comment is CAMEO's "decline comment"
}
# Action appealed for -> "appeal for" (CAMEO 02): softer than a demand.
_APPEAL = {
    "04": "026",
    "045": "028",
    "05": "022",
    "06": "021",
    "061": "0211",
    "062": "0212",
    "063": "0213",
    "064": "0214",
    "07": "023",
    "071": "0231",
    "072": "0232",
    "073": "0233",
    "074": "0234",
    "08": "025",
    "081": "0251",
    "082": "0252",
    "083": "024",
    "0831": "0241",
    "0832": "0242",
    "0833": "0243",
    "0834": "0244",
    "084": "0253",
    "085": "0254",
    "086": "0255",
    "087": "0256",
}


def _by_prefix(table: dict[str, str], code: str, default: str) -> str:
    for n in (4, 3, 2):
        if len(code) >= n and code[:n] in table:
            return table[code[:n]]
    return default


def as_intent(code: str) -> str:
    """Code of announcing ``code`` as an intention: 073 -> 0333; conflict actions -> threats."""
    if code[:2] >= "14":
        return as_threat(code)
    if code[:2] in {"01", "02", "03", "09", "10", "11", "12", "13"}:
        return code
    return _by_prefix(_INTENT, code, "030")


def as_threat(code: str) -> str:
    """Code of threatening ``code``: 165 -> 135, 195 -> 1384, 163 -> 1312."""
    if code[:2] == "13":
        return code
    return _by_prefix(_THREAT, code, "130")


def as_demand(code: str) -> str:
    """Code of demanding that someone do ``code``: 0871 -> 1056, 074 -> 1034."""
    if code[:2] == "10":
        return code
    return _by_prefix(_DEMAND, code, "100")


def as_appeal(code: str) -> str:
    """Code of appealing for ``code``: 046 -> 026."""
    if code[:2] == "02":
        return code
    return _by_prefix(_APPEAL, code, "020")


def as_refusal(code: str) -> str:
    """Code of refusing to do ``code``: 084 -> 1243, 046 -> 125."""
    if code[:2] == "12":
        return code
    return _by_prefix(_REFUSAL, code, "120")
