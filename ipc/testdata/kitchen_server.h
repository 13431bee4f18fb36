// A Kitchen server for the host tests and the fuzzer: Add sums, Mirror
// returns the request, Fetch fills every field from one number, Nothing
// records the caller's badge; a request with name "fail" answers kPermissionDenied.
#pragma once

#include "ipc/testdata/kitchen.ipc.h"

namespace idltest {

class TestKitchen : public KitchenServer {
public:
    cairn::Status Add(const cairn::ipc::CallContext&, const Point& request, Point* reply) override {
        reply->x = request.x + request.y;
        reply->y = request.x - request.y;
        return cairn::Status::kOk;
    }
    cairn::Status Mirror(const cairn::ipc::CallContext&, const Everything& request,
                         Everything* reply) override {
        if (request.name.size == 4 && __builtin_memcmp(request.name.data, "fail", 4) == 0)
            return cairn::Status::kPermissionDenied;
        *reply = request;
        return cairn::Status::kOk;
    }
    cairn::Status Fetch(const cairn::ipc::CallContext&, const Small& request,
                        Everything* reply) override;
    cairn::Status Nothing(const cairn::ipc::CallContext& context, const Empty&, Empty*) override {
        ++nothings;
        last_badge = context.badge;
        return cairn::Status::kOk;
    }
    cairn::Status Say(const cairn::ipc::CallContext&, const Text& request, Text* reply) override {
        *reply = request;
        return cairn::Status::kOk;
    }
    int nothings = 0;
    uint64_t last_badge = 0;  // the caller's badge as Nothing saw it
};

// Everything filled from `seed` (the blob at its bound: out of line).
inline void fill(Everything& out, uint64_t seed) {
    out.scalars.f_double = 0.5 * static_cast<double>(seed);
    out.scalars.f_float = -1.25f;
    out.scalars.f_int32 = -static_cast<int32_t>(seed);
    out.scalars.f_int64 = -static_cast<int64_t>(seed) * 1000000007;
    out.scalars.f_uint32 = 0xfffffff0u;
    out.scalars.f_uint64 = 0xfedcba9876543210ull ^ seed;
    out.scalars.f_sint32 = -7;
    out.scalars.f_sint64 = -(1ll << 40);
    out.scalars.f_fixed32 = 0x01020304;
    out.scalars.f_fixed64 = 0x0102030405060708ull;
    out.scalars.f_sfixed32 = -2;
    out.scalars.f_sfixed64 = -3;
    out.scalars.f_bool = true;
    out.scalars.color = Color::COLOR_BLUE;
    out.name.assign("kitchen sink");
    out.blob.size = 300;
    for (uint32_t i = 0; i < 300; ++i)
        out.blob.data[i] = static_cast<uint8_t>(i * 7 + seed);
    for (uint32_t i = 0; i < 5; ++i)
        out.numbers.push_back(static_cast<uint32_t>(i + seed));
    out.words.size = 2;
    out.words[0].assign("ab");
    out.words[1].assign("wxyz");
    out.colors.push_back(Color::COLOR_RED);
    out.colors.push_back(Color::COLOR_NONE);
    out.inner.label.assign("inner");
    out.inner.points.push_back(Point{1, 2});
    out.inner.points.push_back(Point{-3, 4});
}

inline cairn::Status TestKitchen::Fetch(const cairn::ipc::CallContext&, const Small& request,
                                        Everything* reply) {
    fill(*reply, request.value);
    return cairn::Status::kOk;
}

}  // namespace idltest
