"""labelcorpus - the real-mail label corpus, rebuilt from ../shared at run time.

Shared by scripts/label-sample, scripts/label-agree, scripts/eval-queues and
scripts/eval-intent.  Python 3 standard library only.  No mail text is ever
written into the repository: the data files under tests/data/labels hold
Message-IDs, dates, byte offsets and short hashes; the text is read again from
the tarballs in ../shared/corpora whenever it is needed.

The decoded body of a message is defined here (decoded_body) and the byte
offsets in sentences.tsv are offsets into its UTF-8 encoding: change that
function and the offsets no longer point at the same text (sentences.tsv holds
a short hash of each sentence so that label-sample --check notices).
"""

import email
import email.header
import email.message
import email.parser
import email.utils
import datetime
import hashlib
import html
import os
import re
import sys
import tarfile
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.environ.get("LEADUP_SHARED", os.path.join(ROOT, "..", "shared"))
LABELS = os.path.join(ROOT, "tests", "data", "labels")
# The date set's two parts by id (scripts/label-dates): 1 the sentences the
# date rules were tuned on (train), 2 chosen in session 38 from other people.
DATE_SETS = {1: (1, 400), 2: (401, 600)}


def date_set_of(row_id):
    """The date set (DATE_SETS) a dates.tsv id such as D417 belongs to."""
    n = int(row_id[1:])
    return next((k for k, (a, b) in DATE_SETS.items() if a <= n <= b), None)


# Label batches chosen by a pattern, not blind (label-sample --extend8, --extend9, --extend10,
# --extend13, --extend14): they
# are training data; the evaluations leave them out of their figures.
CHOSEN_BY_PATTERN = frozenset({14, 15, 16, 19, 20})

# set name -> (tarball, directory inside it, maildir under that)
SETS = {
    "enron": ("enron-dev.maildir.tar.xz", "enron-dev"),
    "rpkg": ("r-package-devel.maildir.tar.xz", "rpkg-maildir"),
    "rhelp": ("r-help-2016H1.maildir.tar.xz", "r-help-2016H1"),
    "rsigfin": ("r-sig-finance-2016-2021.maildir.tar.xz", "r-sig-finance-2016-2021"),
}

UTC = datetime.timezone.utc


def die(msg, code=2):
    sys.stderr.write(msg + "\n")
    sys.exit(code)


def need_shared(prog):
    """Exit when ../shared is missing: 77 (skip) normally, 2 under CI=true."""
    missing = [t for t, _ in SETS.values() if not os.path.isfile(os.path.join(SHARED, "corpora", t))]
    if missing:
        ci = os.environ.get("CI", "") == "true"
        die("%s: %s: no corpora at %s (missing %s)" % (
            prog, "FAIL" if ci else "SKIP", os.path.join(SHARED, "corpora"), ", ".join(missing)),
            2 if ci else 77)


def unpack(dest, names=None):
    """Unpack the corpora tarballs under dest (once); returns dest."""
    for name, (tarball, top) in SETS.items():
        if names and name not in names:
            continue
        if os.path.isdir(os.path.join(dest, top)):
            continue
        with tarfile.open(os.path.join(SHARED, "corpora", tarball), "r:xz") as tf:
            if hasattr(tarfile, "data_filter"):
                tf.extractall(dest, filter="data")
            else:
                tf.extractall(dest)
    return dest


def cache_dir():
    """A directory for the unpacked corpora: $LABEL_CACHE or a fresh temp dir."""
    d = os.environ.get("LABEL_CACHE")
    if d:
        os.makedirs(d, exist_ok=True)
        return d, False
    return tempfile.mkdtemp(prefix="labelcorpus."), True


def hdr(m, name):
    v = m.get(name)
    if v is None:
        return ""
    try:
        s = str(email.header.make_header(email.header.decode_header(str(v))))
    except Exception:
        s = str(v)
    return " ".join(s.split())


def addrs(s):
    return [a.lower() for _, a in email.utils.getaddresses([s]) if a and "@" in a]


def parse_date(s):
    try:
        d = email.utils.parsedate_to_datetime(s)
    except Exception:
        return None
    if d is None:
        return None
    if d.tzinfo is None:
        d = d.replace(tzinfo=UTC)
    return d.astimezone(UTC)


