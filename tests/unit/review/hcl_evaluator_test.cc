#include <gtest/gtest.h>

#include "formats/hcl/parser.h"
#include "review/hcl_evaluator.h"

namespace infragen::review {
namespace {

using nlohmann::json;

// Parses `x = EXPRESSION` and evaluates / renders the expression in `scope`.
class Expr {
 public:
  explicit Expr(std::string expression) : source_("x = " + std::move(expression) + "\n") {
    result_ = hcl::parse_hcl(source_);
  }
  const hcl::Expression& get() const { return *result_.file.body.attributes.at(0).value; }
  std::optional<json> value(HclScope scope) const {
    scope.source = source_;
    return evaluate(get(), scope);
  }
  std::string text(HclScope scope) const {
    scope.source = source_;
    return render(get(), scope);
  }

 private:
  std::string source_;
  hcl::ParseResult result_;
};

json variables() {
  return json::parse(R"({"env": "prod", "services": {"vote": {"cpu": 256, "autoscale": null}},
                         "cidrs": ["10.0.0.0/20", "10.0.16.0/20"], "alarms": null})");
}

TEST(HclEvaluator, VariablesIndexesAndConditionals) {
  json vars = variables();
  HclScope scope;
  scope.variables = &vars;
  EXPECT_EQ(Expr(R"(var.services["vote"].cpu)").value(scope), json(256));
  EXPECT_EQ(Expr("var.alarms != null ? 1 : 0").value(scope), json(0));
  EXPECT_EQ(Expr("length(var.cidrs)").value(scope), json(2));
  EXPECT_EQ(Expr(R"("${var.env}-db")").value(scope), json("prod-db"));
  EXPECT_EQ(Expr("1 + (var.env == \"prod\" ? 1 : 0) + 2").value(scope), json(4));
  EXPECT_EQ(Expr("!true").value(scope), json(false));
  EXPECT_EQ(Expr("var.missing").value(scope), std::nullopt);
}

TEST(HclEvaluator, TryFallsBackOnlyWhenTheTraversalFailsOnKnownValues) {
  json vars = variables();
  HclScope scope;
  scope.variables = &vars;
  EXPECT_EQ(Expr(R"(try(var.services["vote"].autoscale.cpu, null))").value(scope), json(nullptr));
  EXPECT_EQ(Expr(R"(try(var.services["vote"].cpu, null))").value(scope), json(256));
  EXPECT_EQ(Expr("try(aws_lb.main.arn, null)").value(scope), std::nullopt);
  EXPECT_EQ(Expr(R"(can(var.services["nope"]))").value(scope), json(false));
}

TEST(HclEvaluator, LocalsCountIndexAndResourceCounts) {
  json vars = variables();
  HclScope scope;
  scope.variables = &vars;
  scope.local = [](const std::string& name) -> std::optional<json> {
    if (name == "names") return json{{"db", "voting-prod-db"}};
    return std::nullopt;
  };
  scope.resource_count = [](const std::string& address) -> std::optional<int> {
    return address == "aws_subnet.public" ? std::optional<int>(3) : std::nullopt;
  };
  scope.count_index = 1;
  EXPECT_EQ(Expr(R"("${local.names.db}-${count.index + 1}")").value(scope),
            json("voting-prod-db-2"));
  EXPECT_EQ(Expr("var.cidrs[count.index]").value(scope), json("10.0.16.0/20"));
  EXPECT_EQ(Expr("length(aws_subnet.public)").value(scope), json(3));
  EXPECT_EQ(Expr("length(aws_subnet.private)").value(scope), std::nullopt);
}

TEST(HclEvaluator, RenderKeepsUnknownPartsAndFillsKnownOnes) {
  json vars = variables();
  HclScope scope;
  scope.variables = &vars;
  scope.count_index = 0;
  EXPECT_EQ(Expr("aws_subnet.public[count.index].id").text(scope), "aws_subnet.public[0].id");
  EXPECT_EQ(Expr(R"("${aws_lb.main.arn}/${var.env}")").text(scope), R"("${aws_lb.main.arn}/prod")");
  EXPECT_EQ(Expr("[aws_security_group.db.id, var.env]").text(scope),
            R"([aws_security_group.db.id, "prod"])");
  EXPECT_EQ(Expr(R"({ a = 1, "b-c" = [true, null] })").text(scope),
            R"({ a = 1, "b-c" = [true, null] })");
}

}  // namespace
}  // namespace infragen::review
