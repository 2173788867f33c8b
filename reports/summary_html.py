"""report.html of an audit: one self-contained page that works offline.

Totals, findings per category and the score distribution as charts (matplotlib, drawn as
inline SVG), the worst articles, the most frequent flagged phrases and a sortable, filterable
table. Everything that comes from the audited pages is escaped, so it shows as text; the only
script is the page's own, and the content security policy allows nothing from the network.
"""

from __future__ import annotations

import io
from html import escape
from typing import Any

from linter.findings import CATEGORIES

STYLE = """
body{font:15px/1.45 system-ui,sans-serif;margin:1.5rem auto;max-width:72rem;color:#1d232a;padding:0 1rem}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem}
.totals{display:flex;gap:1rem;flex-wrap:wrap}.totals div{background:#f1f3f5;border-radius:6px;padding:.5rem 1rem}
.totals b{display:block;font-size:1.4rem}.charts{display:flex;gap:1rem;flex-wrap:wrap}
.charts figure{margin:0;flex:1 1 30rem}.charts svg{width:100%;height:auto}
table{border-collapse:collapse;width:100%;margin:.5rem 0}td,th{border:1px solid #d0d7de;padding:.2rem .5rem;
text-align:left;vertical-align:top}th{background:#f6f8fa}th[data-sort]{cursor:pointer;user-select:none}
th[aria-sort=ascending]::after{content:" \\25B2"}th[aria-sort=descending]::after{content:" \\25BC"}
td.num{text-align:right}.path{color:#57606a;font-size:.85em;word-break:break-all}
.filter{margin:.5rem 0}.filter input{width:22rem;padding:.25rem}.note{color:#57606a}
"""

SCRIPT = r"""
(function(){
  var table=document.getElementById('articles');
  if(!table){return;}
  var body=table.tBodies[0];
  var headers=table.tHead.rows[0].cells;
  function value(row,i,numeric){
    var cell=row.cells[i];var v=cell.getAttribute('data-value');
    if(v===null){v=cell.textContent;}
    return numeric?parseFloat(v):v.toLowerCase();
  }
  Array.prototype.forEach.call(headers,function(th,i){
    if(!th.hasAttribute('data-sort')){return;}
    th.addEventListener('click',function(){
      var numeric=th.getAttribute('data-sort')==='number';
      var asc=th.getAttribute('aria-sort')!=='ascending';
      Array.prototype.forEach.call(headers,function(h){h.removeAttribute('aria-sort');});
      th.setAttribute('aria-sort',asc?'ascending':'descending');
      var rows=Array.prototype.slice.call(body.rows);
      rows.sort(function(a,b){
        var x=value(a,i,numeric),y=value(b,i,numeric);
        var c=x<y?-1:x>y?1:0;return asc?c:-c;
      });
      rows.forEach(function(r){body.appendChild(r);});
    });
  });
  var box=document.getElementById('filter');
  var count=document.getElementById('shown');
  box.addEventListener('input',function(){
    var q=box.value.toLowerCase();var n=0;
    Array.prototype.forEach.call(body.rows,function(r){
      var show=r.textContent.toLowerCase().indexOf(q)!==-1;
      r.style.display=show?'':'none';if(show){n++;}
    });
    count.textContent=String(n);
  });
})();
"""

CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"


def _svg(figure: Any) -> str:
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None, "Creator": None})
    text = buffer.getvalue()
    return text[text.index("<svg"):]


