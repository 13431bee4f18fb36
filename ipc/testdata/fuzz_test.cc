// libFuzzer on the generated Kitchen server's dispatch and client's reply
// decoding (kitchen.proto covers every field type). The first bytes pick the
// message id, the payload's place (inline or out of line) and the caps; the
// rest is the payload. Built with -fsanitize=fuzzer,address; `bazel test`
// runs a bounded number of inputs (BUILD: -runs).
#include <stddef.h>
#include <stdint.h>

#include "ipc/fuzz.h"
#include "ipc/testdata/kitchen_server.h"

namespace {

using cairn::Message;
namespace fuzz = cairn::ipc::fuzz;
using idltest::KitchenInterface;

constexpr uint64_t kIds[] = {KitchenInterface::kAddId, KitchenInterface::kMirrorId,
                             KitchenInterface::kFetchId, KitchenInterface::kNothingId,
                             KitchenInterface::kSayId};

idltest::TestKitchen server;

}  // namespace

// The input's layout and the checks are the generated fuzzers' (ipc/fuzz.h);
// here they run against the real TestKitchen handlers instead of a stub.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const fuzz::Input input{data, size};
    Message request;
    if (!fuzz::build_message(input, kIds, sizeof kIds / sizeof kIds[0], request)) return 0;
    fuzz::dispatch(server.target(), request);

    // Client: whatever comes back decodes or fails cleanly.
    idltest::KitchenClient client(1, fuzz::reply_transport(&input));
    idltest::Everything everything;
    idltest::Point point;
    if (data[1] & 0x20)
        (void)client.Fetch(idltest::Small{1}, &everything);
    else
        (void)client.Add(idltest::Point{1, 2}, &point);
    return 0;
}