def _decode_part(part):
    raw = part.get_payload(decode=True) or b""
    cs = part.get_content_charset() or "us-ascii"
    try:
        return raw.decode(cs, errors="replace")
    except LookupError:
        return raw.decode("latin-1", errors="replace")


def _strip_html(s):
    s = re.sub(r"(?is)<(script|style).*?</\1>", " ", s)
    s = re.sub(r"(?i)<br\s*/?>|</p>|</div>|</tr>", "\n", s)
    s = re.sub(r"<[^>]+>", "", s)
    return html.unescape(s)


def decoded_body(m):
    """The body the offsets refer to: the first text/plain part that is not an
    attachment (else the first text/html, tags stripped), decoded, CRLF -> LF."""
    plain = htm = None
    for part in m.walk():
        if part.is_multipart():
            continue
        if (part.get("Content-Disposition") or "").lower().startswith("attachment"):
            continue
        ct = part.get_content_type()
        if ct == "text/plain" and plain is None:
            plain = _decode_part(part)
        elif ct == "text/html" and htm is None:
            htm = _strip_html(_decode_part(part))
    body = plain if plain is not None else (htm or "")
    return body.replace("\r\n", "\n").replace("\r", "\n")


class Msg:
    def __init__(self):
        self._body = None

    def body(self):
        if self._body is None:
            with open(self.path, "rb") as f:
                self._body = decoded_body(email.message_from_binary_file(f))
        return self._body

    def recipients(self):
        return addrs(self.to) + addrs(self.cc)


def _maildir_files(d):
    for sub in ("cur", "new"):
        p = os.path.join(d, sub)
        if os.path.isdir(p):
            for f in sorted(os.listdir(p)):
                yield os.path.join(p, f)


_HEADERS = email.parser.BytesHeaderParser()
EARLIEST = datetime.datetime(1995, 1, 1, tzinfo=UTC)


def load_box(directory, setname, box):
    """Every message of a maildir with a Message-ID and a plausible date."""
    out = []
    for path in _maildir_files(directory):
        with open(path, "rb") as f:
            m = _HEADERS.parse(f)
        mid = (m.get("Message-ID") or "").strip()
        mid = mid[1:-1] if mid.startswith("<") and mid.endswith(">") else mid
        d = parse_date(m.get("Date") or "")
        if not mid or d is None or d < EARLIEST:
            continue
        x = Msg()
        x.mid, x.date, x.path, x.set, x.box = mid, d, path, setname, box
        x.frm = hdr(m, "From")
        fa = addrs(x.frm)
        x.frm_addr = fa[0] if fa else ""
        x.to, x.cc, x.subject = hdr(m, "To"), hdr(m, "Cc"), hdr(m, "Subject")
        x.irt = re.findall(r"<([^<>\s]+)>", m.get("In-Reply-To") or "")
        x.refs = re.findall(r"<([^<>\s]+)>", m.get("References") or "")
        out.append(x)
    out.sort(key=lambda x: (x.date, x.mid))
    return out


def load_all(cache, names=None):
    """set/box -> [Msg]: 'enron/allen-p', 'rpkg', 'rhelp', 'rsigfin'."""
    boxes = {}
    for name, (_, top) in SETS.items():
        if names and name not in names:
            continue
        base = os.path.join(cache, top)
        if name == "enron":
            for b in sorted(os.listdir(base)):
                if os.path.isdir(os.path.join(base, b)):
                    boxes["enron/" + b] = load_box(os.path.join(base, b), name, b)
        else:
            boxes[name] = load_box(base, name, name)
    return boxes


# ---- own text ----------------------------------------------------------------

_DATE_LINE = re.compile(r"\b\d{1,2}/\d{1,2}/\d{2,4}\b")
_ORIG = re.compile(r"^\s*(-{2,}\s*(Original|Forwarded) Message\s*-{2,}|-{5,}\s*Forwarded by\b"
                   r"|-{3,}\s*Inline attachment follows)", re.I)
_FOOTER = re.compile(r"^_{20,}\s*$")
_WROTE = re.compile(r"(wrote|writes|schrieb|a écrit)\s*:\s*$", re.I)


