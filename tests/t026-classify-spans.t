#!/bin/sh
# classify gives every sentence its byte span in the text it read
# ("offset", "length": into "body", or into the line with --lines), and
# scripts/labelcorpus.py maps labelled spans onto those sentences, as
# scripts/eval-sentences and train-intent read a labelled sentence in its
# message (doc/labelling.md).  The texts are written here.
. "$(dirname "$0")/lib.sh"
NOW=2026-12-02T10:00:00+00:00
command -v python3 >/dev/null || skip_all "python3 is absent"
cat >msg.eml <<'EOF2'
From: Ann <ann@a.example>
To: me@example.com
Subject: Report
Date: Wed, 02 Dec 2026 09:00:00 +0000
Message-ID: <r1@a.example>
Content-Type: text/plain; charset=utf-8

Hi Bob,

Could you send the
   report by Friday?  Thanks.  Thanks.

- first item, café prices.
- second: done!

Ann

On Tue, Dec 1, 2026 at 9:00 AM Bob <bob@b.example> wrote:
> Can you call me tomorrow?
EOF2
# every sentence: the bytes at its span, white space folded, are its text
cat >spans.py <<'EOF2'
import json, sys
for line in sys.stdin:
    d = json.loads(line)
    raw = d["body"].encode("utf-8")
    for s in d["sentences"]:
        at = raw[s["offset"]:s["offset"] + s["length"]].decode("utf-8")
        print("%d+%d %s%s" % (s["offset"], s["length"], at.replace("\n", "|"),
                              "" if " ".join(at.split()) == s["text"] else " MISMATCH"))
EOF2
t 'classify: each sentence with its byte span in the body' '
	lu classify <msg.eml | python3 -c "import json,sys; print(json.dumps(json.load(sys.stdin)))" |
		python3 spans.py >out &&
	cat >want <<-\EOF2 &&
	0+7 Hi Bob,
	9+39 Could you send the|   report by Friday?
	50+7 Thanks.
	59+7 Thanks.
	70+25 first item, café prices.
	98+13 second: done!
	113+3 Ann
	EOF2
	diff -u want out'
t 'classify --lines: the span is into the line' '
	printf "Sure.  I will send it.\n\n" | lu classify --lines | python3 spans.py >out &&
	printf "0+5 Sure.\n7+15 I will send it.\n" >want && diff -u want out'
# labelled spans of the decoded body: the quoted question is not in the
# own text; a span over two leadup sentences gets both; a wrapped one its one
cat >map.py <<'EOF2'
import json, subprocess, sys
sys.path.insert(0, sys.argv[1])
import labelcorpus as L
d = json.loads(sys.stdin.read())
body = open("msg.eml", encoding="utf-8").read().split("\n\n", 1)[1]
raw = d["body"].encode("utf-8")
spans = [(len(raw[:s["offset"]].decode()), len(raw[:s["offset"] + s["length"]].decode()))
         for s in d["sentences"]]
assert spans == L.sentence_spans(d["body"], [s["text"] for s in d["sentences"]]), spans
labelled = [("wrapped", "Could you send the\n   report by Friday?"),
            ("both", "Thanks.  Thanks."), ("accent", "first item, café prices."),
            ("quoted", "Can you call me tomorrow?"), ("words", "second - done")]
for sid, (idx, how) in sorted(L.map_labelled(d["body"], spans, labelled).items()):
    print(("%s %s %s | %s" % (sid, how, " / ".join(d["sentences"][i]["text"] for i in idx),
                              ",".join(l for i in idx for l in d["sentences"][i]["labels"]))).strip())
EOF2
t 'labelcorpus maps labelled spans onto the sentences leadup read in the message' '
	lu classify <msg.eml | python3 map.py "$ROOT/scripts" >out &&
	cat >want <<-\EOF2 &&
	accent text first item, café prices. |
	both text Thanks. / Thanks. | closing,closing
	quoted not in the own text  |
	words words second: done! |
	wrapped text Could you send the report by Friday? | request
	EOF2
	diff -u want out'
done_testing
