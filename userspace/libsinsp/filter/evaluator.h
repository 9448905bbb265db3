// The evaluator: a tree of nodes that and/or/not with short circuits, and checks that call the
// Extractor once each and run their Matcher on the values.
#pragma once

#include <memory>
#include <vector>

#include "sinsp/filter/extractor.h"
#include "userspace/libsinsp/filter/matchers.h"

namespace sinsp::filter {

struct EvalContext {
    Extractor& extractor;
    ValueList& values; // scratch, cleared by each check
};

class Node {
public:
    virtual ~Node() = default;
    virtual bool eval(EvalContext& ctx) const = 0;
};

class AndNode final : public Node {
public:
    explicit AndNode(std::vector<std::unique_ptr<Node>> children)
        : children_(std::move(children)) {}
    bool eval(EvalContext& ctx) const override;

private:
    std::vector<std::unique_ptr<Node>> children_;
};

class OrNode final : public Node {
public:
    explicit OrNode(std::vector<std::unique_ptr<Node>> children) : children_(std::move(children)) {}
    bool eval(EvalContext& ctx) const override;

private:
    std::vector<std::unique_ptr<Node>> children_;
};

class NotNode final : public Node {
public:
    explicit NotNode(std::unique_ptr<Node> child) : child_(std::move(child)) {}
    bool eval(EvalContext& ctx) const override { return !child_->eval(ctx); }

private:
    std::unique_ptr<Node> child_;
};

// One check. A field without a value makes it false (`exists` included). Several values
// (kAnyOf, kList) make it true when one satisfies the matcher, except `in` on a kList field,
// which needs every value in the list.
class CheckNode final : public Node {
public:
    CheckNode(BoundField field, Operator op, std::unique_ptr<Matcher> matcher);
    bool eval(EvalContext& ctx) const override;

private:
    BoundField field_;
    std::unique_ptr<Matcher> matcher_; // null for exists
    bool every_value_;
};

// The root of a compiled filter and its scratch space.
class Evaluator {
public:
    explicit Evaluator(std::unique_ptr<Node> root) : root_(std::move(root)) {}
    bool evaluate(Extractor& extractor) {
        EvalContext ctx{extractor, values_};
        return root_->eval(ctx);
    }

private:
    std::unique_ptr<Node> root_;
    ValueList values_;
};

} // namespace sinsp::filter
