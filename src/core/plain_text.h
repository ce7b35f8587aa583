// plain_text.h — titles and abstracts from the sources as readable plain UTF-8 text.
//
// Sources hand over markup: Crossref / OpenAlex abstracts in JATS XML (<jats:p>,
// <jats:italic>), HTML tags and entities (&#39;, &amp;, &#x2013;, &nbsp;), and arXiv /
// Semantic Scholar abstracts in LaTeX (\textit{...}, \cite{...}, $O(n^2)$, --, \&). The
// viewer shows text, never markup, so the importers run every title and abstract
// through plain_text(), and the panels run whatever they show through it as well (a
// hand-made slice may carry markup too; plain text passes through unchanged).
//
// What it does (docs/import-formats.md, "Text"):
//   - tags removed; <p>, <br>, <jats:p>, <div>, <li>, headings and <jats:sec> end a
//     paragraph ("\n"); a leading JATS "Abstract" title is dropped; <sub> / <sup> of
//     digits and + - ( ) = become Unicode sub- / superscripts (CO₂, m²), other
//     contents stay as they are; a '<' that does not open a tag ("p < 0.05") stays.
//   - entities decoded: decimal &#39;, hex &#x2013;, and the common named ones; an
//     unknown or malformed entity stays as written; code points that are not valid
//     become U+FFFD.
//   - LaTeX: \textit{x} \emph{x} \textbf{x} \textrm \texttt \textsc \mathrm ... -> x;
//     \cite{..} \citep \citet \ref \label \footnote{..} -> dropped with the space before
//     them; $...$ and \( \) math -> its text without the $ (\alpha -> α, \leq -> ≤,
//     x_{i} -> x_i, \frac{a}{b} -> a/b); -- -> –, --- -> —, `` '' -> “ ”; \& \% \$ \#
//     \_ \{ \} -> the character; accents \'e \"o \`a \^o \~n \c{c} -> é ö à ô ñ ç;
//     ~ -> a space; braces that only group are removed when the text uses LaTeX.
//   - whitespace: runs of spaces, tabs and single newlines become one space; paragraph
//     breaks one "\n"; the result is trimmed.
#pragma once

#include <string>
#include <string_view>

namespace rgv {

std::string plain_text(std::string_view marked_up);

} // namespace rgv
