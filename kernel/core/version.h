#pragma once

namespace kernel {

inline constexpr const char kOsName[] = "Cairn";
inline constexpr const char kOsVersion[] = "0.1.0";

}  // namespace kernel
