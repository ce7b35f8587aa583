// plain_text.cpp — see plain_text.h. Three passes over the text: markup (tags and
// entities), LaTeX, whitespace. A paragraph break found by the first two is kept as the
// byte kBreak (control characters of the input become spaces first, so it is unique).
//
// Index
//   UTF-8 and tables   code points out, entities, symbols, accents, sub/superscripts
//   Markup             tags and entities
//   LaTeX              commands, math, dashes, quotes, braces
//   Whitespace         collapse, paragraphs, trim
//   plain_text
#include "core/plain_text.h"
#include "core/utf8.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <map>

namespace rgv {

namespace {

constexpr char kBreak = '\x01';

// [SECTION] UTF-8 and tables
// Invalid code points (NUL, surrogates, beyond U+10FFFF: a bad &#...; entity) as U+FFFD.
void put_utf8(std::string& out, std::uint32_t cp) {
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
    encode_utf8(static_cast<char32_t>(cp), out);
}

struct Named {
    const char* name;
    std::uint32_t cp;
};

// HTML named entities that occur in scholarly metadata (the full HTML5 list is 2,000+
// names; these cover what Crossref, OpenAlex and publishers' pages use).
constexpr Named kEntities[] = {
    {"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''}, {"nbsp", ' '},
    {"ndash", 0x2013}, {"mdash", 0x2014}, {"hellip", 0x2026}, {"lsquo", 0x2018}, {"rsquo", 0x2019},
    {"ldquo", 0x201C}, {"rdquo", 0x201D}, {"laquo", 0xAB}, {"raquo", 0xBB}, {"copy", 0xA9},
    {"reg", 0xAE}, {"trade", 0x2122}, {"deg", 0xB0}, {"plusmn", 0xB1}, {"times", 0xD7},
    {"divide", 0xF7}, {"minus", 0x2212}, {"micro", 0xB5}, {"middot", 0xB7}, {"bull", 0x2022},
    {"prime", 0x2032}, {"Prime", 0x2033}, {"le", 0x2264}, {"ge", 0x2265}, {"ne", 0x2260},
    {"asymp", 0x2248}, {"infin", 0x221E}, {"sup2", 0xB2}, {"sup3", 0xB3}, {"frac12", 0xBD},
    {"thinsp", 0x2009}, {"ensp", ' '}, {"emsp", ' '}, {"shy", 0xAD}, {"sect", 0xA7},
    {"alpha", 0x3B1}, {"beta", 0x3B2}, {"gamma", 0x3B3}, {"delta", 0x3B4}, {"epsilon", 0x3B5},
    {"zeta", 0x3B6}, {"eta", 0x3B7}, {"theta", 0x3B8}, {"kappa", 0x3BA}, {"lambda", 0x3BB},
    {"mu", 0x3BC}, {"nu", 0x3BD}, {"xi", 0x3BE}, {"pi", 0x3C0}, {"rho", 0x3C1}, {"sigma", 0x3C3},
    {"tau", 0x3C4}, {"phi", 0x3C6}, {"chi", 0x3C7}, {"psi", 0x3C8}, {"omega", 0x3C9},
    {"Gamma", 0x393}, {"Delta", 0x394}, {"Theta", 0x398}, {"Lambda", 0x39B}, {"Pi", 0x3A0},
    {"Sigma", 0x3A3}, {"Phi", 0x3A6}, {"Psi", 0x3A8}, {"Omega", 0x3A9},
    {"auml", 0xE4}, {"ouml", 0xF6}, {"uuml", 0xFC}, {"Auml", 0xC4}, {"Ouml", 0xD6}, {"Uuml", 0xDC},
    {"szlig", 0xDF}, {"eacute", 0xE9}, {"egrave", 0xE8}, {"ecirc", 0xEA}, {"aacute", 0xE1},
    {"agrave", 0xE0}, {"acirc", 0xE2}, {"iacute", 0xED}, {"oacute", 0xF3}, {"uacute", 0xFA},
    {"ntilde", 0xF1}, {"ccedil", 0xE7}, {"atilde", 0xE3}, {"otilde", 0xF5}, {"ocirc", 0xF4},
    {"aring", 0xE5}, {"oslash", 0xF8}, {"Eacute", 0xC9}, {"Aring", 0xC5}, {"Oslash", 0xD8},
};

// LaTeX commands that stand for one character (text and math mode alike).
constexpr Named kSymbols[] = {
    {"alpha", 0x3B1}, {"beta", 0x3B2}, {"gamma", 0x3B3}, {"delta", 0x3B4}, {"epsilon", 0x3B5},
    {"varepsilon", 0x3B5}, {"zeta", 0x3B6}, {"eta", 0x3B7}, {"theta", 0x3B8}, {"vartheta", 0x3D1},
    {"iota", 0x3B9}, {"kappa", 0x3BA}, {"lambda", 0x3BB}, {"mu", 0x3BC}, {"nu", 0x3BD},
    {"xi", 0x3BE}, {"pi", 0x3C0}, {"rho", 0x3C1}, {"sigma", 0x3C3}, {"tau", 0x3C4},
    {"upsilon", 0x3C5}, {"phi", 0x3D5}, {"varphi", 0x3C6}, {"chi", 0x3C7}, {"psi", 0x3C8},
    {"omega", 0x3C9}, {"Gamma", 0x393}, {"Delta", 0x394}, {"Theta", 0x398}, {"Lambda", 0x39B},
    {"Xi", 0x39E}, {"Pi", 0x3A0}, {"Sigma", 0x3A3}, {"Upsilon", 0x3A5}, {"Phi", 0x3A6},
    {"Psi", 0x3A8}, {"Omega", 0x3A9}, {"leq", 0x2264}, {"le", 0x2264}, {"geq", 0x2265},
    {"ge", 0x2265}, {"neq", 0x2260}, {"ne", 0x2260}, {"approx", 0x2248}, {"sim", 0x223C},
    {"simeq", 0x2243}, {"equiv", 0x2261}, {"propto", 0x221D}, {"times", 0xD7}, {"cdot", 0xB7},
    {"pm", 0xB1}, {"mp", 0x2213}, {"infty", 0x221E}, {"to", 0x2192}, {"rightarrow", 0x2192},
    {"leftarrow", 0x2190}, {"Rightarrow", 0x21D2}, {"Leftarrow", 0x21D0},
    {"leftrightarrow", 0x2194}, {"Leftrightarrow", 0x21D4}, {"mapsto", 0x21A6},
    {"ldots", 0x2026}, {"dots", 0x2026}, {"cdots", 0x22EF}, {"partial", 0x2202},
    {"nabla", 0x2207}, {"sum", 0x2211}, {"prod", 0x220F}, {"int", 0x222B}, {"in", 0x2208},
    {"notin", 0x2209}, {"subset", 0x2282}, {"subseteq", 0x2286}, {"cup", 0x222A},
    {"cap", 0x2229}, {"forall", 0x2200}, {"exists", 0x2203}, {"ell", 0x2113}, {"hbar", 0x210F},
    {"circ", 0x2218}, {"degree", 0xB0}, {"textdegree", 0xB0}, {"textendash", 0x2013},
    {"textemdash", 0x2014}, {"textasciitilde", '~'}, {"textbackslash", '\\'}, {"S", 0xA7},
    {"ll", 0x226A}, {"gg", 0x226B}, {"emptyset", 0x2205}, {"star", 0x22C6}, {"ast", '*'},
    {"langle", 0x27E8}, {"rangle", 0x27E9}, {"lvert", '|'}, {"rvert", '|'}, {"vert", '|'},
    {"mid", '|'}, {"ss", 0xDF}, {"o", 0xF8}, {"O", 0xD8}, {"aa", 0xE5}, {"AA", 0xC5},
    {"ae", 0xE6}, {"AE", 0xC6}, {"l", 0x142}, {"L", 0x141}, {"i", 0x131},
};

std::uint32_t lookup(const Named* table, std::size_t n, std::string_view name) {
    for (std::size_t i = 0; i < n; ++i)
        if (name == table[i].name) return table[i].cp;
    return 0;
}

// Accent command -> combining mark; common letters are precomposed so the text is NFC
// for the Latin-1 range (what most names and words need).
std::uint32_t combining_mark(char accent) {
    switch (accent) {
    case '\'': return 0x301;
    case '`': return 0x300;
    case '^': return 0x302;
    case '"': return 0x308;
    case '~': return 0x303;
    case '=': return 0x304;
    case '.': return 0x307;
    case 'c': return 0x327;
    case 'v': return 0x30C;
    case 'u': return 0x306;
    case 'H': return 0x30B;
    case 'k': return 0x328;
    default: return 0;
    }
}

std::uint32_t precomposed(char letter, std::uint32_t mark) {
    // Latin-1: base letter, mark -> code point.
    static const struct {
        char letter;
        std::uint32_t mark, cp;
    } table[] = {
        {'A', 0x300, 0xC0}, {'A', 0x301, 0xC1}, {'A', 0x302, 0xC2}, {'A', 0x303, 0xC3}, {'A', 0x308, 0xC4},
        {'C', 0x327, 0xC7}, {'E', 0x300, 0xC8}, {'E', 0x301, 0xC9}, {'E', 0x302, 0xCA}, {'E', 0x308, 0xCB},
        {'I', 0x300, 0xCC}, {'I', 0x301, 0xCD}, {'I', 0x302, 0xCE}, {'I', 0x308, 0xCF}, {'N', 0x303, 0xD1},
        {'O', 0x300, 0xD2}, {'O', 0x301, 0xD3}, {'O', 0x302, 0xD4}, {'O', 0x303, 0xD5}, {'O', 0x308, 0xD6},
        {'U', 0x300, 0xD9}, {'U', 0x301, 0xDA}, {'U', 0x302, 0xDB}, {'U', 0x308, 0xDC}, {'Y', 0x301, 0xDD},
        {'a', 0x300, 0xE0}, {'a', 0x301, 0xE1}, {'a', 0x302, 0xE2}, {'a', 0x303, 0xE3}, {'a', 0x308, 0xE4},
        {'c', 0x327, 0xE7}, {'e', 0x300, 0xE8}, {'e', 0x301, 0xE9}, {'e', 0x302, 0xEA}, {'e', 0x308, 0xEB},
        {'i', 0x300, 0xEC}, {'i', 0x301, 0xED}, {'i', 0x302, 0xEE}, {'i', 0x308, 0xEF}, {'n', 0x303, 0xF1},
        {'o', 0x300, 0xF2}, {'o', 0x301, 0xF3}, {'o', 0x302, 0xF4}, {'o', 0x303, 0xF5}, {'o', 0x308, 0xF6},
        {'u', 0x300, 0xF9}, {'u', 0x301, 0xFA}, {'u', 0x302, 0xFB}, {'u', 0x308, 0xFC}, {'y', 0x301, 0xFD},
        {'y', 0x308, 0xFF}, {'c', 0x301, 0x107}, {'C', 0x301, 0x106}, {'c', 0x30C, 0x10D}, {'C', 0x30C, 0x10C},
        {'s', 0x30C, 0x161}, {'S', 0x30C, 0x160}, {'z', 0x30C, 0x17E}, {'Z', 0x30C, 0x17D}, {'r', 0x30C, 0x159},
        {'e', 0x30C, 0x11B}, {'n', 0x301, 0x144}, {'s', 0x301, 0x15B}, {'z', 0x301, 0x17A}, {'o', 0x30B, 0x151},
        {'u', 0x30B, 0x171}, {'g', 0x306, 0x11F}, {'s', 0x327, 0x15F}, {'a', 0x328, 0x105}, {'e', 0x328, 0x119},
    };
    for (const auto& t : table)
        if (t.letter == letter && t.mark == mark) return t.cp;
    return 0;
}

// Unicode sub- and superscripts of digits and + - = ( ); 0 when there is none.
std::uint32_t script_char(char c, bool super) {
    static const std::uint32_t sup_digits[] = {0x2070, 0xB9, 0xB2, 0xB3, 0x2074, 0x2075, 0x2076, 0x2077, 0x2078, 0x2079};
    if (c >= '0' && c <= '9') return super ? sup_digits[c - '0'] : 0x2080 + static_cast<std::uint32_t>(c - '0');
    switch (c) {
    case '+': return super ? 0x207A : 0x208A;
    case '-': return super ? 0x207B : 0x208B;
    case '=': return super ? 0x207C : 0x208C;
    case '(': return super ? 0x207D : 0x208D;
    case ')': return super ? 0x207E : 0x208E;
    default: return 0;
    }
}

// `s` as sub/superscript characters when every character has one ("" when not).
bool put_scripted(std::string& out, std::string_view s, bool super) {
    if (s.empty()) return false;
    for (char c : s)
        if (script_char(c, super) == 0) return false;
    for (char c : s) put_utf8(out, script_char(c, super));
    return true;
}

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// [SECTION] Markup
// An entity at s[i] == '&': appends its character and returns the length read, or 0
// when it is not one (the '&' then stays as written).
std::size_t entity(std::string_view s, std::size_t i, std::string& out) {
    // Only a short window is searched: many '&' without ';' must not cost a scan each.
    std::size_t semi = s.substr(i + 1, 12).find(';');
    if (semi == std::string_view::npos || semi == 0) return 0;
    semi += i + 1;
    const std::string_view body = s.substr(i + 1, semi - i - 1);
    if (body[0] == '#') {
        const bool hex = body.size() > 1 && (body[1] == 'x' || body[1] == 'X');
        const std::string_view digits = body.substr(hex ? 2 : 1);
        if (digits.empty()) return 0;
        std::uint32_t cp = 0;
        for (char c : digits) {
            int d = -1;
            if (c >= '0' && c <= '9') d = c - '0';
            else if (hex && c >= 'a' && c <= 'f') d = c - 'a' + 10;
            else if (hex && c >= 'A' && c <= 'F') d = c - 'A' + 10;
            if (d < 0) return 0;
            cp = cp * (hex ? 16u : 10u) + static_cast<std::uint32_t>(d);
            if (cp > 0x10FFFF) cp = 0x110000; // stays invalid, no overflow
        }
        if (cp == 0xA0) cp = ' ';
        put_utf8(out, cp);
        return semi - i + 1;
    }
    const std::uint32_t cp = lookup(kEntities, sizeof kEntities / sizeof kEntities[0], body);
    if (cp == 0) return 0;
    put_utf8(out, cp);
    return semi - i + 1;
}

bool block_tag(const std::string& name) {
    static const char* const blocks[] = {"p", "br", "div", "li", "ul", "ol", "tr", "h1", "h2", "h3",
                                         "h4", "h5", "h6", "jats:p", "jats:sec", "jats:list-item",
                                         "jats:list", "section", "blockquote", "jats:title", "title"};
    for (const char* b : blocks)
        if (name == b) return true;
    return false;
}

// Tags and entities; everything else is copied.
std::string strip_markup(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    std::size_t i = 0;
    bool at_start = true; // nothing but markup and spaces so far (for the "Abstract" title)
    // Per tag name: where the last search for its closing tag started, and what it found.
    std::map<std::string, std::pair<std::size_t, std::size_t>> closings;
    while (i < s.size()) {
        const char c = s[i];
        if (c == '&') {
            if (const std::size_t n = entity(s, i, out)) {
                i += n;
                at_start = false;
                continue;
            }
        }
        if (c == '<' && i + 1 < s.size() && (is_alpha(s[i + 1]) || s[i + 1] == '/' || s[i + 1] == '!')) {
            if (s.compare(i, 4, "<!--") == 0) {
                const std::size_t end = s.find("-->", i + 4);
                i = end == std::string_view::npos ? s.size() : end + 3;
                continue;
            }
            std::size_t close = s.substr(i + 1, 256).find('>'); // a tag is short: a bounded window
            if (close != std::string_view::npos) close += i + 1;
            if (close != std::string_view::npos && s.substr(i + 1, close - i - 1).find('<') == std::string_view::npos) {
                const bool closing = s[i + 1] == '/';
                std::size_t n0 = i + (closing ? 2 : 1), n1 = n0;
                while (n1 < close && (std::isalnum(static_cast<unsigned char>(s[n1])) || s[n1] == ':' || s[n1] == '-' || s[n1] == '_')) ++n1;
                const std::string name = lower(s.substr(n0, n1 - n0));
                if (name.empty() && s[i + 1] != '!') {
                    out += c; // "</ >": not a tag
                    ++i;
                    continue;
                }
                std::size_t next = close + 1;
                if (!closing && (name == "sub" || name == "sup" || name == "jats:sub" || name == "jats:sup" ||
                                 name == "jats:title" || name == "title" || name == "script" || name == "style")) {
                    // The closing tag, case-insensitively. The first one at or after a
                    // position stays the answer for later positions before it, so it is
                    // remembered: many openings before one closing cost one scan, not one
                    // each (untrusted input must not make this quadratic).
                    auto& [searched_from, found] = closings[name];
                    std::size_t end = found;
                    if (!(searched_from != std::string_view::npos && searched_from <= next &&
                          (found == std::string_view::npos || found >= next))) {
                        const std::string end_tag = "</" + name;
                        end = next;
                        while (end < s.size()) {
                            end = s.find("</", end);
                            if (end == std::string_view::npos || lower(s.substr(end, end_tag.size())) == end_tag) break;
                            end += 2;
                        }
                        if (end >= s.size()) end = std::string_view::npos;
                        searched_from = next;
                        found = end;
                    }
                    if (end != std::string_view::npos && end < s.size()) {
                        const std::size_t end_close = s.find('>', end);
                        const std::string_view inner = s.substr(next, end - next);
                        const std::size_t after = end_close == std::string_view::npos ? s.size() : end_close + 1;
                        if (name == "script" || name == "style") {
                            i = after;
                            continue;
                        }
                        if (name == "jats:title" || name == "title") {
                            // JATS abstracts open with the title "Abstract", which says
                            // nothing under the "Abstract" header: dropped. Any other
                            // title is a heading on its own line (a block tag, below).
                            std::size_t b = 0, e = std::min<std::size_t>(inner.size(), 64); // "Abstract" is short
                            while (b < e && inner[b] == ' ') ++b;
                            while (e > b && inner[e - 1] == ' ') --e;
                            if (at_start && inner.size() <= 64 && lower(inner.substr(b, e - b)) == "abstract") {
                                i = after;
                                continue;
                            }
                        }
                        const bool super = name == "sup" || name == "jats:sup";
                        if (put_scripted(out, inner, super)) {
                            i = after;
                            at_start = false;
                            continue;
                        }
                    }
                }
                if (block_tag(name)) out += kBreak;
                i = next;
                continue;
            }
        }
        if (c != ' ' && c != kBreak) at_start = false;
        out += c;
        ++i;
    }
    return out;
}

// [SECTION] LaTeX
class Latex {
public:
    explicit Latex(bool uses_latex) : uses_latex_(uses_latex) {}

    void run(std::string_view s, std::string& out, bool math) {
        // Arguments are read recursively; text nested deeper than any real abstract
        // (\textit{\textit{... a thousand times) is copied as it is instead, so untrusted
        // input cannot exhaust the stack.
        if (depth_ >= kMaxDepth) {
            out += s;
            return;
        }
        ++depth_;
        std::size_t i = 0;
        while (i < s.size()) i = step(s, i, out, math);
        --depth_;
    }

private:
    static constexpr int kMaxDepth = 24;
    bool uses_latex_;
    int depth_ = 0;

    // A group {..} or one character (or one command) starting at i: its extent.
    static std::string_view argument(std::string_view s, std::size_t& i) {
        while (i < s.size() && s[i] == ' ') ++i;
        if (i >= s.size()) return {};
        if (s[i] == '{') {
            int depth = 0;
            const std::size_t start = i;
            for (; i < s.size(); ++i) {
                if (s[i] == '\\') {
                    ++i;
                    continue;
                }
                if (s[i] == '{') ++depth;
                else if (s[i] == '}' && --depth == 0) {
                    ++i;
                    return s.substr(start + 1, i - start - 2);
                }
            }
            return s.substr(start + 1); // unclosed: the rest
        }
        if (s[i] == '\\') {
            const std::size_t start = i++;
            while (i < s.size() && is_alpha(s[i])) ++i;
            if (i == start + 1 && i < s.size()) ++i;
            return s.substr(start, i - start);
        }
        return s.substr(i++, 1);
    }

    static void skip_optional(std::string_view s, std::size_t& i) {
        std::size_t j = i;
        while (j < s.size() && s[j] == ' ') ++j;
        if (j < s.size() && s[j] == '[') {
            const std::size_t end = s.substr(j, 200).find(']');
            if (end != std::string_view::npos) i = j + end + 1;
        }
    }

    static void drop_trailing_spaces(std::string& out) {
        while (!out.empty() && out.back() == ' ') out.pop_back();
    }

    std::string sub(std::string_view s, bool math) {
        std::string out;
        run(s, out, math);
        return out;
    }

    // Math $...$ starting at s[i] == '$': the end (after the closing $) or npos.
    static std::size_t math_end(std::string_view s, std::size_t i, std::size_t& content, std::size_t& len) {
        const bool display = i + 1 < s.size() && s[i + 1] == '$';
        content = i + (display ? 2 : 1);
        // Math is short; a bounded window keeps many lone '$' from costing a scan each.
        const std::size_t limit = std::min(s.size(), content + 2000);
        for (std::size_t j = content; j < limit; ++j) {
            if (s[j] == '\\') {
                ++j;
                continue;
            }
            if (s[j] != '$') continue;
            len = j - content;
            if (len == 0) return std::string_view::npos;
            if (!display && (s[content] == ' ' || s[j - 1] == ' ')) return std::string_view::npos; // "$5 and $10"
            if (!display && j + 1 < s.size() && std::isdigit(static_cast<unsigned char>(s[j + 1]))) return std::string_view::npos;
            if (display) return j + 1 < s.size() && s[j + 1] == '$' ? j + 2 : std::string_view::npos;
            return j + 1;
        }
        return std::string_view::npos;
    }

    std::size_t command(std::string_view s, std::size_t i, std::string& out, bool math) {
        // s[i] == '\\'
        if (i + 1 >= s.size()) {
            out += '\\';
            return i + 1;
        }
        const char n = s[i + 1];
        if (std::strchr("&%$#_{}", n)) {
            out += n;
            return i + 2;
        }
        if (n == '\\' || n == ' ' || n == ',' || n == ';' || n == ':' || n == '!' || n == '>') {
            out += ' ';
            return i + 2;
        }
        if (n == '(' || n == '[') { // \( .. \) and \[ .. \]
            const std::string_view end = n == '(' ? "\\)" : "\\]";
            std::size_t e = s.substr(i + 2, 2000).find(end); // bounded, as for $...$
            if (e != std::string_view::npos) e += i + 2;
            if (e != std::string_view::npos) {
                run(s.substr(i + 2, e - i - 2), out, true);
                return e + 2;
            }
            return i + 2;
        }
        if (n == ')' || n == ']') return i + 2;
        if (std::strchr("'`^\"~=.", n) || ((n == 'c' || n == 'v' || n == 'u' || n == 'H' || n == 'k') && i + 2 < s.size() && s[i + 2] == '{')) {
            std::size_t j = i + 2;
            const std::string_view arg = argument(s, j);
            const std::uint32_t mark = combining_mark(n);
            if (arg.size() == 1 && mark) {
                if (const std::uint32_t cp = precomposed(arg[0], mark)) put_utf8(out, cp);
                else {
                    out += arg[0];
                    put_utf8(out, mark);
                }
                return j;
            }
            if (arg.size() == 2 && arg == "\\i" && mark) { // \'{\i}
                if (const std::uint32_t cp = precomposed('i', mark)) put_utf8(out, cp);
                return j;
            }
            run(arg, out, math);
            return j;
        }
        std::size_t j = i + 1;
        while (j < s.size() && is_alpha(s[j])) ++j;
        if (j == i + 1) { // a backslash before something else: keep the character
            out += n;
            return i + 2;
        }
        const std::string name(s.substr(i + 1, j - i - 1));
        if (j < s.size() && s[j] == '*') ++j; // \section* etc.
        static const char* const dropped[] = {"cite", "citep", "citet", "citealp", "citealt", "citeauthor",
                                              "citeyear", "parencite", "textcite", "autocite", "ref", "eqref",
                                              "autoref", "cref", "Cref", "pageref", "label", "footnote",
                                              "footnotemark", "thanks", "nocite", "vspace", "hspace"};
        for (const char* d : dropped) {
            if (name != d) continue;
            drop_trailing_spaces(out); // "shown in \cite{x}." -> "shown in."
            skip_optional(s, j);
            skip_optional(s, j);
            argument(s, j);
            return j;
        }
        static const char* const operators[] = {"log", "ln", "exp", "sin", "cos", "tan", "max", "min", "lim",
                                                "det", "dim", "arg", "sup", "inf", "deg", "gcd", "Pr"};
        for (const char* o : operators)
            if (name == o) {
                out += name; // \log n -> "log n"
                return j;
            }
        if (name == "LaTeX" || name == "TeX") {
            out += name;
            return j;
        }
        if (name == "frac" || name == "dfrac" || name == "tfrac") {
            const std::string a = sub(argument(s, j), true), b = sub(argument(s, j), true);
            out += (a.size() > 1 ? "(" + a + ")" : a) + "/" + (b.size() > 1 ? "(" + b + ")" : b);
            return j;
        }
        if (name == "sqrt") {
            skip_optional(s, j);
            const std::string a = sub(argument(s, j), true);
            put_utf8(out, 0x221A);
            out += a.size() > 1 ? "(" + a + ")" : a;
            return j;
        }
        if (name == "href") {
            argument(s, j); // the URL
            run(argument(s, j), out, math);
            return j;
        }
        if (name == "url") {
            std::string_view a = argument(s, j);
            out += a;
            return j;
        }
        if (name == "quad" || name == "qquad" || name == "enspace" || name == "newline" || name == "par") {
            out += ' ';
            return j;
        }
        if (name == "left" || name == "right" || name == "big" || name == "Big" || name == "bigl" || name == "bigr") {
            return j; // the delimiter after it is kept as a character
        }
        if (const std::uint32_t cp = lookup(kSymbols, sizeof kSymbols / sizeof kSymbols[0], name)) {
            put_utf8(out, cp);
            return j; // the space after "\\alpha" stays: words must not run together
        }
        // Formatting (\textit, \emph, \mathrm, ...) and any command we do not know: the
        // argument's text when one follows, else nothing.
        std::size_t k = j;
        while (k < s.size() && s[k] == ' ') ++k;
        if (k < s.size() && s[k] == '{') {
            run(argument(s, k), out, math || name.rfind("math", 0) == 0);
            return k;
        }
        return j;
    }

    std::size_t step(std::string_view s, std::size_t i, std::string& out, bool math) {
        const char c = s[i];
        if (c == '\\') return command(s, i, out, math);
        if (c == '$' && !math) {
            std::size_t content = 0, len = 0;
            const std::size_t end = math_end(s, i, content, len);
            if (end == std::string_view::npos) {
                out += '$';
                return i + 1;
            }
            run(s.substr(content, len), out, true);
            return end;
        }
        if (math && (c == '^' || c == '_')) {
            std::size_t j = i + 1;
            const std::string a = sub(argument(s, j), true);
            if (!put_scripted(out, a, c == '^')) {
                out += c;
                out += a.size() > 1 ? "(" + a + ")" : a;
            }
            return j;
        }
        if ((c == '{' || c == '}') && (math || uses_latex_)) return i + 1;
        if (c == '~' && uses_latex_) {
            out += ' ';
            return i + 1;
        }
        if (c == '-' && !math && i + 1 < s.size() && s[i + 1] == '-') {
            const bool em = i + 2 < s.size() && s[i + 2] == '-';
            put_utf8(out, em ? 0x2014 : 0x2013);
            return i + (em ? 3 : 2);
        }
        if (c == '`' && !math && i + 1 < s.size() && s[i + 1] == '`') {
            put_utf8(out, 0x201C);
            return i + 2;
        }
        if (c == '\'' && !math && i + 1 < s.size() && s[i + 1] == '\'') {
            put_utf8(out, 0x201D);
            return i + 2;
        }
        if (c == '`' && !math && uses_latex_) {
            put_utf8(out, 0x2018);
            return i + 1;
        }
        out += c;
        return i + 1;
    }
};

// Whether the text is written in LaTeX: a command (\word), or math between dollars.
bool uses_latex(std::string_view s) {
    for (std::size_t i = 0; i + 1 < s.size(); ++i)
        if (s[i] == '\\' && (is_alpha(s[i + 1]) || std::strchr("&%$#_{}'\"`^~", s[i + 1]))) return true;
    return false;
}

// [SECTION] Whitespace
std::string collapse(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    bool space = false, brk = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (c == static_cast<unsigned char>(kBreak)) {
            brk = true;
            continue;
        }
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
            // Two newlines in a row (a blank line) end a paragraph, as in TeX and Markdown.
            if (c == '\n') {
                std::size_t j = i + 1;
                while (j < s.size() && (s[j] == ' ' || s[j] == '\t' || s[j] == '\r')) ++j;
                if (j < s.size() && s[j] == '\n') brk = true;
            }
            space = true;
            continue;
        }
        if (!out.empty()) {
            if (brk) out += '\n';
            else if (space) out += ' ';
        }
        space = brk = false;
        out += static_cast<char>(c);
    }
    return out;
}

} // namespace

// [SECTION] plain_text
std::string plain_text(std::string_view marked_up) {
    // Control characters (other than tab and newlines) become spaces: they are never
    // text, and the paragraph mark must be unique.
    std::string clean(marked_up);
    for (char& c : clean) {
        const unsigned char u = static_cast<unsigned char>(c);
        if ((u < 0x20 && c != '\n' && c != '\t' && c != '\r') || u == 0x7F) c = ' ';
    }
    const std::string unmarked = strip_markup(clean);
    std::string out;
    out.reserve(unmarked.size());
    Latex(uses_latex(unmarked)).run(unmarked, out, false);
    return collapse(out);
}

} // namespace rgv
