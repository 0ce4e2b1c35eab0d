#include "model/checksum.h"

#include "base/sha256.h"

namespace strata::model {

std::string NormalizeForChecksum(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') continue;
    out.push_back(text[i]);
  }
  return out;
}

std::string ComputeChecksum(std::string_view text) {
  return base::Sha256Hex(NormalizeForChecksum(text));
}

std::string ChecksumOfNormalized(std::string_view normalized) {
  return base::Sha256Hex(normalized);
}

}  // namespace strata::model
