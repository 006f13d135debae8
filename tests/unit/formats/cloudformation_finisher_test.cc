#include "formats/cloudformation/cloudformation_finisher.h"

#include <gtest/gtest.h>

#include "finisher_test_support.h"
#include "formats/finish.h"

namespace infragen {
namespace {

using testing::printed;
using testing::rendered;

std::vector<int> lines(int count) {
  std::vector<int> numbers;
  for (int i = 1; i <= count; ++i) numbers.push_back(i);
  return numbers;
}

TEST(CloudFormationFinisher, ConvertsYamlToCanonicalJson) {
  const std::string yaml = R"(Resources:
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      VisibilityTimeout: 30
      FifoQueue: false
      QueueName: !!str 012
      Tags: [{Key: app, Value: "true"}]
Outputs:
  QueueArn:
    Value:
      Fn::GetAtt: [Queue, Arn]
Description: "demo"
AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  Env: {Type: String, Default: ~}
)";
  Diagnostics diagnostics;
  auto out = finish_file(rendered("cloudformation", yaml, lines(16)), diagnostics);
  ASSERT_TRUE(out) << printed(diagnostics);
  EXPECT_EQ(*out, R"({
  "AWSTemplateFormatVersion": "2010-09-09",
  "Description": "demo",
  "Parameters": {
    "Env": {
      "Default": null,
      "Type": "String"
    }
  },
  "Resources": {
    "Queue": {
      "Properties": {
        "FifoQueue": false,
        "QueueName": "012",
        "Tags": [
          {
            "Key": "app",
            "Value": "true"
          }
        ],
        "VisibilityTimeout": 30
      },
      "Type": "AWS::SQS::Queue"
    }
  },
  "Outputs": {
    "QueueArn": {
      "Value": {
        "Fn::GetAtt": [
          "Queue",
          "Arn"
        ]
      }
    }
  }
}
)");
}

TEST(CloudFormationFinisher, AcceptsEveryKindOfValidReference) {
  const std::string yaml = R"(Parameters:
  Env: {Type: String}
Conditions:
  IsProd: {"Fn::Equals": [{Ref: Env}, prod]}
Resources:
  Bucket:
    Type: AWS::S3::Bucket
    Condition: IsProd
    Properties:
      BucketName:
        Fn::Sub: "${AWS::StackName}-${Env}-${!Literal}-${Bucket.Arn}"
  Policy:
    Type: AWS::S3::BucketPolicy
    DependsOn: [Bucket]
    Properties:
      Bucket: {Ref: Bucket}
      Region: {Ref: "AWS::Region"}
      Arn: {"Fn::GetAtt": Bucket.Arn}
      Name:
        Fn::Sub: ["${Prefix}-x", {Prefix: {Ref: Env}}]
      Flag: {"Fn::If": [IsProd, a, b]}
)";
  Diagnostics diagnostics;
  EXPECT_TRUE(finish_file(rendered("cloudformation", yaml, lines(21)), diagnostics));
  EXPECT_EQ(printed(diagnostics), "");
}

TEST(CloudFormationFinisher, DanglingReferencesAreErrorsWithSuggestions) {
  const std::string yaml = R"(Parameters:
  Env: {Type: String}
Resources:
  Bucket:
    Type: AWS::S3::Bucket
  Policy:
    Type: AWS::S3::BucketPolicy
    DependsOn: Buckett
    Condition: IsProd
    Properties:
      A: {Ref: Bucke}
      B: {"Fn::GetAtt": [Queue, Arn]}
      C: {"Fn::Sub": "${Evn}/${Bucket.Arn}/${Nope.Arn}"}
      D: {Ref: "AWS::Regoin"}
)";
  Diagnostics diagnostics;
  EXPECT_FALSE(finish_file(rendered("cloudformation", yaml, lines(14)), diagnostics));
  EXPECT_EQ(printed(diagnostics),
            "tpl/t.mustache:8:16: error: DependsOn names unknown resource 'Buckett'\n"
            "    DependsOn: Buckett\n"
            "               ^\n"
            "  hint: in generated file out/file, line 8 (shown above); did you mean 'Bucket'?\n"
            "tpl/t.mustache:9:16: error: Condition names unknown condition 'IsProd'\n"
            "    Condition: IsProd\n"
            "               ^\n"
            "  hint: in generated file out/file, line 9 (shown above)\n"
            "tpl/t.mustache:11:16: error: Ref to unknown resource or parameter 'Bucke'\n"
            "      A: {Ref: Bucke}\n"
            "               ^\n"
            "  hint: in generated file out/file, line 11 (shown above); did you mean 'Bucket'?\n"
            "tpl/t.mustache:12:26: error: Fn::GetAtt names unknown resource 'Queue'\n"
            "      B: {\"Fn::GetAtt\": [Queue, Arn]}\n"
            "                         ^\n"
            "  hint: in generated file out/file, line 12 (shown above)\n"
            "tpl/t.mustache:13:22: error: Fn::Sub refers to unknown resource or parameter 'Evn'\n"
            "      C: {\"Fn::Sub\": \"${Evn}/${Bucket.Arn}/${Nope.Arn}\"}\n"
            "                     ^\n"
            "  hint: in generated file out/file, line 13 (shown above); did you mean 'Env'?\n"
            "tpl/t.mustache:13:22: error: Fn::Sub refers to unknown resource 'Nope'\n"
            "      C: {\"Fn::Sub\": \"${Evn}/${Bucket.Arn}/${Nope.Arn}\"}\n"
            "                     ^\n"
            "  hint: in generated file out/file, line 13 (shown above)\n"
            "tpl/t.mustache:14:16: error: Ref to unknown resource or parameter 'AWS::Regoin'\n"
            "      D: {Ref: \"AWS::Regoin\"}\n"
            "               ^\n"
            "  hint: in generated file out/file, line 14 (shown above); did you mean "
            "'AWS::Region'?\n"
            "7 errors generated.\n");
}