def segments(body):
    """Split the decoded body into line spans of kinds 'own', 'quote' and
    'sig' (signature and list footer).  Returns [(kind, start, end)] in
    character offsets, covering the whole body in order."""
    lines = body.split("\n")
    kinds = ["own"] * len(lines)
    cut = None  # everything from here on is an earlier message
    for i, ln in enumerate(lines):
        s = ln.strip()
        if _ORIG.match(ln) or (s.startswith("From:") and any(
                l.strip().startswith(("Sent:", "Date:")) for l in lines[i + 1:i + 3])):
            cut = i
            break
        if re.match(r"^\s*To:", ln):
            for j in range(i - 1, max(-1, i - 4), -1):
                if _DATE_LINE.search(lines[j]):
                    start = j - 1 if j > 0 and lines[j - 1].strip() and not _DATE_LINE.search(
                        lines[j - 1]) else j
                    cut = start
                    break
            if cut is not None:
                break
    sig = None
    for i, ln in enumerate(lines[:cut]):
        if ln.rstrip() in ("--", "-- ") or _FOOTER.match(ln):
            sig = i
            break
    for i, ln in enumerate(lines):
        if cut is not None and i >= cut:
            kinds[i] = "quote"
        elif sig is not None and i >= sig:
            kinds[i] = "sig"
        elif ln.lstrip().startswith(">") or ln.lstrip().startswith("|>"):
            kinds[i] = "quote"
        elif _WROTE.search(ln):
            nxt = [l for l in lines[i + 1:i + 4] if l.strip()]
            if nxt and nxt[0].lstrip().startswith(">"):
                kinds[i] = "quote"
    out, pos = [], 0
    for i, ln in enumerate(lines):
        end = pos + len(ln) + (1 if i < len(lines) - 1 else 0)
        if out and out[-1][0] == kinds[i]:
            out[-1] = (kinds[i], out[-1][1], end)
        else:
            out.append((kinds[i], pos, end))
        pos = end
    return out


_SPLIT = re.compile(r"(?<=[.!?])[\"')\]]?\s+(?=[\"'(\[]?[A-Z0-9])")


def sentences(body):
    """Simple sentence spans (character offsets) in the author's own text:
    paragraphs split at blank lines, then at . ! ? followed by space and a
    capital or digit."""
    out = []
    for kind, a, b in segments(body):
        if kind != "own":
            continue
        text = body[a:b]
        for pm in re.finditer(r"(?:[^\n]*\S[^\n]*(?:\n|$))+", text):
            para_a = a + pm.start()
            para = pm.group(0)
            last = 0
            for sm in _SPLIT.finditer(para):
                out.append((para_a + last, para_a + sm.start()))
                last = sm.end()
            out.append((para_a + last, para_a + len(para)))
    res = []
    for a, b in out:
        while a < b and body[a].isspace():
            a += 1
        while b > a and body[b - 1].isspace():
            b -= 1
        if b > a:
            res.append((a, b))
    return res


def byte_span(body, a, b):
    """Character span -> (byte offset, byte length) in the UTF-8 body."""
    pre = len(body[:a].encode("utf-8", "surrogatepass"))
    return pre, len(body[a:b].encode("utf-8", "surrogatepass"))


def text_at(body, off, length):
    return body.encode("utf-8", "surrogatepass")[off:off + length].decode("utf-8", "replace")


def short_hash(text):
    return hashlib.sha1(" ".join(text.split()).encode("utf-8")).hexdigest()[:10]


# ---- conversations -------------------------------------------------------------

_PREFIX = re.compile(r"^\s*((re|fw|fwd|aw|sv|wg|tr)\s*(\[\d+\])?\s*:\s*|\[[^\]]{1,30}\]\s*)+", re.I)


def norm_subject(s):
    s = " ".join(s.split())
    prev = None
    while prev != s:
        prev = s
        s = _PREFIX.sub("", s).strip()
    return s.lower()


def list_threads(msgs):
    """Real threading (In-Reply-To, References) by union-find: mid -> root mid,
    the root being the earliest message of the thread.  As notmuch does, an
    id no message of the corpus carries still joins the messages that name
    it (notmuch keeps a ghost for it): two replies to a post the archive
    lacks, or to the list server's copy of mine, are one conversation."""
    parent = {}

    def find(x):
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for m in msgs:
        find(m.mid)
        for r in m.irt + m.refs:
            ra, rb = find(m.mid), find(r)
            if ra != rb:
                parent[ra] = rb
    groups = {}
    for m in msgs:
        groups.setdefault(find(m.mid), []).append(m)
    out = {}
    for g in groups.values():
        g.sort(key=lambda x: (x.date, x.mid))
        for m in g:
            out[m.mid] = g[0].mid
    return out


