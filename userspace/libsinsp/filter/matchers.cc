// Compiled comparisons per type family: strings and bytes, numbers, booleans, IP addresses and
// networks, and dynamic values that are either strings or numbers.
#include "userspace/libsinsp/filter/matchers.h"

#include <algorithm>
#include <cstring>
#include <functional>
#include <string>
#include <unordered_set>
#include <vector>

#include "userspace/libsinsp/filter/glob.h"

namespace sinsp::filter {

namespace {

// Lists up to this size are searched linearly; longer ones through a hash set.
constexpr size_t kLinearLimit = 8;

char lower(char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

bool order_holds(Operator op, int three_way) {
    switch (op) {
    case Operator::kEq:
        return three_way == 0;
    case Operator::kNe:
        return three_way != 0;
    case Operator::kLt:
        return three_way < 0;
    case Operator::kLe:
        return three_way <= 0;
    case Operator::kGt:
        return three_way > 0;
    case Operator::kGe:
        return three_way >= 0;
    default:
        return false;
    }
}

// A matcher from a predicate on the value.
template <typename F> class Predicate final : public Matcher {
public:
    explicit Predicate(F f) : f_(std::move(f)) {}
    bool match(const Value& v) const override { return f_(v); }

private:
    F f_;
};

template <typename F> std::unique_ptr<Matcher> predicate(F f) {
    return std::make_unique<Predicate<F>>(std::move(f));
}

// A predicate on the text of string and byte values.
template <typename F> std::unique_ptr<Matcher> on_text(F f) {
    return predicate([f = std::move(f)](const Value& v) { return v.is_text() && f(v.text()); });
}

std::vector<std::string> texts(const TypedCheck& c) {
    std::vector<std::string> out;
    out.reserve(c.constants.size());
    for (const Constant& k : c.constants) {
        out.push_back(k.text);
    }
    return out;
}

// Membership in a list of strings. Not copyable: the hash set views the owned strings.
class StringSet final : public Matcher {
public:
    explicit StringSet(std::vector<std::string> items) : items_(std::move(items)) {
        if (items_.size() > kLinearLimit) {
            set_.reserve(items_.size());
            set_.insert(items_.begin(), items_.end());
        }
    }
    bool match(const Value& v) const override {
        if (!v.is_text()) {
            return false;
        }
        std::string_view t = v.text();
        if (!set_.empty()) {
            return set_.count(t) != 0;
        }
        return std::any_of(items_.begin(), items_.end(),
                           [&](const std::string& s) { return s == t; });
    }

private:
    const std::vector<std::string> items_;
    std::unordered_set<std::string_view> set_;
};

// pmatch: the value is one of the paths or lies below one of them.
class PathPrefixSet final : public Matcher {
public:
    explicit PathPrefixSet(std::vector<std::string> paths) : paths_(std::move(paths)) {
        for (std::string& p : paths_) {
            while (p.size() > 1 && p.back() == '/') {
                p.pop_back();
            }
        }
        set_.insert(paths_.begin(), paths_.end());
    }
    bool match(const Value& v) const override {
        if (!v.is_text()) {
            return false;
        }
        std::string_view t = v.text();
        if (set_.count(t)) {
            return true;
        }
        for (size_t i = 0; i < t.size(); ++i) {
            if (t[i] == '/' && set_.count(t.substr(0, i == 0 ? 1 : i))) {
                return true;
            }
        }
        return false;
    }

private:
    std::vector<std::string> paths_;
    std::unordered_set<std::string_view> set_;
};

// icontains: Boyer-Moore-Horspool over ASCII-lowered bytes. Not copyable: the searcher views
// the needle.
class CaseInsensitiveContains final : public Matcher {
public:
    explicit CaseInsensitiveContains(std::string needle)
        : needle_(std::move(needle)),
          searcher_(needle_.data(), needle_.data() + needle_.size(), Hash(), Equal()) {}
    bool match(const Value& v) const override {
        if (!v.is_text()) {
            return false;
        }
        std::string_view t = v.text();
        const char* end = t.data() + t.size();
        return searcher_(t.data(), end).first != end || needle_.empty();
    }

private:
    struct Hash {
        size_t operator()(char c) const { return static_cast<unsigned char>(lower(c)); }
    };
    struct Equal {
        bool operator()(char a, char b) const { return lower(a) == lower(b); }
    };
    const std::string needle_;
    const std::boyer_moore_horspool_searcher<const char*, Hash, Equal> searcher_;
};

std::unique_ptr<Matcher> string_matcher(const TypedCheck& c) {
    const Operator op = c.op;
    if (takes_list(op)) {
        if (op == Operator::kPMatch) {
            return std::make_unique<PathPrefixSet>(texts(c));
        }
        return std::make_unique<StringSet>(texts(c));
    }
    if (c.constants.size() != 1) {
        return nullptr;
    }
    std::string lit = c.constants[0].text;
    switch (op) {
    case Operator::kEq:
        return on_text([lit](std::string_view t) { return t == lit; });
    case Operator::kNe:
        return on_text([lit](std::string_view t) { return t != lit; });
    case Operator::kLt:
    case Operator::kLe:
    case Operator::kGt:
    case Operator::kGe:
        return on_text([lit, op](std::string_view t) {
            int cmp = t.compare(lit);
            return order_holds(op, cmp < 0 ? -1 : (cmp > 0 ? 1 : 0));
        });
    case Operator::kContains:
    case Operator::kBContains:
        return on_text([lit](std::string_view t) {
            return lit.empty() || memmem(t.data(), t.size(), lit.data(), lit.size()) != nullptr;
        });
    case Operator::kIContains:
        return std::make_unique<CaseInsensitiveContains>(std::move(lit));
    case Operator::kStartsWith:
    case Operator::kBStartsWith:
        return on_text([lit](std::string_view t) { return t.substr(0, lit.size()) == lit; });
    case Operator::kEndsWith:
        return on_text([lit](std::string_view t) {
            return t.size() >= lit.size() && t.substr(t.size() - lit.size()) == lit;
        });
    case Operator::kGlob:
    case Operator::kIGlob: {
        auto glob = std::make_shared<const GlobPattern>(lit, op == Operator::kIGlob);
        return on_text([glob](std::string_view t) { return glob->match(t); });
    }
    default:
        return nullptr;
    }
}

// Membership in a list of numbers.
class NumberSet final : public Matcher {
public:
    explicit NumberSet(std::vector<Number> items) : items_(std::move(items)) {
        if (items_.size() > kLinearLimit) {
            for (const Number& n : items_) {
                if (n.kind == Number::Kind::kUint) {
                    uints_.insert(n.u);
                } else if (n.kind == Number::Kind::kInt) {
                    ints_.insert(n.i);
                } else {
                    doubles_.push_back(n);
                }
            }
            hashed_ = true;
        }
    }
    bool match(const Value& v) const override {
        std::optional<Number> x = number_of(v);
        if (!x) {
            return false;
        }
        if (hashed_ && x->kind != Number::Kind::kDouble) {
            if (x->kind == Number::Kind::kUint ? uints_.count(x->u) != 0 : ints_.count(x->i) != 0) {
                return true;
            }
            return equal_any(doubles_, *x);
        }
        return equal_any(items_, *x);
    }

private:
    static bool equal_any(const std::vector<Number>& list, const Number& x) {
        return std::any_of(list.begin(), list.end(), [&](const Number& n) {
            std::optional<int> cmp = compare_numbers(x, n);
            return cmp && *cmp == 0;
        });
    }

    std::vector<Number> items_;
    bool hashed_ = false;
    std::unordered_set<uint64_t> uints_;
    std::unordered_set<int64_t> ints_;
    std::vector<Number> doubles_;
};

std::unique_ptr<Matcher> number_matcher(const TypedCheck& c) {
    std::vector<Number> numbers;
    for (const Constant& k : c.constants) {
        if (!k.number) {
            return nullptr;
        }
        numbers.push_back(*k.number);
    }
    if (takes_list(c.op)) {
        return std::make_unique<NumberSet>(std::move(numbers));
    }
    if (numbers.size() != 1) {
        return nullptr;
    }
    Number lit = numbers[0];
    Operator op = c.op;
    return predicate([lit, op](const Value& v) {
        std::optional<Number> x = number_of(v);
        if (!x) {
            return false;
        }
        std::optional<int> cmp = compare_numbers(*x, lit);
        return cmp && order_holds(op, *cmp);
    });
}

// = != in intersects on a list of items, with an equality of the item type.
template <typename T, typename Eq>
std::unique_ptr<Matcher> equality_matcher(Operator op, std::vector<T> items, Eq eq) {
    bool negate = op == Operator::kNe;
    return predicate([items = std::move(items), eq, negate](const Value& v) {
        std::optional<bool> hit;
        for (const T& item : items) {
            std::optional<bool> one = eq(v, item);
            if (!one) {
                return false; // wrong kind of value
            }
            if (*one) {
                hit = true;
                break;
            }
            hit = false;
        }
        return hit.has_value() && *hit != negate;
    });
}

std::unique_ptr<Matcher> bool_matcher(const TypedCheck& c) {
    std::vector<bool> items;
    for (const Constant& k : c.constants) {
        items.push_back(k.boolean);
    }
    return equality_matcher(c.op, std::move(items), [](const Value& v, bool b) {
        std::optional<bool> out;
        if (v.kind() == Value::Kind::kBool) {
            out = v.boolean() == b;
        } else if (std::optional<Number> n = number_of(v)) {
            out = (n->as_double() != 0) == b;
        }
        return out;
    });
}

std::unique_ptr<Matcher> ip_matcher(const TypedCheck& c) {
    std::vector<IpAddress> items;
    for (const Constant& k : c.constants) {
        items.push_back(k.ip);
    }
    return equality_matcher(c.op, std::move(items), [](const Value& v, const IpAddress& a) {
        std::optional<bool> out;
        if (v.kind() == Value::Kind::kIpAddr) {
            out = v.ip() == a;
        }
        return out;
    });
}

std::unique_ptr<Matcher> network_matcher(const TypedCheck& c) {
    std::vector<IpNetwork> items;
    for (const Constant& k : c.constants) {
        items.push_back(k.network);
    }
    return equality_matcher(c.op, std::move(items), [](const Value& v, const IpNetwork& n) {
        std::optional<bool> out;
        if (v.kind() == Value::Kind::kIpAddr) {
            out = n.contains(v.ip());
        }
        return out;
    });
}

// Dynamic fields: string comparison on text values, numeric comparison on numbers.
class DynamicMatcher final : public Matcher {
public:
    DynamicMatcher(std::unique_ptr<Matcher> text, std::unique_ptr<Matcher> number)
        : text_(std::move(text)), number_(std::move(number)) {}
    bool match(const Value& v) const override {
        if (v.is_text()) {
            return text_ && text_->match(v);
        }
        return number_ && number_->match(v);
    }

private:
    std::unique_ptr<Matcher> text_;
    std::unique_ptr<Matcher> number_;
};

} // namespace

std::unique_ptr<Matcher> make_matcher(const TypedCheck& c) {
    if (c.op == Operator::kExists) {
        return nullptr;
    }
    switch (c.field.type) {
    case FieldType::kString:
    case FieldType::kBytes:
        return string_matcher(c);
    case FieldType::kBool:
        return bool_matcher(c);
    case FieldType::kIpAddr:
        return ip_matcher(c);
    case FieldType::kIpNet:
        return network_matcher(c);
    case FieldType::kDynamic: {
        bool numeric_op = default_operators(FieldType::kInt64).contains(c.op);
        return std::make_unique<DynamicMatcher>(string_matcher(c),
                                                numeric_op ? number_matcher(c) : nullptr);
    }
    default:
        return number_matcher(c);
    }
}

} // namespace sinsp::filter