TEST(CloudFormationFinisher, ConditionsAndMappingsMustExist) {
  const std::string yaml = R"(Parameters:
  Env: {Type: String}
Mappings:
  Names: {dev: {Bucket: b}}
Conditions:
  IsDev: {"Fn::Equals": [{Ref: Env}, dev]}
  Both: {"Fn::And": [{Condition: IsDev}, {Condition: IsProd}]}
Resources:
  Bucket:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: {"Fn::FindInMap": [Name, {Ref: Env}, Bucket]}
      Other: {"Fn::FindInMap": [Names, {Ref: Env}, Bucket]}
      Statement: {Condition: {Bool: {"aws:SecureTransport": "false"}}}
)";
  Diagnostics diagnostics;
  EXPECT_FALSE(finish_file(rendered("cloudformation", yaml, lines(14)), diagnostics));
  EXPECT_EQ(printed(diagnostics),
            "tpl/t.mustache:7:54: error: Condition names unknown condition 'IsProd'\n"
            "  Both: {\"Fn::And\": [{Condition: IsDev}, {Condition: IsProd}]}\n"
            "                                                     ^\n"
            "  hint: in generated file out/file, line 7 (shown above)\n"
            "tpl/t.mustache:12:38: error: Fn::FindInMap names unknown mapping 'Name'\n"
            "      BucketName: {\"Fn::FindInMap\": [Name, {Ref: Env}, Bucket]}\n"
            "                                     ^\n"
            "  hint: in generated file out/file, line 12 (shown above); did you mean 'Names'?\n"
            "2 errors generated.\n");
}

TEST(CloudFormationFinisher, ShortFormTagsAreRefused) {
  Diagnostics diagnostics;
  EXPECT_FALSE(finish_file(rendered("cloudformation",
                                    "Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n"
                                    "      BucketName: !Sub \"${AWS::StackName}\"\n",
                                    lines(5)),
                           diagnostics));
  EXPECT_EQ(printed(diagnostics),
            "tpl/t.mustache:5:19: error: short-form intrinsic '!Sub' is not supported\n"
            "      BucketName: !Sub \"${AWS::StackName}\"\n"
            "                  ^\n"
            "  hint: in generated file out/file, line 5 (shown above); write the long form "
            "'Fn::Sub:'\n"
            "1 error generated.\n");
}

TEST(CloudFormationFinisher, TemplateWithoutResourcesIsAnError) {
  Diagnostics diagnostics;
  EXPECT_FALSE(finish_file(rendered("cloudformation", "Outputs: {}\n", {3}), diagnostics));
  EXPECT_EQ(printed(diagnostics),
            "tpl/t.mustache:3:1: error: a CloudFormation template must be one YAML mapping with a "
            "Resources mapping\n"
            "Outputs: {}\n"
            "^\n"
            "  hint: in generated file out/file, line 1 (shown above)\n"
            "1 error generated.\n");
}

TEST(CloudFormationFinisher, UnknownTopLevelKeysGoLastSorted) {
  nlohmann::json template_json = {{"Zeta", 1},
                                  {"Resources", nlohmann::json::object()},
                                  {"Alpha", 2},
                                  {"Outputs", {{"Url", {{"Value", "x"}}}}}};
  EXPECT_EQ(
      canonical_template_json(template_json),
      "{\n  \"Resources\": {},\n  \"Outputs\": {\n    \"Url\": {\n      \"Value\": \"x\"\n    }\n  "
      "},\n  \"Alpha\": 2,\n  \"Zeta\": 1\n}\n");
}

// A manifest without environments renders `Conditions:` with nothing under it; cfn-lint (E1001)
// and CloudFormation reject a null section, so empty optional sections are left out.
TEST(CloudFormationFinisher, LeavesOutEmptyOptionalSections) {
  const std::string yaml = R"(Parameters: {}
Conditions:
Resources:
  Queue:
    Type: AWS::SQS::Queue
Outputs:
)";
  Diagnostics diagnostics;
  auto out = finish_file(rendered("cloudformation", yaml, lines(6)), diagnostics);
  ASSERT_TRUE(out) << printed(diagnostics);
  EXPECT_EQ(*out, R"({
  "Resources": {
    "Queue": {
      "Type": "AWS::SQS::Queue"
    }
  }
}
)");
}

}  // namespace
}  // namespace infragen