def charts(summary: dict[str, Any]) -> tuple[str, str]:
    """(findings per category, score distribution) as inline SVG."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot as plt
    from matplotlib.ticker import MaxNLocator

    with matplotlib.rc_context({"svg.hashsalt": "healthlint", "svg.fonttype": "path", "font.size": 9}):
        by_category = summary.get("by_category", {})
        names = list(reversed(CATEGORIES))
        fig, ax = plt.subplots(figsize=(6, 3.2))
        bars = ax.barh(names, [by_category.get(n, 0) for n in names], color="#0969da")
        ax.bar_label(bars, padding=2)
        ax.set_xlabel("findings")
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        ax.set_title("Findings per category")
        ax.spines[["top", "right"]].set_visible(False)
        category_svg = _svg(fig)
        plt.close(fig)

        histogram = summary.get("score", {}).get("histogram", {"bins": [], "counts": []})
        fig, ax = plt.subplots(figsize=(6, 3.2))
        ax.bar(histogram["bins"], histogram["counts"], color="#bf8700")
        ax.set_xlabel("article score")
        ax.set_ylabel("articles")
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        ax.set_title("Distribution of article scores")
        ax.tick_params(axis="x", labelrotation=45)
        ax.spines[["top", "right"]].set_visible(False)
        score_svg = _svg(fig)
        plt.close(fig)
    return category_svg, score_svg


def _link(row: dict[str, Any]) -> str:
    label = escape(row.get("title") or row["path"])
    if row.get("report"):
        return f"<a href=\"{escape(row['report'])}\">{label}</a>"
    return label


def _num(value: Any) -> str:
    if value is None:
        return "<td class=\"num\" data-value=\"-1\">–</td>"
    return f"<td class=\"num\" data-value=\"{escape(str(value))}\">{escape(str(value))}</td>"


def article_rows(rows: list[dict[str, Any]]) -> str:
    out = []
    for row in rows:
        out.append(
            "<tr>"
            f"<td>{_link(row)}<div class=\"path\">{escape(row['path'])}</div></td>"
            f"{_num(row.get('score'))}{_num(row.get('words'))}{_num(row.get('findings'))}"
            f"{_num(row.get('errors'))}{_num(row.get('warnings'))}"
            f"<td>{escape(row.get('top_category') or '')}</td>"
            "</tr>"
        )
    return "\n".join(out)


def render_summary(summary: dict[str, Any], rows: list[dict[str, Any]], truncated: bool = False) -> str:
    category_svg, score_svg = charts(summary)
    totals = [
        ("articles", summary["articles"]), ("linted", summary["linted"]), ("could not be linted", summary["errors"]),
        ("words", f"{summary['words']:,}"), ("findings", summary["findings"]),
        ("error findings", summary["by_severity"].get("error", 0)),
        ("warning findings", summary["by_severity"].get("warning", 0)),
        ("median score", summary["score"]["median"] if summary["score"]["median"] is not None else "–"),
    ]
    parts = [
        "<h1>healthlint audit</h1>",
        "<div class=\"totals\">" + "".join(f"<div><b>{escape(str(v))}</b>{escape(k)}</div>" for k, v in totals)
        + "</div>",
        f"<div class=\"charts\"><figure>{category_svg}</figure><figure>{score_svg}</figure></div>",
        "<h2>Worst articles</h2>",
        "<ol>" + "".join(f"<li>{_link(r)} · score {escape(str(r['score']))} · {r['findings']} findings</li>"
                         for r in summary.get("worst_articles", [])) + "</ol>",
        "<h2>Most frequent flagged phrases</h2>",
        "<table><thead><tr><th>Phrase</th><th>Check</th><th>Times</th></tr></thead><tbody>"
        + "".join(f"<tr><td>{escape(p['text'])}</td><td><code>{escape(p['check'])}</code></td>"
                  f"<td class=\"num\">{p['count']}</td></tr>" for p in summary.get("top_phrases", []))
        + "</tbody></table>",
        "<h2>Articles</h2>",
    ]
    if truncated:
        parts.append(f"<p class=\"note\">The table shows the {len(rows):,} lowest-scoring of "
                     f"{summary['linted']:,} articles; findings.jsonl has them all.</p>")
    parts += [
        "<div class=\"filter\"><label>Filter <input id=\"filter\" type=\"search\" "
        "placeholder=\"title, path or category\"></label> "
        f"<span id=\"shown\">{len(rows)}</span> shown</div>",
        "<table id=\"articles\"><thead><tr><th data-sort=\"text\">Article</th><th data-sort=\"number\">Score</th>"
        "<th data-sort=\"number\">Words</th><th data-sort=\"number\">Findings</th>"
        "<th data-sort=\"number\">Errors</th><th data-sort=\"number\">Warnings</th>"
        "<th data-sort=\"text\">Top category</th></tr></thead><tbody>",
        article_rows(rows),
        "</tbody></table>",
    ]
    if summary.get("error_examples"):
        parts.append("<h2>Could not be linted</h2><ul>" + "".join(
            f"<li><span class=\"path\">{escape(e['path'])}</span>: {escape(e['error'])}</li>"
            for e in summary["error_examples"]) + "</ul>")
    if summary.get("skipped"):
        parts.append("<h2>Skipped input records</h2><ul>" + "".join(
            f"<li>{escape(k)}: {n}</li>" for k, n in summary["skipped"].items()) + "</ul>")
    body = "\n".join(parts)
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        f"<meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        f"<title>healthlint audit</title><style>{STYLE}</style></head>\n<body>\n{body}\n"
        f"<script>{SCRIPT}</script>\n</body></html>\n"
    )
