// attributes.cpp — see attributes.h.
#include "core/attributes.h"

#include <cmath>
#include <cstdint>
#include <limits>

namespace rgv::attr {

using json = nlohmann::json;

namespace {
const json* find(const json& attrs, const char* key) {
    if (!attrs.is_object()) return nullptr;
    const auto it = attrs.find(key);
    return it == attrs.end() ? nullptr : &*it;
}
} // namespace

// [SECTION] Readers
std::optional<long long> integer(const json& attrs, const char* key) {
    const json* v = find(attrs, key);
    if (v == nullptr) return std::nullopt;
    constexpr auto lo = std::numeric_limits<int>::min(), hi = std::numeric_limits<int>::max();
    if (v->is_number_unsigned()) {
        const auto u = v->get<std::uint64_t>();
        if (u > static_cast<std::uint64_t>(hi)) return std::nullopt;
        return static_cast<long long>(u);
    }
    if (v->is_number_integer()) {
        const auto i = v->get<std::int64_t>();
        if (i < lo || i > hi) return std::nullopt;
        return static_cast<long long>(i);
    }
    if (v->is_number_float()) {
        const double d = v->get<double>();
        if (!std::isfinite(d) || d != std::floor(d) || d < lo || d > hi) return std::nullopt;
        return static_cast<long long>(d);
    }
    return std::nullopt;
}

std::optional<double> number(const json& attrs, const char* key) {
    const json* v = find(attrs, key);
    if (v == nullptr || !v->is_number()) return std::nullopt;
    const double d = v->get<double>();
    if (!std::isfinite(d)) return std::nullopt;
    return d;
}

std::string text(const json& attrs, const char* key) {
    const json* v = find(attrs, key);
    if (v == nullptr) return {};
    if (v->is_string()) return v->get<std::string>();
    if (v->is_number_integer()) return v->dump(); // signed or unsigned, in decimal
    return {};
}

std::optional<bool> flag(const json& attrs, const char* key) {
    const json* v = find(attrs, key);
    if (v == nullptr || !v->is_boolean()) return std::nullopt;
    return v->get<bool>();
}

std::vector<std::string> strings(const json& attrs, const char* key) {
    std::vector<std::string> out;
    const json* v = find(attrs, key);
    if (v == nullptr || !v->is_array()) return out;
    for (const json& e : *v)
        if (e.is_string() && !e.get_ref<const std::string&>().empty()) out.push_back(e.get<std::string>());
    return out;
}

std::optional<int> work_year(const json& attrs) {
    const json* v = find(attrs, kYear);
    if (v == nullptr) return std::nullopt;
    if (v->is_string()) {
        const std::string& s = v->get_ref<const std::string&>();
        if (s.size() < 4 || (s.size() > 4 && s[4] != '-')) return std::nullopt;
        int y = 0;
        for (int k = 0; k < 4; ++k) {
            if (s[k] < '0' || s[k] > '9') return std::nullopt;
            y = y * 10 + (s[k] - '0');
        }
        return y;
    }
    const auto i = integer(attrs, kYear);
    if (!i || *i < -9999 || *i > 9999) return std::nullopt;
    return static_cast<int>(*i);
}

std::optional<double> citations(const json& attrs) {
    const auto n = number(attrs, kCitations);
    if (!n || *n < 0.0) return std::nullopt;
    return n;
}

std::vector<std::string> alt_labels(const json& attrs) { return strings(attrs, kAltLabels); }

// [SECTION] Spellings
namespace {

// What a value must be to stand for the well-known attribute.
enum class Want { Year, Text, Count, Number, Bool, Strings };

struct Entry {
    const char* other;
    const char* canonical;
    Want want;
};

// Grouped by attribute. Spellings from OpenAlex, Semantic Scholar, Crossref / CSL,
// Scopus-like exports and common hand-made files; only unambiguous ones (OpenAlex's
// "author_position" is first / middle / last, not an order, so it is not here).
constexpr Entry kEntries[] = {
    {"publication_year", kYear, Want::Year},
    {"publicationYear", kYear, Want::Year},
    {"pub_year", kYear, Want::Year},
    {"publication_date", kDate, Want::Text},
    {"publicationDate", kDate, Want::Text},
    {"pub_date", kDate, Want::Text},
    {"work_type", kKind, Want::Text},
    {"publication_type", kKind, Want::Text},
    {"container_title", kVenue, Want::Text},
    {"container-title", kVenue, Want::Text},
    {"journal_name", kVenue, Want::Text},
    {"abstract_text", kAbstract, Want::Text},
    {"abstractText", kAbstract, Want::Text},
    {"landing_page_url", kUrl, Want::Text},
    {"landingPageUrl", kUrl, Want::Text},
    {"doi_url", kDoi, Want::Text},
    {"DOI", kDoi, Want::Text},
    {"oa_url", kPdfUrl, Want::Text},
    {"pdfUrl", kPdfUrl, Want::Text},
    {"cited_by_count", kCitations, Want::Number},
    {"citationCount", kCitations, Want::Number},
    {"citation_count", kCitations, Want::Number},
    {"citations_count", kCitations, Want::Number},
    {"citedByCount", kCitations, Want::Number},
    {"is_oa", kOpenAccess, Want::Bool},
    {"isOpenAccess", kOpenAccess, Want::Bool},
    {"lang", kLanguage, Want::Text},
    {"orcid_id", kOrcid, Want::Text},
    {"ORCID", kOrcid, Want::Text},
    {"display_name_alternatives", kAltLabels, Want::Strings},
    {"aliases", kAltLabels, Want::Strings},
    {"alternative_names", kAltLabels, Want::Strings},
    {"paperCount", kWorksCount, Want::Count},
    {"paper_count", kWorksCount, Want::Count},
    {"worksCount", kWorksCount, Want::Count},
    {"hIndex", kHIndex, Want::Count},
    {"ror_id", kRor, Want::Text},
    {"country_code", kCountry, Want::Text},
    {"countryCode", kCountry, Want::Text},
    {"author_order", kPosition, Want::Count},
    {"is_corresponding", kCorresponding, Want::Bool},
    {"isCorresponding", kCorresponding, Want::Bool},
};

bool fits(const json& v, Want want) {
    switch (want) {
    case Want::Year: {
        json probe = json::object();
        probe[kYear] = v;
        return work_year(probe).has_value();
    }
    case Want::Text: return v.is_string() && !v.get_ref<const std::string&>().empty();
    case Want::Count: return v.is_number_integer() && (v.is_number_unsigned() || v.get<std::int64_t>() >= 0);
    case Want::Number: return v.is_number() && std::isfinite(v.get<double>()) && v.get<double>() >= 0.0;
    case Want::Bool: return v.is_boolean();
    case Want::Strings: return v.is_array();
    }
    return false;
}

} // namespace

const std::vector<Spelling>& other_spellings() {
    static const std::vector<Spelling> all = [] {
        std::vector<Spelling> v;
        for (const Entry& e : kEntries) v.push_back({e.other, e.canonical});
        return v;
    }();
    return all;
}

const char* canonical_for(std::string_view key) {
    for (const Entry& e : kEntries)
        if (key == e.other) return e.canonical;
    return nullptr;
}

void adopt_other_spellings(json& attrs) {
    if (!attrs.is_object()) return;
    for (const Entry& e : kEntries) {
        const auto it = attrs.find(e.other);
        if (it == attrs.end() || attrs.contains(e.canonical) || !fits(*it, e.want)) continue;
        if (e.want == Want::Strings) {
            json names = json::array();
            for (const json& n : *it)
                if (n.is_string() && !n.get_ref<const std::string&>().empty()) names.push_back(n);
            if (!names.empty()) attrs[e.canonical] = std::move(names);
            continue;
        }
        attrs[e.canonical] = *it;
    }
}

} // namespace rgv::attr
