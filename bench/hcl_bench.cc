// Parse + format throughput of the HCL finisher on a large generated Terraform file.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "formats/hcl/hcl_format.h"

namespace {

// A deterministic pseudo-random source, so the generated file is the same on every machine.
class Dice {
 public:
  unsigned roll(unsigned sides) {
    state_ = state_ * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<unsigned>(state_ >> 33) % sides;
  }
  template <typename T, std::size_t N>
  const T& pick(const T (&options)[N]) {
    return options[roll(N)];
  }

 private:
  unsigned long long state_ = 42;
};

// One resource-like unit of realistic Terraform in untidy layout: uneven `=` spacing and
// indentation, comments, nested blocks, objects, for expressions, templates and heredocs.
std::string untidy_unit(Dice& dice, int index) {
  static const char* const kEquals[] = {"=", " = ", "  =  ", " =", "= "};
  static const char* const kIndent[] = {"", " ", "  ", "    ", "\t"};
  auto eq = [&] { return std::string(dice.pick(kEquals)); };
  auto in = [&] { return std::string(dice.pick(kIndent)); };
  std::string s;
  s += fmt::format("# unit {} ------------------------------------------------\n", index);
  s += fmt::format("resource \"aws_instance\" \"web_{}\" {{\n", index);
  s += in() + "ami" + eq() + "data.aws_ami.ubuntu.id\n";
  s += in() + "instance_type" + eq() + "var.size == \"large\" ? \"m5.large\":\"t3.micro\"\n";
  s +=
      in() + "subnet_id" + eq() + fmt::format("aws_subnet.private[{}].id # placement\n", index % 3);
  s += in() + "vpc_security_group_ids" + eq() + "[aws_security_group.web.id,var.extra_sg ]\n";
  s += in() + "user_data" + eq() + "<<-EOT\n    #!/bin/bash\n    echo \"unit " +
       std::to_string(index) + " ${var.env}\"\n    EOT\n";
  s += in() + "tags" + eq() + "merge(local.tags, {\n";
  s += in() + "  Name" + eq() + fmt::format("\"web-{}-${{var.env}}\"\n", index);
  s += in() + "  Index" + eq() + fmt::format("{}\n", index);
  s += in() + "  \"kubernetes.io/role\"" + eq() + "\"node\"\n";
  s += in() + "})\n";
  s += in() + "root_block_device {\n";
  s += in() + "  volume_size" + eq() + fmt::format("{}\n", 20 + index % 50);
  s += in() + "  encrypted" + eq() + "true /* always */\n";
  s += in() + "}\n";
  s += in() + "lifecycle {ignore_changes=[tags[\"Updated\"],ami]}\n";
  s += "}\n\n";
  s += fmt::format("locals {{\n  by_name_{}={{for k,v in var.items: k=>v.id if v.enabled}}\n",
                   index);
  s += fmt::format("  ids_{} = [ for s in aws_subnet.private : s.id ]\n", index);
  s += fmt::format("  label_{} = \"%{{ if var.x }}x-${{var.y}}%{{ else }}none%{{ endif }}\"\n",
                   index);
  s += fmt::format("  math_{}=(var.a+{})*2-var.b/4\n}}\n\n", index, index);
  return s;
}

std::string generate(std::size_t target_bytes) {
  Dice dice;
  std::string text;
  text.reserve(target_bytes + 4096);
  for (int index = 0; text.size() < target_bytes; ++index) text += untidy_unit(dice, index);
  return text;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::cerr << "hcl_bench: cannot read " << path << "\n";
    std::exit(2);
  }
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

void write_file(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  if (!out) {
    std::cerr << "hcl_bench: cannot write " << path << "\n";
    std::exit(2);
  }
}

void usage() {
  std::cerr << "usage: hcl_bench [--generate FILE] [--megabytes N] [--formatted-out FILE] "
               "[--runs N] [INPUT.tf]\n"
               "  Without INPUT, formats a generated file of N MB (default 10).\n"
               "  --generate writes the generated input and exits.\n";
}

}  // namespace

int main(int argc, char** argv) {
  std::string input_path, generate_path, formatted_path;
  double megabytes = 10;
  int runs = 3;
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) {
        usage();
        std::exit(2);
      }
      return argv[++i];
    };
    if (arg == "--generate") {
      generate_path = value();
    } else if (arg == "--megabytes") {
      megabytes = std::atof(value().c_str());
    } else if (arg == "--formatted-out") {
      formatted_path = value();
    } else if (arg == "--runs") {
      runs = std::max(1, std::atoi(value().c_str()));
    } else if (arg.starts_with("-")) {
      usage();
      return 2;
    } else {
      input_path = std::string(arg);
    }
  }

  const std::string input = input_path.empty()
                                ? generate(static_cast<std::size_t>(megabytes * 1024 * 1024))
                                : read_file(input_path);
  if (!generate_path.empty()) {
    write_file(generate_path, input);
    return 0;
  }

  double best_seconds = 1e300;
  infragen::hcl::FormatResult result;
  for (int run = 0; run < runs; ++run) {
    auto start = std::chrono::steady_clock::now();
    result = infragen::hcl::format_hcl(input);
    std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
    best_seconds = std::min(best_seconds, elapsed.count());
  }
  if (!result.ok()) {
    const auto& e = result.errors.front();
    std::cerr << "hcl_bench: input does not parse: " << e.line << ":" << e.column << ": "
              << e.message << "\n";
    return 1;
  }
  if (!formatted_path.empty()) write_file(formatted_path, result.formatted);
  const double mb = static_cast<double>(input.size()) / (1024.0 * 1024.0);
  std::cout << fmt::format(
      "infragen format_hcl: {:.1f} MB in {:.3f} s (best of {}) = {:.1f} MB/s\n", mb, best_seconds,
      runs, mb / best_seconds);
  return 0;
}
