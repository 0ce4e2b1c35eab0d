// Small string helpers shared by every layer.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace strata::base {

std::string_view Trim(std::string_view s);
std::vector<std::string> SplitWords(std::string_view s);  // on runs of blanks
std::string Join(const std::vector<std::string>& parts, std::string_view sep);
bool StartsWith(std::string_view s, std::string_view prefix);

// Returns the 1-based line of the first invalid byte, or 0 when `s` is valid UTF-8.
int FirstInvalidUtf8Line(std::string_view s);
// The offset of the first byte that starts an invalid UTF-8 sequence, or
// std::string_view::npos when `s` is valid UTF-8.
size_t FirstInvalidUtf8(std::string_view s);

// 1-based line and column of byte `offset` in `text`.
struct TextPosition {
  int line = 1;
  int column = 1;
};
TextPosition PositionOf(std::string_view text, size_t offset);

// PositionOf for a run of offsets into one text: walking on from the last
// offset keeps a splitter linear (PositionOf from the start for each
// statement is quadratic in the file). An offset before the last one starts
// again from the beginning. `text` must outlive the tracker.
class PositionTracker {
 public:
  explicit PositionTracker(std::string_view text) : text_(text) {}
  TextPosition At(size_t offset);

 private:
  std::string_view text_;
  size_t offset_ = 0;
  TextPosition position_;
};

// The first line of a statement, shortened for messages.
std::string FirstLine(std::string_view text, size_t max_chars = 120);

}  // namespace strata::base
