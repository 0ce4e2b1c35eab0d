// SHA-256 through OpenSSL's libcrypto, as lower-case hex.
#pragma once

#include <string>
#include <string_view>

namespace strata::base {

std::string Sha256Hex(std::string_view data);

}  // namespace strata::base
