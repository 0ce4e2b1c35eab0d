// The migration checksum: SHA-256 over the file text with a leading UTF-8 BOM
// removed and CRLF turned into LF, so changing line endings is not an edit but
// changing any other byte is. The version is stored in every ledger row so the
// rule can change without invalidating databases migrated under the old one.
#pragma once

#include <string>
#include <string_view>

namespace strata::model {

inline constexpr int kChecksumVersion = 1;

std::string NormalizeForChecksum(std::string_view text);
std::string ComputeChecksum(std::string_view text);
// For text that NormalizeForChecksum already produced.
std::string ChecksumOfNormalized(std::string_view normalized);

}  // namespace strata::model