def parse_now(s):
    d = datetime.datetime.fromisoformat(s)
    return d.astimezone(UTC)


def read_tsv(path):
    """Rows of a TSV file with a header line; '#' lines are comments."""
    rows = []
    with open(path, encoding="utf-8") as f:
        head = None
        for ln in f:
            ln = ln.rstrip("\n")
            if not ln or ln.startswith("#"):
                continue
            cols = ln.split("\t")
            if head is None:
                head = cols
                continue
            rows.append(dict(zip(head, cols + [""] * (len(head) - len(cols)))))
    return rows


# ---- a message read as leadup reads it ---------------------------------------
#
# The labelled sentences are spans of the decoded body cut by sentences()
# above; leadup cuts the author's own text (helper/body.c) into its own
# sentences (helper/sentence.c).  The two are matched by where their text
# stands: a labelled sentence is found in leadup's own text (white space
# folded; failing that, letters and digits only, where the charsets or the
# HTML were decoded differently), and the leadup sentences it overlaps are
# its reading "in its message" (scripts/eval-sentences, train-intent).


def _fold(text, alnum):
    """TEXT folded (alnum: its letters and digits only, lower case; else its
    white space runs as one space) and, per character kept, its index in TEXT."""
    out, idx, space = [], [], False
    for i, ch in enumerate(text):
        if alnum:
            if ch.isalnum():
                out.append(ch.lower())
                idx.append(i)
            continue
        if ch.isspace():
            space = bool(out)
            continue
        if space:
            out.append(" ")
            idx.append(i)
            space = False
        out.append(ch)
        idx.append(i)
    return "".join(out), idx


def locate_all(text, needles):
    """Where each of NEEDLES (in the order they are written) stands in TEXT:
    [(start, end, how)] in characters, how "text" or "words", or None.  The
    first match after the previous needle's wins, else the first anywhere."""
    import bisect
    folds = {a: _fold(text, a) for a in (False, True)}
    out, at = [], 0
    for n in needles:
        found = None
        for alnum in (False, True):
            f, idx = folds[alnum]
            nf = _fold(n, alnum)[0]
            if not nf or (alnum and len(nf) < 3):
                continue
            from_ = bisect.bisect_left(idx, at)
            pos = f.find(nf, from_)
            if pos < 0:
                pos = f.find(nf)
            if pos >= 0:
                found = (idx[pos], idx[pos + len(nf) - 1] + 1, "words" if alnum else "text")
                break
        out.append(found)
        if found:
            at = found[1]
    return out


def sentence_spans(text, sentences):
    """The character spans of SENTENCES (leadup's, in order, spaces folded,
    list markers dropped) in TEXT, as helper/sentence.c lu_sentence_span
    finds them; None where one is not found."""
    f, idx = _fold(text, False)
    out, pos = [], 0
    for s in sentences:
        s = " ".join(s.split())
        k = f.find(s, pos) if s else -1
        if k < 0:
            out.append(None)
            continue
        out.append((idx[k], idx[k + len(s) - 1] + 1))
        pos = k + len(s)
    return out


def overlapping(span, spans):
    """The indexes of SPANS that SPAN overlaps by at least half of the
    shorter of the two (a neighbour it touches does not count); failing
    that, the one it overlaps most."""
    a, b = span
    ov = [(max(0, min(b, x[1]) - max(a, x[0])), i) for i, x in enumerate(spans) if x]
    keep = [i for o, i in ov if o > 0 and 2 * o >= min(b - a, spans[i][1] - spans[i][0])]
    if keep:
        return keep
    best = max(ov, default=(0, -1))
    return [best[1]] if best[0] > 0 else []


def map_labelled(own, spans, labelled):
    """LABELLED: [(id, text)] of one message in the order of their offsets;
    OWN: leadup's own text of it; SPANS: its sentences' character spans
    (None: not found).  Returns {id: ([sentence index], how)}, how "text",
    "words", "not in the own text" or "no sentence there"."""
    out = {}
    for (sid, text), hit in zip(labelled, locate_all(own, [t for _, t in labelled])):
        if hit is None:
            out[sid] = ([], "not in the own text")
            continue
        idx = overlapping(hit[:2], spans)
        out[sid] = (idx, hit[2] if idx else "no sentence there")
    return out
